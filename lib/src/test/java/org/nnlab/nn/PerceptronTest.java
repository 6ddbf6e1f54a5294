package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PerceptronTest {

    static final double[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    @DisplayName("learns AND (±1 labels); mistakes per epoch fall to 0 and stay there")
    void learnsAnd() {
        Perceptron p = new Perceptron(2);
        int[] y = {-1, -1, -1, 1};
        int[] mistakes = p.train(X, y, 10);
        assertEquals(10, mistakes.length);
        assertTrue(mistakes[0] > 0);
        assertEquals(0, mistakes[9]);
        for (int i = 0; i < 4; i++) {
            assertEquals(y[i], p.predict(X[i]));
        }
    }

    @Test
    @DisplayName("the perceptron rule by hand: first epoch on AND")
    void firstUpdatesByHand() {
        Perceptron p = new Perceptron(2);
        // (0,0) y=-1: activation 0 -> mistake: w = (0,0), b = -1
        // (0,1) y=-1: activation -1 -> correct; (1,0) -> correct
        // (1,1) y=+1: activation -1 -> mistake: w = (1,1), b = 0
        assertArrayEquals(new int[] {2}, p.train(X, new int[] {-1, -1, -1, 1}, 1));
        assertArrayEquals(new double[] {1, 1}, p.weights());
        assertEquals(0.0, p.bias());
    }

    @Test
    @DisplayName("XOR is not linearly separable: mistakes never reach 0")
    void cannotLearnXor() {
        int[] mistakes = new Perceptron(2).train(X, new int[] {-1, 1, 1, -1}, 50);
        for (int m : mistakes) {
            assertTrue(m > 0);
        }
    }

    @Test
    @DisplayName("separable random points in 5-D are separated")
    void separableData() {
        SplittableRandom r = new SplittableRandom(1);
        double[] w = {1, -2, 0.5, 3, -1};
        double[][] x = new double[200][5];
        int[] y = new int[200];
        for (int i = 0; i < 200; i++) {
            double s = 0.3;
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextDouble(-1, 1);
                s += w[j] * x[i][j];
            }
            y[i] = s >= 0 ? 1 : -1;
        }
        int[] mistakes = new Perceptron(5, 0.1).train(x, y, 500);
        assertEquals(0, mistakes[499]);
    }

    @Test
    void labelErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Perceptron(2).train(X, new int[] {0, 0, 0, 1}, 1));
        assertEquals("Perceptron(2 inputs).train: expected labels +1 or -1 but was 0.\nHint: map 0/1 labels with"
                + " y = 2 * label - 1.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(2).predict(1, 2, 3));
    }
}
