package org.nnlab.grader.hidden;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.RandomVsStructuredExercises;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;
import org.nnlab.nn.Parameter;

/** Hidden tests of notebook 04: run only when grading, not by the notebook's self-checks. */
public class RandomVsStructuredHidden {

    private final RandomVsStructuredExercises e = Grading.implementation(RandomVsStructuredExercises.class);

    @Test
    @Graded(exercise = "4.1", points = 1, visibility = "after_published")
    @DisplayName("two outputs: relu(x w1) w2 of 1 sample, 2 hidden units, 2 outputs, one unit closed")
    void forwardWithTwoOutputs() {
        INDArray x = Nd4j.createFromArray(new double[][] {{2, 1}});
        INDArray w1 = Nd4j.createFromArray(new double[][] {{1, -1}, {1, -1}});   // z = [3, -3], h = [3, 0]
        INDArray w2 = Nd4j.createFromArray(new double[][] {{1, 2}, {5, 7}});
        INDArray y = e.forward(x, w1, w2);
        Expect.notNull(y, "forward(x, w1, w2)");
        Expect.near(new double[][] {{3, 6}}, y.toDoubleMatrix(), 1e-12, "forward([[2, 1]], w1, w2)");
    }

    @Test
    @Graded(exercise = "4.3", points = 1, visibility = "hidden")
    @DisplayName("a perfect prediction has zero gradients")
    void perfectPredictionHasZeroGradients() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}, {-1, 0.5}});
        INDArray w1 = Nd4j.createFromArray(new double[][] {{0.5, -1}, {1, 2}});
        INDArray w2 = Nd4j.createFromArray(new double[][] {{1}, {-0.5}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1}, {-1}});   // relu(x w1) w2 exactly: h = [[2.5, 3], [0, 2]]
        INDArray[] g = e.gradients(x, y, w1, w2);
        Expect.notNull(g, "gradients(x, y, w1, w2)");
        Expect.near(new double[][] {{0, 0}, {0, 0}}, g[0].toDoubleMatrix(), 1e-12, "dL/dw1 at a perfect prediction");
        Expect.near(new double[][] {{0}, {0}}, g[1].toDoubleMatrix(), 1e-12, "dL/dw2 at a perfect prediction");
    }

    @Test
    @Graded(exercise = "4.6", points = 1, visibility = "hidden")
    @DisplayName("sgdStep leaves the gradients as they are and updates a lone parameter")
    void stepLeavesGradients() {
        Parameter p = new Parameter("p", Nd4j.createFromArray(new double[][] {{1, 2}}));
        p.accumulate(Nd4j.createFromArray(new double[][] {{10, -20}}));
        e.sgdStep(List.of(p), 0.1);
        Expect.near(new double[][] {{0, 4}}, p.value().toDoubleMatrix(), 1e-12, "p after sgdStep([p], 0.1)");
        Expect.near(new double[][] {{10, -20}}, p.grad().toDoubleMatrix(), 1e-12, "p.grad() after sgdStep");
    }
}
