package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ColorsTest {

    @Test
    @DisplayName("no series colour is too close to white: contrast >= 3:1 on the white page (WCAG's minimum for graphics)")
    void paletteIsVisibleOnWhite() {
        for (String c : Colors.CYCLE) {
            assertTrue(Colors.contrast(c, "#ffffff") >= 3, c + ": contrast " + Colors.contrast(c, "#ffffff"));
        }
        assertEquals(Colors.CYCLE.length, new HashSet<>(List.of(Colors.CYCLE)).size(), "ten different colours");
    }

    @Test
    @DisplayName("contrast follows WCAG 2: 21 for black on white, 1 for a colour with itself")
    void contrastRatio() {
        assertEquals(21, Colors.contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1, Colors.contrast("#1f77b4", "#1f77b4"), 1e-9);
    }

    @Test
    @DisplayName("the count maps run light to dark, the same in the SVG and in Plotly's colour scale")
    void countMaps() {
        assertTrue(Colors.contrast(Colors.hex(Colors.map("Reds", 0)), "#ffffff") < 1.3, "few errors: light");
        assertTrue(Colors.contrast(Colors.hex(Colors.map("Reds", 1)), "#ffffff") > 7, "many errors: dark");
        assertEquals(List.of(1.0, "#005a32"), Colors.plotlyScale("Greens").get(4));
        var e = assertThrows(IllegalArgumentException.class, () -> Colors.map("Jet", 0.5));
        assertEquals("Colors.map: expected \"Viridis\", \"Reds\", \"Greens\" or \"Classes\" but was \"Jet\".\n"
                + "Hint: the names are case-sensitive.", e.getMessage());
    }
}
