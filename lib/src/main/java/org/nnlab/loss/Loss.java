package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A loss: {@link #forward} turns a prediction and a target into one number and remembers what
 * {@link #backward} needs; {@code backward} returns dL/d(prediction), of the prediction's shape, which
 * starts the model's backward pass.
 */
public interface Loss {

    /**
     * The loss of a batch.
     *
     * @throws IllegalArgumentException when prediction and target do not fit together (the message
     *                                  names the loss, both shapes and a hint)
     */
    double forward(INDArray prediction, INDArray target);

    /**
     * dL/d(prediction) for the last {@link #forward} call.
     *
     * @throws IllegalStateException when forward was not called first
     */
    INDArray backward();
}
