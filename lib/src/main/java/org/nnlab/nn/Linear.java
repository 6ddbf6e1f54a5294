package org.nnlab.nn;

import static org.nnlab.nn.internal.MatrixProducts.columnSums;
import static org.nnlab.nn.internal.MatrixProducts.times;
import static org.nnlab.nn.internal.MatrixProducts.timesTranspose;
import static org.nnlab.nn.internal.MatrixProducts.transposeTimes;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * A fully connected (dense) layer: {@code y = x W + b}.
 *
 * <p>Shapes: input x {@code [batch, in]}, weight W {@code [in, out]} (one row per input, as the slides
 * draw it), bias b {@code [1, out]}, output y {@code [batch, out]}.
 *
 * <p>Backward, given g = dL/dy: {@code dL/dW = xᵀ g}, {@code dL/db = Σ_batch g}, {@code dL/dx = g Wᵀ}.
 *
 * <p>Weights start from {@link Init#defaultInit()} (Glorot uniform, Keras's default; pass
 * {@link Init#heNormal(long)} for ReLU networks), biases at zero.
 */
public final class Linear implements Layer {

    private final long in;
    private final long out;
    private final boolean withBias;
    private final Parameter weight;
    private final Parameter bias;   // null without bias
    private INDArray input;         // cached by forward: [batch, in]

    /** A layer with bias and Glorot-uniform weights from the global seed stream. */
    public Linear(long in, long out) {
        this(in, out, true, Init.defaultInit());
    }

    /** A layer with or without bias. */
    public Linear(long in, long out, boolean withBias) {
        this(in, out, withBias, Init.defaultInit());
    }

    /** A layer with bias whose weights come from {@code init}, e.g. {@code Init.heNormal(42)}. */
    public Linear(long in, long out, Init init) {
        this(in, out, true, init);
    }

    /** A layer with or without bias whose weights come from {@code init}. */
    public Linear(long in, long out, boolean withBias, Init init) {
        Args.require(in > 0 && out > 0, "Linear(in, out)", "sizes > 0", "in = " + in + ", out = " + out,
                "in is the number of input features, out the number of units, e.g. new Linear(784, 128).");
        this.in = in;
        this.out = out;
        this.withBias = withBias;   // set before the parameters, whose names use toString()
        this.weight = new Parameter(this, "weight", init.create(new long[] {in, out}, in, out));
        // the bias has the weight's data type (double unless the Init says otherwise, see Init#withDataType)
        this.bias = withBias ? new Parameter(this, "bias", Nd4j.zeros(weight.value().dataType(), 1, out)) : null;
    }

    /**
     * A layer with given weights, e.g. the slides' rectangle network.
     *
     * @param w weights {@code [in][out]}: row i holds the weights leaving input i
     * @param b biases {@code [out]}, or null for a layer without bias
     */
    public static Linear withWeights(double[][] w, double[] b) {
        Args.require(w != null && w.length > 0 && w[0].length > 0, "Linear.withWeights", "weights W [in][out] with in, out > 0",
                w == null ? null : "[" + w.length + "][" + (w.length == 0 ? 0 : w[0].length) + "]",
                "row i of W holds the weights leaving input i.");
        Linear layer = new Linear(w.length, w[0].length, b != null, Init.zeros());
        layer.weight.set(Nd4j.createFromArray(w));
        if (b != null) {
            Args.require(b.length == w[0].length, "Linear.withWeights", w[0].length + " biases (W is [" + w.length
                    + "][" + w[0].length + "])", b.length + " biases", "one bias per output unit.");
            layer.bias.set(Nd4j.createFromArray(b).reshape(1, b.length));
        }
        return layer;
    }

    /** A layer with given weights and no bias. */
    public static Linear withWeights(double[][] w) {
        return withWeights(w, null);
    }

    @Override
    public INDArray forward(INDArray x) {
        Shapes.requireFeatures(this, x, in);
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        input = x.castTo(weight.value().dataType());                      // [batch, in]
        INDArray y = times(input, weight.value());                         // x W: [batch, out]
        return Finite.requireOutput(this, "forward", bias == null ? y : y.addiRowVector(bias.value()));
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, input);
        Shapes.requireSameShape(this, "gradOutput", new long[] {input.size(0), out}, gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        INDArray g = gradOutput.castTo(input.dataType());
        weight.accumulate(transposeTimes(input, g));                      // dL/dW += xᵀ g
        if (bias != null) {
            bias.accumulate(columnSums(g));                               // dL/db += Σ_batch g: b was broadcast over the batch
        }
        return Finite.requireOutput(this, "backward", timesTranspose(g, weight.value()));   // dL/dx = g Wᵀ
    }

    @Override
    public List<Parameter> parameters() {
        return bias == null ? List.of(weight) : List.of(weight, bias);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        Shapes.requireFeatures(this, "outputShape", inputShape, in);
        return new long[] {inputShape[0], out};
    }

    /** The weight W, {@code [in, out]}. */
    public Parameter weight() {
        return weight;
    }

    /**
     * The bias b, {@code [1, out]}.
     *
     * @throws IllegalStateException when the layer was built without bias
     */
    public Parameter bias() {
        if (bias == null) {
            throw new IllegalStateException(this + ".bias: this layer has no bias (built with withBias = false).");
        }
        return bias;
    }

    /** Whether the layer adds a bias. */
    public boolean hasBias() {
        return bias != null;
    }

    public long inFeatures() {
        return in;
    }

    public long outFeatures() {
        return out;
    }

    @Override
    public String toString() {
        return "Linear(" + in + " -> " + out + (withBias ? "" : ", no bias") + ")";
    }
}
