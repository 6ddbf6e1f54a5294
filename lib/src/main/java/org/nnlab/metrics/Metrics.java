package org.nnlab.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.internal.HostArrays;

/**
 * Classification accuracy and the conversions it needs.
 *
 * <p>Predictions {@code [n, k]} with k > 1 (scores, probabilities or logits) give the class
 * {@code argmax} of each row; a single output {@code [n, 1]} (or {@code [n]}) is read as the probability
 * of class 1 and gives class 1 when {@code >= 0.5}. Targets {@code [n, k]} with k > 1 are one-hot
 * (argmax); targets {@code [n, 1]} or {@code [n]} are class indices (0/1 for a binary problem).
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The index of the largest entry of each row of {@code [n, k]} (the first one on ties).
     *
     * @throws IllegalArgumentException unless the array is {@code [n, k]}
     */
    public static int[] argmax(INDArray rows) {
        Args.requireArray(rows, "Metrics.argmax", "scores [n, k]");
        Args.require(rows.rank() == 2, "Metrics.argmax", "scores of shape [n, k]", rows,
                "one row of class scores per sample; a single sample is x.reshape(1, k).");
        int n = (int) rows.size(0);
        int k = (int) rows.size(1);
        double[] data = HostArrays.read(rows, new double[n * k]);   // no copy in ND4J first
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (data[i * k + j] > data[i * k + best]) {
                    best = j;
                }
            }
            result[i] = best;
        }
        return result;
    }

    /**
     * Predicted classes: argmax of each row for {@code [n, k > 1]}, {@code p >= 0.5} for a single output
     * ({@code [n, 1]} or {@code [n]}).
     */
    public static int[] predictedClasses(INDArray predictions) {
        Args.requireArray(predictions, "Metrics.predictedClasses", "predictions [n, k]");
        if (predictions.rank() == 1 || (predictions.rank() == 2 && predictions.size(1) == 1)) {
            double[] p = HostArrays.read(predictions, new double[(int) predictions.length()]);
            int[] result = new int[p.length];
            for (int i = 0; i < p.length; i++) {
                result[i] = p[i] >= 0.5 ? 1 : 0;
            }
            return result;
        }
        return argmax(predictions);
    }

    /**
     * Target classes: argmax of one-hot rows {@code [n, k > 1]}, or the indices of {@code [n, 1]} / {@code [n]}.
     *
     * @throws IllegalArgumentException when an index target is not a whole number >= 0
     */
    public static int[] targetClasses(INDArray targets) {
        Args.requireArray(targets, "Metrics.targetClasses", "targets [n, k]");
        if (targets.rank() == 1 || (targets.rank() == 2 && targets.size(1) == 1)) {
            double[] t = HostArrays.read(targets, new double[(int) targets.length()]);
            int[] result = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                Args.require(t[i] >= 0 && t[i] == Math.rint(t[i]), "Metrics.targetClasses",
                        "class indices (whole numbers >= 0)", "targets[" + i + "] = " + t[i],
                        "regression targets have no accuracy; use a loss such as MeanSquaredError instead.");
                result[i] = (int) t[i];
            }
            return result;
        }
        return argmax(targets);
    }

    /**
     * The fraction of samples whose predicted class is the target class.
     *
     * @throws IllegalArgumentException when the numbers of samples differ or there are none
     */
    public static double accuracy(INDArray predictions, INDArray targets) {
        Args.requireArray(predictions, "Metrics.accuracy", "predictions [n, k]");
        Args.requireArray(targets, "Metrics.accuracy", "targets [n, k] or [n, 1]");
        Args.require(predictions.size(0) == targets.size(0), "Metrics.accuracy",
                "as many targets as predictions (" + predictions.size(0) + ")", targets,
                "row i of the targets belongs to row i of the predictions.");
        return accuracy(predictedClasses(predictions), targetClasses(targets));
    }

    /**
     * The fraction of equal entries.
     *
     * @throws IllegalArgumentException when the lengths differ or are 0
     */
    public static double accuracy(int[] predicted, int[] actual) {
        Args.require(predicted != null && actual != null, "Metrics.accuracy", "two arrays of class indices",
                null, "e.g. accuracy(model predictions, test labels).");
        Args.require(predicted.length == actual.length && predicted.length > 0, "Metrics.accuracy",
                "two non-empty arrays of equal length", predicted.length + " predictions and " + actual.length
                        + " targets", "compare predictions and targets of the same samples.");
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }
}
