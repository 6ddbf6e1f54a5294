package org.nnlab.grader.hidden;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.NeuronsChecks;
import org.nnlab.exercises.NeuronsExercises;
import org.nnlab.exercises.TwoLayerNet;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;

/**
 * Hidden tests of notebook 03: run only when grading (not by the notebook's self-check), reported
 * per Gradescope's visibility. They catch what the visible checks' shapes let through: a W2 that is
 * not transposed when it is square, a gradient that is right for a batch but not for one sample,
 * and a gradient step that does not go downhill.
 */
public class NeuronsHidden {

    private final NeuronsExercises e = Grading.implementation(NeuronsExercises.class);

    @Test
    @Graded(exercise = "3.3", points = 1, visibility = "after_published")
    @DisplayName("on OR from zero with eta = 0.1 the perceptron ends at w = (0, 0.2, 0.2)")
    void perceptronLearnsOr() {
        double[] w = e.trainPerceptron(NeuronsChecks.BINARY_PAIRS, NeuronsChecks.OR_TARGETS, 0.1, 100);
        Expect.near(new double[] {0, 0.2, 0.2}, w, 1e-9, "trainPerceptron(OR, eta = 0.1, maxEpochs = 100)");
    }

    @Test
    @Graded(exercise = "3.4", points = 1, visibility = "hidden")
    @DisplayName("Linear(1 -> 3) then Linear(3 -> 2) collapse to one layer with the same outputs")
    void collapseFromOneInput() {
        Linear first = new Linear(1, 3, Init.uniform(-1, 1, 21));
        Linear second = new Linear(3, 2, Init.uniform(-1, 1, 22));
        first.bias().set(Init.uniform(-1, 1, 23).create(1, 3));
        second.bias().set(Init.uniform(-1, 1, 24).create(1, 2));
        INDArray x = Init.uniform(-2, 2, 25).create(4, 1);
        INDArray expected = Sequential.of(first, second).forward(x);
        Linear one = e.collapse(first, second);
        Expect.notNull(one, "collapse(Linear(1 -> 3), Linear(3 -> 2))");
        Expect.near(expected.toDoubleMatrix(), one.forward(x).toDoubleMatrix(), 1e-9,
                "collapse(Linear(1 -> 3), Linear(3 -> 2)).forward(x) against the two layers");
    }

    @Test
    @Graded(exercise = "3.6", points = 1, visibility = "hidden")
    @DisplayName("outputs equal to their targets have zero deltas")
    void perfectOutputsHaveNoDelta() {
        INDArray y = Nd4j.createFromArray(new double[][] {{0.3, 0.7}, {0.5, 0.1}});
        Expect.near(new double[][] {{0, 0}, {0, 0}}, e.outputDelta(y, y.dup()).toDoubleMatrix(), 0, "outputDelta(y, y)");
    }

    @Test
    @Graded(exercise = "3.7", points = 1, visibility = "hidden")
    @DisplayName("with a square W2 (2 hidden units, 2 outputs) the deltas go back through W2 transposed")
    void hiddenDeltaWithSquareWeights() {
        double[][] delta2 = {{0.1, -0.3}};
        double[][] w2 = {{1, 2}, {-1, 0.5}};
        double[][] h = {{0.5, 0.8}};
        // delta2 W2^T = [0.1 - 0.6, -0.1 - 0.15] = [-0.5, -0.25]; times h (1 - h) = [0.25, 0.16]
        INDArray d = e.hiddenDelta(Nd4j.createFromArray(delta2), Nd4j.createFromArray(w2), Nd4j.createFromArray(h));
        Expect.notNull(d, "hiddenDelta");
        Expect.near(new double[][] {{-0.125, -0.04}}, d.toDoubleMatrix(), 1e-12,
                "hiddenDelta(delta2 = [[0.1, -0.3]], W2 = [[1, 2], [-1, 0.5]], h = [[0.5, 0.8]])");
    }

    @Test
    @Graded(exercise = "3.8", points = 1, visibility = "after_published")
    @DisplayName("one sample through a 3 -> 4 -> 1 net: every entry agrees with the numerical gradient")
    void gradientsOfOneSample() {
        TwoLayerNet net = TwoLayerNet.random(3, 4, 1, 31);
        INDArray x = Nd4j.createFromArray(new double[][] {{0.5, -1, 2}});
        INDArray t = Nd4j.createFromArray(new double[][] {{1}});
        TwoLayerNet g = e.gradients(net, x, t);
        Expect.notNull(g, "gradients");
        TwoLayerNet numerical = net.numericalGradient(x, t);
        for (int k = 0; k < 4; k++) {
            Expect.that(numerical.maxDifference(g, k) <= NeuronsChecks.GRADIENT_TOLERANCE, "gradients: d"
                    + TwoLayerNet.NAMES.get(k) + " differs from the numerical gradient by " + numerical.maxDifference(g, k));
        }
    }

    @Test
    @Graded(exercise = "3.8", points = 1, visibility = "hidden")
    @DisplayName("a small gradient-descent step with the gradients lowers the cost on XOR")
    void stepGoesDownhill() {
        TwoLayerNet net = TwoLayerNet.random(2, 3, 1, 41);
        INDArray x = Nd4j.createFromArray(NeuronsChecks.BINARY_PAIRS);
        INDArray t = Nd4j.createFromArray(new double[][] {{0}, {1}, {1}, {0}});
        double before = net.cost(x, t);
        double after = net.step(e.gradients(net, x, t), 0.1).cost(x, t);
        Expect.that(after < before, "one step of 0.1 against your gradient changed the cost from " + before + " to " + after
                + "; downhill it must go down. Hint: check the signs of the deltas.");
    }
}
