package org.nnlab.optim;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.internal.ArrayChunks;

/**
 * An optimiser whose rule is element by element, written once as a loop over numbers:
 * {@link #update(double[], double[], double[][], int)} gets n values w, their gradients g and the
 * rule's own state (e.g. RmsProp's s), and changes w and the state in place. The state starts at zero
 * and lives here, one set per parameter.
 *
 * <p>Why loops over Java arrays rather than ND4J operations: the JIT compiles such a loop to SIMD
 * code with no native calls, while each ND4J operation costs 10-20 µs of call overhead and libnd4j's
 * element-wise {@code sqrt} is scalar. The rule sees a parameter a chunk of {@link ArrayChunks#SIZE}
 * numbers at a time, so that each number is read and written once per step while its chunk is in the
 * cache.
 *
 * <p>Types: a double parameter is updated in double. A float32 parameter (the MNIST benchmark's) is
 * updated in float32 arithmetic with its state in float32, as Keras and PyTorch do, by the same rule
 * in float ({@code Float32Rules}, generated from the rule in double: the library's optimisers have
 * one), because Java 17's JIT turns a loop in one type into SIMD code but not a loop that converts
 * between float and double. An optimiser without a generated float rule (a subclass) runs its rule in
 * double on float32 parameters too, their numbers widened to a double copy and rounded back.
 */
public abstract class ElementwiseOptimizer extends AbstractOptimizer {

    /** The rule in float32 arithmetic: {@code update(double[] w, double[] g, double[][] state, int n)} with float for double. */
    interface Float32Rule {
        void update(float[] w, float[] g, float[][] state, int n);
    }

    private final Float32Rule float32 = Float32Rules.of(this);
    /** Per parameter, per chunk of its numbers, the rule's state arrays: in double, or in float for a float32 rule. */
    private final double[][][][] states;
    private final float[][][][] floatStates;
    /** Per parameter, its value's and its gradient's numbers (kept when they are the arrays' own memory). */
    private final ArrayChunks[] values;
    private final ArrayChunks[] gradients;
    private final double[] w = new double[ArrayChunks.SIZE];
    private final double[] g = new double[ArrayChunks.SIZE];
    private final float[] wf = new float[ArrayChunks.SIZE];
    private final float[] gf = new float[ArrayChunks.SIZE];

    /**
     * @param stateCount how many state arrays the rule keeps per parameter (RmsProp 1, Adam 2)
     * @throws IllegalArgumentException as {@link AbstractOptimizer}, or for a parameter of 2^31 numbers or more
     */
    protected ElementwiseOptimizer(List<Parameter> parameters, double learningRate, int stateCount) {
        super(parameters, learningRate);
        this.states = new double[parameters.size()][][][];
        this.floatStates = new float[parameters.size()][][][];
        this.values = new ArrayChunks[parameters.size()];
        this.gradients = new ArrayChunks[parameters.size()];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            Args.require(p.size() <= Integer.MAX_VALUE - 8, getClass().getSimpleName(),
                    "parameters of fewer than 2^31 - 8 numbers", p + " with " + p.size(), "split it into several parameters.");
            int chunks = (int) ((p.size() + ArrayChunks.SIZE - 1) / ArrayChunks.SIZE);
            if (float32 != null && p.value().dataType() == DataType.FLOAT) {
                floatStates[i] = new float[chunks][stateCount][ArrayChunks.SIZE];
            } else {
                states[i] = new double[chunks][stateCount][ArrayChunks.SIZE];
            }
        }
    }

    /**
     * The rule for n numbers of one parameter: updates {@code w[0 .. n-1]} (values) and
     * {@code state[k][0 .. n-1]} in place from {@code g[0 .. n-1]} (gradients), element by element;
     * {@link #steps()} is the step number t, from 1.
     */
    protected abstract void update(double[] w, double[] g, double[][] state, int n);

    @Override
    protected final void update(int index, Parameter p) {
        boolean inFloat = floatStates[index] != null;
        DataType type = inFloat ? DataType.FLOAT : DataType.DOUBLE;
        ArrayChunks value = values[index] = chunks(values[index], p.value(), type);
        ArrayChunks gradient = gradients[index] = chunks(gradients[index], p.grad(), type);
        for (int chunk = 0, from = 0; from < value.length(); chunk++, from += ArrayChunks.SIZE) {
            int n = Math.min(ArrayChunks.SIZE, value.length() - from);
            if (inFloat) {
                value.read(from, wf, n);
                gradient.read(from, gf, n);
                float32.update(wf, gf, floatStates[index][chunk], n);
                value.write(from, wf, n);
            } else {
                value.read(from, w, n);
                gradient.read(from, g, n);
                update(w, g, states[index][chunk], n);
                value.write(from, w, n);
            }
        }
        value.close();   // writes a copy back (an array that is not one block of the rule's type); nothing otherwise
    }

    /** The chunks of {@code array}: those of the last step when they read its own memory, else new ones. */
    private static ArrayChunks chunks(ArrayChunks last, INDArray array, DataType type) {
        return last != null && last.direct() ? last : ArrayChunks.of(array, type);
    }
}
