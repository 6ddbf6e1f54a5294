package org.nnlab.optim;

import java.util.List;
import org.nnlab.nn.Parameter;

/**
 * Updates parameters from their gradients, in place on {@link Parameter#value()}.
 *
 * <p>One training step: {@code zeroGrad()}, forward, loss, backward (which fills the gradients),
 * then {@code step()}.
 */
public interface Optimizer {

    /** Applies one update to every parameter from its current gradient. */
    void step();

    /** Sets every parameter's gradient to zero. */
    void zeroGrad();

    /** The parameters this optimiser updates, in order. */
    List<Parameter> parameters();

    /** The learning rate. */
    double learningRate();

    /**
     * Changes the learning rate (e.g. for a schedule).
     *
     * @throws IllegalArgumentException unless it is finite and > 0
     */
    void setLearningRate(double learningRate);
}
