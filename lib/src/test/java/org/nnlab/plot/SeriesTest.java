package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    @DisplayName("mismatched sizes are explained the library's way: expected, received, a hint")
    void mismatchesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Series.Line("loss", new double[] {1, 2},
                new double[] {1}, Series.Mode.LINES, null, false));
        assertEquals("Series.Line: expected as many x as y values but was 2 x and 1 y values.\n"
                + "Hint: pair each x with its y, e.g. steps and losses.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Series.Heatmap("z", new double[] {0, 1, 2},
                new double[] {0, 1}, new double[][] {{1, 2}, {3, 4}}, 0, 1));
        assertEquals("Series.Heatmap: expected z of shape [2][3] (rows = y, columns = x) but was [2][2].\n"
                + "Hint: z[i][j] is the value at (x[j], y[i]): one row per y value.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Series.Bars("p", new String[] {"a"},
                new double[] {1, 2}, null));
        assertEquals("Series.Bars: expected as many labels (and colours) as values but was 1 labels, no colours and"
                + " 2 values.\nHint: one label per bar; pass null for the colours to use the first series colour.",
                e.getMessage());
    }
}
