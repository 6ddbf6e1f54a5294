package org.nnlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import tech.tablesaw.api.Table;

class ConfusionMatrixTest {

    // actual:    0 0 0 1 1 2
    // predicted: 0 0 1 1 2 2
    private final ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 1, 1, 2}, 3);

    @Test
    void countsActualByPredicted() {
        assertEquals(2, cm.count(0, 0));
        assertEquals(1, cm.count(0, 1));
        assertEquals(1, cm.count(1, 2));
        assertEquals(0, cm.count(2, 0));
        assertEquals(6, cm.total());
        assertEquals(4.0 / 6, cm.accuracy(), 1e-15);
        assertArrayEquals(new double[] {2.0 / 3, 0.5, 1.0}, cm.perClassAccuracy(), 1e-15);
    }

    @Test
    void printsATable() {
        String expected = "actual \\ predicted (6 samples, accuracy 66.67%)\n"
                + "       0 1 2   accuracy\n"
                + "     0 2 1 0     66.67%\n"
                + "     1 0 1 1     50.00%\n"
                + "     2 0 0 1    100.00%\n";
        assertEquals(expected, cm.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void exportsATablesawTable() {
        Table t = cm.toTable();
        assertEquals(5, t.columnCount());
        assertEquals(3, t.rowCount());
        assertEquals(1, t.intColumn("2").get(1));
        assertEquals(0.5, t.doubleColumn("accuracy").get(1), 1e-15);
    }

    @Test
    void fromArrays() {
        var c = ConfusionMatrix.of(Nd4j.createFromArray(new double[][] {{0.2}, {0.7}}),
                Nd4j.createFromArray(new double[][] {{1}, {1}}));
        assertEquals(2, c.numClasses());
        assertEquals(1, c.count(1, 0));
        assertEquals(1, c.count(1, 1));
    }

    @Test
    void invalidIndicesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3));
        assertEquals("ConfusionMatrix.of: expected class indices in [0, 3) but was predicted 3, actual 0 at 0.\n"
                + "Hint: pass the number of classes of the problem.", e.getMessage());
    }
}
