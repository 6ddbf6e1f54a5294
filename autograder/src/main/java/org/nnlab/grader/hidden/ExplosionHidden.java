package org.nnlab.grader.hidden;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.ExplosionChecks;
import org.nnlab.exercises.ExplosionExercises;
import org.nnlab.exercises.Expect;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;
import org.nnlab.loss.SquaredError;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.plot.EdgeStyle;

/** Hidden tests of notebook 05: run only when grading, not by the notebook's self-checks. */
public class ExplosionHidden {

    private final ExplosionExercises e = Grading.implementation(ExplosionExercises.class);

    @Test
    @Graded(exercise = "5.1", points = 1, visibility = "hidden")
    @DisplayName("negative infinity is divergence too, and a single finite loss is not")
    void negativeInfinityAndSingleLoss() {
        Expect.equal(1, e.firstDivergedStep(new double[] {3, Double.NEGATIVE_INFINITY}, 1000), "firstDivergedStep([3, -Infinity], 1000)");
        Expect.equal(-1, e.firstDivergedStep(new double[] {3}, 1000), "firstDivergedStep([3], 1000)");
    }

    @Test
    @Graded(exercise = "5.5", points = 1, visibility = "hidden")
    @DisplayName("the width depends on |w| / (largest |w|) only, whatever the scale: edge(-0.001, 0.004) is blue and 1.225 wide")
    void edgeOfASmallNetwork() {
        ExplosionChecks.expectColour(EdgeStyle.BLUE, e, -0.001, 0.004);
        ExplosionChecks.expectWidth(EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) / 4, e, -0.001, 0.004);
        ExplosionChecks.expectWidth(EdgeStyle.MAX_WIDTH, e, -300, 300);
    }

    @Test
    @Graded(exercise = "5.3", points = 1, visibility = "after_published")
    @DisplayName("the exact weights give a squared error of 0 on a batch of mixed-sign inputs")
    void exactOnMixedSigns() {
        var w = e.exactWeights();
        Expect.notNull(w, "exactWeights()");
        Expect.that(w.length == 4, "exactWeights(): expected 4 arrays but got " + w.length);
        Sequential net = Sequential.of(Linear.withWeights(w[0].toDoubleMatrix(), w[1].toDoubleVector()), new Relu(),
                Linear.withWeights(w[2].toDoubleMatrix(), w[3].toDoubleVector()));
        double[][] x = {{1, -2, 3, -4, 5, -6}, {-0.5, 0.25, -1, 2, -3, 0.1}, {0, 0, 0, 0, 0, 0}};
        double[][] y = new double[3][];
        for (int i = 0; i < 3; i++) {
            y[i] = new double[] {x[i][3] - x[i][1] + 2 * x[i][4], 7 * x[i][0] - 4 * x[i][2] + x[i][5]};
        }
        double se = new SquaredError().forward(net.forward(Nd4j.createFromArray(x)), Nd4j.createFromArray(y));
        Expect.near(0, se, 1e-12, "the squared error on 3 mixed-sign inputs");
    }
}
