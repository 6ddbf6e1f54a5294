package org.nnlab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nnlab.check.Args;
import org.nnlab.data.Dataset;
import org.nnlab.metrics.Metrics;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Parameter;
import org.nnlab.train.Snapshot;

/**
 * A training as it went, for watching it live and replaying it afterwards: the network (edges coloured
 * by the sign of their weight and as wide as its size, as {@link NetworkDrawing} draws it), for 2-D
 * points the model's answer over the plane with the data on top, and the batch loss.
 *
 * <p>Filled while a model trains (the notebook's {@code LiveTraining} callback does it): {@link #record}
 * keeps a frame at most {@code maxFrames} times, evenly over the steps; {@link #addLoss} every batch's
 * loss; {@link #picture} draws the current state as a static SVG. Shown afterwards ({@link #mimeBundle()}),
 * it is a Plotly figure with one animation frame per recorded moment and a slider over them (Plotly's
 * own {@code frames} and {@code sliders}, drawn by the same renderer as every chart, with no kernel and
 * no trust), and the final moment as a static SVG for viewers that run no JavaScript.
 *
 * <pre>{@code
 * var replay = TrainingReplay.of(data, 2000, 40);   // 2000 steps ahead, at most 40 frames
 * replay.record(model, 0, 0, Double.NaN, false);    // the start
 * // after each step: replay.addLoss(step, loss); if (replay.wants(step)) replay.record(model, step, epoch, loss, true);
 * replay.finish(model, parameters, step, epoch, loss, learningRate);
 * replay                                            // the cell shows the replay
 * }</pre>
 */
public final class TrainingReplay implements Displayable {

    /** Grid points per axis of the decision surface (31 x 31: smooth enough, and small in a notebook). */
    static final int GRID = 31;
    /** Loss points kept at most; beyond, every k-th batch. */
    static final int MAX_LOSS_POINTS = 2000;

    private final long every;
    private final double[] pointsX;
    private final double[] pointsY;
    private final int[] classes;
    private final double[] gridX;
    private final double[] gridY;
    private final INDArray gridPoints;
    private final List<TrainingFrame> frames = new ArrayList<>();
    private final List<Double> lossSteps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private final long lossStride;
    private List<Integer> layerSizes = List.of();
    private String finalSvg;

    private TrainingReplay(Dataset data, long totalSteps, int maxFrames) {
        this.every = Math.max(1, (totalSteps + maxFrames - 1) / maxFrames);
        this.lossStride = Math.max(1, totalSteps / MAX_LOSS_POINTS);
        boolean plane = data != null && data.features().rank() == 2 && data.features().size(1) == 2;
        if (plane) {
            pointsX = data.features().getColumn(0).toDoubleVector();
            pointsY = data.features().getColumn(1).toDoubleVector();
            classes = data.labels().size(1) == 1
                    ? Arrays.stream(data.labels().dup().data().asDouble()).mapToInt(v -> v >= 0.5 ? 1 : 0).toArray()
                    : Metrics.argmax(data.labels());
            gridX = span(pointsX);
            gridY = span(pointsY);
            gridPoints = grid(gridX, gridY, data.features().dataType());
        } else {
            pointsX = pointsY = gridX = gridY = null;
            classes = null;
            gridPoints = null;
        }
    }

    /**
     * An empty replay of a training of {@code totalSteps} steps that keeps at most {@code maxFrames} frames
     * (plus the start and the end).
     *
     * @param data the training data: 2-D points ({@code [n, 2]} features) add the decision surface and the
     *             points; other data, or null, show the network and the loss only
     * @throws IllegalArgumentException when totalSteps < 0 or maxFrames < 1
     */
    public static TrainingReplay of(Dataset data, long totalSteps, int maxFrames) {
        Args.require(totalSteps >= 0, "TrainingReplay.of", "a number of steps >= 0", totalSteps,
                "epochs x batches per epoch of the coming fit.");
        Args.require(maxFrames >= 1, "TrainingReplay.of", "at least 1 frame", maxFrames,
                "e.g. 40: enough to see the network change, small enough for a notebook.");
        return new TrainingReplay(data, totalSteps, maxFrames);
    }

    /** True when the replay draws the decision surface (the data are 2-D points). */
    public boolean hasSurface() {
        return gridPoints != null;
    }

    /** True when {@link #record} should be called after this step (every k-th step, k = ceil(steps / maxFrames)). */
    public boolean wants(long step) {
        return step % every == 0;
    }

    /** The frames recorded so far, oldest first. */
    public List<TrainingFrame> frames() {
        return List.copyOf(frames);
    }

    /** The number of units of each layer, input first (the drawing shows at most {@link NetworkDrawing#MAX_NODES}). */
    public List<Integer> layerSizes() {
        return layerSizes;
    }

    /** Keeps one batch's loss for the loss curve (every k-th batch, k chosen to keep about 2000 points). */
    public void addLoss(long step, double loss) {
        if (step % lossStride == 0) {
            lossSteps.add((double) step);
            losses.add(loss);
        }
    }

    /**
     * Keeps the model as it is now as a frame: its Linear weights (the first units of each layer) and, for
     * 2-D data, its answer over the plane (computed in evaluation mode; the model is left in
     * {@code training} mode afterwards).
     */
    public void record(Layer model, long step, int epoch, double loss, boolean training) {
        Args.require(model != null, "TrainingReplay.record", "a model", null, "the model being trained.");
        List<double[][]> weights = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (INDArray w : linearWeights(model.parameters())) {
            if (sizes.isEmpty()) {
                sizes.add((int) w.size(0));
            }
            sizes.add((int) w.size(1));
            long rows = Math.min(w.size(0), NetworkDrawing.MAX_NODES);
            long cols = Math.min(w.size(1), NetworkDrawing.MAX_NODES);
            weights.add(w.get(NDArrayIndex.interval(0, rows), NDArrayIndex.interval(0, cols))
                    .castTo(DataType.DOUBLE).toDoubleMatrix());
        }
        Args.require(!weights.isEmpty(), "TrainingReplay.record", "a model with Linear layers", "no weight matrices",
                "only fully connected layers are drawn.");
        layerSizes = List.copyOf(sizes);
        frames.add(new TrainingFrame(step, epoch, loss, weights, hasSurface() ? surface(model, training) : null));
    }

    /**
     * Records the last frame (unless this step is already the last one) and draws the final state as the
     * static picture of {@link #mimeBundle()}.
     */
    public void finish(Layer model, List<Parameter> parameters, long step, int epoch, double loss, double learningRate) {
        if (frames.isEmpty() || frames.get(frames.size() - 1).step() != step) {
            record(model, step, epoch, loss, false);
        }
        finalSvg = picture(model, parameters, step, epoch, loss, learningRate, false);
    }

    /**
     * The model as it is now, as one static SVG: the network drawing (step, loss and learning rate in its
     * box), the decision surface with the points (2-D data) and the loss so far.
     */
    public String picture(Layer model, List<Parameter> parameters, long step, int epoch, double loss,
            double learningRate, boolean training) {
        List<String> names = new ArrayList<>();
        List<INDArray> values = new ArrayList<>();
        for (Parameter p : parameters) {
            names.add(p.name());
            values.add(p.value());   // drawn at once: no copy needed
        }
        Snapshot now = new Snapshot(step, epoch, loss, learningRate, names, values);
        List<String> panels = new ArrayList<>();
        panels.add(NetworkDrawing.draw(now).svg());
        if (hasSurface()) {
            panels.add(surfaceChart(surface(model, training), now.step() == 0 ? "start" : "step " + step).svg());
        }
        panels.add(lossChart().svg());
        return ReplayPicture.row(panels);
    }

    /** The answer over the plane as a chart: the surface, and the points of each class on it. */
    Chart surfaceChart(double[][] surface, String label) {
        List<Series> series = new ArrayList<>();
        series.add(new Series.Heatmap("P(class 1)", gridX, gridY, surface, 0, 1, "Classes", false));
        for (int c = 0; c <= Arrays.stream(classes).max().orElse(0); c++) {
            final int k = c;
            int[] rows = java.util.stream.IntStream.range(0, classes.length).filter(i -> classes[i] == k).toArray();
            series.add(new Series.Line("class " + c, Arrays.stream(rows).mapToDouble(i -> pointsX[i]).toArray(),
                    Arrays.stream(rows).mapToDouble(i -> pointsY[i]).toArray(), Series.Mode.MARKERS, Colors.series(c),
                    false));
        }
        return Chart.of("Decision surface, " + label, "x1", "x2", series).size(380, 320);
    }

    /** The batch loss so far as a chart. */
    Chart lossChart() {
        return Chart.of("Batch loss", "step", "loss", List.of(new Series.Line("batch loss", lossSteps(), lossValues(),
                Series.Mode.LINES, Colors.series(0), false))).size(320, 320);
    }

    double[] lossSteps() {
        return lossSteps.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] lossValues() {
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] gridX() {
        return gridX;
    }

    double[] gridY() {
        return gridY;
    }

    double[] pointsX() {
        return pointsX;
    }

    double[] pointsY() {
        return pointsY;
    }

    int[] classes() {
        return classes;
    }

    /** Plotly's figure JSON: the last frame drawn, every frame in {@code frames}, a slider and a play button. */
    public String plotlyJson() {
        Args.require(!frames.isEmpty(), "TrainingReplay.plotlyJson", "recorded frames", "none",
                "record(model, 0, 0, Double.NaN, false) keeps the start.");
        return ReplayFigure.json(this);
    }

    /** The final state as an SVG document (the static picture), or the last frame's network if not finished. */
    public String svg() {
        return finalSvg != null ? finalSvg : ReplayPicture.row(List.of(lossChart().svg()));
    }

    /**
     * Plotly's figure with the frames and the slider (JupyterLab's plotly renderer, VS Code, nteract), the
     * final state as an HTML image (the classic Notebook, nbconvert's HTML), the SVG itself (GitHub and
     * other static viewers) and a text line. No script, nothing needs trust.
     */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(PlotlyFigure.MIME, plotlyJson());
        String svg = svg();
        bundle.put("text/html", Svg.imageHtml("nnlab-figure", svg, "training, " + lastLabel()));
        bundle.put("image/svg+xml", svg);
        bundle.put("text/plain", toString());
        return bundle;
    }

    /** The current state as a live output: its picture as an HTML image, and a text line. */
    public static Map<String, String> liveBundle(String svg, String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", Svg.imageHtml("nnlab-picture nnlab-live", svg, text));
        bundle.put("text/plain", text);
        return bundle;
    }

    private String lastLabel() {
        return frames.isEmpty() ? "no frames" : frames.get(frames.size() - 1).label();
    }

    @Override
    public String toString() {
        TrainingFrame last = frames.isEmpty() ? null : frames.get(frames.size() - 1);
        return "TrainingReplay(" + frames.size() + " frames, layers " + layerSizes
                + (last == null ? "" : String.format(Locale.ROOT, ", last %s, loss %.4g", last.label(), last.loss()))
                + (hasSurface() ? ", decision surface" : "") + ")";
    }

    /** The model's answer at each grid point, in [0, 1]: P(class 1) for one output, the class / (k - 1) for k. */
    private double[][] surface(Layer model, boolean training) {
        model.setTraining(false);
        INDArray out;
        try {
            out = model.forward(gridPoints);
        } finally {
            model.setTraining(training);
        }
        boolean single = out.size(1) == 1;
        double[] values = single ? out.castTo(DataType.DOUBLE).dup().data().asDouble() : null;
        int[] argmax = single ? null : Metrics.argmax(out);
        double[][] z = new double[GRID][GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                int k = i * GRID + j;
                double v = single ? values[k] : argmax[k] / (double) (out.size(1) - 1);
                z[i][j] = Double.isFinite(v) ? Math.max(0, Math.min(1, v)) : Double.NaN;
            }
        }
        return z;
    }

    static List<INDArray> linearWeights(List<Parameter> parameters) {
        List<INDArray> weights = new ArrayList<>();
        for (Parameter p : parameters) {
            if (p.role().equals("weight") && p.value().rank() == 2) {
                weights.add(p.value());
            }
        }
        return weights;
    }

    /** GRID values from 10% below the smallest to 10% above the largest. */
    private static double[] span(double[] v) {
        double lo = Arrays.stream(v).min().orElse(0);
        double hi = Arrays.stream(v).max().orElse(1);
        double margin = Math.max((hi - lo) * 0.1, 0.1);
        return Plots.linspace(lo - margin, hi + margin, GRID);
    }

    private static INDArray grid(double[] gx, double[] gy, DataType type) {
        double[] points = new double[GRID * GRID * 2];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                points[2 * (i * GRID + j)] = gx[j];
                points[2 * (i * GRID + j) + 1] = gy[i];
            }
        }
        return Nd4j.create(points, new long[] {(long) GRID * GRID, 2}, DataType.DOUBLE).castTo(type);
    }
}
