package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;

/** The visible checks of notebook 01-rectangle; the numbers are the slides'. */
public final class RectangleChecks {

    /** The slides' example image, x = [0,0,0,1,0,0,1,0,0]: the two lower pixels of the left column. */
    public static final double[] X = {0, 0, 0, 1, 0, 0, 1, 0, 0};

    private RectangleChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<RectangleExercises> set() {
        RectangleWeights s = RectangleWeights.slides();
        return ExerciseSet.of("01-rectangle", RectangleExercises.class, exercises1To5(s), exercises6To8(s));
    }

    /** The checks of exercises 1.1 to 1.5. */
    private static List<ExerciseCheck<RectangleExercises>> exercises1To5(RectangleWeights s) {
        return List.of(
            of("1.1", 1, "the slides' picture (2x2 square bottom left) is [0,0,0,1,1,0,1,1,0]", (RectangleExercises e) ->
                Expect.near(new double[] {0, 0, 0, 1, 1, 0, 1, 1, 0},
                        e.toVector(new int[][] {{0, 0, 0}, {1, 1, 0}, {1, 1, 0}}), 0, "toVector")),
            of("1.1", 1, "pixels are read row by row (the top row first, left to right)", (RectangleExercises e) ->
                Expect.near(new double[] {1, 1, 0, 0, 0, 0, 0, 0, 1},
                        e.toVector(new int[][] {{1, 1, 0}, {0, 0, 0}, {0, 0, 1}}), 0,
                        "toVector of [[1,1,0],[0,0,0],[0,0,1]]")),

            of("1.2", 1, "sigmoid(0) is 0.5", (RectangleExercises e) -> Expect.near(0.5, e.sigmoid(0), 1e-12, "sigmoid(0)")),
            of("1.2", 1, "sigmoid(-4.4) is 0.012 and sigmoid(2.1) is 0.89, as on the slides", (RectangleExercises e) -> {
                Expect.near(0.012128, e.sigmoid(-4.4), 1e-5, "sigmoid(-4.4)");
                Expect.near(0.890903, e.sigmoid(2.1), 1e-5, "sigmoid(2.1)");
            }),
            of("1.2", 1, "sigmoid stays between 0 and 1 for large |z| (no NaN)", (RectangleExercises e) -> {
                Expect.near(0, e.sigmoid(-1000), 1e-12, "sigmoid(-1000)");
                Expect.near(1, e.sigmoid(1000), 1e-12, "sigmoid(1000)");
            }),

            of("1.3", 1, "hidden neuron 1 for x gives g(-4.4) = 0.012", (RectangleExercises e) ->
                Expect.near(0.012128, e.neuron(X, column(s.w1(), 0), s.b1()[0]), 1e-5,
                        "neuron(x, W1 column 1, b1 = -0.3)")),
            of("1.3", 1, "hidden neuron 2 for x gives g(0) = 0.5", (RectangleExercises e) ->
                Expect.near(0.5, e.neuron(X, column(s.w1(), 1), s.b1()[1]), 1e-9,
                        "neuron(x, W1 column 2, b1 = -7.8)")),
            of("1.3", 1, "the output neuron for [0.012, 0.5] gives g(2.06) = 0.89", (RectangleExercises e) ->
                Expect.near(0.886950, e.neuron(new double[] {0.012128, 0.5}, column(s.w2(), 0), s.b2()[0]), 1e-5,
                        "neuron([0.012128, 0.5], [-3.3, -3.6], 3.9)")),

            of("1.4", 1, "the hidden layer for x gives [0.012, 0.5]", (RectangleExercises e) ->
                Expect.near(new double[] {0.012128, 0.5}, e.layer(X, s.w1(), s.b1()), 1e-5, "layer(x, W1, b1)")),
            of("1.4", 1, "w[j][i] connects input j to neuron i (2 inputs, 3 neurons)", (RectangleExercises e) -> {
                double[][] w = {{1, 2, 3}, {-1, 0, 1}};
                double[] expected = {sig(1 - 2 + 0.5), sig(2 + 0.5), sig(3 + 2 + 0.5)};
                Expect.near(expected, e.layer(new double[] {1, 2}, w, new double[] {0.5, 0.5, 0.5}), 1e-9,
                        "layer([1, 2], [[1,2,3],[-1,0,1]], [0.5,0.5,0.5])");
            }),
            of("1.4", 1, "two layers give the slides' output 0.89 for x", (RectangleExercises e) -> {
                double[] hidden = e.layer(X, s.w1(), s.b1());
                Expect.near(new double[] {0.886950}, e.layer(hidden, s.w2(), s.b2()), 1e-5, "layer(layer(x, W1, b1), W2, b2)");
            }),

            of("1.5", 1, "the network gets the input wrong", (RectangleExercises e) -> {
                double[] x = e.wrongInput();
                Expect.notNull(x, "wrongInput()");
                Expect.that(x.length == 9, "wrongInput(): expected 9 pixels but got " + x.length);
                int index = 0;
                for (int j = 0; j < 9; j++) {
                    Expect.that(x[j] == 0 || x[j] == 1, "wrongInput(): pixels are 0 or 1, but pixel " + j + " is " + x[j]);
                    index += (int) x[j] << j;
                }
                Dataset all = Datasets.rectangles();
                boolean rectangle = all.labels().getDouble(index, 0) == 1;
                double y = s.output(x);
                Expect.that((y >= 0.5) != rectangle, "wrongInput(): the network outputs " + Expect.fmt(y)
                        + (y >= 0.5 ? " (one rectangle)" : " (not one rectangle)") + " for " + Expect.fmt(x)
                        + ", and that is right: the image " + (rectangle ? "shows" : "does not show")
                        + " one filled rectangle. Try another image.");
            })
        );
    }

    /** The checks of exercises 1.6 to 1.8. */
    private static List<ExerciseCheck<RectangleExercises>> exercises6To8(RectangleWeights s) {
        return List.of(
            of("1.6", 1, "the tuned network outputs more than 0.99 for x", (RectangleExercises e) -> {
                RectangleWeights tuned = e.tune(RectangleWeights.slides());
                Expect.notNull(tuned, "tune(slides)");
                double y = tuned.output(X);
                Expect.that(y > 0.99, "tune(slides): the output for x is " + Expect.fmt(y) + ", expected more than 0.99");
            }),
            of("1.6", 1, "tune leaves the slides' weights unchanged", (RectangleExercises e) -> {
                RectangleWeights given = RectangleWeights.slides();
                e.tune(given);
                Expect.near(RectangleWeights.slides().output(X), given.output(X), 0,
                        "the output of the weights passed to tune, after tune (change a copy: slides.copy())");
            }),

            of("1.7", 1, "cost([0.9, 0.2], [1, 0]) = 0.1^2 + 0.2^2 = 0.05", (RectangleExercises e) ->
                Expect.near(0.05, e.cost(new double[] {0.9, 0.2}, new double[] {1, 0}), 1e-12, "cost([0.9, 0.2], [1, 0])")),
            of("1.7", 1, "the slides' network costs 29.49 on all 512 images", (RectangleExercises e) -> {
                Dataset all = Datasets.rectangles();
                double[] y = s.model().forward(all.features()).reshape(512).toDoubleVector();
                double[] yTrue = all.labels().reshape(512).toDoubleVector();
                Expect.near(29.4897, e.cost(y, yTrue), 1e-3, "cost(outputs for all 512 images, their labels)");
            }),

            of("1.8", 1, "step([[1, 2]], [[0.5, -1]], 0.1) is [[0.95, 2.1]]", (RectangleExercises e) -> {
                INDArray w = Nd4j.createFromArray(new double[][] {{1, 2}});
                INDArray g = Nd4j.createFromArray(new double[][] {{0.5, -1}});
                INDArray updated = e.step(w, g, 0.1);
                Expect.notNull(updated, "step");
                Expect.near(new double[] {0.95, 2.1}, updated.toDoubleVector(), 1e-12, "step([[1, 2]], [[0.5, -1]], 0.1)");
            }),
            of("1.8", 1, "step keeps the shape (9 x 2 stays 9 x 2)", (RectangleExercises e) -> {
                INDArray updated = e.step(Nd4j.ones(9, 2), Nd4j.ones(9, 2), 0.5);
                Expect.notNull(updated, "step");
                Expect.equal("[9, 2]", java.util.Arrays.toString(updated.shape()), "the shape of step(ones 9x2, ones 9x2, 0.5)");
                Expect.near(0.5, updated.getDouble(8, 1), 1e-12, "entry [8][1] of step(ones, ones, 0.5)");
            })
        );
    }

    /** Column {@code i} of a matrix: the weights into neuron i. */
    static double[] column(double[][] w, int i) {
        double[] c = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            c[j] = w[j][i];
        }
        return c;
    }

    private static double sig(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
