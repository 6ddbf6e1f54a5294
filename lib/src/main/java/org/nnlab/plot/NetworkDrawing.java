package org.nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Parameter;
import org.nnlab.train.Snapshot;

/**
 * The network drawn as in the slides' {@code show_net}: nodes by layer, one edge per weight,
 * red for positive and blue for negative weights, wider for larger |w|, and a box with step, loss and
 * learning rate; each layer is labelled (input, hidden, output) with its number of units. Only fully
 * connected (Linear) weights are drawn; layers with more than {@value #MAX_NODES} units show their
 * first ones. Several snapshots stand in one row, narrower as there are more.
 *
 * <p>Each edge's colour and width come from an {@link EdgeRule}: {@link #SLIDES} by default, or one
 * of your own (notebook 05 has you write it). A rule gets the weight w and the largest |w| of the
 * drawn network, so that widths compare within one panel. A weight that is NaN or infinite (an
 * exploded network) is drawn grey and widest, without asking the rule.
 *
 * <pre>{@code
 * var snapshots = new Snapshots(25000);
 * trainer.addCallback(snapshots).fit(data.train(), 50, 1);
 * NetworkDrawing.series(snapshots.list())
 * NetworkDrawing.series(snapshots.list(), (w, maxAbs) -> edge(w, maxAbs))   // your own rule
 * }</pre>
 */
public final class NetworkDrawing {

    /** Units drawn per layer at most. */
    public static final int MAX_NODES = 24;
    private static final int PANEL_W = 360;
    private static final int PANEL_H = 320;
    /** A row of snapshots is at most this wide (a notebook's output width) ... */
    private static final int ROW_W = 960;
    /** ... and each panel at least this wide. */
    private static final int MIN_PANEL_W = 200;

    /** The colour of a weight that is NaN or infinite. */
    static final String NOT_FINITE = "#999999";

    /** The style of the edge of one weight. */
    @FunctionalInterface
    public interface EdgeRule {
        /**
         * @param weight       the weight w of the edge
         * @param maxAbsWeight the largest |w| of the network drawn (0 when every weight is 0)
         * @return its colour and width
         */
        EdgeStyle edge(double weight, double maxAbsWeight);
    }

    /**
     * The slides' rule: {@link EdgeStyle#RED} for w >= 0, {@link EdgeStyle#BLUE} for w < 0, width
     * {@code MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) |w| / maxAbsWeight} (MIN_WIDTH when maxAbsWeight is 0).
     */
    public static final EdgeRule SLIDES = (w, maxAbs) -> new EdgeStyle(w >= 0 ? EdgeStyle.RED : EdgeStyle.BLUE,
            EdgeStyle.MIN_WIDTH + (maxAbs > 0 ? (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * Math.abs(w) / maxAbs : 0));

    private NetworkDrawing() {
    }

    /** The network of one snapshot. */
    public static Picture draw(Snapshot snapshot) {
        return series(List.of(snapshot));
    }

    /** The network of one snapshot, its edges styled by {@code rule}. */
    public static Picture draw(Snapshot snapshot, EdgeRule rule) {
        return series(List.of(snapshot), rule);
    }

    /** A model's current weights (no step, loss or learning rate). */
    public static Picture draw(Layer model) {
        return draw(model, SLIDES);
    }

    /** A model's current weights, its edges styled by {@code rule}. */
    public static Picture draw(Layer model, EdgeRule rule) {
        Args.require(model != null, "NetworkDrawing.draw", "a model", null, "e.g. a Sequential of Linear layers.");
        requireRule(rule);
        List<INDArray> weights = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.role().equals("weight") && p.value().rank() == 2) {
                weights.add(p.value());
            }
        }
        Svg svg = new Svg(PANEL_W, PANEL_H);
        String caption = panel(svg, 0, 0, PANEL_W, weights, List.of("current weights"), rule);
        return new Picture("network", svg.toString(), List.of(caption), "NetworkDrawing(" + caption + ")");
    }

    /** Several snapshots side by side (e.g. initial, after 25000 and after 45000 steps). */
    public static Picture series(List<Snapshot> snapshots) {
        return series(snapshots, SLIDES);
    }

    /** Several snapshots side by side, their edges styled by {@code rule}. */
    public static Picture series(List<Snapshot> snapshots, EdgeRule rule) {
        requireRule(rule);
        Args.require(snapshots != null && !snapshots.isEmpty(), "NetworkDrawing.series", "some snapshots",
                snapshots, "record them with new Snapshots(every) as a Trainer callback.");
        int n = snapshots.size();
        int panelW = Math.max(MIN_PANEL_W, Math.min(PANEL_W, ROW_W / n));
        Svg svg = new Svg(n * panelW, PANEL_H);
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < snapshots.size(); i++) {
            Snapshot s = snapshots.get(i);
            List<INDArray> weights = new ArrayList<>();
            for (int k = 0; k < s.names().size(); k++) {
                if (s.names().get(k).endsWith(".weight") && s.values().get(k).rank() == 2) {
                    weights.add(s.values().get(k));
                }
            }
            List<String> box = List.of(s.step() == 0 ? "initial network" : "step " + s.step(),
                    Double.isNaN(s.loss()) ? "loss not measured yet" : String.format(Locale.ROOT, "loss %.4g", s.loss()),
                    String.format(Locale.ROOT, "learning rate %s", s.learningRate()));
            captions.add(panel(svg, i * panelW, 0, panelW, weights, box, rule));
        }
        return new Picture("network", svg.toString(), captions,
                "NetworkDrawing(" + String.join("; ", captions) + ")");
    }

    /** Draws one network into the box at (x0, y0); returns its caption. */
    private static String panel(Svg svg, double x0, double y0, int panelW, List<INDArray> weights, List<String> box,
            EdgeRule rule) {
        Args.require(!weights.isEmpty(), "NetworkDrawing", "a network with Linear layers", "no weight matrices",
                "only fully connected layers are drawn.");
        List<Integer> sizes = new ArrayList<>();
        sizes.add((int) weights.get(0).size(0));
        List<double[][]> ws = new ArrayList<>();
        for (INDArray w : weights) {
            sizes.add((int) w.size(1));
            ws.add(w.castTo(DataType.DOUBLE).toDoubleMatrix());
        }
        double maxAbs = maxAbsFinite(ws);
        double top = y0 + 70;
        double height = PANEL_H - 104;
        double left = x0 + 30;
        double step = (panelW - 60.0) / (sizes.size() - 1);
        List<double[]> ys = new ArrayList<>();
        for (int size : sizes) {
            int shown = Math.min(size, MAX_NODES);
            double[] y = new double[shown];
            for (int i = 0; i < shown; i++) {
                y[i] = top + height * (i + 0.5) / shown;
            }
            ys.add(y);
        }
        for (int l = 0; l < ws.size(); l++) {
            double[][] m = ws.get(l);
            for (int i = 0; i < ys.get(l).length; i++) {
                for (int j = 0; j < ys.get(l + 1).length; j++) {
                    EdgeStyle style = style(rule, m[i][j], maxAbs);
                    svg.raw("<line x1=\"" + Svg.num(left + step * l) + "\" y1=\"" + Svg.num(ys.get(l)[i]) + "\" x2=\""
                            + Svg.num(left + step * (l + 1)) + "\" y2=\"" + Svg.num(ys.get(l + 1)[j]) + "\" stroke=\""
                            + Svg.escape(style.colour()) + "\" stroke-width=\"" + Svg.num(style.width())
                            + "\" stroke-opacity=\"0.75\"/>");
                }
            }
        }
        nodes(svg, sizes, ys, left, step, top, height);
        svg.rect(x0 + 10, y0 + 8, panelW - 20, 18 * box.size() + 6, "#fffbe6", "#c8b560");
        for (int i = 0; i < box.size(); i++) {
            svg.text(x0 + 18, y0 + 24 + 18 * i, box.get(i), "start", 12, "#222");
        }
        return String.join(", ", box) + ", layers " + sizes;
    }

    /** The nodes of every layer, with the layer's kind and size under it. */
    private static void nodes(Svg svg, List<Integer> sizes, List<double[]> ys, double left, double step, double top,
            double height) {
        for (int l = 0; l < sizes.size(); l++) {
            double x = left + step * l;
            double r = Math.max(3, Math.min(9, height / ys.get(l).length / 2 - 1));
            for (double y : ys.get(l)) {
                svg.circle(x, y, r, "#f0f0f0", "#333");
            }
            String kind = l == 0 ? "input" : l == sizes.size() - 1 ? "output" : "hidden";
            String count = sizes.get(l) > MAX_NODES ? MAX_NODES + " of " + sizes.get(l) : sizes.get(l) + "";
            svg.text(x, top + height + 16, kind, "middle", 11, "#444");
            svg.text(x, top + height + 30, count, "middle", 11, "#444");
        }
    }

    /** The largest finite |w| of all the matrices, 0 when there is none. */
    static double maxAbsFinite(List<double[][]> matrices) {
        double max = 0;
        for (double[][] m : matrices) {
            for (double[] row : m) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        max = Math.max(max, Math.abs(v));
                    }
                }
            }
        }
        return max;
    }

    /** The rule's style of one weight; a weight that is not finite is grey and widest. */
    static EdgeStyle style(EdgeRule rule, double weight, double maxAbs) {
        if (!Double.isFinite(weight)) {
            return new EdgeStyle(NOT_FINITE, EdgeStyle.MAX_WIDTH);
        }
        EdgeStyle style = rule.edge(weight, maxAbs);
        Args.require(style != null, "NetworkDrawing", "an EdgeStyle from the edge rule", null,
                "the rule returned nothing for weight " + weight + " (largest |w| " + maxAbs + "): return new EdgeStyle(colour, width).");
        return style;
    }

    private static void requireRule(EdgeRule rule) {
        Args.require(rule != null, "NetworkDrawing", "an edge rule", null,
                "pass NetworkDrawing.SLIDES, or a function (w, maxAbs) -> new EdgeStyle(colour, width).");
    }
}
