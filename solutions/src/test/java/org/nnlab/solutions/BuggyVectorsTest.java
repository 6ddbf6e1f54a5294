package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.exercises.VectorsChecks;
import org.nnlab.exercises.VectorsExercises;

/** Known-buggy submissions of notebook 00 fail exactly the checks meant to catch them. */
class BuggyVectorsTest {

    static Set<String> failing(VectorsExercises submission) {
        return Fixtures.failing(VectorsChecks.set(), submission);
    }

    @Test
    @DisplayName("counting lines and columns from 0 (a[i][j]) fails exactly exercise 0.1")
    void zeroBasedEntry() {
        var bug = new VectorsSolution() {
            @Override public double entry(double[][] a, int i, int j) {
                return a[i][j];
            }
        };
        assertEquals(Set.of("0.1: A_12 = 4, A_31 = 0, A_33 = 1 (the slides' quiz)",
                "0.1: lines and columns count from 1: A_11 is a[0][0], A_23 is a[1][2]"), failing(bug));
    }

    @Test
    @DisplayName("a product without the shape check fails only the check that mismatched shapes are refused")
    void noShapeCheck() {
        var bug = new VectorsSolution() {
            @Override public double[][] multiply(double[][] a, double[][] b) {
                double[][] c = new double[a.length][b[0].length];
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < b[0].length; j++) {
                        for (int k = 0; k < a[0].length; k++) {
                            c[i][j] += a[i][k] * b[k][j];
                        }
                    }
                }
                return c;
            }
        };
        assertEquals(Set.of("0.2: A (3 columns) times a 2x2 matrix throws IllegalArgumentException"), failing(bug));
    }

    @Test
    @DisplayName("multiplying the entries (A * A element-wise) instead of the matrices fails exactly exercise 0.3's power check")
    void elementwisePower() {
        var bug = new VectorsSolution() {
            @Override public org.nd4j.linalg.api.ndarray.INDArray power(org.nd4j.linalg.api.ndarray.INDArray a, int n) {
                var result = a.dup();
                for (int k = 2; k <= n; k++) {
                    result = result.mul(a);
                }
                return result;
            }
        };
        assertEquals(Set.of("0.3: the all-ones 3x3 matrix to the n is 3^(n-1) times itself"), failing(bug));
    }
}
