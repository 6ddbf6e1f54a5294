package org.nnlab.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's native (libnd4j, C++ with OpenMP) convolution and max-pooling, below {@link Conv2d} and
 * {@link MaxPool2d}: the layers' readable im2col and loop code is what the course shows and what the
 * gradient checks verify in double; float32 arrays take these kernels instead, which are the ones
 * Deeplearning4j trains with (im2col and gemm in C++, no Java-side copies), 10 to 50 times faster here.
 *
 * <p>Layouts: images NCHW {@code [batch, channels, h, w]}; weights {@code [out, in, k, k]} (wFormat 1,
 * PyTorch's layout, as {@link Conv2d} keeps them). Integer arguments as libnd4j expects them:
 * {@code kH, kW, sH, sW, pH, pW, dH, dW, sameMode (0), NCHW (0), wFormat (1)} for conv2d, and
 * {@code kH, kW, sH, sW, pH, pW, dH, dW, sameMode (0), extra (0), NCHW (0)} for maxpool2d.
 */
final class NativeOps {

    private NativeOps() {
    }

    /** Whether a layer computing in this type uses these kernels: every type but double. */
    static boolean usedFor(DataType type) {
        return type != DataType.DOUBLE;
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

    /** y = conv2d(x, W) + b into {@code y} ({@code [batch, out, h', w']}); returns y. */
    static INDArray conv2d(INDArray x, INDArray w, INDArray b, long stride, long padding, INDArray y) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(y)
                .addIntegerArguments(convArgs(w.size(2), stride, padding)).build());
        return y;
    }

    /** Writes dL/dx into gradX, dL/dW into gradW and dL/db into gradB, given g = dL/dy. */
    static void conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray g, long stride, long padding,
            INDArray gradX, INDArray gradW, INDArray gradB) {
        Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, g).addOutputs(gradX, gradW, gradB)
                .addIntegerArguments(convArgs(w.size(2), stride, padding)).build());
    }

    /** y = max over each k×k window (stride s) into y; returns y. */
    static INDArray maxPool(INDArray x, long k, long stride, INDArray y) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(y)
                .addIntegerArguments(poolArgs(k, stride)).build());
        return y;
    }

    /** dL/dx into gradX: each window's gradient goes to the position of its maximum; returns gradX. */
    static INDArray maxPoolBackward(INDArray x, INDArray g, long k, long stride, INDArray gradX) {
        Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, g).addOutputs(gradX)
                .addIntegerArguments(poolArgs(k, stride)).build());
        return gradX;
    }
}
