package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The squared error, summed, as the slides write it: {@code C = Σ (y - y_true)²} over all samples and
 * outputs (no 1/2, no mean); backward {@code dC/dy = 2 (y - y_true)}.
 *
 * <p>{@link #half()} gives {@code C = ½ Σ (y - y_true)²}, whose gradient is simply {@code y - y_true}.
 *
 * <p>Shapes: prediction and target the same, e.g. {@code [batch, outputs]}.
 */
public final class SquaredError implements Loss {

    private final double factor;
    private INDArray difference;   // y - y_true, cached by forward

    /** {@code C = Σ (y - y_true)²}. */
    public SquaredError() {
        this(1.0);
    }

    private SquaredError(double factor) {
        this.factor = factor;
    }

    /** {@code C = ½ Σ (y - y_true)²}. */
    public static SquaredError half() {
        return new SquaredError(0.5);
    }

    @Override
    public double forward(INDArray prediction, INDArray target) {
        LossChecks.requireSameShape(this, prediction, target);
        difference = LossChecks.asDouble(prediction).sub(LossChecks.asDouble(target));
        return factor * difference.mul(difference).sumNumber().doubleValue();
    }

    @Override
    public INDArray backward() {
        LossChecks.requireForwardCalled(this, difference);
        return difference.mul(2 * factor);
    }

    @Override
    public String toString() {
        return factor == 1.0 ? "SquaredError" : "SquaredError.half()";
    }
}
