package org.nnlab.nn;

import java.util.Arrays;
import org.nnlab.check.Args;

/**
 * Rosenblatt's perceptron: {@code ŷ = sign(w · x + b)} with outputs +1 or -1 (sign(0) = +1),
 * trained with the perceptron rule: for each sample in order, if it is misclassified
 * ({@code y (w · x + b) <= 0}), {@code w += η y x} and {@code b += η y}. On linearly separable data it
 * stops making mistakes after finitely many updates (Novikoff's theorem).
 *
 * <p>Weights and bias start at 0, so training is deterministic.
 */
public final class Perceptron {

    private final double[] weights;
    private double bias;
    private final double learningRate;

    /** A perceptron with n inputs and learning rate η = 1. */
    public Perceptron(int inputs) {
        this(inputs, 1.0);
    }

    /** A perceptron with n inputs and learning rate η. */
    public Perceptron(int inputs, double learningRate) {
        Args.require(inputs > 0, "Perceptron", "at least one input", inputs, "e.g. new Perceptron(2, 0.1) for two inputs.");
        Args.require(learningRate > 0, "Perceptron", "a learning rate > 0", learningRate, "e.g. 0.1.");
        this.weights = new double[inputs];
        this.learningRate = learningRate;
    }

    /** {@code w · x + b}. */
    public double activation(double... x) {
        if (x.length != weights.length) {
            throw Args.fail(this + ".predict", weights.length + " inputs", x.length + " " + Arrays.toString(x),
                    "one value per input.");
        }
        double sum = bias;
        for (int i = 0; i < x.length; i++) {
            sum += weights[i] * x[i];
        }
        return sum;
    }

    /** +1 when {@code w · x + b >= 0}, else -1. */
    public int predict(double... x) {
        return activation(x) >= 0 ? 1 : -1;
    }

    /**
     * Runs the perceptron rule for {@code epochs} passes over the samples in order.
     *
     * @param x      samples, one row each
     * @param y      labels, +1 or -1
     * @return the number of mistakes (updates) in each epoch; 0 once the data is separated
     * @throws IllegalArgumentException when the sizes disagree or a label is not ±1
     */
    public int[] train(double[][] x, int[] y, int epochs) {
        if (x.length != y.length) {
            throw Args.fail(this + ".train", "one label per sample", x.length + " samples and " + y.length + " labels",
                    "y[i] is the label of x[i].");
        }
        for (int label : y) {
            if (label != 1 && label != -1) {
                throw Args.fail(this + ".train", "labels +1 or -1", label, "map 0/1 labels with y = 2 * label - 1.");
            }
        }
        int[] mistakes = new int[epochs];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < x.length; i++) {
                if (y[i] * activation(x[i]) <= 0) {   // misclassified, or on the boundary
                    for (int j = 0; j < weights.length; j++) {
                        weights[j] += learningRate * y[i] * x[i][j];
                    }
                    bias += learningRate * y[i];
                    mistakes[epoch]++;
                }
            }
        }
        return mistakes;
    }

    public double[] weights() {
        return weights.clone();
    }

    public double bias() {
        return bias;
    }

    @Override
    public String toString() {
        return "Perceptron(" + weights.length + " inputs)";
    }
}
