package org.nnlab.nn;

import static org.nnlab.nn.internal.NativeOps.conv2d;
import static org.nnlab.nn.internal.NativeOps.conv2dGradients;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;
import org.nnlab.nn.internal.NativeOps.ConvGradients;

/**
 * A 2-D convolution (cross-correlation, as in every framework) with square kernels:
 * {@code y[b, o, i, j] = bias[o] + Σ_c Σ_u Σ_v W[o, c, u, v] · x[b, c, i·s + u - p, j·s + v - p]}
 * (s = stride, p = zero padding).
 *
 * <p>Shapes: input x {@code [batch, inChannels, h, w]}, weight W {@code [outChannels, inChannels, k, k]}
 * (PyTorch's layout), bias {@code [outChannels]}, output y {@code [batch, outChannels, h', w']} with
 * {@code h' = (h + 2p - k) / s + 1}.
 *
 * <p>Backward, given g = dL/dy: {@code dL/dW[o, c, u, v] = Σ_b Σ_i Σ_j g[b, o, i, j] · x[b, c, i·s + u - p, j·s + v - p]},
 * {@code dL/db[o] = Σ_b Σ_i Σ_j g[b, o, i, j]}, and dL/dx sends each g[b, o, i, j] back through the
 * weights to the inputs its window covered (windows overlap, so contributions add up).
 *
 * <p>How it is computed: im2col copies every k×k patch of every channel into a row of a matrix X_col
 * {@code [batch·h'·w', inChannels·k·k]}; the convolution is then one matrix product
 * {@code Y = X_col W_rowᵀ + b} with W_row {@code [outChannels, inChannels·k·k]}, and backward is the
 * Linear layer's backward on those matrices ({@code dW = Gᵀ X_col}, {@code dX_col = G W_row}) followed
 * by col2im, which adds each patch's gradient back where the patch came from. ND4J's native conv2d and
 * conv2d_bp kernels do exactly this, in every data type.
 *
 * <p>Weights start Glorot uniform (fanIn = inChannels·k·k, fanOut = outChannels·k·k, as Keras), biases at 0.
 */
public final class Conv2d implements Layer {

    private final int in;
    private final int out;
    private final int k;
    private final int stride;
    private final int padding;
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;      // x, cached by forward: [batch, in, h, w]

    /** Stride 1, no padding, Glorot-uniform weights from the global seed stream. */
    public Conv2d(int inChannels, int outChannels, int kernel) {
        this(inChannels, outChannels, kernel, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, outChannels, kernel, stride, padding, Init.defaultInit());
    }

    /** A convolution whose weights come from {@code init}, e.g. {@code Init.heNormal(42)}. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Init init) {
        Args.require(inChannels > 0 && outChannels > 0 && kernel > 0 && stride > 0 && padding >= 0, "Conv2d",
                "channels, kernel and stride > 0 and padding >= 0", "in = " + inChannels + ", out = " + outChannels
                        + ", kernel = " + kernel + ", stride = " + stride + ", padding = " + padding,
                "e.g. new Conv2d(1, 32, 3) for 32 filters of 3x3 over one input channel.");
        this.in = inChannels;
        this.out = outChannels;
        this.k = kernel;
        this.stride = stride;
        this.padding = padding;
        this.weight = new Parameter(this, "weight",
                init.create(new long[] {out, in, k, k}, (long) in * k * k, (long) out * k * k));
        this.bias = new Parameter(this, "bias", Nd4j.zeros(weight.value().dataType(), out));   // the weight's type
    }

    @Override
    public INDArray forward(INDArray x) {
        long[] outShape = outputShape(x == null ? null : x.shape());
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        input = x.castTo(weight.value().dataType());
        INDArray y = conv2d(input, weight.value(), bias.value(), stride, padding, outShape);   // x ⋆ W + b
        return Finite.requireOutput(this, "forward", y);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, input);
        Shapes.requireSameShape(this, "gradOutput", outputShape(input.shape()), gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        ConvGradients d = conv2dGradients(input, weight.value(), bias.value(), gradOutput.castTo(input.dataType()),
                stride, padding);
        weight.accumulate(d.weight());                                    // dL/dW += g ⋆ x
        bias.accumulate(d.bias());                                        // dL/db += Σ_b,i,j g
        return Finite.requireOutput(this, "backward", d.input());          // dL/dx: g sent back through W
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        Shapes.requireImages(this, "forward", inputShape, in);
        long h = inputShape[2] + 2L * padding - k;
        long w = inputShape[3] + 2L * padding - k;
        if (h < 0 || w < 0) {
            throw Args.fail(this + ".forward", "images of at least " + k + "x" + k + " (with padding)",
                    Shapes.format(inputShape), "use a smaller kernel, more padding, or fewer pooling layers before this one.");
        }
        return new long[] {inputShape[0], out, h / stride + 1, w / stride + 1};
    }

    /** W, {@code [outChannels, inChannels, k, k]}. */
    public Parameter weight() {
        return weight;
    }

    /** b, {@code [outChannels]}. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "Conv2d(" + in + " -> " + out + ", " + k + "x" + k + ", stride " + stride + ", padding " + padding + ")";
    }
}
