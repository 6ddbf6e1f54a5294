package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetTest {

    /** Sample i has features (i, 10 i) and label i: a row can be traced through every operation. */
    private static Dataset numbered(int n) {
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
            x[i][1] = 10 * i;
            y[i][0] = i;
        }
        return Dataset.of(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
    }

    private static double[] labelColumn(Dataset d) {
        return d.labels().dup().data().asDouble();
    }

    private static void assertRowsStayTogether(Dataset d) {
        for (int i = 0; i < d.size(); i++) {
            assertEquals(d.labels().getDouble(i, 0), d.features().getDouble(i, 0));
            assertEquals(10 * d.labels().getDouble(i, 0), d.features().getDouble(i, 1));
        }
    }

    @Test
    void sizeAndToString() {
        Dataset d = numbered(5);
        assertEquals(5, d.size());
        assertEquals("Dataset(5 samples, features [5, 2], labels [5, 1])", d.toString());
    }

    @Test
    @DisplayName("features and labels with different numbers of rows are explained")
    void rowMismatch() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Nd4j.zeros(5, 2), Nd4j.zeros(4, 1)));
        assertEquals("Dataset: expected as many label rows as feature rows (5) but was 4 label rows (features [5, 2],"
                + " labels [4, 1]).\nHint: row i of the labels is the target of row i of the features; check that"
                + " both come from the same samples.", e.getMessage());
    }

    @Test
    void rankOneLabelsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(Nd4j.zeros(5, 2), Nd4j.zeros(5)));
        assertTrue(e.getMessage().startsWith("Dataset: expected labels of shape [n, k] but was an array of shape [5]."),
                e.getMessage());
        assertTrue(e.getMessage().contains("labels.reshape(n, 1)"));
        e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(null, Nd4j.zeros(5, 1)));
        assertTrue(e.getMessage().startsWith("Dataset: expected features [n, d] (an INDArray) but was null."));
    }

    @Test
    void sliceIsAViewOfRows() {
        Dataset s = numbered(10).slice(3, 6);
        assertArrayEquals(new double[] {3, 4, 5}, labelColumn(s));
        assertRowsStayTogether(s);
        var e = assertThrows(IllegalArgumentException.class, () -> numbered(10).slice(4, 11));
        assertEquals("Dataset.slice: expected 0 <= from <= to <= 10 but was from = 4, to = 11.\n"
                + "Hint: rows are numbered 0 to size() - 1 and 'to' is exclusive.", e.getMessage());
    }

    @Test
    void shuffleIsAPermutationDeterminedByTheSeed() {
        Dataset a = numbered(20).shuffle(7);
        Dataset b = numbered(20).shuffle(7);
        Dataset c = numbered(20).shuffle(8);
        assertArrayEquals(labelColumn(a), labelColumn(b));
        assertFalse(Arrays.equals(labelColumn(a), labelColumn(c)));
        double[] sorted = labelColumn(a).clone();
        Arrays.sort(sorted);
        assertArrayEquals(labelColumn(numbered(20)), sorted);
        assertRowsStayTogether(a);
    }

    @Test
    void shuffleKeepsImagesWhole() {
        INDArray images = Nd4j.arange(0, 4 * 2 * 3 * 3).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .reshape(4, 2, 3, 3);
        Dataset d = Dataset.of(images, Nd4j.arange(0, 4).castTo(images.dataType()).reshape(4, 1)).shuffle(3);
        assertArrayEquals(new long[] {4, 2, 3, 3}, d.features().shape());
        for (int i = 0; i < 4; i++) {
            int original = (int) d.labels().getDouble(i, 0);
            assertEquals(images.get(org.nd4j.linalg.indexing.NDArrayIndex.point(original)),
                    d.features().get(org.nd4j.linalg.indexing.NDArrayIndex.point(i)));
        }
    }

    @Test
    void splitCutsAtTheFraction() {
        Split split = numbered(10).split(0.8, 1);
        assertEquals(8, split.train().size());
        assertEquals(2, split.test().size());
        double[] all = new double[10];
        System.arraycopy(labelColumn(split.train()), 0, all, 0, 8);
        System.arraycopy(labelColumn(split.test()), 0, all, 8, 2);
        Arrays.sort(all);
        assertArrayEquals(labelColumn(numbered(10)), all);
        var e = assertThrows(IllegalArgumentException.class, () -> numbered(10).split(1.0, 1));
        assertTrue(e.getMessage().startsWith("Dataset.split: expected a fraction strictly between 0 and 1 but was 1.0."));
    }

    @Test
    @DisplayName("batches cover every sample once, the tail batch included")
    void batchesIncludeTheTail() {
        Dataset d = numbered(10);
        List<Integer> sizes = new ArrayList<>();
        List<Double> seen = new ArrayList<>();
        for (Dataset batch : d.batches(4, 42)) {
            sizes.add(batch.size());
            assertRowsStayTogether(batch);
            for (double v : labelColumn(batch)) {
                seen.add(v);
            }
        }
        assertEquals(List.of(4, 4, 2), sizes);
        assertEquals(3, d.batchCount(4));
        assertEquals(10, seen.stream().distinct().count());
        assertNotEquals(List.of(0.0, 1.0, 2.0, 3.0), seen.subList(0, 4));
        List<Double> inOrder = new ArrayList<>();
        for (Dataset batch : d.batches(3)) {
            for (double v : labelColumn(batch)) {
                inOrder.add(v);
            }
        }
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), inOrder);
        var e = assertThrows(IllegalArgumentException.class, () -> d.batches(0, 1));
        assertTrue(e.getMessage().startsWith("Dataset.batches: expected a batch size > 0 but was 0.\nHint:"));
    }

    @Test
    @DisplayName("shuffled batches are the batches of the shuffled dataset, gathered row by row from any layout")
    void shuffledBatchesAreGatheredRows() {
        Dataset d = numbered(23);
        List<Dataset> expected = new ArrayList<>();
        d.shuffle(42).batches(5).forEach(expected::add);
        List<Dataset> batches = new ArrayList<>();
        d.batches(5, 42).forEach(batches::add);
        assertEquals(expected.size(), batches.size());
        for (int i = 0; i < batches.size(); i++) {
            assertEquals(expected.get(i).features(), batches.get(i).features());
            assertEquals(expected.get(i).labels(), batches.get(i).labels());
        }
        // sources that are a view into a larger array, in Fortran order, or float32: rows still travel whole
        Dataset view = numbered(30).slice(7, 19);
        Dataset fortran = Dataset.of(d.features().dup('f'), d.labels().dup('f'));
        Dataset single = Dataset.of(d.features().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT),
                d.labels().castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        for (Dataset source : List.of(view, fortran, single)) {
            List<Double> seen = new ArrayList<>();
            for (Dataset batch : source.batches(5, 3)) {
                assertEquals('c', batch.features().ordering());
                assertRowsStayTogether(batch);
                for (double v : labelColumn(batch)) {
                    seen.add(v);
                }
            }
            List<Double> sorted = new ArrayList<>(seen);
            sorted.sort(null);
            List<Double> all = new ArrayList<>();
            for (double v : labelColumn(source)) {
                all.add(v);
            }
            assertEquals(all, sorted, "every sample once");
            assertNotEquals(all, seen, "in a shuffled order");
        }
    }

    @Test
    @DisplayName("reused batches hold the same samples as new ones, in two arrays (and two for a smaller tail)")
    void reusedBatchesShareTheirArrays() {
        Dataset d = numbered(23);
        List<double[]> expected = new ArrayList<>();
        d.batches(5, 9).forEach(b -> expected.add(labelColumn(b)));
        List<INDArray> arrays = new ArrayList<>();
        int i = 0;
        for (Dataset batch : d.reusedBatches(5, 9)) {
            assertArrayEquals(expected.get(i++), labelColumn(batch), "batch " + i);
            assertRowsStayTogether(batch);
            arrays.add(batch.features());
        }
        assertEquals(5, i);
        assertTrue(arrays.get(0) == arrays.get(3), "the full batches are gathered into one array");
        assertArrayEquals(new long[] {3, 2}, arrays.get(4).shape());
        var e = assertThrows(IllegalArgumentException.class, () -> d.reusedBatches(-1, 1));
        assertTrue(e.getMessage().startsWith("Dataset.reusedBatches: expected a batch size > 0 but was -1."));
    }

    @Test
    void classLabelsAreRecognised() {
        assertTrue(Dataset.of(Nd4j.zeros(3, 2), Nd4j.createFromArray(new double[][] {{0}, {1}, {1}}))
                .hasClassLabels());
        assertTrue(Dataset.of(Nd4j.zeros(2, 2), Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}}))
                .hasClassLabels());
        assertFalse(Dataset.of(Nd4j.zeros(2, 2), Nd4j.createFromArray(new double[][] {{1, 1}, {1, 0}}))
                .hasClassLabels());
        assertFalse(Dataset.of(Nd4j.zeros(2, 2), Nd4j.createFromArray(new double[][] {{0.5}, {1}}))
                .hasClassLabels());
    }

    @Test
    void selectPicksRows() {
        Dataset s = numbered(5).select(new int[] {4, 0, 4});
        assertArrayEquals(new double[] {4, 0, 4}, labelColumn(s));
        var e = assertThrows(IllegalArgumentException.class, () -> numbered(5).select(new int[] {5}));
        assertTrue(e.getMessage().startsWith("Dataset.select: expected row indices in [0, 5) but was 5."));
    }
}
