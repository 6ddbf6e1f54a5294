package org.nnlab.grader.hidden;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.RectangleExercises;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;

/**
 * Hidden tests of notebook 01: run only when grading (not by the notebook's self-check), reported
 * per Gradescope's visibility. The time limit comes from the launcher's default timeout.
 */
public class RectangleHidden {

    private final RectangleExercises e = Grading.implementation(RectangleExercises.class);

    @Test
    @Graded(exercise = "1.2", points = 1, visibility = "after_published")
    @DisplayName("sigmoid(-z) = 1 - sigmoid(z) for z from -6 to 6")
    void sigmoidIsSymmetric() {
        for (double z = -6; z <= 6; z += 0.75) {
            Expect.near(1 - e.sigmoid(z), e.sigmoid(-z), 1e-12, "sigmoid(" + (-z) + ")");
        }
    }

    @Test
    @Graded(exercise = "1.4", points = 1, visibility = "hidden")
    @DisplayName("a layer of 3 inputs and 2 neurons uses w[j][i] from input j to neuron i")
    void layerWithMoreInputsThanNeurons() {
        double[][] w = {{1, -1}, {2, 0}, {0, 3}};   // 3 inputs x 2 neurons
        double[] out = e.layer(new double[] {1, 0.5, -1}, w, new double[] {0, 0.5});
        Expect.near(2, out.length, 0, "the number of outputs");
        Expect.near(1 / (1 + Math.exp(-2.0)), out[0], 1e-9, "neuron 1: g(1*1 + 0.5*2 + -1*0 + 0)");
        Expect.near(1 / (1 + Math.exp(3.5)), out[1], 1e-9, "neuron 2: g(1*-1 + 0.5*0 + -1*3 + 0.5)");
    }
}
