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
 * <pre>{@code
 * var snapshots = new Snapshots(25000);
 * trainer.addCallback(snapshots).fit(data.train(), 50, 1);
 * NetworkDrawing.series(snapshots.list())
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

    private NetworkDrawing() {
    }

    /** The network of one snapshot. */
    public static Picture draw(Snapshot snapshot) {
        return series(List.of(snapshot));
    }

    /** A model's current weights (no step, loss or learning rate). */
    public static Picture draw(Layer model) {
        Args.require(model != null, "NetworkDrawing.draw", "a model", null, "e.g. a Sequential of Linear layers.");
        List<INDArray> weights = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            if (p.role().equals("weight") && p.value().rank() == 2) {
                weights.add(p.value());
            }
        }
        Svg svg = new Svg(PANEL_W, PANEL_H);
        String caption = panel(svg, 0, 0, PANEL_W, weights, List.of("current weights"));
        return new Picture("network", svg.toString(), List.of(caption), "NetworkDrawing(" + caption + ")");
    }

    /** Several snapshots side by side (e.g. initial, after 25000 and after 45000 steps). */
    public static Picture series(List<Snapshot> snapshots) {
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
            captions.add(panel(svg, i * panelW, 0, panelW, weights, box));
        }
        return new Picture("network", svg.toString(), captions,
                "NetworkDrawing(" + String.join("; ", captions) + ")");
    }

    /** Draws one network into the box at (x0, y0); returns its caption. */
    private static String panel(Svg svg, double x0, double y0, int panelW, List<INDArray> weights, List<String> box) {
        Args.require(!weights.isEmpty(), "NetworkDrawing", "a network with Linear layers", "no weight matrices",
                "only fully connected layers are drawn.");
        List<Integer> sizes = new ArrayList<>();
        sizes.add((int) weights.get(0).size(0));
        for (INDArray w : weights) {
            sizes.add((int) w.size(1));
        }
        double max = 0;
        List<double[][]> ws = new ArrayList<>();
        for (INDArray w : weights) {
            double[][] m = w.castTo(DataType.DOUBLE).toDoubleMatrix();
            ws.add(m);
            for (double[] row : m) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        double scale = max > 0 ? max : 1;
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
            double xa = left + step * l;
            double xb = left + step * (l + 1);
            for (int i = 0; i < ys.get(l).length; i++) {
                for (int j = 0; j < ys.get(l + 1).length; j++) {
                    double v = m[i][j];
                    double width = 0.3 + 3.7 * Math.abs(v) / scale;
                    svg.raw("<line x1=\"" + Svg.num(xa) + "\" y1=\"" + Svg.num(ys.get(l)[i]) + "\" x2=\"" + Svg.num(xb)
                            + "\" y2=\"" + Svg.num(ys.get(l + 1)[j]) + "\" stroke=\"" + (v >= 0 ? "#d62728" : "#1f77b4")
                            + "\" stroke-width=\"" + Svg.num(width) + "\" stroke-opacity=\"0.75\"/>");
                }
            }
        }
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
        svg.rect(x0 + 10, y0 + 8, panelW - 20, 18 * box.size() + 6, "#fffbe6", "#c8b560");
        for (int i = 0; i < box.size(); i++) {
            svg.text(x0 + 18, y0 + 24 + 18 * i, box.get(i), "start", 12, "#222");
        }
        return String.join(", ", box) + ", layers " + sizes;
    }
}
