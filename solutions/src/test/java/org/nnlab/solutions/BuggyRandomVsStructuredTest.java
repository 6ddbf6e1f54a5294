package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.exercises.RandomVsStructuredChecks;
import org.nnlab.exercises.RandomVsStructuredExercises;
import org.nnlab.nn.Parameter;

/**
 * Known-buggy submissions of notebook 04 fail exactly the checks meant to catch them. Each bug is the
 * reference with one method wrong; the submission's own methods call each other (train uses cost,
 * forward and gradients), so a wrong gradient also fails the training's checks, as in the notebook.
 */
class BuggyRandomVsStructuredTest {

    static Set<String> failing(RandomVsStructuredExercises submission) {
        return Fixtures.failing(RandomVsStructuredChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(RandomVsStructuredChecks.set(), exercises);
    }

    static String message(RandomVsStructuredExercises submission, String exercise, int check) {
        return Fixtures.message(RandomVsStructuredChecks.set(), submission, exercise, check);
    }

    @Test
    @DisplayName("the reference passes every check")
    void referencePasses() {
        assertEquals(Set.of(), failing(new RandomVsStructuredSolution()));
    }

    @Test
    @DisplayName("a forward pass without the relu fails exercise 4.1 and every exercise that trains with it")
    void forwardWithoutRelu() {
        var bug = new RandomVsStructuredSolution() {
            @Override public INDArray forward(INDArray x, INDArray w1, INDArray w2) {
                return x.mmul(w1).mmul(w2);
            }
        };
        Set<String> expected = checksOf("4.1", "4.4", "4.5");
        assertEquals(expected, failing(bug));
        assertEquals("forward(x, w1, w2): expected [[-4], [2]] but was [[-10], [2]] (entry [0][0] differs)", message(bug, "4.1", 0));
    }

    @Test
    @DisplayName("a mean instead of a sum fails exercise 4.2 and the costs and errors of 4.4 and 4.5")
    void meanSquaredError() {
        var bug = new RandomVsStructuredSolution() {
            @Override public double cost(INDArray prediction, INDArray truth) {
                return super.cost(prediction, truth) / prediction.length();
            }
        };
        assertEquals(checksOf("4.2", "4.4", "4.5"), failing(bug));
        assertEquals("cost([[1], [2]], [[0], [4]]): expected 5 (± 1e-12) but was 2.5", message(bug, "4.2", 0));
    }

    @Test
    @DisplayName("a gradient of w1 without the relu's mask fails exercise 4.3 and the training built on it")
    void gradientWithoutReluMask() {
        var bug = new RandomVsStructuredSolution() {
            @Override public INDArray[] gradients(INDArray x, INDArray y, INDArray w1, INDArray w2) {
                INDArray z = x.mmul(w1);
                INDArray h = z.mul(z.gt(0).castTo(z.dataType()));
                INDArray d = h.mmul(w2).sub(y).mul(2);
                return new INDArray[] {x.transpose().mmul(d.mmul(w2.transpose())), h.transpose().mmul(d)};
            }
        };
        Set<String> failed = failing(bug);
        assertTrue(failed.containsAll(checksOf("4.3")), failed.toString());
        assertTrue(failed.contains("4.4: one step from the 2x2 example: costs = [the initial cost], w <- w - lr dL/dw in place"), failed.toString());
        assertTrue(failed.stream().allMatch(n -> n.startsWith("4.3") || n.startsWith("4.4") || n.startsWith("4.5")), failed.toString());
        assertTrue(message(bug, "4.3", 0).startsWith("dL/dw1: expected "), message(bug, "4.3", 0));
    }

    @Test
    @DisplayName("a step uphill (w + lr dL/dw) fails exercises 4.4 and 4.5: the training explodes")
    void stepUphill() {
        var bug = new RandomVsStructuredSolution() {
            @Override public double[] train(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps) {
                return super.train(x, y, w1, w2, -lr, steps);
            }
        };
        assertEquals(checksOf("4.4", "4.5"), failing(bug));
    }

    @Test
    @DisplayName("a test error measured on the training set fails exactly the checks of exercise 4.5")
    void testErrorOnTheTrainingSet() {
        var bug = new RandomVsStructuredSolution() {
            @Override public double[] trainAndTest(Split data, INDArray w1, INDArray w2, double lr, int steps) {
                double[] errors = super.trainAndTest(new Split(data.train(), data.train()), w1, w2, lr, steps);
                return errors;
            }
        };
        assertEquals(checksOf("4.5"), failing(bug));
        assertTrue(message(bug, "4.5", 0).startsWith("the test error (the cost on data.test() of the trained w1, w2): expected "),
                message(bug, "4.5", 0));
    }

    @Test
    @DisplayName("a bias never updated fails only the check that the biases move")
    void biasNeverUpdated() {
        var bug = new RandomVsStructuredSolution() {
            @Override public void sgdStep(List<Parameter> parameters, double lr) {
                super.sgdStep(parameters.stream().filter(p -> !p.role().equals("bias")).toList(), lr);
            }
        };
        assertEquals(Set.of("4.6: the biases move too, by -lr dL/db"), failing(bug));
        String m = message(bug, "4.6", 1);
        assertTrue(m.startsWith("Linear(6 -> 4).bias did not change; expected p - lr dL/dp"), m);
    }

    @Test
    @DisplayName("a step that forgets the learning rate (p - dL/dp) fails both checks of exercise 4.6")
    void stepWithoutLearningRate() {
        var bug = new RandomVsStructuredSolution() {
            @Override public void sgdStep(List<Parameter> parameters, double lr) {
                super.sgdStep(parameters, 1);
            }
        };
        assertEquals(checksOf("4.6"), failing(bug));
    }
}
