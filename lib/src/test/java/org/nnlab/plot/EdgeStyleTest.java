package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EdgeStyleTest {

    @Test
    @DisplayName("a width of NaN points to a division by a largest |weight| of 0")
    void nanWidth() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EdgeStyle(EdgeStyle.RED, Double.NaN));
        assertEquals("EdgeStyle: expected a finite width >= 0 but was NaN.\n"
                + "Hint: a width of NaN or infinity often comes from dividing by a largest |weight| of 0.", e.getMessage());
    }

    @Test
    @DisplayName("a negative width points to the signed weight used instead of |weight|")
    void negativeWidth() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EdgeStyle(EdgeStyle.BLUE, -1.5));
        assertEquals("EdgeStyle: expected a finite width >= 0 but was -1.5.\n"
                + "Hint: a width comes from the magnitude |weight| (Math.abs), not from the signed weight.", e.getMessage());
    }

    @Test
    @DisplayName("a missing colour names the two colours of the slides")
    void noColour() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EdgeStyle(null, 1));
        assertEquals("EdgeStyle: expected a colour such as EdgeStyle.RED but was null.\n"
                + "Hint: positive weights are EdgeStyle.RED, negative ones EdgeStyle.BLUE.", e.getMessage());
    }
}
