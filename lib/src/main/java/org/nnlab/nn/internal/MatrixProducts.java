package org.nnlab.nn.internal;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Matrix products as the formulas write them, {@code a b}, {@code aᵀ b}, {@code a bᵀ}, and the column
 * sums {@code 1ᵀ g}, each one BLAS gemm ({@code C = op(A) op(B)}) into a new uninitialised array.
 *
 * <p>Why not {@code a.transpose().mmul(b)}: ND4J copies the transposed view before multiplying, and
 * {@code mmul} zero-fills its result; gemm's transpose flags read the matrices where they are. Inside a
 * training step ({@link StepScope}) the new arrays come from the step's workspace, so a product costs
 * no allocation.
 *
 * <p>{@link #timesTranspose} is the input gradient {@code g Wᵀ} of a dense layer. When the layer is the
 * first of a model in a training step, nobody reads that gradient (the input is data), and the step
 * says so ({@link StepScope#withoutInputGradient}): the product is then not computed (a quarter of
 * the MNIST MLP's arithmetic) and an uninitialised array of its shape stands for it.
 */
public final class MatrixProducts {

    private MatrixProducts() {
    }

    /** {@code a b}: a {@code [m, k]}, b {@code [k, n]}, result {@code [m, n]}. */
    public static INDArray times(INDArray a, INDArray b) {
        return gemm(a, false, b, false);
    }

    /** {@code aᵀ b}: a {@code [k, m]}, b {@code [k, n]}, result {@code [m, n]} (e.g. a weight gradient xᵀ g). */
    public static INDArray transposeTimes(INDArray a, INDArray b) {
        return gemm(a, true, b, false);
    }

    /** {@code a bᵀ}: a {@code [m, k]}, b {@code [n, k]}, result {@code [m, n]} (e.g. an input gradient g Wᵀ). */
    public static INDArray timesTranspose(INDArray a, INDArray b) {
        if (StepScope.inputGradientUnread(b)) {
            return Nd4j.createUninitialized(a.dataType(), a.size(0), b.size(0));
        }
        return gemm(a, false, b, true);
    }

    /** {@code Σ_rows g = 1ᵀ g}: g {@code [rows, n]}, result {@code [1, n]} (e.g. a bias gradient, summed over the batch). */
    public static INDArray columnSums(INDArray g) {
        return transposeTimes(ones(g.dataType(), g.size(0)), g);
    }

    private static INDArray gemm(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        long m = transposeA ? a.size(1) : a.size(0);
        long n = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), m, n);
        return Nd4j.gemm(contiguous(a), contiguous(b.castTo(a.dataType())), c, transposeA, transposeB, 1.0, 0.0);
    }

    /** gemm reads c-ordered, non-view matrices directly; anything else is copied first. */
    private static INDArray contiguous(INDArray a) {
        return a.ordering() == 'c' && (!a.isView() || a.elementWiseStride() == 1) ? a : a.dup('c');
    }

    /** Per thread, a column of ones {@code [n, 1]} for the largest n asked (a smaller one is a view of it). */
    private static final ThreadLocal<INDArray[]> ONES = ThreadLocal.withInitial(() -> new INDArray[1]);

    private static INDArray ones(DataType type, long n) {
        INDArray[] holder = ONES.get();
        INDArray ones = holder[0];
        if (ones == null || ones.dataType() != type || ones.size(0) < n) {
            try (var outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {   // kept across steps
                ones = Nd4j.ones(type, n, 1);
            }
            holder[0] = ones;
        }
        return ones.size(0) == n ? ones : ones.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
    }
}
