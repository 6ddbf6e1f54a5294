package org.nnlab.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NearestNeighbourTest {

    // class 0 at (1, 0), class 1 at (10, 10), class 2 at (0, 3)
    private final INDArray train = Nd4j.createFromArray(new double[][] {{1, 0}, {10, 10}, {0, 3}});
    private final INDArray oneHot = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    @Test
    void euclideanPicksTheClosestPoint() {
        var knn = new NearestNeighbour(Metric.EUCLIDEAN).fit(train, oneHot);
        INDArray queries = Nd4j.createFromArray(new double[][] {{2, 0}, {8, 9}, {0, 2}, {4, 4}});
        assertArrayEquals(new int[] {0, 1, 2, 2}, knn.predict(queries));
        assertArrayEquals(new int[] {0, 1, 2, 2}, knn.nearest(queries));
    }

    @Test
    @DisplayName("cosine similarity looks at the direction, not the length")
    void cosinePicksTheSmallestAngle() {
        var knn = new NearestNeighbour(Metric.COSINE).fit(train, Nd4j.createFromArray(new double[][] {{0}, {1}, {2}}));
        // (4, 4) points like (10, 10): cosine says class 1, Euclidean says class 2
        INDArray q = Nd4j.createFromArray(new double[][] {{4, 4}, {100, 1}, {0.1, 5}});
        assertArrayEquals(new int[] {1, 0, 2}, knn.predict(q));
        assertEquals(2, new NearestNeighbour(Metric.EUCLIDEAN).fit(train, oneHot).predict(q)[0]);
    }

    @Test
    void imagesAreFlattened() {
        INDArray images = Nd4j.createFromArray(new double[][][] {{{1, 0}, {0, 0}}, {{0, 0}, {0, 1}}}).reshape(2, 1, 2, 2);
        var knn = new NearestNeighbour(Metric.EUCLIDEAN).fit(images, Nd4j.createFromArray(new double[][] {{0}, {1}}));
        assertArrayEquals(new int[] {1}, knn.predict(Nd4j.createFromArray(new double[][] {{0, 0, 0.2, 0.9}})));
    }

    @Test
    void misuseIsExplained() {
        var e = assertThrows(IllegalStateException.class,
                () -> new NearestNeighbour(Metric.COSINE).predict(Nd4j.zeros(1, 2)));
        assertTrue(e.getMessage().startsWith("NearestNeighbour.predict: call fit(features, labels) first"));
        var knn = new NearestNeighbour(Metric.EUCLIDEAN).fit(train, oneHot);
        var e2 = assertThrows(IllegalArgumentException.class, () -> knn.predict(Nd4j.zeros(1, 3)));
        assertEquals("NearestNeighbour.predict: expected features of shape [m, 2] but was an array of shape [1, 3].\n"
                + "Hint: queries need as many features as the training samples.", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class, () -> knn.fit(train, Nd4j.zeros(2, 3)));
        assertTrue(e3.getMessage().startsWith("NearestNeighbour.fit: expected as many label rows as feature rows (3)"));
    }
}
