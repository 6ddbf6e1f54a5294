package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.McCullochPitts;
import org.nnlab.nn.Sequential;

/**
 * The visible checks of notebook 03-neurons-and-backprop. The backpropagation checks compare the
 * student's gradients with {@link TwoLayerNet#numericalGradient} (central differences), as the
 * notebook does.
 */
public final class NeuronsChecks {

    /** The four inputs of a 2-input gate, in truth-table order. */
    public static final double[][] BINARY_PAIRS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** Targets (+1/-1) of AND, OR and XOR over {@link #BINARY_PAIRS}. */
    public static final int[] AND_TARGETS = {-1, -1, -1, 1};
    public static final int[] OR_TARGETS = {-1, 1, 1, 1};
    public static final int[] XOR_TARGETS = {-1, 1, 1, -1};

    /** The weights the perceptron rule reaches on AND from zero with η = 1 (in its 6th epoch nothing changes). */
    public static final double[] AND_WEIGHTS = {-4, 4, 2};

    /** On XOR the rule never settles; after 5 epochs with η = 1 it is at these weights. */
    public static final double[] XOR_WEIGHTS_AFTER_5 = {2, -2, 0};

    /** The largest difference allowed between backpropagation and the numerical gradient. */
    public static final double GRADIENT_TOLERANCE = 1e-7;

    private NeuronsChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<NeuronsExercises> set() {
        return ExerciseSet.of("03-neurons-and-backprop", NeuronsExercises.class, exercises1To4(), exercises5To7(), exercise8());
    }

    /** The checks of exercises 3.1 to 3.4. */
    private static List<ExerciseCheck<NeuronsExercises>> exercises1To4() {
        return List.of(
            of("3.1", 1, "AND, OR (two inputs) and NOT (one input) have the right truth tables", (NeuronsExercises e) -> {
                truthTable(e, "AND", 2, x -> x[0] & x[1]);
                truthTable(e, "OR", 2, x -> x[0] | x[1]);
                truthTable(e, "NOT", 1, x -> 1 - x[0]);
            }),
            of("3.1", 1, "NAND and NOR have the right truth tables", (NeuronsExercises e) -> {
                truthTable(e, "NAND", 2, x -> 1 - (x[0] & x[1]));
                truthTable(e, "NOR", 2, x -> 1 - (x[0] | x[1]));
            }),
            of("3.1", 1, "AND-NOT (x1 and not x2) and MAJORITY (at least 2 of 3) have the right truth tables", (NeuronsExercises e) -> {
                truthTable(e, "AND-NOT", 2, x -> x[0] & (1 - x[1]));
                truthTable(e, "MAJORITY", 3, x -> x[0] + x[1] + x[2] >= 2 ? 1 : 0);
            }),

            of("3.2", 1, "a sample classified right changes nothing, also on the boundary w.x = 0 (output -1)", (NeuronsExercises e) -> {
                Expect.near(new double[] {0.5, 1, -1}, perceptronStep(e, new double[] {0.5, 1, -1}, new double[] {1, 0}, 1, 0.1),
                        0, "perceptronStep(w = [0.5, 1, -1], x = [1, 0], t = +1, eta = 0.1), where w.x = 1.5 > 0");
                Expect.near(new double[] {0, 0, 0}, perceptronStep(e, new double[] {0, 0, 0}, new double[] {1, 1}, -1, 0.1),
                        0, "perceptronStep(w = [0, 0, 0], x = [1, 1], t = -1, eta = 0.1), where w.x = 0 gives o = -1");
            }),
            of("3.2", 1, "a wrong output moves w by eta (t - o) (1, x): bias and weights, towards the target", (NeuronsExercises e) -> {
                Expect.near(new double[] {0.2, 0.2, 0.2}, perceptronStep(e, new double[] {0, 0, 0}, new double[] {1, 1}, 1, 0.1),
                        1e-12, "perceptronStep(w = [0, 0, 0], x = [1, 1], t = +1, eta = 0.1): o = -1, so w += 0.1 * 2 * (1, 1, 1)");
                Expect.near(new double[] {0, 0, -1.25}, perceptronStep(e, new double[] {0.5, 1, -1}, new double[] {2, 0.5}, -1, 0.25),
                        1e-12, "perceptronStep(w = [0.5, 1, -1], x = [2, 0.5], t = -1, eta = 0.25): o = +1, so w += 0.25 * (-2) * (1, 2, 0.5)");
            }),

            of("3.3", 1, "on AND from zero with eta = 1 it ends at w = (-4, 4, 2), which separates AND", (NeuronsExercises e) -> {
                double[] w = trainPerceptron(e, BINARY_PAIRS, AND_TARGETS, 1, 100);
                Expect.near(AND_WEIGHTS, w, 1e-9, "trainPerceptron(AND, eta = 1, maxEpochs = 100)");
            }),
            of("3.3", 1, "it separates 40 linearly separable points in the plane", (NeuronsExercises e) -> {
                double[][] xs = separablePoints(40, 7);
                int[] ts = separableTargets(xs);
                double[] w = trainPerceptron(e, xs, ts, 0.5, 1000);
                for (int i = 0; i < xs.length; i++) {
                    double a = w[0] + w[1] * xs[i][0] + w[2] * xs[i][1];
                    int o = a > 0 ? 1 : -1;
                    Expect.that(o == ts[i], "trainPerceptron on 40 separable points returned w = " + Expect.fmt(w)
                            + ", which classifies point " + i + " " + Expect.fmt(xs[i]) + " as " + o + " instead of " + ts[i]
                            + ". Hint: keep passing over the data until an epoch changes nothing.");
                }
            }),
            of("3.3", 1, "on XOR it stops after maxEpochs: 5 epochs with eta = 1 end at w = (2, -2, 0)", (NeuronsExercises e) -> {
                double[] w = trainPerceptron(e, BINARY_PAIRS, XOR_TARGETS, 1, 5);
                Expect.near(XOR_WEIGHTS_AFTER_5, w, 1e-9, "trainPerceptron(XOR, eta = 1, maxEpochs = 5)");
            }),

            of("3.4", 1, "W = W1 W2 and b = b1 W2 + b2 for a small example by hand", (NeuronsExercises e) -> {
                Linear first = Linear.withWeights(new double[][] {{1, 2}, {3, 4}}, new double[] {1, -1});
                Linear second = Linear.withWeights(new double[][] {{0, 1}, {1, 0}}, new double[] {0.5, 0});
                Linear one = collapse(e, first, second);
                Expect.near(new double[][] {{2, 1}, {4, 3}}, one.weight().value().toDoubleMatrix(), 1e-12, "collapse(...).weight() (W1 W2)");
                Expect.near(new double[] {-0.5, 1}, one.bias().value().toDoubleVector(), 1e-12, "collapse(...).bias() (b1 W2 + b2)");
            }),
            of("3.4", 1, "Linear(3 -> 4) then Linear(4 -> 2) collapse to one Linear(3 -> 2) with the same outputs", (NeuronsExercises e) -> {
                Linear first = new Linear(3, 4, Init.uniform(-1, 1, 11));
                Linear second = new Linear(4, 2, Init.uniform(-1, 1, 12));
                first.bias().set(Init.uniform(-1, 1, 13).create(1, 4));
                second.bias().set(Init.uniform(-1, 1, 14).create(1, 2));
                Linear one = collapse(e, first, second);
                Expect.that(one.inFeatures() == 3 && one.outFeatures() == 2, "collapse(Linear(3 -> 4), Linear(4 -> 2)): expected"
                        + " a Linear(3 -> 2) but got " + one + ". Hint: W = W1 W2 is [3, 4] x [4, 2] = [3, 2].");
                INDArray x = Init.uniform(-2, 2, 15).create(5, 3);
                INDArray expected = Sequential.of(first, second).forward(x);
                Expect.near(expected.toDoubleMatrix(), one.forward(x).toDoubleMatrix(), 1e-9,
                        "collapse(first, second).forward(x) against second.forward(first.forward(x)) for 5 inputs");
            })
        );
    }

    /** The checks of exercises 3.5 to 3.7. */
    private static List<ExerciseCheck<NeuronsExercises>> exercises5To7() {
        return List.of(
            of("3.5", 1, "sigma'(0) = 0.25 and sigma'(2) = sigma'(-2) = 0.105", (NeuronsExercises e) -> {
                Expect.near(0.25, e.sigmoidPrime(0), 1e-12, "sigmoidPrime(0)");
                Expect.near(0.104993585, e.sigmoidPrime(2), 1e-9, "sigmoidPrime(2)");
                Expect.near(0.104993585, e.sigmoidPrime(-2), 1e-9, "sigmoidPrime(-2)");
            }),
            of("3.5", 1, "sigma' agrees with the numerical derivative (sigma(z+h) - sigma(z-h)) / 2h", (NeuronsExercises e) -> {
                double h = 1e-5;
                for (double z = -6; z <= 6; z += 1.5) {
                    double numerical = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h);
                    Expect.near(numerical, e.sigmoidPrime(z), 1e-9, "sigmoidPrime(" + Expect.fmt(z) + ")");
                }
            }),

            of("3.6", 1, "one output y = 0.8 with target 1 gives delta = (0.8 - 1) 0.8 (1 - 0.8) = -0.032", (NeuronsExercises e) -> {
                INDArray d = outputDelta(e, matrix(new double[][] {{0.8}}), matrix(new double[][] {{1}}));
                Expect.near(new double[][] {{-0.032}}, d.toDoubleMatrix(), 1e-12, "outputDelta(y = [[0.8]], t = [[1]])");
            }),
            of("3.6", 1, "a batch of 3 samples with 2 outputs, entry by entry, without changing y or t", (NeuronsExercises e) -> {
                double[][] y = {{0.1, 0.9}, {0.5, 0.3}, {0.99, 0.02}};
                double[][] t = {{0, 1}, {1, 0}, {1, 1}};
                INDArray ya = matrix(y);
                INDArray ta = matrix(t);
                INDArray d = outputDelta(e, ya, ta);
                double[][] expected = new double[3][2];
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 2; k++) {
                        expected[i][k] = (y[i][k] - t[i][k]) * y[i][k] * (1 - y[i][k]);
                    }
                }
                Expect.near(expected, d.toDoubleMatrix(), 1e-12, "outputDelta for a batch [3, 2]");
                unchanged(y, ya, "y", "outputDelta");
                unchanged(t, ta, "t", "outputDelta");
            }),

            of("3.7", 1, "one sample, 2 hidden units, 1 output: delta1 = (delta2 W2^T) h (1 - h) = [0.0125, -0.009]", (NeuronsExercises e) -> {
                INDArray d = hiddenDelta(e, matrix(new double[][] {{0.1}}), matrix(new double[][] {{0.5}, {-1}}),
                        matrix(new double[][] {{0.5, 0.9}}), 1, 2);
                Expect.near(new double[][] {{0.0125, -0.009}}, d.toDoubleMatrix(), 1e-12,
                        "hiddenDelta(delta2 = [[0.1]], W2 = [[0.5], [-1]], h = [[0.5, 0.9]])");
            }),
            of("3.7", 2, "a batch of 4 samples, 3 hidden units, 2 outputs, without changing its inputs", (NeuronsExercises e) -> {
                double[][] delta2 = {{0.1, -0.2}, {0.05, 0.3}, {-0.4, 0}, {0.2, 0.2}};
                double[][] w2 = {{0.5, -1}, {2, 0.25}, {-0.75, 1.5}};
                double[][] h = {{0.1, 0.5, 0.9}, {0.3, 0.7, 0.2}, {0.6, 0.4, 0.8}, {0.95, 0.05, 0.5}};
                INDArray da = matrix(delta2);
                INDArray wa = matrix(w2);
                INDArray ha = matrix(h);
                INDArray d = hiddenDelta(e, da, wa, ha, 4, 3);
                double[][] expected = new double[4][3];
                for (int i = 0; i < 4; i++) {
                    for (int j = 0; j < 3; j++) {
                        double back = 0;
                        for (int k = 0; k < 2; k++) {
                            back += w2[j][k] * delta2[i][k];
                        }
                        expected[i][j] = back * h[i][j] * (1 - h[i][j]);
                    }
                }
                Expect.near(expected, d.toDoubleMatrix(), 1e-12, "hiddenDelta for a batch of 4 (W2 is [3, 2])");
                unchanged(delta2, da, "delta2", "hiddenDelta");
                unchanged(w2, wa, "W2", "hiddenDelta");
                unchanged(h, ha, "h", "hiddenDelta");
            })
        );
    }

    /** The checks of exercise 3.8. */
    private static List<ExerciseCheck<NeuronsExercises>> exercise8() {
        return List.of(
            of("3.8", 1, "the gradient has the network's shapes: dW1 [2, 3], db1 [1, 3], dW2 [3, 2], db2 [1, 2]", (NeuronsExercises e) -> {
                GradientCase.batchOfFive().gradientOf(e);
            }),
            of("3.8", 2, "dC/dW1 and dC/dW2 agree with the numerical gradient (batch of 5, net 2 -> 3 -> 2)", (NeuronsExercises e) -> {
                GradientCase c = GradientCase.batchOfFive();
                TwoLayerNet g = c.gradientOf(e);
                TwoLayerNet numerical = c.numerical();
                agrees(numerical, g, 2, "hT delta2");
                agrees(numerical, g, 0, "xT delta1");
            }),
            of("3.8", 1, "dC/db1 and dC/db2 agree with the numerical gradient (batch of 5, net 2 -> 3 -> 2)", (NeuronsExercises e) -> {
                GradientCase c = GradientCase.batchOfFive();
                TwoLayerNet g = c.gradientOf(e);
                TwoLayerNet numerical = c.numerical();
                agrees(numerical, g, 3, "delta2 summed over the samples");
                agrees(numerical, g, 1, "delta1 summed over the samples");
            }),
            of("3.8", 1, "on the 4 XOR inputs with a 2 -> 2 -> 1 net every entry agrees with the numerical gradient", (NeuronsExercises e) -> {
                GradientCase c = new GradientCase(TwoLayerNet.random(2, 2, 1, 8), matrix(BINARY_PAIRS),
                        matrix(new double[][] {{0}, {1}, {1}, {0}}));
                TwoLayerNet g = c.gradientOf(e);
                TwoLayerNet numerical = c.numerical();
                for (int k = 0; k < 4; k++) {
                    agrees(numerical, g, k, "backpropagation");
                }
            })
        );
    }

    /** A seeded cloud of n points in [-1, 1]^2 kept at least 0.1 from the line x2 = 0.5 x1 + 0.2. */
    public static double[][] separablePoints(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] xs = new double[n][];
        int i = 0;
        while (i < n) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            if (Math.abs(b - 0.5 * a - 0.2) >= 0.1) {
                xs[i++] = new double[] {a, b};
            }
        }
        return xs;
    }

    /** +1 above the line x2 = 0.5 x1 + 0.2, -1 below: the labels of {@link #separablePoints}. */
    public static int[] separableTargets(double[][] xs) {
        return Arrays.stream(xs).mapToInt(p -> p[1] > 0.5 * p[0] + 0.2 ? 1 : -1).toArray();
    }

    private interface Gate {
        int fires(int[] x);
    }

    private static void truthTable(NeuronsExercises e, String name, int inputs, Gate gate) {
        McCullochPitts unit = e.gate(name);
        Expect.notNull(unit, "gate(\"" + name + "\")");
        Expect.that(unit.weights().length == inputs, "gate(\"" + name + "\"): expected a unit with " + inputs
                + (inputs == 1 ? " input" : " inputs") + " (one weight each) but got " + unit);
        for (int code = 0; code < 1 << inputs; code++) {
            int[] x = new int[inputs];
            for (int i = 0; i < inputs; i++) {
                x[i] = (code >> (inputs - 1 - i)) & 1;
            }
            int expected = gate.fires(x);
            int actual = unit.output(x);
            Expect.that(actual == expected, "gate(\"" + name + "\") = " + unit + " gives " + actual + " for x = "
                    + Arrays.toString(x) + " (weighted sum " + Expect.fmt(unit.weightedSum(x)) + ") but " + name
                    + " is " + expected + " there. Hint: it fires when the weighted sum reaches the threshold.");
        }
    }

    private static double[] perceptronStep(NeuronsExercises e, double[] w, double[] x, int t, double eta) {
        double[] before = w.clone();
        double[] result = e.perceptronStep(w, x, t, eta);
        Expect.that(Arrays.equals(before, w), "perceptronStep changed its argument w from " + Expect.fmt(before)
                + " to " + Expect.fmt(w) + ". Hint: return a new array (w.clone()) and leave w as it was.");
        return result;
    }

    private static double[] trainPerceptron(NeuronsExercises e, double[][] xs, int[] ts, double eta, int maxEpochs) {
        double[] w = e.trainPerceptron(xs, ts, eta, maxEpochs);
        Expect.notNull(w, "trainPerceptron");
        Expect.that(w.length == xs[0].length + 1, "trainPerceptron: expected " + (xs[0].length + 1)
                + " weights (the bias w0 and one per input) but got " + w.length + ": " + Expect.fmt(w));
        return w;
    }

    private static Linear collapse(NeuronsExercises e, Linear first, Linear second) {
        INDArray w1 = first.weight().value().dup();
        INDArray w2 = second.weight().value().dup();
        Linear one = e.collapse(first, second);
        Expect.notNull(one, "collapse(first, second)");
        Expect.that(one.hasBias(), "collapse(first, second): expected a Linear with a bias (b1 W2 + b2) but got " + one);
        Expect.that(first.weight().value().equals(w1) && second.weight().value().equals(w2),
                "collapse changed the weights of the layers it was given. Hint: mmul returns a new matrix; avoid mmuli/addi on them.");
        Expect.that(one.inFeatures() == first.inFeatures() && one.outFeatures() == second.outFeatures(),
                "collapse(" + first + ", " + second + "): expected a Linear(" + first.inFeatures() + " -> "
                + second.outFeatures() + ") but got " + one + ". Hint: W = W1 W2, in this order.");
        return one;
    }

    private static INDArray outputDelta(NeuronsExercises e, INDArray y, INDArray t) {
        INDArray d = e.outputDelta(y, t);
        Expect.notNull(d, "outputDelta");
        Expect.that(Arrays.equals(d.shape(), y.shape()), "outputDelta: expected delta2 of shape "
                + Arrays.toString(y.shape()) + " (the shape of y) but got " + Arrays.toString(d.shape()));
        return d;
    }

    private static INDArray hiddenDelta(NeuronsExercises e, INDArray delta2, INDArray w2, INDArray h, long batch, long hidden) {
        INDArray d = e.hiddenDelta(delta2, w2, h);
        Expect.notNull(d, "hiddenDelta");
        Expect.that(Arrays.equals(d.shape(), new long[] {batch, hidden}), "hiddenDelta: expected delta1 of shape ["
                + batch + ", " + hidden + "] (the shape of h) but got " + Arrays.toString(d.shape())
                + ". Hint: delta2 [batch, out] times W2 transposed [out, hidden].");
        return d;
    }

    /** Exercise 3.8's input: a network, a batch x and its targets t; each check makes a fresh one. */
    private record GradientCase(TwoLayerNet net, INDArray x, INDArray t) {

        /** A seeded 2 -> 3 -> 2 network and 5 samples with targets in [0, 1]. */
        static GradientCase batchOfFive() {
            return new GradientCase(TwoLayerNet.random(2, 3, 2, 3), Init.uniform(-1, 1, 4).create(5, 2),
                    Init.uniform(0, 1, 5).create(5, 2));
        }

        /** The submission's gradient, with its shapes checked and the inputs left unchanged. */
        TwoLayerNet gradientOf(NeuronsExercises e) {
            return gradients(e, net, x, t);
        }

        /** The central-difference gradient of the same cost. */
        TwoLayerNet numerical() {
            return net.numericalGradient(x, t);
        }
    }

    private static TwoLayerNet gradients(NeuronsExercises e, TwoLayerNet net, INDArray x, INDArray t) {
        TwoLayerNet before = new TwoLayerNet(net.w1().dup(), net.b1().dup(), net.w2().dup(), net.b2().dup());
        INDArray xBefore = x.dup();
        TwoLayerNet g = e.gradients(net, x, t);
        Expect.notNull(g, "gradients(net, x, t)");
        for (int k = 0; k < 4; k++) {
            long[] expected = net.array(k).shape();
            long[] actual = g.array(k).shape();
            Expect.that(Arrays.equals(expected, actual), "gradients: expected d" + TwoLayerNet.NAMES.get(k)
                    + " of shape " + Arrays.toString(expected) + " (the shape of " + TwoLayerNet.NAMES.get(k) + ") but got "
                    + Arrays.toString(actual) + ". Hint: dW2 = h^T delta2 is [hidden, batch] x [batch, out].");
        }
        Expect.that(net.maxDifference(before) == 0 && x.equals(xBefore),
                "gradients changed the network or the inputs it was given. Hint: avoid in-place operations (subi, muli) on them.");
        return g;
    }

    private static void agrees(TwoLayerNet numerical, TwoLayerNet g, int k, String formula) {
        String name = TwoLayerNet.NAMES.get(k);
        double difference = numerical.maxDifference(g, k);
        Expect.that(difference <= GRADIENT_TOLERANCE, "gradients: d" + name + " (" + formula + ") differs from the numerical"
                + " gradient by up to " + Expect.fmt(difference) + " (allowed " + Expect.fmt(GRADIENT_TOLERANCE) + "): expected "
                + Expect.fmt(numerical.array(k).toDoubleMatrix()) + " but was " + Expect.fmt(g.array(k).toDoubleMatrix()));
    }

    private static void unchanged(double[][] before, INDArray after, String name, String method) {
        Expect.that(Arrays.deepEquals(before, after.toDoubleMatrix()), method + " changed its argument " + name
                + ". Hint: y.sub(t) makes a new array, y.subi(t) overwrites y.");
    }

    private static INDArray matrix(double[][] m) {
        return Nd4j.createFromArray(m);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
