package org.nnlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Parameter;

/**
 * Gradient descent with momentum (the PyTorch form):
 * <pre>
 * v <- beta * v + g
 * w <- w - lr * v
 * </pre>
 * v starts at 0 and has each parameter's shape. {@code beta = 0} is plain gradient descent.
 */
public class Momentum extends AbstractOptimizer {

    private final double beta;
    private final INDArray[] velocity;

    /** lr and beta = 0.9. */
    public Momentum(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9);
    }

    /** @throws IllegalArgumentException unless lr > 0 and 0 <= beta < 1 */
    public Momentum(List<Parameter> parameters, double learningRate, double beta) {
        super(parameters, learningRate);
        checkUnitInterval("Momentum", "beta", beta, "0.9 is the usual value.");
        this.beta = beta;
        this.velocity = parameters.stream().map(AbstractOptimizer::zerosLike).toArray(INDArray[]::new);
    }

    /** The momentum coefficient. */
    public double beta() {
        return beta;
    }

    @Override
    protected void update(int index, Parameter p) {
        INDArray v = velocity[index].muli(beta).addi(p.grad());
        p.value().subi(v.mul(learningRate()));
    }

    @Override
    public String toString() {
        return "Momentum(lr = " + learningRate() + ", beta = " + beta + ")";
    }
}
