package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.loss.SquaredError;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.optim.Sgd;
import org.nnlab.plot.EdgeStyle;
import org.nnlab.train.History;
import org.nnlab.train.Trainer;

/**
 * The visible checks of notebook 05-explosion-and-local-minima. Expected divergence steps come from
 * the library's own {@link Trainer} and its divergence check, never from the submission.
 */
public final class ExplosionChecks {

    /** The factor of the divergence rule, as {@code DivergenceCheck}'s default. */
    public static final double FACTOR = 1e3;

    private ExplosionChecks() {
    }

    /**
     * The random-data network of notebooks 04 and 05: {@code relu(x w1) w2}, 20 inputs, 30 hidden
     * units, 1 output, no biases, weights N(0, 1) from {@code seed} (w1 first, then w2).
     */
    public static Sequential randomNetwork(long seed) {
        Init init = Init.normal(0, 1, seed);
        return Sequential.of(new Linear(Datasets.RANDOM_INPUTS, RandomVsStructuredChecks.RANDOM_HIDDEN, false, init), new Relu(),
                new Linear(RandomVsStructuredChecks.RANDOM_HIDDEN, 1, false, init));
    }

    /**
     * The library's answer for one rate: {@code steps} full-batch steps of {@link #randomNetwork} on
     * {@code Datasets.random(seed).train()}, divergence allowed.
     *
     * @return the history: diverged at {@code stopStep()} (the loss of index stopStep - 1), or not
     */
    public static History trainRandom(double lr, long seed, int steps) {
        Sequential model = randomNetwork(seed);
        return new Trainer(model, new SquaredError(), new Sgd(model.parameters(), lr)).quiet().allowDivergence()
                .fit(Datasets.random(seed).train(), steps, Datasets.RANDOM_SAMPLES);
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<ExplosionExercises> set() {
        return new ExerciseSet<>("05-explosion-and-local-minima", ExplosionExercises.class, List.of(
            of("5.1", 1, "[10, 5, 20000] diverged at index 2 (20000 > 1000 x 10); [10, 5, 2] did not (-1)", (ExplosionExercises e) -> {
                Expect.equal(2, e.firstDivergedStep(new double[] {10, 5, 20000}, FACTOR), "firstDivergedStep([10, 5, 20000], 1000)");
                Expect.equal(-1, e.firstDivergedStep(new double[] {10, 5, 2}, FACTOR), "firstDivergedStep([10, 5, 2], 1000)");
            }),
            of("5.1", 1, "NaN and infinity are divergence: [10, 9, NaN] -> 2, [10, Infinity, 5] -> 1", (ExplosionExercises e) -> {
                // NaN > x is false for every x: a comparison alone misses NaN, Double.isFinite does not
                Expect.equal(2, e.firstDivergedStep(new double[] {10, 9, Double.NaN}, FACTOR), "firstDivergedStep([10, 9, NaN], 1000)");
                Expect.equal(1, e.firstDivergedStep(new double[] {10, Double.POSITIVE_INFINITY, 5}, FACTOR),
                        "firstDivergedStep([10, Infinity, 5], 1000)");
            }),
            of("5.1", 1, "the limit is strict and uses the factor: [10, 10000, 10001] -> 2 with factor 1000, -1 with factor 2000", (ExplosionExercises e) -> {
                Expect.equal(2, e.firstDivergedStep(new double[] {10, 10000, 10001}, FACTOR), "firstDivergedStep([10, 10000, 10001], 1000)");
                Expect.equal(-1, e.firstDivergedStep(new double[] {10, 10000, 10001}, 2000), "firstDivergedStep([10, 10000, 10001], 2000)");
            }),

            of("5.2", 1, "rates {1e-4, 1e-3, 3e-3}, seed 1, 20 steps: the library's divergence steps {-1, 2, 2}", (ExplosionExercises e) ->
                expectScan(e, new double[] {1e-4, 1e-3, 3e-3}, 1, 20)),
            of("5.2", 1, "the seed matters: rate 3e-4 diverges with seed 1 but not with seed 3", (ExplosionExercises e) -> {
                expectScan(e, new double[] {3e-4}, 1, 20);
                expectScan(e, new double[] {3e-4}, 3, 20);
            }),

            of("5.3", 1, "the weights are {w1 [6, 4], b1 [1, 4], w2 [4, 2], b2 [1, 2]}", (ExplosionExercises e) -> weights(e)),
            of("5.3", 1, "they reproduce the structured data without noise exactly (squared error < 1e-9 on 96 samples)", (ExplosionExercises e) -> {
                Sequential net = net(weights(e));
                Dataset data = Datasets.structured(96, 0, 0);
                double se = new SquaredError().forward(net.forward(data.features()), data.labels());
                Expect.that(se < 1e-9, "the squared error of your 6-4-2 network on Datasets.structured(96, 0, 0) is " + Expect.fmt(se)
                        + "; expected below 1e-9. Each output is linear: write it as relu(v) - relu(-v) with two units");
            }),
            of("5.3", 1, "exact for every input, also far from the data: x = +-100 along each input", (ExplosionExercises e) -> {
                Sequential net = net(weights(e));
                for (int i = 0; i < 6; i++) {
                    for (double s : new double[] {100, -100}) {
                        double[] x = new double[6];
                        x[i] = s;
                        double[] expected = {x[3] - x[1] + 2 * x[4], 7 * x[0] - 4 * x[2] + x[5]};
                        double[] y = net.forward(Nd4j.createFromArray(new double[][] {x})).toDoubleVector();
                        Expect.near(expected, y, 1e-9, "the output for x = " + Expect.fmt(x));
                    }
                }
            }),

            of("5.4", 1, "[100, 50, 49.9, 49.85], window 2, tolerance 0.01: plateaued; [100, 50, 25], window 1: not", (ExplosionExercises e) -> {
                Expect.equal(true, e.plateaued(new double[] {100, 50, 49.9, 49.85}, 2, 0.01), "plateaued([100, 50, 49.9, 49.85], 2, 0.01)");
                Expect.equal(false, e.plateaued(new double[] {100, 50, 25}, 1, 0.01), "plateaued([100, 50, 25], 1, 0.01)");
            }),
            of("5.4", 1, "it looks back exactly window steps: [1000, 10, 9.99] is plateaued with window 1, not with window 2", (ExplosionExercises e) -> {
                Expect.equal(true, e.plateaued(new double[] {1000, 10, 9.99}, 1, 0.01), "plateaued([1000, 10, 9.99], 1, 0.01)");
                Expect.equal(false, e.plateaued(new double[] {1000, 10, 9.99}, 2, 0.01), "plateaued([1000, 10, 9.99], 2, 0.01)");
            }),

            of("5.5", 1, "the sign gives the colour: 0.5 is red, -0.1 is blue, 0 is red (w >= 0)", (ExplosionExercises e) -> {
                expectColour(EdgeStyle.RED, e, 0.5, 2);
                expectColour(EdgeStyle.BLUE, e, -0.1, 2);
                expectColour(EdgeStyle.RED, e, 0, 2);
            }),
            of("5.5", 1, "the magnitude gives the width: with largest |w| 2, w = 2 -> 4, w = -1 -> 2.15, w = 0 -> 0.3", (ExplosionExercises e) -> {
                expectWidth(EdgeStyle.MAX_WIDTH, e, 2, 2);
                expectWidth(EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) / 2, e, -1, 2);
                expectWidth(EdgeStyle.MIN_WIDTH, e, 0, 2);
            }),
            of("5.5", 1, "a network whose weights are all 0 (largest |w| 0): every edge is MIN_WIDTH wide, no division by 0", (ExplosionExercises e) ->
                expectWidth(EdgeStyle.MIN_WIDTH, e, 0, 0))
        ));
    }

    /** Exercise 5.5's colour of one weight, with the constant's name in the message. */
    public static void expectColour(String expected, ExplosionExercises e, double weight, double maxAbs) {
        EdgeStyle style = edgeOf(e, weight, maxAbs);
        String name = expected.equals(EdgeStyle.RED) ? "EdgeStyle.RED" : "EdgeStyle.BLUE";
        Expect.equal(expected, style.colour(), "the colour of edge(" + Expect.fmt(weight) + ", " + Expect.fmt(maxAbs) + ") ("
                + name + ")");
    }

    /** Exercise 5.5's width of one weight. */
    public static void expectWidth(double expected, ExplosionExercises e, double weight, double maxAbs) {
        EdgeStyle style = edgeOf(e, weight, maxAbs);
        Expect.near(expected, style.width(), 1e-12, "the width of edge(" + Expect.fmt(weight) + ", " + Expect.fmt(maxAbs) + ")");
    }

    private static EdgeStyle edgeOf(ExplosionExercises e, double weight, double maxAbs) {
        EdgeStyle style = e.edge(weight, maxAbs);
        Expect.notNull(style, "edge(" + Expect.fmt(weight) + ", " + Expect.fmt(maxAbs) + ")");
        return style;
    }

    private static void expectScan(ExplosionExercises e, double[] rates, long seed, int steps) {
        int[] expected = new int[rates.length];
        for (int k = 0; k < rates.length; k++) {
            History h = trainRandom(rates[k], seed, steps);
            expected[k] = h.diverged() ? (int) h.stopStep() - 1 : -1;
        }
        int[] actual = e.scanRates(rates.clone(), seed, steps);
        String what = "scanRates(" + Expect.fmt(rates) + ", seed " + seed + ", " + steps + " steps)";
        Expect.notNull(actual, what);
        Expect.equal(Arrays.toString(expected), Arrays.toString(actual), what);
    }

    private static INDArray[] weights(ExplosionExercises e) {
        INDArray[] w = e.exactWeights();
        Expect.notNull(w, "exactWeights()");
        Expect.that(w.length == 4, "exactWeights(): expected 4 arrays {w1, b1, w2, b2} but got " + w.length);
        String[] names = {"w1", "b1", "w2", "b2"};
        long[][] shapes = {{6, 4}, {1, 4}, {4, 2}, {1, 2}};
        for (int k = 0; k < 4; k++) {
            Expect.notNull(w[k], names[k]);
            Expect.equal(Arrays.toString(shapes[k]), Arrays.toString(w[k].shape()), "the shape of " + names[k]);
        }
        return w;
    }

    private static Sequential net(INDArray[] w) {
        return Sequential.of(Linear.withWeights(w[0].toDoubleMatrix(), w[1].toDoubleVector()), new Relu(),
                Linear.withWeights(w[2].toDoubleMatrix(), w[3].toDoubleVector()));
    }
}
