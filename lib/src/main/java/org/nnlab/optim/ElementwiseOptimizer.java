package org.nnlab.optim;

import java.util.List;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.internal.HostArrays;

/**
 * An optimiser whose rule is element by element, written once as a loop over one parameter's numbers:
 * {@link #update(double[], double[], double[][])} gets the value w, the gradient g and the rule's own
 * state (e.g. RmsProp's s), all {@code double[]} of the parameter's size, and changes w and the state
 * in place. The state starts at zero and lives here, one set per parameter.
 *
 * <p>Why loops over Java arrays rather than ND4J operations: the JIT compiles such a loop to SIMD
 * code with no native calls, while each ND4J operation costs 10-20 µs of call overhead and libnd4j's
 * element-wise {@code sqrt} is scalar; the copies in and out are cheaper than either. Float32
 * parameters are widened to double for the rule and rounded back.
 */
public abstract class ElementwiseOptimizer extends AbstractOptimizer {

    private final double[][] values;
    private final double[][] gradients;
    private final double[][][] states;

    /**
     * @param stateCount how many state arrays the rule keeps per parameter (RmsProp 1, Adam 2)
     * @throws IllegalArgumentException as {@link AbstractOptimizer}, or for a parameter of 2^31 numbers or more
     */
    protected ElementwiseOptimizer(List<Parameter> parameters, double learningRate, int stateCount) {
        super(parameters, learningRate);
        int n = parameters.size();
        this.values = new double[n][];
        this.gradients = new double[n][];
        this.states = new double[n][][];
        for (int i = 0; i < n; i++) {
            Parameter p = parameters.get(i);
            Args.require(p.size() <= Integer.MAX_VALUE - 8, getClass().getSimpleName(),
                    "parameters of fewer than 2^31 - 8 numbers", p + " with " + p.size(), "split it into several parameters.");
            int size = (int) p.size();
            values[i] = new double[size];
            gradients[i] = new double[size];
            states[i] = new double[stateCount][size];
        }
    }

    /**
     * The rule for one parameter: updates {@code w} (the value) and {@code state} in place from {@code g}
     * (the gradient), element by element; {@link #steps()} is the step number t, from 1.
     */
    protected abstract void update(double[] w, double[] g, double[][] state);

    @Override
    protected final void update(int index, Parameter p) {
        double[] w = HostArrays.read(p.value(), values[index]);
        double[] g = HostArrays.read(p.grad(), gradients[index]);
        update(w, g, states[index]);
        HostArrays.write(w, p.value());
    }
}
