package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.exercises.Check;
import org.nnlab.exercises.CheckResult;
import org.nnlab.exercises.RectangleChecks;
import org.nnlab.exercises.RectangleExercises;
import org.nnlab.exercises.RectangleWeights;

/**
 * Known-buggy submissions of notebook 01 fail exactly the checks meant to catch them. Each bug is
 * the reference with one method wrong. The checks run the submission's own code, so a bug in a
 * method that others call (sigmoid) also fails the exercises built on it, as in the notebook.
 */
class BuggyRectangleTest {

    /** The names "N.k: check" of the checks that fail on {@code submission}. */
    static Set<String> failing(RectangleExercises submission) {
        return Fixtures.failing(RectangleChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(RectangleChecks.set(), exercises);
    }

    @Test
    @DisplayName("transposed weights in layer (w[i][j] instead of w[j][i]) fail exactly exercise 1.4")
    void transposedWeights() {
        var bug = new RectangleSolution() {
            @Override public double[] layer(double[] a, double[][] w, double[] b) {
                double[] out = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    out[i] = neuron(a, w[i], b[i]);
                }
                return out;
            }
        };
        assertEquals(checksOf("1.4"), failing(bug));
        CheckResult r = Check.run(RectangleChecks.set().checks("1.4").get(0), bug);
        assertTrue(r.message().contains("threw java.lang.ArrayIndexOutOfBoundsException"), r.message());
    }

    @Test
    @DisplayName("a sigmoid without the minus sign fails sigmoid(-4.4) and large |z| (not sigmoid(0)), and the neurons built on it (except g(0))")
    void sigmoidWithoutMinus() {
        var bug = new RectangleSolution() {
            @Override public double sigmoid(double z) {
                return 1 / (1 + Math.exp(z));
            }
        };
        Set<String> expected = checksOf("1.3", "1.4");
        expected.remove("1.3: hidden neuron 2 for x gives g(0) = 0.5");   // g(0) = 0.5 either way
        expected.add("1.2: sigmoid(-4.4) is 0.012 and sigmoid(2.1) is 0.89, as on the slides");
        expected.add("1.2: sigmoid stays between 0 and 1 for large |z| (no NaN)");
        assertEquals(expected, failing(bug));
        String message = Check.run(RectangleChecks.set().checks("1.2").get(1), bug).message();
        assertEquals("sigmoid(-4.4): expected 0.01213 (± 1e-05) but was 0.9879", message);
    }

    @Test
    @DisplayName("reading the image column by column fails exactly exercise 1.1")
    void columnMajorImage() {
        var bug = new RectangleSolution() {
            @Override public double[] toVector(int[][] image) {
                double[] x = new double[9];
                for (int row = 0; row < 3; row++) {
                    for (int col = 0; col < 3; col++) {
                        x[3 * col + row] = image[row][col];
                    }
                }
                return x;
            }
        };
        assertEquals(checksOf("1.1"), failing(bug));
    }

    @Test
    @DisplayName("a right answer for the network (a rectangle it recognises) fails exactly exercise 1.5, saying why")
    void rightInputIsNotWrong() {
        var bug = new RectangleSolution() {
            @Override public double[] wrongInput() {
                return RectangleChecks.X.clone();
            }
        };
        assertEquals(checksOf("1.5"), failing(bug));
        String message = Check.run(RectangleChecks.set().checks("1.5").get(0), bug).message();
        assertTrue(message.contains("the network outputs 0.887 (one rectangle)") && message.contains("that is right"), message);
    }

    @Test
    @DisplayName("tuning the given weights in place fails only the check that they stay unchanged")
    void tuneInPlace() {
        var bug = new RectangleSolution() {
            @Override public RectangleWeights tune(RectangleWeights slides) {
                slides.b2()[0] = 8.0;
                return slides;
            }
        };
        assertEquals(Set.of("1.6: tune leaves the slides' weights unchanged"), failing(bug));
    }

    @Test
    @DisplayName("a mean instead of a sum in the cost fails exactly exercise 1.7")
    void meanInsteadOfSum() {
        var bug = new RectangleSolution() {
            @Override public double cost(double[] y, double[] yTrue) {
                return super.cost(y, yTrue) / y.length;
            }
        };
        assertEquals(checksOf("1.7"), failing(bug));
    }

    @Test
    @DisplayName("stepping up the gradient (W + R dC/dW) fails exactly exercise 1.8")
    void stepUphill() {
        var bug = new RectangleSolution() {
            @Override public INDArray step(INDArray w, INDArray gradient, double learningRate) {
                return w.add(gradient.mul(learningRate));
            }
        };
        assertEquals(checksOf("1.8"), failing(bug));
    }
}
