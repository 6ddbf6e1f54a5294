package org.nnlab.grader.hidden;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.SeeingExercises;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;
import org.nnlab.knn.Metric;

/**
 * Hidden tests of notebook 06: run only when grading (not by the notebook's self-check), reported
 * per Gradescope's visibility; the judge runs them with the time limit of every graded test.
 */
public class SeeingHidden {

    private final SeeingExercises e = Grading.implementation(SeeingExercises.class);

    @Test
    @Graded(exercise = "6.2", points = 1, visibility = "after_published")
    @DisplayName("an empty image (the zero vector) has cosine similarity 0 to anything, not NaN")
    void cosineOfTheZeroVector() {
        Expect.near(0, e.cosine(new double[] {0, 0, 0}, new double[] {0.5, 1, 0}), 0, "cosine([0, 0, 0], [0.5, 1, 0])");
        Expect.near(0, e.cosine(new double[] {0.5, 1, 0}, new double[] {0, 0, 0}), 0, "cosine([0.5, 1, 0], [0, 0, 0])");
    }

    @Test
    @Graded(exercise = "6.3", points = 2, visibility = "hidden")
    @DisplayName("1-NN on 60 random 16-pixel images agrees with a brute-force search, for both metrics")
    void nearestNeighbourOnRandomImages() {
        Random random = new Random(6);
        double[][] train = new double[60][16];
        int[] labels = new int[60];
        for (int i = 0; i < train.length; i++) {
            for (int j = 0; j < 16; j++) {
                train[i][j] = random.nextDouble();
            }
            labels[i] = random.nextInt(10);
        }
        for (int q = 0; q < 20; q++) {
            double[] x = new double[16];
            for (int j = 0; j < 16; j++) {
                x[j] = random.nextDouble();
            }
            for (Metric metric : Metric.values()) {
                int expected = labels[bruteForce(train, x, metric)];
                int actual = e.predict(copy(train), labels.clone(), x.clone(), metric);
                Expect.equal(expected, actual, "predict(60 random images, query " + q + ", " + metric + ")");
            }
        }
    }

    @Test
    @Graded(exercise = "6.5", points = 1, visibility = "hidden")
    @DisplayName("softmax of one logit is [1]; softmax([1000, 0, -1000]) is [1, 0, 0]")
    void softmaxExtremes() {
        Expect.near(new double[] {1}, e.softmax(new double[] {42}), 1e-12, "softmax([42])");
        Expect.near(new double[] {1, 0, 0}, e.softmax(new double[] {1000, 0, -1000}), 1e-12, "softmax([1000, 0, -1000])");
    }

    @Test
    @Graded(exercise = "6.6", points = 1, visibility = "hidden")
    @DisplayName("the template of the last of 2 units of a 3 x 3 image: W [9, 2], template(W, 1) is 3 x 3")
    void templateOfTheLastUnit() {
        double[][] w = new double[9][2];
        for (int p = 0; p < 9; p++) {
            w[p][0] = -p;
            w[p][1] = p * p;
        }
        INDArray t = e.template(Nd4j.createFromArray(w), 1);
        Expect.notNull(t, "template(W [9, 2], 1)");
        Expect.equal("[3, 3]", Arrays.toString(t.shape()), "the shape of template(W [9, 2], 1)");
        Expect.near(new double[][] {{0, 1, 4}, {9, 16, 25}, {36, 49, 64}}, t.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                .toDoubleMatrix(), 0, "template(W [9, 2], 1) where W[p][1] = p^2");
    }

    @Test
    @Graded(exercise = "6.7", points = 1, visibility = "hidden")
    @DisplayName("count = n orders every input, the largest activation first")
    void topActivationsOfAll() {
        INDArray a = Nd4j.createFromArray(new double[][] {{0.2, 0.1}, {0.9, 0.4}, {0.5, 0.3}, {0.7, 0.2}});
        Expect.equal("[1, 3, 2, 0]", Arrays.toString(e.topActivations(a, 0, 4)), "topActivations(4 x 2, 0, 4)");
    }

    private static int bruteForce(double[][] train, double[] x, Metric metric) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < train.length; i++) {
            double dot = 0, tt = 0, xx = 0, squared = 0;
            for (int j = 0; j < x.length; j++) {
                dot += train[i][j] * x[j];
                tt += train[i][j] * train[i][j];
                xx += x[j] * x[j];
                squared += (train[i][j] - x[j]) * (train[i][j] - x[j]);
            }
            double score = metric == Metric.COSINE ? dot / Math.sqrt(tt * xx) : -squared;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
