package org.nnlab.nn;

import java.util.Arrays;
import org.nnlab.check.Args;

/**
 * The McCulloch-Pitts neuron (1943): binary inputs x_i ∈ {0, 1}, fixed weights w_i and a threshold θ;
 * it fires, output 1, when {@code Σ w_i x_i >= θ}, and outputs 0 otherwise. Nothing is learned: the
 * weights and the threshold are chosen by hand, e.g. AND of two inputs is w = (1, 1), θ = 2.
 */
public final class McCullochPitts {

    private final double[] weights;
    private final double threshold;

    /**
     * @param weights   one weight per input (negative for an inhibitory input)
     * @param threshold θ: the neuron fires when the weighted sum reaches it
     */
    public McCullochPitts(double[] weights, double threshold) {
        Args.require(weights.length > 0, "McCullochPitts", "at least one weight", "none",
                "one weight per input, e.g. new McCullochPitts(new int[] {1, 1}, 2) for AND.");
        this.weights = weights.clone();
        this.threshold = threshold;
    }

    /** AND of n inputs: all weights 1, θ = n. */
    public static McCullochPitts and(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return new McCullochPitts(w, n);
    }

    /** OR of n inputs: all weights 1, θ = 1. */
    public static McCullochPitts or(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return new McCullochPitts(w, 1);
    }

    /** NOT of one input: weight -1, θ = 0 (fires exactly when the input is 0). */
    public static McCullochPitts not() {
        return new McCullochPitts(new double[] {-1}, 0);
    }

    /** The weighted sum {@code Σ w_i x_i}. */
    public double weightedSum(int... inputs) {
        checkInputs(inputs);
        double sum = 0;
        for (int i = 0; i < inputs.length; i++) {
            sum += weights[i] * inputs[i];
        }
        return sum;
    }

    /**
     * 1 when {@code Σ w_i x_i >= θ}, else 0.
     *
     * @throws IllegalArgumentException when the number of inputs is wrong or an input is not 0 or 1
     */
    public int output(int... inputs) {
        return weightedSum(inputs) >= threshold ? 1 : 0;
    }

    private void checkInputs(int[] inputs) {
        if (inputs.length != weights.length) {
            throw Args.fail(this + ".output", weights.length + " inputs", inputs.length + " " + Arrays.toString(inputs),
                    "one input per weight.");
        }
        for (int x : inputs) {
            if (x != 0 && x != 1) {
                throw Args.fail(this + ".output", "binary inputs (0 or 1)", Arrays.toString(inputs),
                        "a McCulloch-Pitts neuron only sees on/off signals.");
            }
        }
    }

    public double[] weights() {
        return weights.clone();
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public String toString() {
        return "McCullochPitts(w=" + Arrays.toString(weights) + ", θ=" + threshold + ")";
    }
}
