package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.knn.Metric;

/**
 * The visible checks of notebook 06-how-networks-see. They use small vectors and matrices whose
 * answers can be worked out by hand (and one 784 x 10 matrix shaped like MNIST's weights), so they
 * need no data files.
 */
public final class SeeingChecks {

    /** Four training "images" of 2 pixels at the corners of a square, for exercise 6.3. */
    static final double[][] CORNERS = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};

    /** Their labels. */
    static final int[] CORNER_LABELS = {7, 3, 5, 1};

    private SeeingChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<SeeingExercises> set() {
        return ExerciseSet.of("06-how-networks-see", SeeingExercises.class, exercises1To5(), exercises6To7());
    }

    /** The checks of exercises 6.1 to 6.5. */
    private static List<ExerciseCheck<SeeingExercises>> exercises1To5() {
        return List.of(
            of("6.1", 1, "distance([0, 0], [3, 4]) = 5 and distance(a, a) = 0", (SeeingExercises e) -> {
                Expect.near(5, e.distance(new double[] {0, 0}, new double[] {3, 4}), 1e-12, "distance([0, 0], [3, 4])");
                double[] a = {0.2, 0.9, 0, 1};
                Expect.near(0, e.distance(a, a), 1e-12, "distance([0.2, 0.9, 0, 1], the same)");
            }),
            of("6.1", 1, "every pixel counts: distance([1, 2, 3, 4], [2, 0, 3, 8]) = sqrt(1 + 4 + 0 + 16)", (SeeingExercises e) ->
                Expect.near(Math.sqrt(21), e.distance(new double[] {1, 2, 3, 4}, new double[] {2, 0, 3, 8}), 1e-12,
                        "distance([1, 2, 3, 4], [2, 0, 3, 8])")),

            of("6.2", 1, "cosine([3, 4], [4, 3]) = 24 / (5 * 5) = 0.96", (SeeingExercises e) ->
                Expect.near(0.96, e.cosine(new double[] {3, 4}, new double[] {4, 3}), 1e-12, "cosine([3, 4], [4, 3])")),
            of("6.2", 1, "the length does not matter: cosine(a, 3a) = 1", (SeeingExercises e) ->
                Expect.near(1, e.cosine(new double[] {0.5, 1, 0, 2}, new double[] {1.5, 3, 0, 6}), 1e-12,
                        "cosine([0.5, 1, 0, 2], [1.5, 3, 0, 6]) (divide the dot product by both lengths)")),
            of("6.2", 1, "orthogonal vectors give 0, opposite ones -1", (SeeingExercises e) -> {
                Expect.near(0, e.cosine(new double[] {1, 0, 1}, new double[] {0, 7, 0}), 1e-12, "cosine([1, 0, 1], [0, 7, 0])");
                Expect.near(-1, e.cosine(new double[] {1, 2}, new double[] {-2, -4}), 1e-12, "cosine([1, 2], [-2, -4])");
            }),

            of("6.3", 1, "Euclidean: each corner's own label, the first and the last training image too", (SeeingExercises e) -> {
                double[][] queries = {{1, 2}, {9, 1}, {2, 8}, {9, 9}};
                for (int i = 0; i < queries.length; i++) {
                    Expect.equal(CORNER_LABELS[i], e.predict(copy(CORNERS), CORNER_LABELS.clone(), queries[i], Metric.EUCLIDEAN),
                            "predict(corners " + Arrays.deepToString(CORNERS) + " with labels " + Arrays.toString(CORNER_LABELS)
                                    + ", " + Arrays.toString(queries[i]) + ", EUCLIDEAN) (the nearest is training image " + i + ")");
                }
            }),
            of("6.3", 1, "x = [5, 5]: Euclidean picks [1, 0] (closest end point), cosine picks [10, 10] (same direction)", (SeeingExercises e) -> {
                double[][] train = {{1, 0}, {10, 10}};
                int[] labels = {4, 9};
                double[] x = {5, 5};
                Expect.equal(4, e.predict(copy(train), labels.clone(), x, Metric.EUCLIDEAN),
                        "predict([[1, 0], [10, 10]], [4, 9], [5, 5], EUCLIDEAN) (distances 6.4 and 7.07: the smallest wins)");
                Expect.equal(9, e.predict(copy(train), labels.clone(), x, Metric.COSINE),
                        "predict([[1, 0], [10, 10]], [4, 9], [5, 5], COSINE) (similarities 0.71 and 1: the largest wins)");
            }),
            of("6.3", 1, "ties: among equally near training images the first wins", (SeeingExercises e) -> {
                Expect.equal(6, e.predict(new double[][] {{0, 1}, {1, 0}, {1, 0}}, new int[] {2, 6, 8}, new double[] {1, 0},
                        Metric.EUCLIDEAN), "predict([[0, 1], [1, 0], [1, 0]], [2, 6, 8], [1, 0], EUCLIDEAN) (images 1 and 2 are"
                                + " both at distance 0)");
                Expect.equal(3, e.predict(new double[][] {{2, 0}, {1, 0}, {0, 1}}, new int[] {3, 9, 5}, new double[] {5, 0},
                        Metric.COSINE), "predict([[2, 0], [1, 0], [0, 1]], [3, 9, 5], [5, 0], COSINE) (images 0 and 1 both"
                                + " have similarity 1)");
            }),

            of("6.4", 1, "accuracy([1, 2, 3, 4], [1, 2, 0, 4]) = 0.75", (SeeingExercises e) ->
                Expect.near(0.75, e.accuracy(new int[] {1, 2, 3, 4}, new int[] {1, 2, 0, 4}), 1e-12,
                        "accuracy([1, 2, 3, 4], [1, 2, 0, 4])")),
            of("6.4", 1, "a fraction, not a count or a percentage: 2 right of 3 is 0.6667", (SeeingExercises e) ->
                Expect.near(2.0 / 3, e.accuracy(new int[] {0, 1, 1}, new int[] {0, 1, 0}), 1e-12,
                        "accuracy([0, 1, 1], [0, 1, 0]) (beware of integer division)")),

            of("6.5", 1, "softmax([1, 2, 3]) = [0.09003, 0.2447, 0.6652]", (SeeingExercises e) ->
                Expect.near(new double[] {0.0900306, 0.2447285, 0.6652410}, e.softmax(new double[] {1, 2, 3}), 1e-6,
                        "softmax([1, 2, 3])")),
            of("6.5", 1, "probabilities sum to 1 and adding a constant to all logits changes nothing", (SeeingExercises e) -> {
                double[] z = {0.5, -1.25, 2, 0, 3.5};
                double[] p = e.softmax(z);
                Expect.notNull(p, "softmax([0.5, -1.25, 2, 0, 3.5])");
                Expect.near(1, Arrays.stream(p).sum(), 1e-12, "the sum of softmax([0.5, -1.25, 2, 0, 3.5])");
                Expect.near(p, e.softmax(Arrays.stream(z).map(v -> v + 7).toArray()), 1e-12, "softmax(z + 7) against softmax(z)");
            }),
            of("6.5", 1, "logits of 1e4 give probabilities, not NaN: softmax([1e4, 1e4 - 1, 0]) = [0.7311, 0.2689, 0]", (SeeingExercises e) ->
                Expect.near(new double[] {0.7310586, 0.2689414, 0}, e.softmax(new double[] {1e4, 1e4 - 1, 0}), 1e-6,
                        "softmax([10000, 9999, 0]) (e^10000 overflows to Infinity: subtract the largest logit first)")),
            of("6.5", 1, "very negative logits too: softmax([-1e4, -1e4]) = [0.5, 0.5]", (SeeingExercises e) ->
                Expect.near(new double[] {0.5, 0.5}, e.softmax(new double[] {-1e4, -1e4}), 1e-12,
                        "softmax([-10000, -10000]) (e^-10000 underflows to 0, and 0 / 0 is NaN)"))
        );
    }

    /** The checks of exercises 6.6 to 6.7. */
    private static List<ExerciseCheck<SeeingExercises>> exercises6To7() {
        return List.of(
            of("6.6", 1, "template k of a 4-pixel, 4-unit W is column k as a 2 x 2 image: template(W, 1) = [[2, 6], [10, 14]]", (SeeingExercises e) -> {
                INDArray w = Nd4j.createFromArray(new double[][] {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}});
                double[][] t = matrix(e.template(w, 1), 2, 2, "template(W = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12],"
                        + " [13, 14, 15, 16]], 1)");
                Expect.near(new double[][] {{2, 6}, {10, 14}}, t, 0,
                        "template(W, 1) (column 1 of W is [2, 6, 10, 14]: the weights from each pixel to unit 1)");
            }),
            of("6.6", 1, "an MNIST-shaped W [784, 10]: template(W, 3) is 28 x 28, pixel [r][c] is W[28 r + c][3]", (SeeingExercises e) -> {
                INDArray w = Nd4j.create(DataType.DOUBLE, 784, 10);
                for (int p = 0; p < 784; p++) {
                    for (int k = 0; k < 10; k++) {
                        w.putScalar(p, k, p + 1000.0 * k);
                    }
                }
                INDArray before = w.dup();
                double[][] t = matrix(e.template(w, 3), 28, 28, "template(W [784, 10], 3)");
                for (int r = 0; r < 28; r++) {
                    for (int c = 0; c < 28; c++) {
                        Expect.near(28 * r + c + 3000, t[r][c], 0, "pixel [" + r + "][" + c + "] of template(W, 3), where"
                                + " W[p][k] = p + 1000 k");
                    }
                }
                Expect.that(before.equals(w), "template(W, 3) changed W: read the column without writing into it");
            }),

            of("6.7", 1, "the top 3 of unit 1 for activations [[0, 5], [9, 1], [1, 7], [3, 6], [8, 0]] are inputs [2, 3, 0]", (SeeingExercises e) -> {
                INDArray a = Nd4j.createFromArray(new double[][] {{0, 5}, {9, 1}, {1, 7}, {3, 6}, {8, 0}});
                Expect.equal("[2, 3, 0]", Arrays.toString(e.topActivations(a, 1, 3)),
                        "topActivations(activations, 1, 3) (column 1 is [5, 1, 7, 6, 0]; the largest first)");
            }),
            of("6.7", 1, "a unit is a column: with 6 inputs and 3 units, the top 2 of unit 2", (SeeingExercises e) -> {
                INDArray a = Nd4j.createFromArray(new double[][] {
                    {0.1, 0.9, 0.3}, {0.8, 0.2, 0.0}, {0.5, 0.5, 0.7}, {0.2, 0.1, 0.9}, {0.9, 0.0, 0.1}, {0.3, 0.6, 0.2}});
                Expect.equal("[3, 2]", Arrays.toString(e.topActivations(a, 2, 2)),
                        "topActivations(6 x 3 activations, 2, 2) (column 2 is [0.3, 0, 0.7, 0.9, 0.1, 0.2])");
            }),
            of("6.7", 1, "ties: equal activations keep the smaller index first; negative activations count", (SeeingExercises e) -> {
                INDArray a = Nd4j.createFromArray(new double[][] {{-2}, {4}, {-1}, {4}, {-3}});
                Expect.equal("[1, 3, 2, 0]", Arrays.toString(e.topActivations(a, 0, 4)),
                        "topActivations([[-2], [4], [-1], [4], [-3]], 0, 4)");
            })
        );
    }

    /** The result as a {@code rows x cols} matrix, or a failure that says which shape came back. */
    static double[][] matrix(INDArray result, int rows, int cols, String what) {
        Expect.notNull(result, what);
        Expect.that(result.rank() == 2 && result.size(0) == rows && result.size(1) == cols,
                what + ": expected shape [" + rows + ", " + cols + "] but was " + Arrays.toString(result.shape()));
        return result.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[][] copy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }
}
