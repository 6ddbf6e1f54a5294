package org.nnlab.explain;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;
import org.nnlab.nn.Identity;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;

/**
 * The slides' arithmetic for any small network of {@link Linear} layers, each followed by a sigmoid,
 * a ReLU, a tanh or nothing. For one input x it computes, neuron by neuron,
 * <pre>
 *   sum_j a_j^(L-1) W_ji^(L)  =  term + term + ...   (a term is 0 when its input is 0)
 *   ... + b_i^(L)             =  z
 *   a_i^(L) = g(z)
 * </pre>
 * and writes it as the rectangle workshop does:
 * {@code 0 + 0 + 0 + (1 x (-3.8)) + ... = -4.1; -4.1 + (-0.3) = -4.4; g(-4.4) = 0.012}. In a notebook
 * the result shows as LaTeX (text/latex, typeset by JupyterLab's MathJax) with a plain-text twin.
 */
public final class Explain {

    /** Significant digits of the numbers shown, as on the slides (-4.1, 0.012, 0.89). */
    public static final int DIGITS = 2;
    /** A neuron with more inputs than this is too big to write term by term. */
    public static final int MAX_INPUTS = 32;
    /** A layer with more neurons than this is too big to write neuron by neuron. */
    public static final int MAX_NEURONS = 16;

    private Explain() {
    }

    /** The forward pass of {@code net} for one input x (one number per input unit), numbers to 2 digits. */
    public static Explanation forward(Layer net, double... x) {
        return forward(net, x, DIGITS);
    }

    /** The same for x as an array of shape [inputs] or [1, inputs]. */
    public static Explanation forward(Layer net, INDArray x) {
        Args.requireArray(x, "Explain.forward", "one input x, shape [inputs] or [1, inputs]");
        Args.require(x.isVector() || x.length() == 1, "Explain.forward", "one input x, shape [inputs] or [1, inputs]",
                Args.shape(x), "explain one sample at a time, e.g. data.features().getRow(0).");
        return forward(net, x.castTo(DataType.DOUBLE).toDoubleVector(), DIGITS);
    }

    /** The forward pass with numbers rounded to {@code digits} significant digits. */
    public static Explanation forward(Layer net, double[] x, int digits) {
        Args.require(net != null, "Explain.forward", "a network", null, "e.g. Explain.forward(net, x).");
        Args.require(x != null && x.length > 0, "Explain.forward", "an input x with one number per input unit",
                x == null ? null : "an empty array", "e.g. new double[] {0, 0, 0, 1, 0, 0, 1, 0, 0}.");
        Args.require(digits >= 1 && digits <= 17, "Explain.forward", "1 to 17 significant digits", digits, "the slides use 2.");
        List<Layer> layers = net instanceof Sequential s ? s.layers() : List.of(net);
        List<NeuronStep> steps = new ArrayList<>();
        double[] a = x;
        int number = 0;
        for (int k = 0; k < layers.size(); k++) {
            Linear linear = linearAt(layers, k);
            Layer next = k + 1 < layers.size() ? layers.get(k + 1) : null;
            ActivationFunction g = next == null ? null : ActivationFunction.of(next);
            Layer applied = g != null || next instanceof Identity ? layers.get(++k) : null;
            a = layer(++number, linear, a, g == null ? ActivationFunction.NONE : g, applied, steps);
        }
        return new Explanation(steps, a, new Numbers(digits));
    }

    /** Layer k as a Linear layer of a small size, or a clear error. */
    private static Linear linearAt(List<Layer> layers, int k) {
        Layer layer = layers.get(k);
        if (!(layer instanceof Linear linear)) {
            throw Args.fail("Explain.forward", "Linear layers, each followed by Sigmoid, Relu, Tanh or nothing",
                    "layer " + k + ": " + layer, "Explain writes out the slides' networks (Linear + activation); "
                            + "explain the Linear part of other networks, e.g. Sequential.of(linear, new Sigmoid()).");
        }
        if (linear.inFeatures() > MAX_INPUTS || linear.outFeatures() > MAX_NEURONS) {
            throw Args.fail("Explain.forward", "a small network (at most " + MAX_INPUTS + " inputs and "
                    + MAX_NEURONS + " neurons per layer)", "layer " + k + ": " + linear,
                    "writing every term of a bigger layer helps nobody; explain a small network such as the "
                            + "rectangle's 9-2-1.");
        }
        return linear;
    }

    /** One Linear layer (number L) and its activation: appends a step per neuron, returns a^(L). */
    private static double[] layer(int number, Linear linear, double[] a, ActivationFunction g, Layer activation,
            List<NeuronStep> steps) {
        Args.require(a.length == linear.inFeatures(), "Explain.forward", "an input with " + linear.inFeatures()
                + " numbers for " + linear, a.length, "x has one number per input unit of the first layer.");
        double[][] w = linear.weight().value().castTo(DataType.DOUBLE).toDoubleMatrix();   // [in, out]
        double[] b = linear.hasBias() ? linear.bias().value().castTo(DataType.DOUBLE).toDoubleVector() : null;
        int out = (int) linear.outFeatures();
        double[] z = new double[out];
        double[] sums = new double[out];
        for (int i = 0; i < out; i++) {
            for (int j = 0; j < a.length; j++) {
                sums[i] += a[j] * w[j][i];
            }
            z[i] = b == null ? sums[i] : sums[i] + b[i];
        }
        double[] values = activation == null ? z : apply(activation, z, linear);
        for (int i = 0; i < out; i++) {
            steps.add(new NeuronStep(number, i + 1, a.clone(), column(w, i), sums[i], b == null ? null : b[i],
                    z[i], g, values[i]));
        }
        return values;
    }

    /** The network's own activation layer applied to z: the values are what the network computes. */
    private static double[] apply(Layer activation, double[] z, Linear linear) {
        INDArray row = Nd4j.createFromArray(new double[][] {z}).castTo(linear.weight().value().dataType());
        return activation.forward(row).castTo(DataType.DOUBLE).toDoubleVector();
    }

    private static double[] column(double[][] w, int i) {
        double[] c = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            c[j] = w[j][i];
        }
        return c;
    }
}
