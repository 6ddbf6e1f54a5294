package org.nnlab.optim;

import java.util.List;
import org.nnlab.nn.Parameter;

/**
 * Stochastic gradient descent: the update of {@link GradientDescent}, {@code w <- w - lr * dL/dw},
 * applied after each mini-batch; the mini-batches come from the Trainer and {@code Dataset.batches}.
 */
public class Sgd extends GradientDescent {

    /** @throws IllegalArgumentException for an empty list or a learning rate that is not > 0 */
    public Sgd(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }
}
