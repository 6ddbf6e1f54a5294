package org.nnlab.optim;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;

/**
 * What all optimisers share: the parameter list, the learning rate, {@link #zeroGrad()}, and a
 * {@link #step()} that calls {@link #update(int, Parameter)} for each parameter.
 */
public abstract class AbstractOptimizer implements Optimizer {

    private final List<Parameter> parameters;
    private double learningRate;
    private long steps;

    /**
     * @throws IllegalArgumentException when the list is null, empty or holds null, or the learning rate
     *                                  is not finite and > 0
     */
    protected AbstractOptimizer(List<Parameter> parameters, double learningRate) {
        String where = getClass().getSimpleName();
        Args.require(parameters != null && !parameters.isEmpty(), where, "a non-empty list of parameters",
                parameters == null ? null : "an empty list",
                "pass model.parameters(); a model made only of activations has nothing to train.");
        for (int i = 0; i < parameters.size(); i++) {
            Args.require(parameters.get(i) != null, where, "parameters without null", "null at index " + i,
                    "pass model.parameters().");
        }
        this.parameters = List.copyOf(new ArrayList<>(parameters));
        checkLearningRate(where, learningRate);
        this.learningRate = learningRate;
    }

    static void checkLearningRate(String where, double learningRate) {
        Args.require(learningRate > 0 && Double.isFinite(learningRate), where, "a learning rate > 0", learningRate,
                "typical values are 0.1 to 0.0001.");
    }

    static void checkUnitInterval(String where, String name, double value, String hint) {
        Args.require(value >= 0 && value < 1, where, name + " in [0, 1)", value, hint);
    }

    @Override
    public final void step() {
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            update(i, parameters.get(i));
        }
    }

    /** Updates parameter {@code index} in place from {@code p.grad()}. */
    protected abstract void update(int index, Parameter p);

    /** The number of {@link #step()} calls so far (t in Adam's bias correction). */
    public long steps() {
        return steps;
    }

    @Override
    public void zeroGrad() {
        for (Parameter p : parameters) {
            p.zeroGrad();
        }
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(double learningRate) {
        checkLearningRate(getClass().getSimpleName() + ".setLearningRate", learningRate);
        this.learningRate = learningRate;
    }

    /** A zero array like {@code p.value()}, for per-parameter state (made outside any training step: it lives on). */
    protected static INDArray zerosLike(Parameter p) {
        return Nd4j.createUninitializedDetached(p.value().dataType(), 'c', p.shape()).assign(0);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(lr = " + learningRate + ")";
    }
}
