package org.nnlab.nn;

import static org.nnlab.nn.internal.NativeOps.maxPool;
import static org.nnlab.nn.internal.NativeOps.maxPoolGradient;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * Max pooling over k×k windows moved by a stride s, per channel:
 * {@code y[b, c, i, j] = max_{u, v < k} x[b, c, i·s + u, j·s + v]}; backward sends each gradient to the
 * position of its window's maximum and 0 elsewhere; windows that overlap (s < k) add up.
 *
 * <p>Shapes: input {@code [batch, channels, h, w]}, output {@code [batch, channels, h', w']} with
 * {@code h' = (h - k) / s + 1} (rows and columns that do not fill a window are dropped, as in Keras).
 *
 * <p>Computed by ND4J's native maxpool2d and maxpool2d_bp kernels, in every data type.
 */
public final class MaxPool2d implements Layer {

    private final int k;
    private final int stride;
    private INDArray input;      // x, cached by forward: [batch, channels, h, w]

    /** Non-overlapping k×k windows (stride k). */
    public MaxPool2d(int kernel) {
        this(kernel, kernel);
    }

    public MaxPool2d(int kernel, int stride) {
        Args.require(kernel > 0 && stride > 0, "MaxPool2d", "kernel and stride > 0",
                "kernel = " + kernel + ", stride = " + stride, "e.g. new MaxPool2d(2) for 2x2 windows.");
        this.k = kernel;
        this.stride = stride;
    }

    @Override
    public INDArray forward(INDArray x) {
        long[] outShape = outputShape(x == null ? null : x.shape());
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        input = x;
        return maxPool(x, k, stride, outShape);                           // max over each window
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, input);
        Shapes.requireSameShape(this, "gradOutput", outputShape(input.shape()), gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        return maxPoolGradient(input, gradOutput.castTo(input.dataType()), k, stride);   // g to each window's maximum
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        Shapes.requireImages(this, "forward", inputShape, -1);
        if (inputShape[2] < k || inputShape[3] < k) {
            throw Args.fail(this + ".forward", "images of at least " + k + "x" + k, Shapes.format(inputShape),
                    "use a smaller window, or fewer pooling layers before this one.");
        }
        return new long[] {inputShape[0], inputShape[1], (inputShape[2] - k) / stride + 1,
                (inputShape[3] - k) / stride + 1};
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + k + "x" + k + ", stride " + stride + ")";
    }
}
