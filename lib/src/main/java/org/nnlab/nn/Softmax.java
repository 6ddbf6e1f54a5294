package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.check.Args;

/**
 * Softmax over each row: {@code y_i = e^(x_i - m) / Σ_j e^(x_j - m)}, with m the row's maximum
 * (subtracting it changes nothing mathematically and keeps e^x from overflowing).
 *
 * <p>Backward is the Jacobian-vector product {@code dL/dx_i = Σ_j g_j ∂y_j/∂x_i = y_i (g_i - Σ_j g_j y_j)}.
 * For classification, prefer {@code SoftmaxCrossEntropy} on the logits: it fuses both steps stably.
 *
 * <p>Shapes: input x {@code [batch, classes]}; output and gradient {@code [batch, classes]}.
 */
public final class Softmax extends Activation {

    @Override
    protected void checkInput(String method, long[] shape) {
        if (shape.length != 2) {
            throw Args.fail(this + "." + method, "input of shape [batch, classes]", Shapes.format(shape),
                    "add a Flatten layer before the last Linear layer, or reshape a single sample to [1, classes].");
        }
    }

    @Override
    protected INDArray apply(INDArray x) {
        INDArray e = Transforms.exp(x.subColumnVector(x.max(true, 1)), false);
        return e.diviColumnVector(e.sum(true, 1));
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        INDArray gy = g.mul(y).sum(true, 1);                               // [batch, 1]: Σ_j g_j y_j
        return g.subColumnVector(gy).muli(y);
    }
}
