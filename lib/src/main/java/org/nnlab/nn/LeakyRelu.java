package org.nnlab.nn;

import static com.google.common.base.Preconditions.checkArgument;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The leaky rectifier, elementwise: {@code y = x} for x > 0, {@code α x} otherwise;
 * backward {@code dL/dx = g} where x > 0, {@code α g} otherwise.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class LeakyRelu extends Activation {

    private final double alpha;

    /** With slope 0.01 for negative inputs (PyTorch's default). */
    public LeakyRelu() {
        this(0.01);
    }

    /** @param alpha the slope for negative inputs, usually small (0.01) */
    public LeakyRelu(double alpha) {
        checkArgument(alpha >= 0 && alpha < 1, "LeakyRelu(alpha): expected 0 <= alpha < 1 but was %s", alpha);
        this.alpha = alpha;
    }

    @Override
    protected INDArray apply(INDArray x) {
        return x.mul(slope(x));
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        return g.mul(slope(x));
    }

    /** 1 where x > 0, α elsewhere. */
    private INDArray slope(INDArray x) {
        INDArray positive = x.gt(0).castTo(x.dataType());
        return positive.muli(1 - alpha).addi(alpha);
    }

    public double alpha() {
        return alpha;
    }

    /** Finite in, finite out: x or αx, and g or αg. */
    @Override
    public boolean keepsFinite() {
        return true;
    }

    @Override
    public String toString() {
        return "LeakyRelu(" + alpha + ")";
    }
}
