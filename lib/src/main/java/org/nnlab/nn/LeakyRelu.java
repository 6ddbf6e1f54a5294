package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

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
        Args.require(alpha >= 0 && alpha < 1, "LeakyRelu(alpha)", "0 <= alpha < 1", alpha,
                "alpha is the slope for negative inputs, usually small, e.g. 0.01.");
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

    @Override
    public String toString() {
        return "LeakyRelu(" + alpha + ")";
    }
}
