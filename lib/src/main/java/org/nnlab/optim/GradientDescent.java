package org.nnlab.optim;

import java.util.List;
import org.nnlab.nn.Parameter;

/**
 * Plain gradient descent, {@code w <- w - lr * dL/dw}: the slides' update with learning rate alpha
 * (R in the rectangle deck). "Full batch" when the Trainer is given a batch size equal to the data set.
 */
public class GradientDescent extends AbstractOptimizer {

    /** @throws IllegalArgumentException for an empty list or a learning rate that is not > 0 */
    public GradientDescent(List<Parameter> parameters, double learningRate) {
        super(parameters, learningRate);
    }

    @Override
    protected void update(int index, Parameter p) {
        p.value().subi(p.grad().mul(learningRate()));
    }
}
