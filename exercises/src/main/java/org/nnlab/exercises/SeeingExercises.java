package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.knn.Metric;

/**
 * The exercises of notebook 06-how-networks-see ("Understanding How Neural Networks See"): images as
 * vectors compared by Euclidean distance and cosine similarity, 1-nearest-neighbour classification and
 * its accuracy, a numerically stable softmax, a class template read out of a weight matrix, and the
 * inputs that activate a hidden unit most. Each method is what the student writes in the exercise cell
 * with the same id; the Javadoc is the task.
 */
public interface SeeingExercises {

    /**
     * Exercise 6.1: the Euclidean distance {@code |a - b| = sqrt(Σ_i (a_i - b_i)^2)} between two images
     * flattened to vectors of the same length (784 pixels for MNIST).
     */
    double distance(double[] a, double[] b);

    /**
     * Exercise 6.2: the cosine similarity
     * {@code cos θ = a·b / (|a| |b|) = Σ_i a_i b_i / (sqrt(Σ_i a_i^2) sqrt(Σ_i b_i^2))}: 1 for vectors
     * pointing the same way, whatever their lengths; 0 for orthogonal ones; -1 for opposite ones. A
     * zero vector has no direction: its similarity to anything is 0.
     */
    double cosine(double[] a, double[] b);

    /**
     * Exercise 6.3: 1-nearest-neighbour. The label of the training image nearest to {@code x}: with
     * {@link Metric#EUCLIDEAN} the one at the smallest {@link #distance}, with {@link Metric#COSINE} the
     * one with the largest {@link #cosine} similarity. Every training image counts; among equally near
     * ones the first (smallest index) wins.
     *
     * @param train  the training images {@code [n][d]}, one flattened image per row, n >= 1
     * @param labels their labels {@code [n]}: {@code labels[i]} is the class of {@code train[i]}
     * @param x      the image to classify {@code [d]}
     * @param metric how to compare
     * @return {@code labels[i]} of the nearest {@code train[i]}
     */
    int predict(double[][] train, int[] labels, double[] x, Metric metric);

    /**
     * Exercise 6.4: the fraction of predictions equal to the true labels, between 0 and 1.
     *
     * @param predicted {@code [n]} predicted classes, n >= 1
     * @param actual    {@code [n]} true classes
     */
    double accuracy(int[] predicted, int[] actual);

    /**
     * Exercise 6.5: the softmax of the logits {@code z}, {@code p_k = e^(z_k - m) / Σ_j e^(z_j - m)} with
     * m = max_j z_j: the same numbers as {@code e^(z_k) / Σ_j e^(z_j)} (the factor {@code e^-m} cancels),
     * but without overflow: logits of 1e4 give probabilities, not NaN.
     *
     * @return {@code [k]} probabilities, each in [0, 1], summing to 1
     */
    double[] softmax(double[] z);

    /**
     * Exercise 6.6: the template of class (or hidden unit) {@code k} of a weight matrix {@code W}
     * {@code [pixels, units]} (as {@code Linear} stores it: row i holds the weights leaving pixel i):
     * column k, {@code W[:, k]}, reshaped row by row into a square image, so that entry {@code [r][c]}
     * is {@code W[r * side + c][k]}.
     *
     * @return {@code [side, side]} with {@code side * side = pixels} (28 x 28 for MNIST)
     */
    INDArray template(INDArray w, int k);

    /**
     * Exercise 6.7: the {@code count} inputs that activate hidden unit {@code unit} most: the row
     * indices of the {@code count} largest entries of column {@code unit} of {@code activations}, the
     * largest first; among equal activations the smaller index first.
     *
     * @param activations {@code [n, units]}: row i holds the hidden layer's output for input i
     * @param unit        the column, 0 <= unit < units
     * @param count       how many, 1 <= count <= n
     * @return {@code [count]} row indices
     */
    int[] topActivations(INDArray activations, int unit, int count);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code SeeingExercises.with().method((a, b) -> method(a, b))}; {@link SeeingParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static SeeingParts with() {
        return new SeeingParts();
    }
}
