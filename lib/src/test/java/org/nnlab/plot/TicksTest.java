package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    @DisplayName("epochs 1..3 tick at 1, 2, 3, not at 1.2, 1.4")
    void integerDataGetWholeTicks() {
        assertArrayEquals(new double[] {1, 2, 3}, Ticks.values(0.9, 3.1, true));
        assertEquals(1, Ticks.step(1, 3, true));
        assertEquals(0.5, Ticks.step(1, 3, false), "real-valued data keep the finer ticks");
    }

    @Test
    @DisplayName("large whole-numbered ranges keep round steps (steps 0..2000 every 500)")
    void largeRanges() {
        assertEquals(500, Ticks.step(0, 2000, true));
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1}, Ticks.values(0, 1, false), 1e-12);
    }

    @Test
    @DisplayName("integers: all finite values whole, at least one")
    void integersDetection() {
        assertTrue(Ticks.integers(new double[] {1, 2, Double.NaN}));
        assertFalse(Ticks.integers(new double[] {1, 2.5}));
        assertFalse(Ticks.integers(new double[] {Double.NaN}));
    }
}
