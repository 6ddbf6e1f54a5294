package org.nnlab.nn.internal;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Convolution and max pooling by ND4J's native kernels (libnd4j: im2col and gemm in C++, OpenMP), the
 * ones Deeplearning4j trains with. {@code Conv2d} and {@code MaxPool2d} call them for every data type:
 * the same kernels in double (what the gradient checks verify) and in float32 (what the MNIST CNN
 * trains in), so the layers have one implementation each.
 *
 * <p>Layouts: images NCHW {@code [batch, channels, h, w]}; weights {@code [out, in, k, k]} (wFormat 1,
 * PyTorch's layout). Integer arguments as libnd4j expects them:
 * {@code kH, kW, sH, sW, pH, pW, dH, dW, sameMode (0), NCHW (0), wFormat (1)} for conv2d, and
 * {@code kH, kW, sH, sW, pH, pW, dH, dW, sameMode (0), extra (0), NCHW (0)} for maxpool2d.
 */
public final class NativeOps {

    private NativeOps() {
    }

    /** The three gradients of a convolution: dL/dx, dL/dW and dL/db. */
    public record ConvGradients(INDArray input, INDArray weight, INDArray bias) {
    }

    private static int[] convArgs(long k, long stride, long padding) {
        int kk = Math.toIntExact(k);
        int s = Math.toIntExact(stride);
        int p = Math.toIntExact(padding);
        return new int[] {kk, kk, s, s, p, p, 1, 1, 0, 0, 1};
    }

    private static int[] poolArgs(long k, long stride) {
        int kk = Math.toIntExact(k);
        int s = Math.toIntExact(stride);
        return new int[] {kk, kk, s, s, 0, 0, 1, 1, 0, 0, 0};
    }

    /** {@code y = conv2d(x, W) + b}, {@code [batch, out, h', w']} of the given shape. */
    public static INDArray conv2d(INDArray x, INDArray w, INDArray b, long stride, long padding, long[] outShape) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), outShape);
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(y)
                .addIntegerArguments(convArgs(w.size(2), stride, padding)).build());
        return y;
    }

    /** dL/dx, dL/dW and dL/db of {@link #conv2d}, given g = dL/dy. */
    public static ConvGradients conv2dGradients(INDArray x, INDArray w, INDArray b, INDArray g, long stride,
            long padding) {
        INDArray dx = Nd4j.createUninitialized(x.dataType(), x.shape());
        INDArray dw = Nd4j.createUninitialized(w.dataType(), w.shape());
        INDArray db = Nd4j.createUninitialized(b.dataType(), b.shape());
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, g).addOutputs(dx, dw, db)
                .addIntegerArguments(convArgs(w.size(2), stride, padding)).build());
        return new ConvGradients(dx, dw, db);
    }

    /** {@code y = max over each k×k window (stride s)}, {@code [batch, channels, h', w']} of the given shape. */
    public static INDArray maxPool(INDArray x, long k, long stride, long[] outShape) {
        INDArray y = Nd4j.createUninitialized(x.dataType(), outShape);
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(poolArgs(k, stride)).build());
        return y;
    }

    /** dL/dx of {@link #maxPool}: each window's gradient goes to the position of its maximum. */
    public static INDArray maxPoolGradient(INDArray x, INDArray g, long k, long stride) {
        INDArray dx = Nd4j.create(x.dataType(), x.shape());   // zeros: positions that are no maximum get none
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, g).addOutputs(dx)
                .addIntegerArguments(poolArgs(k, stride)).build());
        return dx;
    }
}
