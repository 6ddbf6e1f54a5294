package org.nnlab.nn;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.convolution.Convolution;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A 2-D convolution (cross-correlation, as in every framework) with square kernels:
 * {@code y[b, o, i, j] = bias[o] + Σ_c Σ_u Σ_v W[o, c, u, v] · x[b, c, i·s + u - p, j·s + v - p]}
 * (s = stride, p = zero padding).
 *
 * <p>Shapes: input x {@code [batch, inChannels, h, w]}, weight W {@code [outChannels, inChannels, k, k]}
 * (PyTorch's layout), bias {@code [outChannels]}, output y {@code [batch, outChannels, h', w']} with
 * {@code h' = (h + 2p - k) / s + 1}.
 *
 * <p>How: im2col copies every k×k patch of every channel into a row of a matrix X_col
 * {@code [batch·h'·w', inChannels·k·k]}; the convolution is then one matrix product
 * {@code Y = X_col W_rowᵀ + b} with W_row {@code [outChannels, inChannels·k·k]}. Backward is the
 * Linear layer's backward on those matrices ({@code dW = Gᵀ X_col}, {@code dX_col = G W_row}), and
 * col2im adds each patch's gradient back where the patch came from (patches overlap, so it sums).
 *
 * <p>This is the code that runs in double precision (the default, and what the gradient checks verify).
 * With float32 weights ({@link Init#withDataType}, {@code Models.cnn(seed, DataType.FLOAT)}) the same
 * convolution runs on ND4J's native conv2d / conv2d_bp kernels instead (see {@link NativeOps}).
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
    private long[] inputShape;   // cached by forward
    private INDArray columns;    // X_col, cached by forward: [batch·h'·w', in·k·k]
    private INDArray input;      // x, cached by forward when the native kernels are used (float)
    private final Buffers.Slot output = new Buffers.Slot();          // reused inside a Buffers scope
    private final Buffers.Slot inputGradient = new Buffers.Slot();
    private final Buffers.Slot weightGradient = new Buffers.Slot();
    private final Buffers.Slot biasGradient = new Buffers.Slot();

    /** Stride 1, no padding, Glorot-uniform weights from the global seed stream. */
    public Conv2d(int inChannels, int outChannels, int kernel) {
        this(inChannels, outChannels, kernel, 1, 0);
    }

    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding) {
        this(inChannels, outChannels, kernel, stride, padding, Init.defaultInit());
    }

    /** A convolution whose weights come from {@code init}, e.g. {@code Init.heNormal(42)}. */
    public Conv2d(int inChannels, int outChannels, int kernel, int stride, int padding, Init init) {
        checkArgument(inChannels > 0 && outChannels > 0 && kernel > 0 && stride > 0 && padding >= 0,
                "Conv2d: expected positive channels, kernel and stride and padding >= 0 but got in=%s, out=%s,"
                        + " kernel=%s, stride=%s, padding=%s", inChannels, outChannels, kernel, stride, padding);
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
        inputShape = x.shape();
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        long batch = outShape[0];
        long rows = batch * outShape[2] * outShape[3];
        INDArray img = x.castTo(weight.value().dataType());
        if (NativeOps.usedFor(img.dataType())) {
            // float32: the same convolution by ND4J's native conv2d (see NativeOps); double: the code below
            input = img;
            columns = null;
            return NativeOps.conv2d(img, weight.value(), bias.value(), stride, padding,
                    output.get(img.dataType(), outShape));
        }
        input = null;
        // [b, c, k, k, h', w'] -> [b, h', w', c, k, k] -> one row per output position
        // (the overload without an output array would allocate one of ND4J's default type, float)
        INDArray patches = Nd4j.create(img.dataType(), batch, in, k, k, outShape[2], outShape[3]);
        Convolution.im2col(img, k, k, stride, stride, padding, padding, 1, 1, false, patches);
        columns = patches.permute(0, 4, 5, 1, 2, 3).dup('c').reshape(rows, (long) in * k * k);
        INDArray y = columns.mmul(weightRows().transpose()).addiRowVector(bias.value());   // [rows, out]
        return y.reshape(batch, outShape[2], outShape[3], out).permute(0, 3, 1, 2).dup('c');
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, inputShape);
        long[] outShape = outputShape(inputShape);
        Shapes.requireSameShape(this, "gradOutput", outShape, gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        if (input != null) {   // the forward ran natively (float32): so does the backward
            INDArray dW = weightGradient.like(weight.value());
            INDArray db = biasGradient.like(bias.value());
            INDArray dx = inputGradient.like(input);
            NativeOps.conv2dBackward(input, weight.value(), bias.value(), gradOutput.castTo(input.dataType()), stride,
                    padding, dx, dW, db);
            weight.accumulate(dW);
            bias.accumulate(db);
            return dx;
        }
        long batch = outShape[0];
        long oh = outShape[2];
        long ow = outShape[3];
        INDArray g = gradOutput.castTo(columns.dataType()).permute(0, 2, 3, 1).dup('c').reshape(batch * oh * ow, out);
        weight.accumulate(g.transpose().mmul(columns).reshape(out, in, k, k));
        bias.accumulate(g.sum(0));
        INDArray gradColumns = g.mmul(weightRows());                                        // [rows, in·k·k]
        INDArray gradPatches = gradColumns.reshape(batch, oh, ow, in, k, k).permute(0, 3, 4, 5, 1, 2).dup('c');
        return Convolution.col2im(gradPatches, stride, stride, padding, padding, (int) inputShape[2],
                (int) inputShape[3]);
    }

    /** W as a matrix {@code [out, in·k·k]} (a view). */
    private INDArray weightRows() {
        return weight.value().reshape(out, (long) in * k * k);
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
            throw new IllegalArgumentException(this + ".forward: expected images of at least " + k + "x" + k
                    + " (with padding) but the input was " + Shapes.format(inputShape)
                    + ".\nHint: use a smaller kernel, more padding, or fewer pooling layers before this one.");
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
