package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Split;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;

/** The visible checks of notebook 07-mnist; the sizes are the slides' Keras networks. */
public final class MnistChecks {

    /** The parameter count of the slides' 784-512-512-10 MLP, as Keras's {@code model.summary()} prints it. */
    public static final long MLP_PARAMETERS = 669_706;

    private MnistChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<MnistExercises> set() {
        return ExerciseSet.of("07-mnist", MnistExercises.class, exercises1To4(), exercises5To7());
    }

    /** The checks of exercises 7.1 to 7.4. */
    private static List<ExerciseCheck<MnistExercises>> exercises1To4() {
        return List.of(
            of("7.1", 2, "the slides' 784-512-512-10 MLP has 669,706 parameters", (MnistExercises e) ->
                Expect.near(MLP_PARAMETERS, e.parameterCount(new int[] {784, 512, 512, 10}), 0,
                        "parameterCount({784, 512, 512, 10})")),
            of("7.1", 1, "a neuron with 9 inputs has 10 parameters; the 9-2-1 rectangle network has 23", (MnistExercises e) -> {
                Expect.near(10, e.parameterCount(new int[] {9, 1}), 0, "parameterCount({9, 1}) (9 weights + 1 bias)");
                Expect.near(23, e.parameterCount(new int[] {9, 2, 1}), 0, "parameterCount({9, 2, 1})");
            }),

            of("7.2", 2, "the layers: Linear(784 -> 512), Relu, Dropout(0.2), Linear(512 -> 512), Relu, Dropout(0.2), Linear(512 -> 10)",
                    (MnistExercises e) -> requireSlidesMlp(e.mlp(42))),
            of("7.2", 1, "it maps [3, 784] to logits [3, 10] and has 669,706 parameters", (MnistExercises e) -> {
                Sequential model = e.mlp(42);
                Expect.notNull(model, "mlp(42)");
                model.setTraining(false);
                INDArray out = model.forward(Nd4j.rand(DataType.DOUBLE, 3, 784));
                Expect.equal(List.of(3L, 10L), List.of(out.size(0), out.rank() == 2 ? out.size(1) : -1L),
                        "the output shape for an input [3, 784]");
                Expect.near(MLP_PARAMETERS, model.parameterCount(), 0, "mlp(42).parameterCount()");
            }),
            of("7.2", 1, "the same seed builds the same weights and dropout masks; another seed other weights", (MnistExercises e) -> {
                Sequential a = e.mlp(7);
                Sequential b = e.mlp(7);
                Sequential c = e.mlp(8);
                Expect.notNull(a, "mlp(7)");
                Expect.notNull(c, "mlp(8)");
                INDArray wa = a.parameters().get(0).value();
                Expect.that(wa.equals(b.parameters().get(0).value()),
                        "mlp(7) twice gave different first-layer weights: initialise them with Init.glorotUniform(seed)");
                Expect.that(!wa.equals(c.parameters().get(0).value()),
                        "mlp(7) and mlp(8) gave the same first-layer weights: the seed must be used");
                INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 784);
                a.setTraining(true);
                b.setTraining(true);
                Expect.that(a.forward(x).equals(b.forward(x)),
                        "mlp(7) twice gave different outputs in training mode: seed the Dropout layers from the seed too");
            }),

            of("7.3", 1, "[[1, 3, 2], [0, -1, -2]] gives [1, 0]: the largest entry of each row", (MnistExercises e) ->
                Expect.near(new double[] {1, 0}, doubles(e.predictions(Nd4j.createFromArray(new double[][] {{1, 3, 2}, {0, -1, -2}}))),
                        0, "predictions([[1, 3, 2], [0, -1, -2]])")),
            of("7.3", 1, "4 rows of 10 logits give 4 classes; a square 3x3 matrix is read row by row", (MnistExercises e) -> {
                double[][] logits = randomLogits(4, 10, 3);
                Expect.near(doubles(argmax(logits)), doubles(e.predictions(Nd4j.createFromArray(logits))), 0,
                        "predictions of " + Expect.fmt(logits));
                double[][] square = {{0, 0, 9}, {8, 0, 0}, {0, 7, 0}};
                Expect.near(new double[] {2, 0, 1}, doubles(e.predictions(Nd4j.createFromArray(square))), 0,
                        "predictions([[0, 0, 9], [8, 0, 0], [0, 7, 0]])");
            }),
            of("7.3", 1, "a tie goes to the first largest entry: [[5, 5, 1], [-1, -3, -1]] gives [0, 0]", (MnistExercises e) ->
                Expect.near(new double[] {0, 0},
                        doubles(e.predictions(Nd4j.createFromArray(new double[][] {{5, 5, 1}, {-1, -3, -1}}))), 0,
                        "predictions([[5, 5, 1], [-1, -3, -1]])")),

            of("7.4", 2, "a model right on 3 of the 4 test samples (and on every training sample) has test accuracy 0.75",
                    (MnistExercises e) -> Expect.near(0.75, e.testAccuracy(identityModel(), threeOfFour()), 1e-12,
                            "testAccuracy of a model right on 3 of 4 test samples")),
            of("7.4", 1, "dropout is off while measuring: a model with Dropout(0.5) left in training mode still scores 1.0",
                    (MnistExercises e) -> {
                        Sequential model = Sequential.of(Linear.withWeights(identity(3)), new Dropout(0.5, 1));
                        model.setTraining(true);
                        Expect.near(1.0, e.testAccuracy(model, closeCalls(200)), 1e-12,
                                "testAccuracy of a model that is always right once dropout is off (call model.setTraining(false))");
                    })
        );
    }

    /** The checks of exercises 7.5 to 7.7. */
    private static List<ExerciseCheck<MnistExercises>> exercises5To7() {
        return List.of(
            of("7.5", 2, "predicted [0, 1, 1, 2], actual [0, 1, 2, 2] gives [[1, 0, 0], [0, 1, 0], [0, 1, 1]] (rows: actual)",
                    (MnistExercises e) -> Expect.near(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 1}},
                            doubles(e.confusion(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}, 3)), 0,
                            "confusion([0, 1, 1, 2], [0, 1, 2, 2], 3)")),
            of("7.5", 1, "100 samples of 10 classes: a 10x10 matrix whose entries sum to 100, the correct ones on the diagonal",
                    (MnistExercises e) -> {
                        SplittableRandom random = new SplittableRandom(5);
                        int[] actual = random.ints(100, 0, 10).toArray();
                        int[] predicted = actual.clone();
                        for (int i = 0; i < 100; i += 3) {
                            predicted[i] = (actual[i] + 1 + random.nextInt(9)) % 10;
                        }
                        long[][] expected = confusionOf(predicted, actual, 10);
                        long[][] counts = e.confusion(predicted, actual, 10);
                        Expect.notNull(counts, "confusion of 100 samples");
                        Expect.that(counts.length == 10 && Arrays.stream(counts).allMatch(r -> r != null && r.length == 10),
                                "confusion of 100 samples of 10 classes: expected a 10x10 matrix but got " + counts.length
                                        + " rows of " + Arrays.toString(Arrays.stream(counts).mapToInt(r -> r == null ? 0 : r.length).toArray()));
                        Expect.near(100, Arrays.stream(counts).flatMapToLong(Arrays::stream).sum(), 0,
                                "the sum of all entries (every sample counted once)");
                        for (int c = 0; c < 10; c++) {
                            Expect.near(expected[c][c], counts[c][c], 0, "counts[" + c + "][" + c + "], the samples of class "
                                    + c + " predicted right");
                        }
                    }),

            of("7.6", 1, "predicted [1, 2, 3, 4], actual [1, 0, 3, 0] gives the mistakes [1, 3]", (MnistExercises e) ->
                Expect.near(new double[] {1, 3}, doubles(e.mistakes(new int[] {1, 2, 3, 4}, new int[] {1, 0, 3, 0})), 0,
                        "mistakes([1, 2, 3, 4], [1, 0, 3, 0])")),
            of("7.6", 1, "no mistakes gives an empty array; all wrong gives every index", (MnistExercises e) -> {
                Expect.near(new double[0], doubles(e.mistakes(new int[] {7, 7, 7}, new int[] {7, 7, 7})), 0,
                        "mistakes([7, 7, 7], [7, 7, 7])");
                Expect.near(new double[] {0, 1, 2}, doubles(e.mistakes(new int[] {1, 2, 0}, new int[] {0, 1, 2})), 0,
                        "mistakes([1, 2, 0], [0, 1, 2])");
            }),

            of("7.7", 1, "the CNN's 3x3 convolutions: 28 -> 26 -> 24", (MnistExercises e) -> {
                Expect.near(26, e.convOutputSide(28, 3, 0, 1), 0, "convOutputSide(28, kernel 3, padding 0, stride 1)");
                Expect.near(24, e.convOutputSide(26, 3, 0, 1), 0, "convOutputSide(26, kernel 3, padding 0, stride 1)");
            }),
            of("7.7", 1, "padding 1 keeps 28 with a 3x3 filter; a 5x5 filter needs padding 2", (MnistExercises e) -> {
                Expect.near(28, e.convOutputSide(28, 3, 1, 1), 0, "convOutputSide(28, kernel 3, padding 1, stride 1)");
                Expect.near(28, e.convOutputSide(28, 5, 2, 1), 0, "convOutputSide(28, kernel 5, padding 2, stride 1)");
            }),
            of("7.7", 1, "stride 2 halves: (24 - 2) / 2 + 1 = 12 (the 2x2 pooling), (8 - 3) / 2 + 1 = 3", (MnistExercises e) -> {
                Expect.near(12, e.convOutputSide(24, 2, 0, 2), 0, "convOutputSide(24, kernel 2, padding 0, stride 2)");
                Expect.near(3, e.convOutputSide(8, 3, 0, 2), 0, "convOutputSide(8, kernel 3, padding 0, stride 2)");
            })
        );
    }

    /** Fails with a message naming the first layer that differs from the slides' MLP. */
    static void requireSlidesMlp(Sequential model) {
        Expect.notNull(model, "mlp(42)");
        List<Layer> layers = model.layers();
        String expected = "Linear(784 -> 512), Relu, Dropout(0.2), Linear(512 -> 512), Relu, Dropout(0.2), Linear(512 -> 10)";
        Expect.that(layers.size() == 7, "mlp(42): expected 7 layers (" + expected + ") but got " + layers.size()
                + ": " + layers);
        long[][] linear = {{784, 512}, {512, 512}, {512, 10}};
        for (int k = 0; k < 3; k++) {
            Layer l = layers.get(3 * k);
            Expect.that(l instanceof Linear lin && lin.inFeatures() == linear[k][0] && lin.outFeatures() == linear[k][1]
                    && lin.hasBias(), "mlp(42): layer " + 3 * k + " should be Linear(" + linear[k][0] + " -> "
                    + linear[k][1] + ") with a bias but was " + l + " (expected " + expected + ")");
            if (k < 2) {
                Expect.that(layers.get(3 * k + 1) instanceof Relu, "mlp(42): layer " + (3 * k + 1)
                        + " should be Relu but was " + layers.get(3 * k + 1) + " (expected " + expected + ")");
                Layer d = layers.get(3 * k + 2);
                Expect.that(d instanceof Dropout drop && drop.p() == 0.2, "mlp(42): layer " + (3 * k + 2)
                        + " should be Dropout(0.2) but was " + d + " (expected " + expected + ")");
            }
        }
    }

    /** Logits = the input: Linear 3 -> 3 with identity weights and no bias. */
    static Sequential identityModel() {
        return Sequential.of(Linear.withWeights(identity(3)));
    }

    /** Train: 3 samples, each predicted right by {@link #identityModel()}; test: 4 samples, the last one wrong. */
    static Split threeOfFour() {
        Dataset train = Dataset.of(Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
                Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}));
        Dataset test = Dataset.of(Nd4j.createFromArray(new double[][] {{0.9, 0.1, 0}, {0, 2, 1}, {0, 0, 3}, {5, 1, 0}}),
                Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 1, 0}}));
        return new Split(train, test);
    }

    /**
     * n samples whose right class wins by a little ([1, 0.9, 0.8] rotated): an identity model is always
     * right, but with half its inputs dropped (and the rest doubled) it is wrong about half the time.
     */
    static Split closeCalls(int n) {
        double[][] x = new double[n][3];
        double[][] y = new double[n][3];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i][c] = 1;
            x[i][(c + 1) % 3] = 0.9;
            x[i][(c + 2) % 3] = 0.8;
            y[i][c] = 1;
        }
        Dataset test = Dataset.of(Nd4j.createFromArray(x), Nd4j.createFromArray(y));
        return new Split(test.slice(0, 3), test);
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    static double[][] randomLogits(int n, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[n][k];
        for (double[] row : m) {
            for (int j = 0; j < k; j++) {
                row[j] = random.nextDouble(-3, 3);
            }
        }
        return m;
    }

    static int[] argmax(double[][] rows) {
        int[] result = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 1; j < rows[i].length; j++) {
                if (rows[i][j] > rows[i][result[i]]) {
                    result[i] = j;
                }
            }
        }
        return result;
    }

    static long[][] confusionOf(int[] predicted, int[] actual, int classes) {
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return counts;
    }

    static double[] doubles(int[] xs) {
        return xs == null ? null : Arrays.stream(xs).asDoubleStream().toArray();
    }

    static double[][] doubles(long[][] m) {
        if (m == null) {
            return null;
        }
        double[][] d = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            d[i] = m[i] == null ? null : Arrays.stream(m[i]).asDoubleStream().toArray();
        }
        return d;
    }
}
