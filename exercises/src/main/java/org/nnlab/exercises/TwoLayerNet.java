package org.nnlab.exercises;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.check.Args;
import org.nnlab.gradcheck.GradCheck;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;

/**
 * The 2-layer sigmoid network of notebook 03, written out so that its backward pass is the student's:
 * {@code h = σ(x W1 + b1)}, {@code y = σ(h W2 + b2)}, with the cost {@code C = ½ Σ (y - t)²} summed
 * over the samples and outputs.
 *
 * <p>Shapes: {@code x: [batch, in]}, {@code W1: [in, hidden]}, {@code b1: [1, hidden]},
 * {@code h: [batch, hidden]}, {@code W2: [hidden, out]}, {@code b2: [1, out]}, {@code y, t: [batch, out]}.
 *
 * <p>A gradient has one entry per parameter, in the same shapes, so it is a TwoLayerNet too:
 * {@code new TwoLayerNet(dC/dW1, dC/db1, dC/dW2, dC/db2)}; {@link #step} takes a gradient-descent
 * step with it. The arrays are double ({@link Init#DTYPE}) and are never modified by the methods here.
 */
public record TwoLayerNet(INDArray w1, INDArray b1, INDArray w2, INDArray b2) {

    /** The names of the four arrays, in order, as the reports print them. */
    public static final List<String> NAMES = List.of("W1", "b1", "W2", "b2");

    /**
     * @throws IllegalArgumentException when an array is missing or the shapes do not fit together
     */
    public TwoLayerNet {
        String where = "TwoLayerNet";
        Args.requireArray(w1, where, "W1");
        Args.requireArray(b1, where, "b1");
        Args.requireArray(w2, where, "W2");
        Args.requireArray(b2, where, "b2");
        Args.require(w1.rank() == 2, where, "W1 as a matrix [in, hidden]", w1, "one row per input, one column per hidden unit.");
        long hidden = w1.size(1);
        Args.require(w2.rank() == 2 && w2.size(0) == hidden, where,
                "W2 of shape [" + hidden + ", out] (W1 is " + Args.shape(w1) + ", so " + hidden + " hidden units)", w2,
                "W2 has one row per hidden unit; a gradient dC/dW2 = h^T delta2 has that shape too.");
        long out = w2.size(1);
        Args.require(b1.rank() == 2 && b1.size(0) == 1 && b1.size(1) == hidden, where, "b1 of shape [1, " + hidden + "]", b1,
                "one bias per hidden unit, as a row; a gradient dC/db1 sums delta1 over the samples: delta1.sum(true, 0).");
        Args.require(b2.rank() == 2 && b2.size(0) == 1 && b2.size(1) == out, where, "b2 of shape [1, " + out + "]", b2,
                "one bias per output unit, as a row; a gradient dC/db2 sums delta2 over the samples: delta2.sum(true, 0).");
        w1 = w1.castTo(Init.DTYPE);
        b1 = b1.castTo(Init.DTYPE);
        w2 = w2.castTo(Init.DTYPE);
        b2 = b2.castTo(Init.DTYPE);
    }

    /** A network with the given weights ({@code w1[in][hidden]}, {@code b1[hidden]}, {@code w2[hidden][out]}, {@code b2[out]}). */
    public static TwoLayerNet of(double[][] w1, double[] b1, double[][] w2, double[] b2) {
        return new TwoLayerNet(org.nd4j.linalg.factory.Nd4j.createFromArray(w1), row(b1, "b1"),
                org.nd4j.linalg.factory.Nd4j.createFromArray(w2), row(b2, "b2"));
    }

    /** A network with every weight and bias drawn from U(-1, 1) with {@code seed}: the same numbers on every machine. */
    public static TwoLayerNet random(int in, int hidden, int out, long seed) {
        Args.require(in > 0 && hidden > 0 && out > 0, "TwoLayerNet.random", "sizes in, hidden, out > 0",
                in + ", " + hidden + ", " + out, "e.g. TwoLayerNet.random(2, 3, 1, 42).");
        Init init = Init.uniform(-1, 1, seed);
        return new TwoLayerNet(init.create(in, hidden), init.create(1, hidden), init.create(hidden, out), init.create(1, out));
    }

    public long inputs() {
        return w1.size(0);
    }

    public long hiddenUnits() {
        return w1.size(1);
    }

    public long outputs() {
        return w2.size(1);
    }

    /** The hidden layer's outputs {@code h = σ(x W1 + b1)}, {@code [batch, hidden]}. */
    public INDArray hidden(INDArray x) {
        requireInput(x, "hidden");
        return Transforms.sigmoid(x.castTo(Init.DTYPE).mmul(w1).addiRowVector(b1), false);
    }

    /** The network's outputs {@code y = σ(h W2 + b2)}, {@code [batch, out]}. */
    public INDArray output(INDArray x) {
        return Transforms.sigmoid(hidden(x).mmul(w2).addiRowVector(b2), false);
    }

    /** The cost {@code C = ½ Σ (y - t)²} over all samples and outputs. */
    public double cost(INDArray x, INDArray t) {
        INDArray y = output(x);
        requireTarget(x, t, "cost");
        INDArray d = y.subi(t.castTo(Init.DTYPE));
        return 0.5 * d.mul(d).sumNumber().doubleValue();
    }

    /**
     * The gradient of {@link #cost} by central differences, entry by entry:
     * {@code ∂C/∂v ≈ (C(v + ε) - C(v - ε)) / 2ε} with ε = {@link GradCheck#EPSILON}. Slow (two forward
     * passes per parameter) but needs no calculus: the yardstick for backpropagation.
     */
    public TwoLayerNet numericalGradient(INDArray x, INDArray t) {
        requireTarget(x, t, "numericalGradient");
        TwoLayerNet probe = new TwoLayerNet(w1.dup(), b1.dup(), w2.dup(), b2.dup());
        INDArray[] grads = new INDArray[4];
        for (int k = 0; k < 4; k++) {
            INDArray v = probe.array(k);
            INDArray g = v.like();
            for (long i = 0; i < v.length(); i++) {
                double original = v.getDouble(i);
                v.putScalar(i, original + GradCheck.EPSILON);
                double plus = probe.cost(x, t);
                v.putScalar(i, original - GradCheck.EPSILON);
                double minus = probe.cost(x, t);
                v.putScalar(i, original);
                g.putScalar(i, (plus - minus) / (2 * GradCheck.EPSILON));
            }
            grads[k] = g;
        }
        return new TwoLayerNet(grads[0], grads[1], grads[2], grads[3]);
    }

    /**
     * One gradient-descent step: every parameter {@code p <- p - eta * dC/dp}.
     *
     * @param gradient the gradient, in this network's shapes
     * @param eta      the learning rate > 0
     * @return the new network (this one is unchanged)
     */
    public TwoLayerNet step(TwoLayerNet gradient, double eta) {
        Args.require(gradient != null, "TwoLayerNet.step", "a gradient (a TwoLayerNet)", null,
                "pass the result of gradients(net, x, t).");
        requireSameShapes(gradient, "step");
        Args.require(eta > 0, "TwoLayerNet.step", "a learning rate eta > 0", eta, "try 0.5.");
        return new TwoLayerNet(w1.sub(gradient.w1.mul(eta)), b1.sub(gradient.b1.mul(eta)),
                w2.sub(gradient.w2.mul(eta)), b2.sub(gradient.b2.mul(eta)));
    }

    /**
     * The largest {@code |a - b|} over the entries of one of the four arrays.
     *
     * @param k 0 for W1, 1 for b1, 2 for W2, 3 for b2 (see {@link #NAMES})
     */
    public double maxDifference(TwoLayerNet other, int k) {
        requireSameShapes(other, "maxDifference");
        return Transforms.abs(array(k).sub(other.array(k)), false).maxNumber().doubleValue();
    }

    /** The largest {@code |a - b|} over all entries of the four arrays. */
    public double maxDifference(TwoLayerNet other) {
        double max = 0;
        for (int k = 0; k < 4; k++) {
            max = Math.max(max, maxDifference(other, k));
        }
        return max;
    }

    /** The largest {@code |entry|} of the four arrays: for a gradient, how steep the cost still is. */
    public double maxAbs() {
        double max = 0;
        for (int k = 0; k < 4; k++) {
            max = Math.max(max, array(k).amaxNumber().doubleValue());
        }
        return max;
    }

    /** The array number k: 0 W1, 1 b1, 2 W2, 3 b2. */
    public INDArray array(int k) {
        return switch (k) {
            case 0 -> w1;
            case 1 -> b1;
            case 2 -> w2;
            case 3 -> b2;
            default -> throw Args.fail("TwoLayerNet.array", "0 (W1), 1 (b1), 2 (W2) or 3 (b2)", k, "see TwoLayerNet.NAMES.");
        };
    }

    /**
     * The same network as library layers, {@code Linear(in -> hidden), Sigmoid, Linear(hidden -> out), Sigmoid},
     * with copies of the weights: its backward pass is the library's.
     */
    public Sequential toSequential() {
        return Sequential.of(Linear.withWeights(w1.toDoubleMatrix(), b1.toDoubleVector()), new Sigmoid(),
                Linear.withWeights(w2.toDoubleMatrix(), b2.toDoubleVector()), new Sigmoid());
    }

    @Override
    public String toString() {
        return "TwoLayerNet(" + inputs() + " -> " + hiddenUnits() + " -> " + outputs() + ")";
    }

    private void requireInput(INDArray x, String method) {
        Args.requireArray(x, "TwoLayerNet." + method, "the inputs x");
        Args.require(x.rank() == 2 && x.size(1) == inputs(), this + "." + method,
                "inputs x of shape [batch, " + inputs() + "]", x, "one row per sample, one column per input.");
    }

    private void requireTarget(INDArray x, INDArray t, String method) {
        requireInput(x, method);
        Args.requireArray(t, "TwoLayerNet." + method, "the targets t");
        Args.require(t.rank() == 2 && t.size(0) == x.size(0) && t.size(1) == outputs(), this + "." + method,
                "targets t of shape [" + x.size(0) + ", " + outputs() + "] (one row per sample of x)", t,
                "one row per sample, one column per output.");
    }

    private void requireSameShapes(TwoLayerNet other, String method) {
        for (int k = 0; k < 4; k++) {
            Args.require(java.util.Arrays.equals(array(k).shape(), other.array(k).shape()), this + "." + method,
                    NAMES.get(k) + " of shape " + Args.shape(array(k)), other.array(k),
                    "a gradient has the shapes of the network's parameters.");
        }
    }

    private static INDArray row(double[] b, String name) {
        Args.require(b != null, "TwoLayerNet.of", name + " (one bias per unit)", null, "pass e.g. new double[] {0, 0}.");
        return org.nd4j.linalg.factory.Nd4j.createFromArray(b).reshape(1, b.length);
    }
}
