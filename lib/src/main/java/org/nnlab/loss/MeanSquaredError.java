package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The mean squared error over all N elements: {@code L = (1/N) Σ (y - y_true)²} (Keras's {@code mse});
 * backward {@code dL/dy = 2 (y - y_true) / N}.
 *
 * <p>Shapes: prediction and target the same, e.g. {@code [batch, outputs]}.
 */
public final class MeanSquaredError implements Loss {

    private INDArray difference;   // y - y_true, cached by forward

    @Override
    public double forward(INDArray prediction, INDArray target) {
        LossChecks.requireSameShape(this, prediction, target);
        difference = LossChecks.asDouble(prediction).sub(LossChecks.asDouble(target));
        return difference.mul(difference).meanNumber().doubleValue();
    }

    @Override
    public INDArray backward() {
        LossChecks.requireForwardCalled(this, difference);
        return difference.mul(2.0 / difference.length());
    }

    @Override
    public String toString() {
        return "MeanSquaredError";
    }
}
