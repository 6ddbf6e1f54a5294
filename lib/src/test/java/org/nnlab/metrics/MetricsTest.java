package org.nnlab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class MetricsTest {

    @Test
    void argmaxTakesTheFirstLargest() {
        assertArrayEquals(new int[] {1, 0, 2},
                Metrics.argmax(Nd4j.createFromArray(new double[][] {{0, 5, 1}, {3, 3, 1}, {-1, -2, 0}})));
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.argmax(Nd4j.zeros(3)));
        assertTrue(e.getMessage().startsWith("Metrics.argmax: expected scores of shape [n, k] but was an array of"
                + " shape [3].\nHint:"), e.getMessage());
    }

    @Test
    void accuracyWithOneHotTargets() {
        var predictions = Nd4j.createFromArray(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}});
        var targets = Nd4j.createFromArray(new double[][] {{0, 1}, {1, 0}, {1, 0}, {1, 0}});
        assertEquals(0.75, Metrics.accuracy(predictions, targets));
    }

    @Test
    void accuracyWithIndexTargets() {
        var predictions = Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertEquals(0.5, Metrics.accuracy(predictions, Nd4j.createFromArray(new double[][] {{2}, {1}})));
    }

    @Test
    void singleOutputIsThresholdedAtOneHalf() {
        var p = Nd4j.createFromArray(new double[][] {{0.49}, {0.5}, {0.9}, {0.1}});
        assertArrayEquals(new int[] {0, 1, 1, 0}, Metrics.predictedClasses(p));
        assertEquals(0.5, Metrics.accuracy(p, Nd4j.createFromArray(new double[][] {{0}, {0}, {1}, {1}})));
    }

    @Test
    void intAccuracyAndErrors() {
        assertEquals(2.0 / 3, Metrics.accuracy(new int[] {1, 2, 3}, new int[] {1, 2, 0}), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[] {1}, new int[] {1, 2}));
        assertEquals("Metrics.accuracy: expected two non-empty arrays of equal length but was 1 predictions and 2"
                + " targets.\nHint: compare predictions and targets of the same samples.", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Metrics.accuracy(Nd4j.zeros(3, 2), Nd4j.zeros(2, 2)));
        assertTrue(e2.getMessage().startsWith("Metrics.accuracy: expected as many targets as predictions (3) but was"
                + " an array of shape [2, 2]."), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> Metrics.targetClasses(Nd4j.createFromArray(new double[][] {{0.3}})));
        assertTrue(e3.getMessage().contains("regression targets have no accuracy"), e3.getMessage());
    }
}
