package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.data.Split;
import org.nnlab.loss.SquaredError;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;

/**
 * The visible checks of notebook 04-random-vs-structured-data. Expected values come from the
 * library's own layers ({@link Linear}, {@link Relu}, {@link SquaredError} and their backward
 * passes), never from the submission.
 */
public final class RandomVsStructuredChecks {

    /** The slides' random data: 64 samples, 20 inputs, 1 output; the notebook's hidden size. */
    public static final int RANDOM_HIDDEN = 30;

    /** The seed of the random data and of the weights in the notebook and its checks. */
    public static final long RANDOM_SEED = 1;

    /** The slides' learning rate for the random data. */
    public static final double RANDOM_LR = 1e-4;

    private RandomVsStructuredChecks() {
    }

    /** The slides' initial weights for the random data: w1 [20, 30] then w2 [30, 1], N(0, 1) from {@code seed}. */
    public static INDArray[] randomWeights(long seed) {
        Init init = Init.normal(0, 1, seed);
        return new INDArray[] {init.create(Datasets.RANDOM_INPUTS, RANDOM_HIDDEN), init.create(RANDOM_HIDDEN, 1)};
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<RandomVsStructuredExercises> set() {
        return ExerciseSet.of("04-random-vs-structured-data", RandomVsStructuredExercises.class, exercises1To3(), exercises4To6());
    }

    /** The checks of exercises 4.1 to 4.3. */
    private static List<ExerciseCheck<RandomVsStructuredExercises>> exercises1To3() {
        return List.of(
            of("4.1", 1, "relu(x w1) w2 of a 2x2 example is [[-4], [2]]: the relu clips z = -3 to 0", (RandomVsStructuredExercises e) -> {
                INDArray y = e.forward(smallX(), smallW1(), smallW2());
                Expect.notNull(y, "forward(x, w1, w2)");
                // without the relu: [[-10], [2]]
                Expect.near(new double[][] {{-4}, {2}}, y.toDoubleMatrix(), 1e-12, "forward(x, w1, w2)");
            }),
            of("4.1", 1, "on the random data (64x20, hidden 30) it is the library's network, [64, 1], x and w unchanged", (RandomVsStructuredExercises e) -> {
                Split data = Datasets.random(RANDOM_SEED);
                INDArray[] w = randomWeights(RANDOM_SEED);
                INDArray x = data.train().features();
                INDArray x0 = x.dup();
                INDArray w10 = w[0].dup();
                INDArray w20 = w[1].dup();
                INDArray y = e.forward(x, w[0], w[1]);
                Expect.notNull(y, "forward(x, w1, w2)");
                Expect.equal("[64, 1]", shape(y), "the shape of forward(x, w1, w2)");
                INDArray expected = net(w10, w20).forward(x0);
                Expect.near(expected.toDoubleMatrix(), y.toDoubleMatrix(), 1e-9, "forward(x, w1, w2)");
                unchanged(x0, x, "x");
                unchanged(w10, w[0], "w1");
                unchanged(w20, w[1], "w2");
            }),

            of("4.2", 1, "cost([[1], [2]], [[0], [4]]) = 1 + 4 = 5", (RandomVsStructuredExercises e) ->
                Expect.near(5, e.cost(Nd4j.createFromArray(new double[][] {{1}, {2}}), Nd4j.createFromArray(new double[][] {{0}, {4}})),
                        1e-12, "cost([[1], [2]], [[0], [4]])")),
            of("4.2", 1, "it sums over samples and outputs, no mean: cost([[1, 2], [3, 4]], zeros) = 30", (RandomVsStructuredExercises e) ->
                Expect.near(30, e.cost(Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}), Nd4j.zeros(2, 2)),
                        1e-12, "cost([[1, 2], [3, 4]], [[0, 0], [0, 0]])")),

            of("4.3", 1, "the gradients of the 2x2 example: dL/dw2 = [[0], [0], [-24]] and dL/dw1", (RandomVsStructuredExercises e) -> {
                INDArray y = Nd4j.createFromArray(new double[][] {{-1}, {2}});
                INDArray[] g = gradientsOf(e, smallX(), y, smallW1(), smallW2());
                INDArray[] expected = libraryGradients(smallX(), y, smallW1(), smallW2());
                Expect.near(expected[1].toDoubleMatrix(), g[1].toDoubleMatrix(), 1e-9, "dL/dw2");
                Expect.near(expected[0].toDoubleMatrix(), g[0].toDoubleMatrix(), 1e-9, "dL/dw1");
            }),
            of("4.3", 1, "they agree with the numerical gradient (L(w + h) - L(w - h)) / 2h, entry by entry", (RandomVsStructuredExercises e) -> {
                Dataset d = Datasets.random(5, 3, 2, 7);
                Init init = Init.normal(0, 1, 7);
                INDArray w1 = init.create(3, 4);
                INDArray w2 = init.create(4, 2);
                INDArray[] g = gradientsOf(e, d.features(), d.labels(), w1, w2);
                INDArray[] w = {w1, w2};
                String[] names = {"dL/dw1", "dL/dw2"};
                for (int k = 0; k < 2; k++) {
                    double[][] numerical = numericalGradient(d, w1, w2, w[k]);
                    double tolerance = 1e-6 * Math.max(1, maxAbs(numerical));
                    Expect.near(numerical, g[k].toDoubleMatrix(), tolerance, names[k] + " against the numerical gradient");
                }
            }),
            of("4.3", 1, "on the random data they are the library's backpropagation, and x, y, w1, w2 are unchanged", (RandomVsStructuredExercises e) -> {
                Split data = Datasets.random(RANDOM_SEED);
                INDArray[] w = randomWeights(RANDOM_SEED);
                INDArray x = data.train().features();
                INDArray y = data.train().labels();
                INDArray[] before = {x.dup(), y.dup(), w[0].dup(), w[1].dup()};
                INDArray[] g = gradientsOf(e, x, y, w[0], w[1]);
                INDArray[] expected = libraryGradients(before[0], before[1], before[2], before[3]);
                for (int k = 0; k < 2; k++) {
                    double tolerance = 1e-9 * Math.max(1, expected[k].amaxNumber().doubleValue());
                    Expect.near(expected[k].toDoubleMatrix(), g[k].toDoubleMatrix(), tolerance, k == 0 ? "dL/dw1" : "dL/dw2");
                }
                unchanged(before[0], x, "x");
                unchanged(before[1], y, "y");
                unchanged(before[2], w[0], "w1");
                unchanged(before[3], w[1], "w2");
            })
        );
    }

    /** The checks of exercises 4.4 to 4.6. */
    private static List<ExerciseCheck<RandomVsStructuredExercises>> exercises4To6() {
        return List.of(
            of("4.4", 1, "one step from the 2x2 example: costs = [the initial cost], w <- w - lr dL/dw in place", (RandomVsStructuredExercises e) -> {
                INDArray y = Nd4j.createFromArray(new double[][] {{-1}, {2}});
                INDArray w1 = smallW1();
                INDArray w2 = smallW2();
                double[] costs = e.train(smallX(), y, w1, w2, 0.01, 1);
                INDArray[] g = libraryGradients(smallX(), y, smallW1(), smallW2());
                Expect.near(new double[] {9}, costs, 1e-12, "train(x, y, w1, w2, 0.01, 1): the costs");   // (-4 + 1)^2 + 0
                Expect.near(smallW2().sub(g[1].mul(0.01)).toDoubleMatrix(), w2.toDoubleMatrix(), 1e-12, "w2 after one step");
                Expect.near(smallW1().sub(g[0].mul(0.01)).toDoubleMatrix(), w1.toDoubleMatrix(), 1e-12, "w1 after one step");
            }),
            of("4.4", 1, "100 steps on the random data with lr = 1e-4 bring the cost from 28335 below 200", (RandomVsStructuredExercises e) -> {
                Split data = Datasets.random(RANDOM_SEED);
                INDArray[] w = randomWeights(RANDOM_SEED);
                double[] costs = e.train(data.train().features(), data.train().labels(), w[0], w[1], RANDOM_LR, 100);
                Expect.notNull(costs, "train(...)");
                Expect.that(costs.length == 100, "train(..., 100 steps): expected 100 costs (one per step) but got " + costs.length);
                Expect.near(28334.616, costs[0], 1e-3, "the cost before the first step");
                double last = cost(net(w[0], w[1]).forward(data.train().features()), data.train().labels());
                Expect.that(last < 200, "after 100 steps the cost of the weights is " + Expect.fmt(last)
                        + "; expected below 200. Does each step go downhill, w - lr dL/dw?");
            }),

            of("4.5", 1, "after training, {training error, test error} are the costs on data.train() and data.test()", (RandomVsStructuredExercises e) -> {
                Split data = Datasets.random(RANDOM_SEED);
                INDArray[] w = randomWeights(RANDOM_SEED);
                double[] errors = e.trainAndTest(data, w[0], w[1], RANDOM_LR, 100);
                Expect.notNull(errors, "trainAndTest(...)");
                Expect.that(errors.length == 2, "trainAndTest(...): expected 2 numbers {training error, test error} but got " + errors.length);
                Sequential trained = net(w[0], w[1]);
                double train = cost(trained.forward(data.train().features()), data.train().labels());
                double test = cost(trained.forward(data.test().features()), data.test().labels());
                Expect.near(train, errors[0], 1e-6 * Math.max(1, train), "the training error (the cost on data.train() of the trained w1, w2)");
                Expect.near(test, errors[1], 1e-6 * Math.max(1, test), "the test error (the cost on data.test() of the trained w1, w2)");
            }),
            of("4.5", 1, "random data: 100 steps make the training error small (< 200) while the test error stays above 1000", (RandomVsStructuredExercises e) -> {
                Split data = Datasets.random(RANDOM_SEED);
                INDArray[] w = randomWeights(RANDOM_SEED);
                double[] errors = e.trainAndTest(data, w[0], w[1], RANDOM_LR, 100);
                Expect.notNull(errors, "trainAndTest(...)");
                Expect.that(errors.length == 2, "trainAndTest(...): expected 2 numbers but got " + errors.length);
                Expect.that(errors[0] < 200 && errors[1] > 1000, "trainAndTest: training error " + Expect.fmt(errors[0])
                        + ", test error " + Expect.fmt(errors[1]) + "; expected < 200 and > 1000: the test error is measured on data.test(),"
                        + " which the network never saw");
            }),

            of("4.6", 1, "the weights of a 6-4-2 network with biases move by -lr dL/dw", (RandomVsStructuredExercises e) ->
                checkStep(e, "weight")),
            of("4.6", 1, "the biases move too, by -lr dL/db", (RandomVsStructuredExercises e) ->
                checkStep(e, "bias"))
        );
    }

    /** Runs one step of the submission on a 6-4-2 network after a backward pass and checks the parameters of one role. */
    private static void checkStep(RandomVsStructuredExercises e, String role) {
        Init init = Init.normal(0, 0.5, 3);
        Sequential model = Sequential.of(new Linear(6, 4, true, init), new Relu(), new Linear(4, 2, true, init));
        // nonzero biases, so that a step that resets them is caught too
        for (Parameter p : model.parameters()) {
            if (p.role().equals("bias")) {
                p.set(init.create(p.shape()));
            }
        }
        Dataset data = Datasets.structured(16, 1, 5);
        INDArray labels = data.labels().add(10);   // an offset the biases must learn
        SquaredError loss = new SquaredError();
        loss.forward(model.forward(data.features()), labels);
        model.backward(loss.backward());
        List<INDArray> values = new ArrayList<>();
        List<INDArray> grads = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            values.add(p.value().dup());
            grads.add(p.grad().dup());
        }
        double lr = 1e-4;
        e.sgdStep(model.parameters(), lr);
        for (int k = 0; k < values.size(); k++) {
            Parameter p = model.parameters().get(k);
            if (!p.role().equals(role)) {
                continue;
            }
            Expect.that(!p.value().equals(values.get(k)) || grads.get(k).amaxNumber().doubleValue() == 0,
                    p.name() + " did not change; expected p - lr dL/dp (its gradient p.grad() is not zero). Update every parameter in the list");
            Expect.near(values.get(k).sub(grads.get(k).mul(lr)).toDoubleMatrix(), p.value().toDoubleMatrix(), 1e-9,
                    p.name() + " after sgdStep(parameters, " + lr + ")");
        }
    }

    static INDArray smallX() {
        return Nd4j.createFromArray(new double[][] {{1, -2}, {0.5, 1}});
    }

    static INDArray smallW1() {
        return Nd4j.createFromArray(new double[][] {{1, -1, 2}, {0.5, 1, -1}});
    }

    static INDArray smallW2() {
        return Nd4j.createFromArray(new double[][] {{1}, {2}, {-1}});
    }

    /** The library's relu(x w1) w2, on copies of the weights. */
    static Sequential net(INDArray w1, INDArray w2) {
        return Sequential.of(Linear.withWeights(w1.toDoubleMatrix()), new Relu(), Linear.withWeights(w2.toDoubleMatrix()));
    }

    static double cost(INDArray prediction, INDArray truth) {
        return new SquaredError().forward(prediction, truth);
    }

    /** {dL/dw1, dL/dw2} by the library's backward passes. */
    static INDArray[] libraryGradients(INDArray x, INDArray y, INDArray w1, INDArray w2) {
        Sequential model = net(w1, w2);
        SquaredError loss = new SquaredError();
        loss.forward(model.forward(x), y);
        model.backward(loss.backward());
        return new INDArray[] {model.parameters().get(0).grad().dup(), model.parameters().get(1).grad().dup()};
    }

    private static INDArray[] gradientsOf(RandomVsStructuredExercises e, INDArray x, INDArray y, INDArray w1, INDArray w2) {
        INDArray[] g = e.gradients(x, y, w1, w2);
        Expect.notNull(g, "gradients(x, y, w1, w2)");
        Expect.that(g.length == 2, "gradients(x, y, w1, w2): expected 2 arrays {dL/dw1, dL/dw2} but got " + g.length);
        Expect.notNull(g[0], "dL/dw1");
        Expect.notNull(g[1], "dL/dw2");
        Expect.equal(shape(w1), shape(g[0]), "the shape of dL/dw1 (like w1)");
        Expect.equal(shape(w2), shape(g[1]), "the shape of dL/dw2 (like w2)");
        return g;
    }

    /** Central differences of L(w1, w2) with respect to each entry of {@code w} (one of w1, w2), h = 1e-6. */
    private static double[][] numericalGradient(Dataset d, INDArray w1, INDArray w2, INDArray w) {
        double h = 1e-6;
        double[][] result = new double[(int) w.rows()][(int) w.columns()];
        for (int i = 0; i < w.rows(); i++) {
            for (int j = 0; j < w.columns(); j++) {
                double old = w.getDouble(i, j);
                w.putScalar(i, j, old + h);
                double plus = cost(net(w1, w2).forward(d.features()), d.labels());
                w.putScalar(i, j, old - h);
                double minus = cost(net(w1, w2).forward(d.features()), d.labels());
                w.putScalar(i, j, old);
                result[i][j] = (plus - minus) / (2 * h);
            }
        }
        return result;
    }

    private static double maxAbs(double[][] m) {
        double max = 0;
        for (double[] row : m) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static void unchanged(INDArray before, INDArray after, String name) {
        Expect.that(before.equals(after), name + " was changed; leave the arguments as they are (work on new arrays: "
                + "mmul, add, sub and mul return new ones, the methods ending in i change in place)");
    }

    static String shape(INDArray a) {
        return java.util.Arrays.toString(a.shape());
    }
}
