package org.nnlab.grader.hidden;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.RectangleExercises;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;

/**
 * Hidden tests of notebook 01: run only when grading (not by the notebook's self-check), by the judge,
 * reported per Gradescope's visibility; their inputs are drawn when grading.
 */
public class RectangleHidden {

    private final RectangleExercises e = Grading.implementation(RectangleExercises.class);

    /** Inputs drawn when grading: a submission cannot know them in advance (they are never in the worker before the call). */
    private final Random drawn = new SecureRandom();

    @Test
    @Graded(exercise = "1.2", points = 1, visibility = "after_published")
    @DisplayName("sigmoid(-z) = 1 - sigmoid(z) for z from -6 to 6")
    void sigmoidIsSymmetric() {
        for (int k = 0; k < 16; k++) {
            double z = k == 0 ? 6 : -6 + 12 * drawn.nextDouble();
            Expect.near(1 - e.sigmoid(z), e.sigmoid(-z), 1e-12, "sigmoid(" + (-z) + ")");
        }
    }

    @Test
    @Graded(exercise = "1.4", points = 1, visibility = "hidden")
    @DisplayName("a layer of 3 inputs and 2 neurons uses w[j][i] from input j to neuron i")
    void layerWithMoreInputsThanNeurons() {
        double[] a = {drawn.nextGaussian(), drawn.nextGaussian(), drawn.nextGaussian()};
        double[][] w = new double[3][2];   // 3 inputs x 2 neurons
        for (double[] row : w) {
            row[0] = drawn.nextGaussian();
            row[1] = drawn.nextGaussian();
        }
        double[] b = {drawn.nextGaussian(), drawn.nextGaussian()};
        double[] out = e.layer(a, w, b);
        Expect.notNull(out, "layer(a, w, b)");
        Expect.near(2, out.length, 0, "the number of outputs");
        for (int i = 0; i < 2; i++) {
            double z = b[i];
            for (int j = 0; j < 3; j++) {
                z += a[j] * w[j][i];
            }
            Expect.near(1 / (1 + Math.exp(-z)), out[i], 1e-9, "neuron " + (i + 1) + ": g(sum_j a_j w[j][" + i + "] + b_" + i + ")");
        }
    }
}
