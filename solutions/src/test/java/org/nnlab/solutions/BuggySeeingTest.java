package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.exercises.SeeingChecks;
import org.nnlab.exercises.SeeingExercises;
import org.nnlab.knn.Metric;

/**
 * Known-buggy submissions of notebook 06 fail exactly the checks meant to catch them. Each bug is the
 * reference with one method wrong; {@code predict} calls the submission's own {@code distance} and
 * {@code cosine}, as in the notebook.
 */
class BuggySeeingTest {

    static Set<String> failing(SeeingExercises submission) {
        return Fixtures.failing(SeeingChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(SeeingChecks.set(), exercises);
    }

    static String message(SeeingExercises submission, String exercise, int check) {
        return Fixtures.message(SeeingChecks.set(), submission, exercise, check);
    }

    /** 1-NN written with a loop over {@code [from, to)} of the training images, scores as the reference's. */
    static int nearestLabel(SeeingExercises e, double[][] train, int[] labels, double[] x, Metric metric, int from,
            int to) {
        int best = from;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double score = metric == Metric.COSINE ? e.cosine(train[i], x) : -e.distance(train[i], x);
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return labels[best];
    }

    @Test
    @DisplayName("a distance without the square root fails exactly exercise 6.1, except distance(a, a) = 0")
    void distanceWithoutSquareRoot() {
        var bug = new SeeingSolution() {
            @Override public double distance(double[] a, double[] b) {
                double d = super.distance(a, b);
                return d * d;
            }
        };
        // 1-NN still finds the same nearest image: the square is monotonic
        assertEquals(checksOf("6.1"), failing(bug));
        assertEquals("distance([0, 0], [3, 4]): expected 5 (± 1e-12) but was 25", message(bug, "6.1", 0));
    }

    @Test
    @DisplayName("a cosine without the norms (the bare dot product) fails exactly exercise 6.2")
    void cosineWithoutNorms() {
        var bug = new SeeingSolution() {
            @Override public double cosine(double[] a, double[] b) {
                double dot = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += a[i] * b[i];
                }
                return dot;
            }
        };
        assertEquals(checksOf("6.2"), failing(bug));
        assertEquals("cosine([3, 4], [4, 3]): expected 0.96 (± 1e-12) but was 24", message(bug, "6.2", 0));
    }

    @Test
    @DisplayName("1-NN that skips the last training image (i < n - 1) fails the checks where the last image is the nearest")
    void nearestNeighbourSkipsTheLast() {
        var bug = new SeeingSolution() {
            @Override public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
                return nearestLabel(this, train, labels, x, metric, 0, train.length - 1);
            }
        };
        // with two training images, cosine sees only the first: [10, 10] is never compared
        assertEquals(Set.of("6.3: Euclidean: each corner's own label, the first and the last training image too",
                "6.3: x = [5, 5]: Euclidean picks [1, 0] (closest end point), cosine picks [10, 10] (same direction)"),
                failing(bug));
        assertTrue(message(bug, "6.3", 0).endsWith("(the nearest is training image 3): expected 1 but was 3"),
                message(bug, "6.3", 0));
    }

    @Test
    @DisplayName("1-NN that skips the first training image (i = 1) fails the checks where image 0 is the nearest")
    void nearestNeighbourSkipsTheFirst() {
        var bug = new SeeingSolution() {
            @Override public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
                return nearestLabel(this, train, labels, x, metric, 1, train.length);
            }
        };
        assertEquals(Set.of("6.3: Euclidean: each corner's own label, the first and the last training image too",
                "6.3: x = [5, 5]: Euclidean picks [1, 0] (closest end point), cosine picks [10, 10] (same direction)",
                "6.3: ties: among equally near training images the first wins"), failing(bug));
    }

    @Test
    @DisplayName("1-NN that returns the label of the next image (labels[best + 1]) fails every check of exercise 6.3")
    void nearestNeighbourLabelOffByOne() {
        var bug = new SeeingSolution() {
            @Override public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
                int best = 0;
                for (int i = 1; i < train.length; i++) {
                    boolean nearer = metric == Metric.COSINE
                            ? cosine(train[i], x) > cosine(train[best], x)
                            : distance(train[i], x) < distance(train[best], x);
                    best = nearer ? i : best;
                }
                return labels[Math.min(best + 1, labels.length - 1)];
            }
        };
        assertEquals(checksOf("6.3"), failing(bug));
    }

    @Test
    @DisplayName("1-NN with cosine that takes the smallest similarity (argmin for both metrics) fails the cosine checks")
    void cosineArgmin() {
        var bug = new SeeingSolution() {
            @Override public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
                int best = 0;
                for (int i = 1; i < train.length; i++) {
                    double di = metric == Metric.COSINE ? cosine(train[i], x) : distance(train[i], x);
                    double db = metric == Metric.COSINE ? cosine(train[best], x) : distance(train[best], x);
                    best = di < db ? i : best;
                }
                return labels[best];
            }
        };
        assertEquals(Set.of(
                "6.3: x = [5, 5]: Euclidean picks [1, 0] (closest end point), cosine picks [10, 10] (same direction)",
                "6.3: ties: among equally near training images the first wins"), failing(bug));
    }

    @Test
    @DisplayName("1-NN where a later tie wins (>= instead of >) fails only the tie check")
    void tiesGoToTheLast() {
        var bug = new SeeingSolution() {
            @Override public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
                int best = 0;
                double bestScore = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < train.length; i++) {
                    double score = metric == Metric.COSINE ? cosine(train[i], x) : -distance(train[i], x);
                    if (score >= bestScore) {
                        best = i;
                        bestScore = score;
                    }
                }
                return labels[best];
            }
        };
        assertEquals(Set.of("6.3: ties: among equally near training images the first wins"), failing(bug));
        assertEquals("predict([[0, 1], [1, 0], [1, 0]], [2, 6, 8], [1, 0], EUCLIDEAN) (images 1 and 2 are both at"
                + " distance 0): expected 6 but was 8", message(bug, "6.3", 2));
    }

    @Test
    @DisplayName("an accuracy with integer division fails exactly exercise 6.4")
    void accuracyIntegerDivision() {
        var bug = new SeeingSolution() {
            @Override public double accuracy(int[] predicted, int[] actual) {
                int right = 0;
                for (int i = 0; i < predicted.length; i++) {
                    right += predicted[i] == actual[i] ? 1 : 0;
                }
                return right / predicted.length;
            }
        };
        assertEquals(checksOf("6.4"), failing(bug));
    }

    @Test
    @DisplayName("a softmax without max-subtraction passes small logits but gives NaN at 1e4 and -1e4")
    void softmaxWithoutMaxSubtraction() {
        var bug = new SeeingSolution() {
            @Override public double[] softmax(double[] z) {
                double sum = Arrays.stream(z).map(Math::exp).sum();
                return Arrays.stream(z).map(v -> Math.exp(v) / sum).toArray();
            }
        };
        assertEquals(Set.of(
                "6.5: logits of 1e4 give probabilities, not NaN: softmax([1e4, 1e4 - 1, 0]) = [0.7311, 0.2689, 0]",
                "6.5: very negative logits too: softmax([-1e4, -1e4]) = [0.5, 0.5]"), failing(bug));
        assertTrue(message(bug, "6.5", 2).contains("but was [NaN, NaN, 0]"), message(bug, "6.5", 2));
    }

    @Test
    @DisplayName("a template read from the transposed weight matrix (row k instead of column k) fails exactly exercise 6.6")
    void templateFromTransposedWeights() {
        var bug = new SeeingSolution() {
            @Override public INDArray template(INDArray w, int k) {
                INDArray wt = w.transpose();                 // as if W were [units, pixels]
                int side = (int) Math.round(Math.sqrt(wt.size(1)));
                return wt.getColumn(k).dup().reshape('c', side, side);   // row k of W, not column k
            }
        };
        assertEquals(checksOf("6.6"), failing(bug));
        assertTrue(message(bug, "6.6", 0).startsWith("template(W, 1) (column 1 of W is [2, 6, 10, 14]: the weights from"
                + " each pixel to unit 1): expected [[2, 6], [10, 14]] but was [[5, 6], [7, 8]]"), message(bug, "6.6", 0));
    }

    @Test
    @DisplayName("a template reshaped column by column ('f' order) fails exactly exercise 6.6")
    void templateColumnMajor() {
        var bug = new SeeingSolution() {
            @Override public INDArray template(INDArray w, int k) {
                int side = (int) Math.round(Math.sqrt(w.size(0)));
                return w.getColumn(k).dup().reshape('f', side, side);
            }
        };
        assertEquals(checksOf("6.6"), failing(bug));
    }

    @Test
    @DisplayName("top activations sorted from the smallest fails exactly exercise 6.7")
    void topActivationsAscending() {
        var bug = new SeeingSolution() {
            @Override public int[] topActivations(INDArray activations, int unit, int count) {
                double[] a = activations.getColumn(unit).dup().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
                        .toDoubleVector();
                return IntStream.range(0, a.length).boxed().sorted((i, j) -> Double.compare(a[i], a[j])).limit(count)
                        .mapToInt(Integer::intValue).toArray();
            }
        };
        assertEquals(checksOf("6.7"), failing(bug));
    }

    @Test
    @DisplayName("top activations of row 'unit' (an input) instead of column 'unit' fails exactly exercise 6.7")
    void topActivationsOfARow() {
        var bug = new SeeingSolution() {
            @Override public int[] topActivations(INDArray activations, int unit, int count) {
                return super.topActivations(activations.transpose(), unit, count);
            }
        };
        assertEquals(checksOf("6.7"), failing(bug));
    }
}
