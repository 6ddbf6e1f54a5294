package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The exercises of notebook 01-rectangle: the rectangle network of "Understanding how artificial
 * neural networks understand" (KITP 2019), computed by hand. Each method is what the student writes
 * in the exercise cell with the same id; the Javadoc is the task.
 *
 * <p>The 3x3 image is read row by row, top-left first: pixel (row, col) is {@code x[3*row + col]}.
 * A layer's weights have one row per input: {@code w[j][i]} connects input j to neuron i.
 */
public interface RectangleExercises {

    /**
     * Exercise 1.1: a 3x3 image as the network's input vector.
     *
     * @param image 3 rows of 3 pixels, 1 filled and 0 empty
     * @return the 9 pixels row by row: {@code x[3*row + col] = image[row][col]}
     */
    double[] toVector(int[][] image);

    /**
     * Exercise 1.2: the sigmoid {@code g(z) = 1 / (1 + e^(-z))}.
     */
    double sigmoid(double z);

    /**
     * Exercise 1.3: one neuron, {@code g(sum_j a_j w_j + b)}.
     *
     * @param a the inputs, n numbers
     * @param w the weights into this neuron, n numbers
     * @param b the bias
     */
    double neuron(double[] a, double[] w, double b);

    /**
     * Exercise 1.4: a whole layer, {@code a'_i = g(sum_j a_j W_ji + b_i)}.
     *
     * @param a the inputs, n numbers
     * @param w the weights, n x m: one row per input, {@code w[j][i]} from input j to neuron i
     * @param b the biases, m numbers
     * @return the layer's m outputs
     */
    double[] layer(double[] a, double[][] w, double[] b);

    /**
     * Exercise 1.5: an image (9 pixels of 0 or 1) that the slides' network classifies wrongly: its
     * output rounded (>= 0.5 means "one rectangle") disagrees with whether the image shows exactly
     * one filled rectangle.
     */
    double[] wrongInput();

    /**
     * Exercise 1.6: weights for which the network's output for x = [0,0,0,1,0,0,1,0,0] is as close to 1
     * as possible (above 0.99). Return new weights; leave {@code slides} unchanged.
     *
     * @param slides the slides' weights, to start from
     */
    RectangleWeights tune(RectangleWeights slides);

    /**
     * Exercise 1.7: the squared-error cost {@code C = sum_x (y(x) - y_true(x))^2}.
     *
     * @param y     the network's outputs, one per image
     * @param yTrue the true answers, as many
     */
    double cost(double[] y, double[] yTrue);

    /**
     * Exercise 1.8: one gradient-descent update of a weight matrix, {@code W - R dC/dW}.
     *
     * @param w            the weights, any shape
     * @param gradient     dC/dW, the same shape
     * @param learningRate R
     * @return the updated weights, the same shape
     */
    INDArray step(INDArray w, INDArray gradient, double learningRate);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code RectangleExercises.with().method((a, b) -> method(a, b))}; {@link RectangleParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static RectangleParts with() {
        return new RectangleParts();
    }
}
