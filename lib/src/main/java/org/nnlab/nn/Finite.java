package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.internal.HostArrays;

/**
 * Checked mode for a layer used on its own, outside a {@link Sequential}: NaN or infinite values
 * fed to it (its input in forward, dL/dy in backward), or produced by it, raise a
 * {@link NonFiniteException} naming the layer, the pass and a hint, as a checked Sequential does for
 * its layers. Inside a Sequential the layers leave the checks to it (its own
 * {@link Sequential#checked(boolean)} decides, and nothing is checked twice).
 */
final class Finite {

    /** How many Sequential passes run on this thread: layers inside one are checked by it. */
    private static final ThreadLocal<int[]> SEQUENTIAL_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Finite() {
    }

    /** Marks the start of a Sequential's pass over its layers on this thread; pair with {@link #leaveSequential}. */
    static void enterSequential() {
        SEQUENTIAL_DEPTH.get()[0]++;
    }

    static void leaveSequential() {
        SEQUENTIAL_DEPTH.get()[0]--;
    }

    /**
     * Checks what a layer on its own receives: the input ({@code phase} "forward") or dL/dy ("backward").
     *
     * @throws NonFiniteException when {@code a} holds NaN or infinite values
     */
    static void requireInput(Layer layer, String phase, INDArray a) {
        if (a != null && SEQUENTIAL_DEPTH.get()[0] == 0 && !HostArrays.allFinite(a)) {
            String what = phase.equals("forward") ? "the input" : "the gradient dL/dy passed to backward";
            throw new NonFiniteException(layer + "." + phase + ": " + what + " contains " + counts(a)
                    + " (shape " + Shapes.format(a.shape()) + ").\nHint: check what you pass in: a NaN spreads to every"
                    + " value it touches (e.g. a division by zero, or a training that diverged).", -1, phase, 0);
        }
    }

    /**
     * Checks what a layer on its own returns: its output ({@code phase} "forward") or dL/dx ("backward").
     *
     * @return {@code a}
     * @throws NonFiniteException when {@code a} holds NaN or infinite values
     */
    static INDArray requireOutput(Layer layer, String phase, INDArray a) {
        if (a != null && SEQUENTIAL_DEPTH.get()[0] == 0 && !HostArrays.allFinite(a)) {
            throw new NonFiniteException(layer + "." + phase + ": produced " + counts(a) + " (shape "
                    + Shapes.format(a.shape()) + ") from finite values.\nHint: the numbers blew up, usually because"
                    + " its parameters did (a training that diverged): lower the learning rate or scale the inputs.",
                    0, phase, 0);
        }
        return a;
    }

    /** "2 NaN and 1 infinite values". */
    static String counts(INDArray a) {
        long nan = 0;
        long inf = 0;
        for (double v : a.dup().data().asDouble()) {
            if (Double.isNaN(v)) {
                nan++;
            } else if (Double.isInfinite(v)) {
                inf++;
            }
        }
        return nan + " NaN and " + inf + " infinite values";
    }
}
