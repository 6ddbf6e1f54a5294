package org.nnlab.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TrainingReplay} as Plotly's figure JSON with animation frames: the network on the left, the
 * decision surface with the points in the middle (2-D data), the batch loss on the right. {@code data}
 * holds the last frame (what a reader sees first); {@code frames} one entry per recorded moment, each
 * replacing the traces that change (the edges, the surface, the marker on the loss curve) and the
 * caption; {@code layout.sliders} one step per frame ({@code method: "animate"}) and a play button.
 *
 * <p>The edges are drawn as in {@link NetworkDrawing}: red for w >= 0, blue for w < 0, wider for larger
 * |w|. Plotly draws one width per trace, so edges go into {@value #WIDTHS} width classes per sign (one
 * trace each, segments separated by nulls), scaled by the largest |w| over the whole training, so that
 * growing weights are seen to grow.
 */
final class ReplayFigure {

    static final int WIDTHS = 4;
    /** The figure's size in pixels: about a notebook's output width. */
    static final int WIDTH = 840;
    static final int HEIGHT = 480;
    static final String POSITIVE = "#d62728";
    static final String NEGATIVE = "#1f77b4";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplayFigure() {
    }

    static String json(TrainingReplay replay) {
        try {
            return JSON.writeValueAsString(figure(replay));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("ReplayFigure: could not write the figure of " + replay, e);
        }
    }

    static Map<String, Object> figure(TrainingReplay replay) {
        List<TrainingFrame> frames = replay.frames();
        double scale = largestWeight(frames);
        List<Integer> sizes = replay.layerSizes();
        TrainingFrame last = frames.get(frames.size() - 1);
        List<Object> data = new ArrayList<>(changing(replay, last, scale, true));
        List<Integer> changingIndices = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            changingIndices.add(i);
        }
        data.add(nodes(sizes));
        if (replay.hasSurface()) {
            for (int c = 0; c <= java.util.Arrays.stream(replay.classes()).max().orElse(0); c++) {
                data.add(points(replay, c));
            }
        }
        data.add(trace("batch loss", "x3", "y3", "scatter", "mode", "lines", "x", round(replay.lossSteps(), 6),
                "y", round(replay.lossValues(), 6), "line", obj("color", Colors.series(0), "width", 1.5),
                "hoverinfo", "x+y"));
        List<Object> frameList = new ArrayList<>();
        List<Object> steps = new ArrayList<>();
        for (TrainingFrame f : frames) {
            frameList.add(obj("name", f.label(), "data", changing(replay, f, scale, false), "traces", changingIndices,
                    "layout", obj("annotations", annotations(replay, f, sizes))));
            steps.add(obj("label", f.step() == 0 ? "0" : Long.toString(f.step()), "method", "animate",
                    "args", List.of(List.of(f.label()), obj("mode", "immediate", "frame", obj("duration", 0, "redraw", true),
                            "transition", obj("duration", 0)))));
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", data);
        figure.put("layout", layout(replay, last, sizes, steps));
        figure.put("frames", frameList);
        figure.put("config", obj("displaylogo", false, "responsive", true));
        return figure;
    }

    /**
     * The traces a frame changes, in a fixed order: 2 x WIDTHS edge classes, the surface, the loss marker. A
     * frame's surface carries its values only (Plotly merges a frame into the trace: the grid and colours stay).
     */
    private static List<Object> changing(TrainingReplay replay, TrainingFrame f, double scale, boolean full) {
        List<Object> traces = new ArrayList<>(edges(f, scale));
        if (replay.hasSurface()) {
            traces.add(full ? trace("P(class 1)", "x2", "y2", "heatmap", "x", round(replay.gridX(), 4),
                    "y", round(replay.gridY(), 4), "z", grid(f.surface()), "zmin", 0, "zmax", 1,
                    "colorscale", Colors.plotlyScale("Classes"), "showscale", false, "hoverinfo", "x+y+z")
                    : trace("P(class 1)", "x2", "y2", "heatmap", "z", grid(f.surface())));
        }
        traces.add(trace("now", "x3", "y3", "scatter", "mode", "markers", "x", List.of(f.step()),
                "y", Double.isFinite(f.loss()) ? List.of(roundOne(f.loss(), 4)) : java.util.Collections.singletonList(null),
                "marker", obj("color", Colors.series(3), "size", 10, "line", obj("color", "white", "width", 1)),
                "hoverinfo", "x+y"));
        return traces;
    }

    /** Edges by sign and width class: each a scatter of segments (x0, x1, null, ...) in the network's box. */
    private static List<Object> edges(TrainingFrame f, double scale) {
        List<List<Object>> xs = new ArrayList<>();
        List<List<Object>> ys = new ArrayList<>();
        for (int k = 0; k < 2 * WIDTHS; k++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        List<double[][]> ws = f.weights();
        for (int l = 0; l < ws.size(); l++) {
            double[][] w = ws.get(l);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    double v = w[i][j];
                    int width = Math.min(WIDTHS - 1, (int) (WIDTHS * Math.abs(v) / scale));
                    int k = (v >= 0 ? 0 : WIDTHS) + width;
                    xs.get(k).addAll(List.of(roundOne(nodeX(l, ws.size() + 1), 4), roundOne(nodeX(l + 1, ws.size() + 1), 4)));
                    xs.get(k).add(null);
                    ys.get(k).addAll(List.of(roundOne(nodeY(i, w.length), 4), roundOne(nodeY(j, w[i].length), 4)));
                    ys.get(k).add(null);
                }
            }
        }
        List<Object> traces = new ArrayList<>();
        for (int k = 0; k < 2 * WIDTHS; k++) {
            boolean positive = k < WIDTHS;
            int width = k % WIDTHS;
            traces.add(trace((positive ? "w > 0" : "w < 0") + ", |w| class " + (width + 1), "x", "y", "scatter",
                    "mode", "lines", "x", xs.get(k), "y", ys.get(k), "hoverinfo", "skip",
                    "line", obj("color", positive ? POSITIVE : NEGATIVE, "width", 0.6 + 1.3 * width),
                    "opacity", 0.75));
        }
        return traces;
    }

    private static Map<String, Object> nodes(List<Integer> sizes) {
        List<Object> x = new ArrayList<>();
        List<Object> y = new ArrayList<>();
        List<Object> text = new ArrayList<>();
        for (int l = 0; l < sizes.size(); l++) {
            int shown = Math.min(sizes.get(l), NetworkDrawing.MAX_NODES);
            for (int i = 0; i < shown; i++) {
                x.add(roundOne(nodeX(l, sizes.size()), 4));
                y.add(roundOne(nodeY(i, shown), 4));
                text.add((l == 0 ? "input " : l == sizes.size() - 1 ? "output " : "hidden ") + (i + 1));
            }
        }
        return trace("units", "x", "y", "scatter", "mode", "markers", "x", x, "y", y, "text", text, "hoverinfo", "text",
                "marker", obj("color", "#f0f0f0", "size", 12, "line", obj("color", "#333", "width", 1)));
    }

    private static Map<String, Object> points(TrainingReplay replay, int c) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < replay.classes().length; i++) {
            if (replay.classes()[i] == c) {
                x.add(roundOne(replay.pointsX()[i], 4));
                y.add(roundOne(replay.pointsY()[i], 4));
            }
        }
        return trace("class " + c, "x2", "y2", "scatter", "mode", "markers", "x", x, "y", y,
                "marker", obj("color", Colors.series(c), "size", 6, "line", obj("color", "white", "width", 1)));
    }

    private static Map<String, Object> layout(TrainingReplay replay, TrainingFrame last, List<Integer> sizes,
            List<Object> steps) {
        boolean surface = replay.hasSurface();
        double netEnd = surface ? 0.32 : 0.5;
        Map<String, Object> layout = new LinkedHashMap<>();
        // a fixed size: Plotly.Plots.resize (called by JupyterLab's renderer on updates) then leaves the figure
        // alone; with the height alone it re-measured the output area during an animation and collapsed to 0
        layout.put("width", WIDTH);
        layout.put("height", HEIGHT);
        layout.put("autosize", false);
        layout.put("margin", obj("t", 60, "r", 20, "b", 40, "l", 50));
        layout.put("showlegend", false);
        layout.put("xaxis", obj("domain", List.of(0, netEnd), "range", List.of(-0.1, 1.1), "visible", false, "fixedrange", true));
        layout.put("yaxis", obj("domain", List.of(0.22, 1), "range", List.of(-0.08, 1.02), "visible", false, "fixedrange", true));
        if (surface) {
            layout.put("xaxis2", obj("domain", List.of(0.38, 0.66), "anchor", "y2", "title", obj("text", "x1"),
                    "range", List.of(replay.gridX()[0], replay.gridX()[replay.gridX().length - 1])));
            layout.put("yaxis2", obj("domain", List.of(0.22, 1), "anchor", "x2", "title", obj("text", "x2"),
                    "range", List.of(replay.gridY()[0], replay.gridY()[replay.gridY().length - 1])));
        }
        layout.put("xaxis3", obj("domain", List.of(surface ? 0.74 : 0.6, 1), "anchor", "y3", "title", obj("text", "step")));
        layout.put("yaxis3", obj("domain", List.of(0.22, 1), "anchor", "x3", "title", obj("text", "loss")));
        layout.put("annotations", annotations(replay, last, sizes));
        layout.put("sliders", List.of(obj("active", steps.size() - 1, "x", 0.08, "len", 0.92, "y", 0.12,
                "currentvalue", obj("prefix", "step ", "font", obj("size", 13)), "pad", obj("t", 10), "steps", steps)));
        layout.put("updatemenus", List.of(obj("type", "buttons", "showactive", false, "x", 0.0, "y", 0.12,
                "xanchor", "left", "yanchor", "top", "pad", obj("t", 10), "buttons", List.of(obj("label", "Play",
                        "method", "animate", "args", java.util.Arrays.asList(null, obj("mode", "immediate", "fromcurrent", false,
                                "frame", obj("duration", 250, "redraw", true), "transition", obj("duration", 0))))))));
        return layout;
    }

    /** The panels' captions; the network's says the frame's step, epoch and loss. */
    private static List<Object> annotations(TrainingReplay replay, TrainingFrame f, List<Integer> sizes) {
        boolean surface = replay.hasSurface();
        String caption = String.format(Locale.ROOT, "Network %s, %s (epoch %d%s)", sizes, f.label(), f.epoch(),
                Double.isFinite(f.loss()) ? String.format(Locale.ROOT, ", loss %.4g", f.loss()) : "");
        List<Object> notes = new ArrayList<>();
        notes.add(caption(caption, 0));
        if (surface) {
            notes.add(caption("Decision surface: P(class 1)", 0.38));
        }
        notes.add(caption("Batch loss", surface ? 0.74 : 0.6));
        return notes;
    }

    private static Map<String, Object> caption(String text, double x) {
        return obj("text", text, "x", x, "xref", "paper", "xanchor", "left", "y", 1.08, "yref", "paper",
                "showarrow", false, "font", obj("size", 14));
    }

    static double nodeX(int layer, int layers) {
        return layers == 1 ? 0.5 : (double) layer / (layers - 1);
    }

    static double nodeY(int unit, int units) {
        return 1 - (unit + 0.5) / units;
    }

    private static double largestWeight(List<TrainingFrame> frames) {
        double max = 0;
        for (TrainingFrame f : frames) {
            for (double[][] w : f.weights()) {
                for (double[] row : w) {
                    for (double v : row) {
                        max = Double.isFinite(v) ? Math.max(max, Math.abs(v)) : max;
                    }
                }
            }
        }
        return max > 0 ? max : 1;
    }

    private static Map<String, Object> trace(String name, String xaxis, String yaxis, String type, Object... more) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("type", type);
        t.put("xaxis", xaxis);
        t.put("yaxis", yaxis);
        for (int i = 0; i < more.length; i += 2) {
            t.put((String) more[i], more[i + 1]);
        }
        return t;
    }

    private static List<List<Double>> grid(double[][] z) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : z) {
            rows.add(round(row, 3));
        }
        return rows;
    }

    /** Values rounded to {@code decimals} places (a figure needs no more; frames stay small); NaN as null. */
    static List<Double> round(double[] v, int decimals) {
        List<Double> list = new ArrayList<>(v.length);
        for (double d : v) {
            list.add(roundOne(d, decimals));
        }
        return list;
    }

    static Double roundOne(double d, int decimals) {
        if (!Double.isFinite(d)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.abs(d) < 1e6 ? Math.round(d * f) / f : d;
    }

    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
