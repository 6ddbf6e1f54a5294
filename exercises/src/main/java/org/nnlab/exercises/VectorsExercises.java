package org.nnlab.exercises;

import java.util.Objects;
import java.util.function.BiFunction;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exercises of notebook 00-vectors-and-matrices ("Technical introduction to Neural Networks"):
 * matrix entries, the matrix product by hand, the dot product x w^T, and powers of a matrix with ND4J.
 * Each method is what the student writes in the exercise cell with the same id; the Javadoc is the task.
 */
public interface VectorsExercises {

    /**
     * Exercise 0.1: the entry {@code A_ij}, at line i and column j, counting from 1 as the slides do.
     *
     * @param a the matrix, {@code a[row][column]} counting from 0 as Java does
     */
    double entry(double[][] a, int i, int j);

    /**
     * Exercise 0.2: the product {@code (AB)_ij = sum_k A_ik B_kj}, by hand (loops).
     *
     * @param a an n x p matrix
     * @param b a p x m matrix
     * @return the n x m product
     * @throws IllegalArgumentException when A's columns and B's lines differ in number
     */
    double[][] multiply(double[][] a, double[][] b);

    /**
     * Exercise 0.4: {@code x w^T = sum_i x_i w_i}, a neuron's input before the non-linearity.
     *
     * @param x the inputs, n numbers
     * @param w the weights, n numbers
     */
    double dot(double[] x, double[] w);

    /**
     * Exercise 0.3: the power {@code A^n = A A ... A} (n factors) of a square matrix, with ND4J's
     * {@code mmul}.
     *
     * @param a a square matrix
     * @param n the power, n >= 1
     */
    INDArray power(INDArray a, int n);

    /** An implementation made of the given functions, for the self-check cells. */
    static Parts with() {
        return new Parts();
    }

    /** A three-argument function, for {@link Parts#entry}. */
    @FunctionalInterface
    interface EntryFn {
        double apply(double[][] a, int i, int j);
    }

    /** A two-argument function, for {@link Parts#power}. */
    @FunctionalInterface
    interface PowerFn {
        INDArray apply(INDArray a, int n);
    }

    /** A two-argument function, for {@link Parts#dot}. */
    @FunctionalInterface
    interface DotFn {
        double apply(double[] x, double[] w);
    }

    /**
     * A {@link VectorsExercises} built from functions, one per method (see
     * {@link RectangleExercises.Parts}); a method not given throws "not implemented yet".
     */
    final class Parts implements VectorsExercises {
        private EntryFn entry;
        private BiFunction<double[][], double[][], double[][]> multiply;
        private DotFn dot;
        private PowerFn power;

        private Parts() {
        }

        public Parts entry(EntryFn f) { entry = Objects.requireNonNull(f); return this; }
        public Parts multiply(BiFunction<double[][], double[][], double[][]> f) { multiply = Objects.requireNonNull(f); return this; }
        public Parts dot(DotFn f) { dot = Objects.requireNonNull(f); return this; }
        public Parts power(PowerFn f) { power = Objects.requireNonNull(f); return this; }

        @Override public double entry(double[][] a, int i, int j) { return given(entry, "0.1").apply(a, i, j); }
        @Override public double[][] multiply(double[][] a, double[][] b) { return given(multiply, "0.2").apply(a, b); }
        @Override public double dot(double[] x, double[] w) { return given(dot, "0.4").apply(x, w); }
        @Override public INDArray power(INDArray a, int n) { return given(power, "0.3").apply(a, n); }
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
