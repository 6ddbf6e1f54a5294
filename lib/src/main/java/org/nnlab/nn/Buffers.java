package org.nnlab.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Speed below the readable layers: reused output arrays and matrix products written straight into them.
 *
 * <p>Outside a scope (the default, e.g. in a notebook cell) every {@code forward} and {@code backward}
 * returns a new array, so a result can be kept and compared with the next one. Inside
 * <pre>{@code
 * try (Buffers.Scope scope = Buffers.reuse()) {
 *     model.forward(x); ...; model.backward(g); optimizer.step();
 * }
 * }</pre>
 * which the {@code Trainer} opens around each training step and each evaluation batch, a layer writes
 * its output (and dL/d(input)) into arrays it owns ({@link Slot}) and overwrites them on its next
 * call: a result is valid until the same layer runs again. Matrix products then go straight into
 * those arrays ({@code Nd4j.gemm}, C = α·op(A)·op(B) + β·C), which on 2 cores is 2 to 5 times faster
 * than {@code a.mmul(b)} allocating a new result each time; a batch that is smaller (the last of an
 * epoch) gets its own arrays, kept as well.
 *
 * <p>The numbers are the same in and out of a scope up to rounding in the last bits (a trained
 * model's weights agree to about 1e-18 after a few steps): the products are the same BLAS calls, the
 * element-wise operations the same operations; only where the results are stored changes.
 *
 * <p>A scope can also say that the gradient with respect to the model's input will not be read
 * ({@link Scope#inputGradientUnread(Layer)}): the input is data, and a first {@code Linear(784, 512)}
 * would otherwise spend a fifth of the training's arithmetic computing a {@code [batch, 784]} gradient
 * that is thrown away. The model's {@code backward} then returns null.
 */
public final class Buffers {

    /** Per thread: how many scopes are open, and the layer whose input gradient nobody reads. */
    private static final class State {
        int depth;
        Layer inputGradientUnread;
        INDArray ones;
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private Buffers() {
    }

    /** Opens a scope in which layers reuse their arrays; close it (try-with-resources) to return to new arrays. */
    public static Scope reuse() {
        STATE.get().depth++;
        return new Scope();
    }

    /** Whether a scope is open on this thread. */
    public static boolean reusing() {
        return STATE.get().depth > 0;
    }

    /**
     * Whether the caller of {@code layer.backward} will not read the returned dL/d(input) (declared by
     * {@link Scope#inputGradientUnread(Layer)}, passed by a {@link Sequential} to its first layer).
     */
    public static boolean inputGradientUnread(Layer layer) {
        State s = STATE.get();
        return s.depth > 0 && s.inputGradientUnread == layer && layer != null;
    }

    /** Passes "input gradient unread" from a model to the layer that receives the model's input. */
    static void passInputGradientUnread(Layer from, Layer to) {
        State s = STATE.get();
        if (s.depth > 0 && s.inputGradientUnread == from) {
            s.inputGradientUnread = to;
        }
    }

    /** An open reuse scope; {@link #close()} ends it. */
    public static final class Scope implements AutoCloseable {
        private boolean open = true;

        private Scope() {
        }

        /**
         * Declares that the dL/d(input) returned by {@code model.backward} within this scope is not read
         * (the model's input is data); returns this.
         */
        public Scope inputGradientUnread(Layer model) {
            STATE.get().inputGradientUnread = model;
            return this;
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                State s = STATE.get();
                s.depth--;
                s.inputGradientUnread = null;
            }
        }
    }

    /**
     * An array a layer computes into, reused inside a scope. It keeps two arrays, so that the full
     * batches and the smaller last batch of an epoch both find theirs.
     */
    public static final class Slot {
        private INDArray recent;
        private INDArray older;

        /**
         * Inside a scope, this slot's array of the given type and shape (its contents are stale: the
         * caller overwrites them); outside, a new array.
         */
        public INDArray get(DataType type, long... shape) {
            if (!reusing()) {
                return Nd4j.create(type, shape);
            }
            if (!fits(recent, type, shape)) {
                INDArray swap = older;
                older = recent;
                recent = fits(swap, type, shape) ? swap : Nd4j.create(type, shape);
            }
            return recent;
        }

        /** As {@link #get(DataType, long...)} with the type and shape of {@code like}. */
        public INDArray like(INDArray like) {
            return get(like.dataType(), like.shape());
        }

        private static boolean fits(INDArray a, DataType type, long[] shape) {
            return a != null && a.dataType() == type && Arrays.equals(a.shape(), shape);
        }
    }

    /**
     * The matrix product {@code op(a) · op(b)}, where op transposes when asked.
     * Inside a scope it is written into {@code into}'s array with {@code Nd4j.gemm}; outside it is
     * {@code a.mmul(b)} with the transposes, a new array (the same BLAS call, the same numbers).
     *
     * @param a          {@code [m, k]}, or {@code [k, m]} when transposeA
     * @param b          {@code [k, n]}, or {@code [n, k]} when transposeB
     * @return           {@code [m, n]}
     */
    public static INDArray matmul(INDArray a, boolean transposeA, INDArray b, boolean transposeB, Slot into) {
        if (!reusing()) {
            return (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b);
        }
        long m = transposeA ? a.size(1) : a.size(0);
        long n = transposeB ? b.size(0) : b.size(1);
        INDArray c = into.get(a.dataType(), m, n);
        return Nd4j.gemm(contiguous(a), contiguous(b), c, transposeA, transposeB, 1.0, 0.0);
    }

    /**
     * {@code sum += op(a) · op(b)}, e.g. a weight gradient {@code dW += xᵀ g}: inside a scope one gemm
     * with β = 1 adding into {@code sum}; outside, the product as a new array added to {@code sum}.
     */
    public static void addMatmul(INDArray sum, INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        addMatmul(sum, a, transposeA, b, transposeB, true);
    }

    /** {@code sum = op(a) · op(b) + (add ? sum : 0)}, as {@link #addMatmul(INDArray, INDArray, boolean, INDArray, boolean)}. */
    static void addMatmul(INDArray sum, INDArray a, boolean transposeA, INDArray b, boolean transposeB, boolean add) {
        if (!reusing()) {
            INDArray product = (transposeA ? a.transpose() : a).mmul(transposeB ? b.transpose() : b);
            if (add) {
                sum.addi(product);
            } else {
                sum.assign(product);
            }
            return;
        }
        Nd4j.gemm(contiguous(a), contiguous(b), sum, transposeA, transposeB, 1.0, add ? 1.0 : 0.0);
    }

    /** A column of n ones {@code [n, 1]} (kept per thread for the largest n asked; a smaller one is a view of it). */
    static INDArray onesColumn(DataType type, long n) {
        State s = STATE.get();
        if (s.ones == null || s.ones.dataType() != type || s.ones.size(0) < n) {
            s.ones = Nd4j.ones(type, n, 1);
        }
        return s.ones.size(0) == n ? s.ones : s.ones.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }

    /** gemm reads c-ordered, non-view matrices directly; anything else is copied first. */
    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && (!a.isView() || a.elementWiseStride() == 1) ? a : a.dup('c');
    }
}
