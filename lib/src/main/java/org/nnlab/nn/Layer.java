package org.nnlab.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a network with an explicit backward pass.
 *
 * <p>{@link #forward(INDArray)} computes the output and caches what {@link #backward(INDArray)}
 * needs; {@code backward} receives dL/d(output), adds the gradients of its parameters with
 * {@link Parameter#accumulate(INDArray)} and returns dL/d(input), of the input's shape.
 *
 * <p>Shapes: inputs are batches, the first dimension is the batch ({@code [batch, features]} for
 * dense layers, {@code [batch, channels, height, width]} for images).
 */
public interface Layer {

    /** Computes the output for a batch and remembers what {@link #backward} needs. */
    INDArray forward(INDArray input);

    /**
     * Back-propagates: given dL/d(output) of the last {@link #forward}, accumulates the parameter
     * gradients and returns dL/d(input), of the input's shape (never null).
     *
     * @throws IllegalStateException when {@link #forward} was not called first
     */
    INDArray backward(INDArray gradOutput);

    /** The trainable parameters, in a fixed order; empty for activations. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Switches between training (true) and evaluation (false) behaviour, e.g. for Dropout. */
    default void setTraining(boolean training) {
    }

    /**
     * The output shape for an input shape (batch dimension included, e.g. {@code [-1, 9]}), used by
     * {@code Sequential.summary()}.
     */
    long[] outputShape(long[] inputShape);
}
