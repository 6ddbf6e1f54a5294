package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.NeuronsChecks;
import org.nnlab.exercises.NeuronsExercises;
import org.nnlab.exercises.TwoLayerNet;
import org.nnlab.nn.Linear;

/**
 * Known-buggy submissions of notebook 03 fail exactly the checks meant to catch them. Each bug is the
 * reference with one method wrong; the checks run the submission's own code, so a wrong delta also
 * fails the gradients built on it (exercise 3.8 calls outputDelta and hiddenDelta), as in the notebook.
 */
class BuggyNeuronsTest {

    static final String SHAPES = "3.8: the gradient has the network's shapes: dW1 [2, 3], db1 [1, 3], dW2 [3, 2], db2 [1, 2]";
    static final String WEIGHTS = "3.8: dC/dW1 and dC/dW2 agree with the numerical gradient (batch of 5, net 2 -> 3 -> 2)";
    static final String BIASES = "3.8: dC/db1 and dC/db2 agree with the numerical gradient (batch of 5, net 2 -> 3 -> 2)";
    static final String XOR = "3.8: on the 4 XOR inputs with a 2 -> 2 -> 1 net every entry agrees with the numerical gradient";

    static Set<String> failing(NeuronsExercises submission) {
        return Fixtures.failing(NeuronsChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(NeuronsChecks.set(), exercises);
    }

    static Set<String> union(Set<String> a, String... more) {
        Set<String> names = new TreeSet<>(a);
        names.addAll(List.of(more));
        return names;
    }

    static String message(NeuronsExercises submission, String exercise, int check) {
        return Fixtures.message(NeuronsChecks.set(), submission, exercise, check);
    }

    @Test
    @DisplayName("a sigmoid derivative that returns s(z) instead of s(z)(1 - s(z)) fails exactly exercise 3.5")
    void sigmoidPrimeWithoutTheFactor() {
        var bug = new NeuronsSolution() {
            @Override public double sigmoidPrime(double z) {
                return 1 / (1 + Math.exp(-z));
            }
        };
        assertEquals(checksOf("3.5"), failing(bug));
        assertEquals("sigmoidPrime(0): expected 0.25 (± 1e-12) but was 0.5", message(bug, "3.5", 0));
    }

    @Test
    @DisplayName("output deltas without the sigmoid's derivative ((y - t) y) fail exercise 3.6 and the gradients built on them")
    void outputDeltaWithWrongDerivative() {
        var bug = new NeuronsSolution() {
            @Override public INDArray outputDelta(INDArray y, INDArray t) {
                return y.sub(t).muli(y);
            }
        };
        assertEquals(union(checksOf("3.6"), WEIGHTS, BIASES, XOR), failing(bug));
        assertEquals("outputDelta(y = [[0.8]], t = [[1]]): expected [[-0.032]] but was [[-0.16]] (entry [0][0] differs)",
                message(bug, "3.6", 0));
    }

    @Test
    @DisplayName("hidden deltas multiplied by h instead of h (1 - h) fail exercise 3.7 and, through it, the gradients of W1 and b1")
    void hiddenDeltaWithWrongDerivative() {
        var bug = new NeuronsSolution() {
            @Override public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
                return delta2.mmul(w2.transpose()).muli(h);
            }
        };
        assertEquals(union(checksOf("3.7"), WEIGHTS, BIASES, XOR), failing(bug));
        assertTrue(message(bug, "3.8", 1).startsWith("gradients: dW1 (xT delta1) differs from the numerical gradient"),
                message(bug, "3.8", 1));
    }

    @Test
    @DisplayName("W2 not transposed in the hidden deltas (delta2 W2) fails exercises 3.7 and 3.8, saying which shapes did not fit")
    void hiddenDeltaWithUntransposedWeights() {
        var bug = new NeuronsSolution() {
            @Override public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
                return delta2.mmul(w2).muli(h).muli(h.rsub(1.0));
            }
        };
        assertEquals(checksOf("3.7", "3.8"), failing(bug));
        String m = message(bug, "3.7", 1);
        assertTrue(m.contains("[4, 2]") && m.contains("[3, 2]"), m);
    }

    @Test
    @DisplayName("a transposed weight gradient (delta2^T h instead of h^T delta2) fails exactly exercise 3.8, naming the shape")
    void transposedWeightGradient() {
        var bug = new NeuronsSolution() {
            @Override public TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t) {
                TwoLayerNet g = super.gradients(net, x, t);
                INDArray h = net.hidden(x);
                INDArray delta2 = outputDelta(net.output(x), t);
                return new TwoLayerNet(g.w1(), g.b1(), delta2.transpose().mmul(h), g.b2());
            }
        };
        assertEquals(checksOf("3.8"), failing(bug));
        String m = message(bug, "3.8", 0);
        assertTrue(m.contains("TwoLayerNet: expected W2 of shape [3, out]") && m.contains("[2, 3]"), m);
    }

    @Test
    @DisplayName("bias gradients never computed (left at zero) fail only the bias and the all-entries checks of exercise 3.8")
    void biasGradientsNeverComputed() {
        var bug = new NeuronsSolution() {
            @Override public TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t) {
                TwoLayerNet g = super.gradients(net, x, t);
                return new TwoLayerNet(g.w1(), Nd4j.zeros(g.b1().shape()), g.w2(), Nd4j.zeros(g.b2().shape()));
            }
        };
        assertEquals(Set.of(BIASES, XOR), failing(bug));
        assertTrue(message(bug, "3.8", 2).startsWith("gradients: db2 (delta2 summed over the samples) differs from the"
                + " numerical gradient"), message(bug, "3.8", 2));
    }

    @Test
    @DisplayName("a sign error in the perceptron rule (w - eta (t - o) x) fails the update check of 3.2 and all of 3.3")
    void perceptronRuleWithTheWrongSign() {
        var bug = new NeuronsSolution() {
            @Override public double[] perceptronStep(double[] w, double[] x, int t, double eta) {
                double[] right = super.perceptronStep(w, x, t, eta);
                double[] wrong = w.clone();
                for (int i = 0; i < w.length; i++) {
                    wrong[i] -= right[i] - w[i];
                }
                return wrong;
            }
        };
        assertEquals(union(checksOf("3.3"),
                "3.2: a wrong output moves w by eta (t - o) (1, x): bias and weights, towards the target"), failing(bug));
        assertEquals("perceptronStep(w = [0, 0, 0], x = [1, 1], t = +1, eta = 0.1): o = -1, so w += 0.1 * 2 * (1, 1, 1):"
                + " expected [0.2, 0.2, 0.2] but was [-0.2, -0.2, -0.2] (entry [0] differs by more than 1e-12)",
                message(bug, "3.2", 1));
    }

    @Test
    @DisplayName("a perceptron step that overwrites w fails the update check of 3.2 and, since training then never sees a change, 3.3")
    void perceptronStepInPlace() {
        var bug = new NeuronsSolution() {
            @Override public double[] perceptronStep(double[] w, double[] x, int t, double eta) {
                double[] next = super.perceptronStep(w, x, t, eta);
                System.arraycopy(next, 0, w, 0, w.length);
                return w;
            }
        };
        assertEquals(union(checksOf("3.3"),
                "3.2: a wrong output moves w by eta (t - o) (1, x): bias and weights, towards the target"), failing(bug));
        assertTrue(message(bug, "3.2", 1).startsWith("perceptronStep changed its argument w from [0, 0, 0] to [0.2, 0.2, 0.2]"),
                message(bug, "3.2", 1));
    }

    @Test
    @DisplayName("a training loop that stops after the first epoch fails only the checks that need more epochs")
    void trainingForOneEpochOnly() {
        var bug = new NeuronsSolution() {
            @Override public double[] trainPerceptron(double[][] xs, int[] ts, double eta, int maxEpochs) {
                return super.trainPerceptron(xs, ts, eta, 1);
            }
        };
        assertEquals(checksOf("3.3"), failing(bug));
    }

    @Test
    @DisplayName("a collapse with the product in the wrong order (W2 W1) or the bias b2 alone fails exactly exercise 3.4")
    void collapseMistakes() {
        var wrongOrder = new NeuronsSolution() {
            @Override public Linear collapse(Linear first, Linear second) {
                INDArray w = second.weight().value().mmul(first.weight().value());
                INDArray b = first.bias().value().mmul(second.weight().value()).add(second.bias().value());
                return Linear.withWeights(w.toDoubleMatrix(), b.toDoubleVector());
            }
        };
        var biasOfTheSecondOnly = new NeuronsSolution() {
            @Override public Linear collapse(Linear first, Linear second) {
                INDArray w = first.weight().value().mmul(second.weight().value());
                return Linear.withWeights(w.toDoubleMatrix(), second.bias().value().toDoubleVector());
            }
        };
        assertEquals(checksOf("3.4"), failing(wrongOrder));
        assertEquals(checksOf("3.4"), failing(biasOfTheSecondOnly));
        assertEquals("collapse(...).bias() (b1 W2 + b2): expected [-0.5, 1] but was [0.5, 0] (entry [0] differs by more than 1e-12)",
                message(biasOfTheSecondOnly, "3.4", 0));
    }

    @Test
    @DisplayName("gates with the threshold off by one fail only the checks of those gates")
    void gateThresholdOffByOne() {
        var bug = new NeuronsSolution() {
            @Override public org.nnlab.nn.McCullochPitts gate(String name) {
                return name.equals("MAJORITY") ? new org.nnlab.nn.McCullochPitts(new double[] {1, 1, 1}, 1) : super.gate(name);
            }
        };
        assertEquals(Set.of("3.1: AND-NOT (x1 and not x2) and MAJORITY (at least 2 of 3) have the right truth tables"), failing(bug));
        assertTrue(message(bug, "3.1", 2).startsWith("gate(\"MAJORITY\") = McCullochPitts(w=[1.0, 1.0, 1.0], θ=1.0) gives 1 for"
                + " x = [0, 0, 1] (weighted sum 1) but MAJORITY is 0 there."), message(bug, "3.1", 2));
    }

    @Test
    @DisplayName("the reference's numbers are the notebook's: AND ends at (-4, 4, 2), XOR after 5 epochs at (2, -2, 0)")
    void referenceNumbers() {
        var reference = new NeuronsSolution();
        assertEquals(List.of(-4.0, 4.0, 2.0), boxed(reference.trainPerceptron(NeuronsChecks.BINARY_PAIRS, NeuronsChecks.AND_TARGETS, 1, 100)));
        assertEquals(List.of(2.0, -2.0, 0.0), boxed(reference.trainPerceptron(NeuronsChecks.BINARY_PAIRS, NeuronsChecks.XOR_TARGETS, 1, 5)));
        assertEquals(0.25, reference.sigmoidPrime(0), 0);
    }

    private static List<Double> boxed(double[] xs) {
        return java.util.Arrays.stream(xs).boxed().toList();
    }
}
