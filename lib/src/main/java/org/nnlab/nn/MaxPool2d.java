package org.nnlab.nn;

import static com.google.common.base.Preconditions.checkArgument;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max pooling over k×k windows moved by a stride s, per channel:
 * {@code y[b, c, i, j] = max_{u, v < k} x[b, c, i·s + u, j·s + v]}; backward sends each gradient to the
 * position of its window's maximum (the first one, on ties) and 0 elsewhere; windows that overlap
 * (s < k) add up.
 *
 * <p>Shapes: input {@code [batch, channels, h, w]}, output {@code [batch, channels, h', w']} with
 * {@code h' = (h - k) / s + 1} (rows and columns that do not fill a window are dropped, as in Keras).
 *
 * <p>With float32 inputs the same pooling runs on ND4J's native maxpool2d / maxpool2d_bp kernels
 * (see {@link NativeOps}); double inputs (the default) take the loops below.
 *
 * <p>Written as plain loops over a copy of the data: clear, and fast enough (a 32×64×24×24 batch takes
 * a few milliseconds).
 */
public final class MaxPool2d implements Layer {

    private final int k;
    private final int stride;
    private long[] inputShape;   // cached by forward
    private int[] argmax;        // for each output element, the flat index of its maximum in the input
    private INDArray input;      // x, cached by forward when the native kernels are used (float)
    private final Buffers.Slot output = new Buffers.Slot();          // reused inside a Buffers scope
    private final Buffers.Slot inputGradient = new Buffers.Slot();

    /** Non-overlapping k×k windows (stride k). */
    public MaxPool2d(int kernel) {
        this(kernel, kernel);
    }

    public MaxPool2d(int kernel, int stride) {
        checkArgument(kernel > 0 && stride > 0, "MaxPool2d: expected kernel and stride > 0 but got %s and %s",
                kernel, stride);
        this.k = kernel;
        this.stride = stride;
    }

    @Override
    public INDArray forward(INDArray x) {
        long[] outShape = outputShape(x == null ? null : x.shape());
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        int h = (int) x.size(2);
        int w = (int) x.size(3);
        int oh = (int) outShape[2];
        int ow = (int) outShape[3];
        int planes = (int) (outShape[0] * outShape[1]);   // batch · channels
        if (NativeOps.usedFor(x.dataType())) {
            // float32: the same pooling by ND4J's native maxpool2d (see NativeOps); double: the loops below
            inputShape = x.shape();
            input = x;
            argmax = null;
            return NativeOps.maxPool(x, k, stride, output.get(x.dataType(), outShape));
        }
        input = null;
        double[] in = x.castTo(Init.DTYPE).dup('c').data().asDouble();
        double[] out = new double[planes * oh * ow];
        int[] arg = new int[out.length];
        for (int p = 0, o = 0; p < planes; p++) {
            int base = p * h * w;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++, o++) {
                    int best = base + i * stride * w + j * stride;
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            int idx = base + (i * stride + u) * w + j * stride + v;
                            if (in[idx] > in[best]) {
                                best = idx;
                            }
                        }
                    }
                    out[o] = in[best];
                    arg[o] = best;
                }
            }
        }
        inputShape = x.shape();
        argmax = arg;
        return Nd4j.create(out, outShape, 'c').castTo(x.dataType());
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, inputShape);
        Shapes.requireSameShape(this, "gradOutput", outputShape(inputShape), gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        if (input != null) {   // the forward ran natively (float32): so does the backward
            return NativeOps.maxPoolBackward(input, gradOutput.castTo(input.dataType()), k, stride,
                    inputGradient.like(input));
        }
        double[] g = gradOutput.castTo(Init.DTYPE).dup('c').data().asDouble();
        long n = 1;
        for (long d : inputShape) {
            n *= d;
        }
        double[] dx = new double[Math.toIntExact(n)];
        for (int o = 0; o < g.length; o++) {
            dx[argmax[o]] += g[o];
        }
        return Nd4j.create(dx, inputShape, 'c').castTo(gradOutput.dataType());
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        Shapes.requireImages(this, "forward", inputShape, -1);
        if (inputShape[2] < k || inputShape[3] < k) {
            throw new IllegalArgumentException(this + ".forward: expected images of at least " + k + "x" + k
                    + " but the input was " + Shapes.format(inputShape) + ".\nHint: use a smaller window, or fewer"
                    + " pooling layers before this one.");
        }
        return new long[] {inputShape[0], inputShape[1], (inputShape[2] - k) / stride + 1,
                (inputShape[3] - k) / stride + 1};
    }

    /** Finite in, finite out: a maximum over each window, and g routed to one input of it. */
    @Override
    public boolean keepsFinite() {
        return true;
    }

    @Override
    public String toString() {
        return "MaxPool2d(" + k + "x" + k + ", stride " + stride + ")";
    }
}
