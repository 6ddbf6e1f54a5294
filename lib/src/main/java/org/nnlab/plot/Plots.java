package org.nnlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;
import org.nnlab.data.Dataset;
import org.nnlab.functions.Function1;
import org.nnlab.functions.Function2;
import org.nnlab.functions.MinimizerResult;
import org.nnlab.metrics.ConfusionMatrix;
import org.nnlab.metrics.Metrics;
import org.nnlab.nn.Layer;
import org.nnlab.train.History;

/**
 * The workshop's figures, each a pure function of its data returning a {@link Chart}; a cell that
 * ends with one shows it.
 *
 * <pre>{@code
 * History history = trainer.fit(data.train(), data.test(), 100, 32);
 * Plots.loss(history)
 * }</pre>
 */
public final class Plots {

    /** Grid points per axis of contour plots and decision boundaries. */
    static final int GRID = 81;

    /**
     * At most this many points of a descent path are drawn: a run of 90,000 small steps would make a
     * figure of megabytes that shows no more than a few hundred points do.
     */
    static final int MAX_PATH_POINTS = 400;

    private Plots() {
    }

    /** Training and validation loss per epoch (validation dashed, when there was a validation set). */
    public static Chart loss(History history) {
        requireHistory(history, "Plots.loss");
        List<Series> series = new ArrayList<>();
        double[] epochs = epochs(history.epochs());
        series.add(line("train", epochs, values(history.trainLoss()), 0, false));
        if (history.hasValidation()) {
            series.add(line("validation", epochs, values(history.validationLoss()), 1, true));
        }
        return Chart.of("Loss", "epoch", "loss", series);
    }

    /**
     * Training and validation accuracy per epoch.
     *
     * @throws IllegalArgumentException for a regression history (no accuracies were measured)
     */
    public static Chart accuracy(History history) {
        requireHistory(history, "Plots.accuracy");
        Args.require(history.isClassification(), "Plots.accuracy", "the history of a classifier",
                "a regression history (no accuracy)", "plot its loss instead: Plots.loss(history).");
        List<Series> series = new ArrayList<>();
        double[] epochs = epochs(history.epochs());
        series.add(line("train", epochs, values(history.trainAccuracy()), 0, false));
        if (history.hasValidation()) {
            series.add(line("validation", epochs, values(history.validationAccuracy()), 1, true));
        }
        return Chart.of("Accuracy", "epoch", "accuracy", series);
    }

    /** The loss of every batch, step by step (shows a blow-up as it happens). */
    public static Chart batchLoss(History history) {
        requireHistory(history, "Plots.batchLoss");
        double[] losses = values(history.batchLosses());
        double[] steps = epochs(losses.length);
        return Chart.of("Batch loss", "step", "loss",
                List.of(new Series.Line("batch loss", steps, losses, Series.Mode.LINES, Colors.series(0), false)));
    }

    /** The curve of f with the gradient-descent path on it: x_{t+1} = x_t - alpha f'(x_t). */
    public static Chart descent(Function1 f, MinimizerResult result) {
        Args.require(f != null && result != null, "Plots.descent", "a function and the result of minimising it",
                null, "e.g. Plots.descent(f, new Minimizer(0.1, 100).minimize(f, 4.0)).");
        Args.require(result.path().get(0).length == 1, "Plots.descent", "a run on a function of one variable",
                "a path in 2-D", "for Function2 use Plots.descent(f2, results...).");
        double[] px = result.path().stream().filter(p -> Double.isFinite(p[0]) && Math.abs(p[0]) < 1e6)
                .mapToDouble(p -> p[0]).toArray();
        double lo = Arrays.stream(px).min().orElse(-1);
        double hi = Arrays.stream(px).max().orElse(1);
        double margin = Math.max((hi - lo) * 0.25, 1);
        double[] x = linspace(lo - margin, hi + margin, 201);
        double[] y = Arrays.stream(x).map(f::value).toArray();
        int[] drawn = drawn(result.path());
        double[] pathX = Arrays.stream(drawn).mapToDouble(i -> result.path().get(i)[0]).toArray();
        double[] pathY = Arrays.stream(drawn).mapToDouble(i -> result.values().get(i)).toArray();
        return Chart.of("Gradient descent on " + f + String.format(Locale.ROOT, " (alpha = %s, %d steps)",
                        result.alpha(), result.steps()), "x", "f(x)",
                List.of(new Series.Line("f", x, y, Series.Mode.LINES, Colors.series(0), false),
                        new Series.Line("path", pathX, pathY, Series.Mode.LINES_AND_MARKERS, Colors.series(3),
                                false)));
    }

    /** f as filled contours over [xMin, xMax] x [yMin, yMax]. */
    public static Chart contours(Function2 f, double xMin, double xMax, double yMin, double yMax) {
        Args.require(f != null, "Plots.contours", "a Function2", null, "e.g. Functions.f1().");
        Args.require(xMin < xMax && yMin < yMax, "Plots.contours", "xMin < xMax and yMin < yMax",
                xMin + ".." + xMax + ", " + yMin + ".." + yMax, "e.g. Plots.contours(f, -2, 2, -2, 2).");
        return Chart.of(String.valueOf(f), "x", "y", List.of(contour(f, xMin, xMax, yMin, yMax))).equalAxes();
    }

    /**
     * Contours of f with the path of each run (one per start point), over a square that holds all
     * paths with a margin.
     */
    public static Chart descent(Function2 f, MinimizerResult... results) {
        Args.require(f != null && results != null && results.length > 0, "Plots.descent",
                "a Function2 and at least one result", null,
                "e.g. Plots.descent(Functions.f1(), new Minimizer(0.05, 200).minimize(Functions.f1(), 1, 1)).");
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (MinimizerResult result : results) {
            for (double[] p : result.path()) {
                if (p.length == 2 && Double.isFinite(p[0]) && Double.isFinite(p[1]) && Math.abs(p[0]) < 1e4
                        && Math.abs(p[1]) < 1e4) {
                    r[0] = Math.min(r[0], p[0]);
                    r[1] = Math.max(r[1], p[0]);
                    r[2] = Math.min(r[2], p[1]);
                    r[3] = Math.max(r[3], p[1]);
                }
            }
        }
        double margin = Math.max(Math.max(r[1] - r[0], r[3] - r[2]) * 0.2, 0.5);
        return descent(f, r[0] - margin, r[1] + margin, r[2] - margin, r[3] + margin, List.of(results));
    }

    /** Contours of f over the given box with the path of each run. */
    public static Chart descent(Function2 f, double xMin, double xMax, double yMin, double yMax,
            List<MinimizerResult> results) {
        Args.require(results != null && !results.isEmpty(), "Plots.descent", "at least one result", results,
                "minimise from several starts and pass the results.");
        List<Series> series = new ArrayList<>();
        series.add(contour(f, xMin, xMax, yMin, yMax));
        for (int i = 0; i < results.size(); i++) {
            MinimizerResult result = results.get(i);
            Args.require(result.path().get(0).length == 2, "Plots.descent", "runs on a function of two variables",
                    "a path in 1-D", "for Function1 use Plots.descent(f, result).");
            double[] start = result.path().get(0);
            List<double[]> path = result.path();
            int[] drawn = drawn(path);
            series.add(new Series.Line(String.format(Locale.ROOT, "from (%s, %s)", Svg.num(start[0]),
                    Svg.num(start[1])), Arrays.stream(drawn).mapToDouble(k -> path.get(k)[0]).toArray(),
                    Arrays.stream(drawn).mapToDouble(k -> path.get(k)[1]).toArray(), pathMode(drawn.length),
                    PATH_COLORS[i % PATH_COLORS.length], false));
        }
        String title = results.size() == 1
                ? String.format(Locale.ROOT, "Gradient descent (alpha = %s): %s after %d steps", results.get(0).alpha(),
                        results.get(0).status().name().toLowerCase(Locale.ROOT).replace('_', ' '), results.get(0).steps())
                : "Gradient descent from " + results.size() + " starts";
        return Chart.of(title, "x", "y", series).equalAxes();
    }

    /**
     * The indices of the path points to draw: all of them up to {@link #MAX_PATH_POINTS}; for longer
     * paths, the start, then each point at least 1/MAX_PATH_POINTS of the path's extent away from the
     * last one drawn (so the fast first steps keep their shape and the slow crawl at the end is
     * thinned), then evenly spaced ones if that is still too many; the last point always.
     */
    static int[] drawn(List<double[]> path) {
        int n = path.size();
        if (n <= MAX_PATH_POINTS) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int dims = path.get(0).length;
        double[] lo = new double[dims];
        double[] hi = new double[dims];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] p : path) {
            for (int d = 0; d < dims; d++) {
                if (Double.isFinite(p[d])) {
                    lo[d] = Math.min(lo[d], p[d]);
                    hi[d] = Math.max(hi[d], p[d]);
                }
            }
        }
        double extent = 0;
        for (int d = 0; d < dims; d++) {
            extent = Math.max(extent, hi[d] - lo[d]);
        }
        double minDistance = extent / MAX_PATH_POINTS;
        List<Integer> kept = new ArrayList<>(List.of(0));
        double[] last = path.get(0);
        for (int i = 1; i < n - 1; i++) {
            double[] p = path.get(i);
            double squared = 0;
            for (int d = 0; d < dims; d++) {
                squared += (p[d] - last[d]) * (p[d] - last[d]);
            }
            if (!(Math.sqrt(squared) < minDistance)) {   // NaN and infinite steps are kept
                kept.add(i);
                last = p;
            }
        }
        kept.add(n - 1);
        if (kept.size() > MAX_PATH_POINTS) {
            List<Integer> even = new ArrayList<>();
            for (int j = 0; j < MAX_PATH_POINTS - 1; j++) {
                even.add(kept.get((int) ((long) j * (kept.size() - 1) / (MAX_PATH_POINTS - 1))));
            }
            even.add(n - 1);
            kept = even;
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Descent paths over the contours: the palette's strongest colours, none light (a white path vanishes in its legend). */
    private static final String[] PATH_COLORS = {Colors.series(3), Colors.series(1), Colors.series(6), Colors.series(0),
        Colors.series(2), Colors.series(4)};

    /**
     * What a classifier of 2-D points answers over the plane, with the data on top: for one output,
     * its value (e.g. the probability of class 1); for k outputs, the predicted class (argmax).
     * Puts the model in evaluation mode.
     */
    public static Chart decisionBoundary(Layer model, Dataset data) {
        Args.require(model != null && data != null, "Plots.decisionBoundary", "a model and a Dataset", null,
                "e.g. Plots.decisionBoundary(model, split.test()).");
        INDArray features = data.features();
        Args.require(features.rank() == 2 && features.size(1) == 2, "Plots.decisionBoundary",
                "2-D points: features of shape [n, 2]", Args.shape(features), "the boundary is drawn in the plane.");
        double[] xs = features.getColumn(0).toDoubleVector();
        double[] ys = features.getColumn(1).toDoubleVector();
        double xMin = Arrays.stream(xs).min().orElse(0);
        double xMax = Arrays.stream(xs).max().orElse(1);
        double yMin = Arrays.stream(ys).min().orElse(0);
        double yMax = Arrays.stream(ys).max().orElse(1);
        double mx = Math.max((xMax - xMin) * 0.1, 0.1);
        double my = Math.max((yMax - yMin) * 0.1, 0.1);
        double[] gx = linspace(xMin - mx, xMax + mx, GRID);
        double[] gy = linspace(yMin - my, yMax + my, GRID);
        double[] points = new double[GRID * GRID * 2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                points[2 * (i * GRID + j)] = gx[j];
                points[2 * (i * GRID + j) + 1] = gy[i];
            }
        }
        model.setTraining(false);
        INDArray out = model.forward(Nd4j.create(points, new long[] {(long) GRID * GRID, 2}, features.dataType()));
        boolean single = out.size(1) == 1;
        int[] classes = single ? null : Metrics.argmax(out);
        double[] values = single ? out.dup().data().asDouble() : null;
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = single ? values[i * GRID + j] : classes[i * GRID + j];
            }
        }
        List<Series> series = new ArrayList<>();
        series.add(new Series.Heatmap(single ? "model output" : "predicted class", gx, gy, z,
                single ? Double.NaN : 0, single ? Double.NaN : out.size(1) - 1));
        int[] target = data.labels().size(1) == 1
                ? Arrays.stream(data.labels().dup().data().asDouble()).mapToInt(v -> v >= 0.5 ? 1 : 0).toArray()
                : Metrics.argmax(data.labels());
        int k = Arrays.stream(target).max().orElse(0) + 1;
        for (int c = 0; c < k; c++) {
            final int cls = c;
            int[] rows = java.util.stream.IntStream.range(0, target.length).filter(i -> target[i] == cls).toArray();
            series.add(new Series.Line("class " + c, Arrays.stream(rows).mapToDouble(i -> xs[i]).toArray(),
                    Arrays.stream(rows).mapToDouble(i -> ys[i]).toArray(), Series.Mode.MARKERS,
                    CLASS_COLORS[c % CLASS_COLORS.length], false));
        }
        return Chart.of("Decision boundary", "x1", "x2", series);
    }

    /** Class c's points in the palette's colour c (their white rim keeps them visible on the regions). */
    private static final String[] CLASS_COLORS = Colors.CYCLE;

    /** The class probabilities of one sample as bars, the most probable one highlighted. */
    public static Chart probabilities(double[] probabilities) {
        Args.require(probabilities != null && probabilities.length > 0, "Plots.probabilities",
                "the probabilities of the classes", null, "e.g. Plots.probabilities(model.forward(x).getRow(0)).");
        String[] labels = new String[probabilities.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = String.valueOf(i);
        }
        return probabilities(probabilities, labels, -1);
    }

    /** One row of a model's output (e.g. softmax probabilities) as bars. */
    public static Chart probabilities(INDArray row) {
        Args.requireArray(row, "Plots.probabilities", "one row of probabilities");
        return probabilities(row.dup().castTo(DataType.DOUBLE).data().asDouble());
    }

    /**
     * The probabilities with class labels; the predicted class in orange, the true class (when
     * {@code trueClass >= 0}) in green.
     */
    public static Chart probabilities(double[] probabilities, String[] labels, int trueClass) {
        Args.require(labels != null && labels.length == probabilities.length, "Plots.probabilities",
                "one label per class (" + probabilities.length + ")", labels == null ? null : labels.length,
                "e.g. {\"0\", \"1\", ..., \"9\"}.");
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        String[] colors = new String[probabilities.length];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = i == trueClass ? Colors.series(2) : i == best ? Colors.series(1) : Colors.series(0);
        }
        String title = "Class probabilities: predicted " + labels[best]
                + (trueClass >= 0 ? ", true " + labels[trueClass] : "");
        return Chart.of(title, "class", "probability",
                List.of(new Series.Bars("probability", labels.clone(), probabilities.clone(), colors)));
    }

    /**
     * A confusion matrix as a heatmap: rows actual classes (y), columns predicted (x), every class
     * labelled and every non-zero count written in its cell; the correct answers (the diagonal) in
     * greens, the errors in reds on their own scale, so that 3 errors look different from 30.
     */
    public static Chart confusion(ConfusionMatrix matrix) {
        Args.require(matrix != null, "Plots.confusion", "a ConfusionMatrix", null,
                "e.g. ConfusionMatrix.of(model.forward(test.features()), test.labels()).");
        int k = matrix.numClasses();
        long[][] counts = matrix.counts();
        double[][] correct = new double[k][k];
        double[][] errors = new double[k][k];
        for (int a = 0; a < k; a++) {
            for (int p = 0; p < k; p++) {
                correct[a][p] = a == p ? counts[a][p] : Double.NaN;
                errors[a][p] = a != p && counts[a][p] > 0 ? counts[a][p] : Double.NaN;
            }
        }
        double[] classes = new double[k];
        for (int i = 0; i < k; i++) {
            classes[i] = i;
        }
        return Chart.of(String.format(Locale.ROOT, "Confusion matrix (%d samples, accuracy %.2f%%)", matrix.total(),
                        100 * matrix.accuracy()), "predicted", "actual",
                List.of(new Series.Heatmap("correct", classes, classes.clone(), correct, 0, max(correct), "Greens", true),
                        new Series.Heatmap("errors", classes, classes.clone(), errors, 0, Math.max(1, max(errors)),
                                "Reds", true)))
                .equalAxes().size(700, 560);   // room for the two colour bars, a square plot area
    }

    private static double max(double[][] z) {
        return Arrays.stream(z).flatMapToDouble(Arrays::stream).filter(Double::isFinite).max().orElse(1);
    }

    private static Series.Contour contour(Function2 f, double xMin, double xMax, double yMin, double yMax) {
        double[] x = linspace(xMin, xMax, GRID);
        double[] y = linspace(yMin, yMax, GRID);
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                z[i][j] = f.value(x[j], y[i]);
            }
        }
        return new Series.Contour("f(x, y)", x, y, z);
    }

    static double[] linspace(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }

    /** A path's steps as markers while they are few enough to tell apart; beyond, markers merge into a band that hides the colour. */
    private static Series.Mode pathMode(int points) {
        return points > 60 ? Series.Mode.LINES : Series.Mode.LINES_AND_MARKERS;
    }

    private static Series.Line line(String name, double[] x, double[] y, int color, boolean dashed) {
        // markers help up to a few dozen points; beyond, they hide the line
        return new Series.Line(name, x, y, x.length > 60 ? Series.Mode.LINES : Series.Mode.LINES_AND_MARKERS,
                Colors.series(color), dashed);
    }

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static double[] values(List<Double> list) {
        return list.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void requireHistory(History history, String where) {
        Args.require(history != null, where, "a History", null,
                "fit returns one: History history = trainer.fit(train, test, 10, 32).");
    }
}
