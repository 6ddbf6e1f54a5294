package org.nnlab.exercises;

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

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code VectorsExercises.with().method((a, b) -> method(a, b))}; {@link VectorsParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static VectorsParts with() {
        return new VectorsParts();
    }
}
