package org.nnlab.plot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Chart} as Plotly's figure JSON ({@code {"data": [...], "layout": {...}, "config": {...}}}),
 * the content of the MIME type {@value #MIME}: JupyterLab draws it with the renderer of the
 * {@code plotly} Python package (installed by setup, plotly.js bundled in it), VS Code and nteract
 * with theirs. Nothing here runs in the page, so the notebook need not be trusted.
 *
 * <p>Layout choices: the title sits left-aligned and wrapped (Plotly's mode bar appears at the top
 * right, and a centred title wider than the figure loses both ends); no fixed width, so the figure
 * fills the notebook's width; integer axes tick at whole numbers ({@link Ticks}); grids with whole
 * coordinates (classes) label every cell; colour bars carry the series' name.
 */
final class PlotlyFigure {

    /** Plotly's MIME type. */
    static final String MIME = "application/vnd.plotly.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlotlyFigure() {
    }

    /** The figure as a JSON document. */
    static String json(Chart chart) {
        try {
            return JSON.writeValueAsString(figure(chart));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("PlotlyFigure: could not write the figure of " + chart, e);
        }
    }

    static Map<String, Object> figure(Chart chart) {
        List<Object> data = new ArrayList<>();
        int bars = 0;
        for (int i = 0; i < chart.series().size(); i++) {
            Series s = chart.series().get(i);
            Map<String, Object> trace = trace(s, i);
            if (trace.containsKey("colorbar")) {   // several colour bars stand side by side
                trace.put("colorbar", obj("title", obj("text", s.name() == null ? "" : s.name()),
                        "x", 1.02 + 0.16 * bars++, "xanchor", "left"));
            }
            data.add(trace);
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", data);
        figure.put("layout", layout(chart));
        figure.put("config", obj("displaylogo", false, "responsive", true));
        return figure;
    }

    private static Map<String, Object> layout(Chart chart) {
        List<String> title = chart.titleLines();
        boolean grid = chart.series().stream().anyMatch(s -> s instanceof Series.Contour || s instanceof Series.Heatmap);
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", obj("text", String.join("<br>", title), "x", 0, "xref", "paper", "xanchor", "left",
                "font", obj("size", 15)));
        layout.put("height", chart.height());
        layout.put("margin", obj("t", 30 + 20 * title.size(), "r", 20, "b", 50, "l", 64));
        layout.put("showlegend", chart.series().size() > 1);
        if (grid) {   // the colour bar sits where the legend would be: the legend goes below the plot
            layout.put("legend", obj("orientation", "h", "y", -0.18));
        }
        layout.put("xaxis", axis(chart.xTitle(), chart, true));
        layout.put("yaxis", axis(chart.yTitle(), chart, false));
        if (grid) {   // the zero line would cross the cells (and show through a confusion matrix's empty ones)
            ((Map<String, Object>) layout.get("xaxis")).put("zeroline", false);
            ((Map<String, Object>) layout.get("yaxis")).put("zeroline", false);
        }
        if (chart.hasEqualAxes()) {   // a fixed width too: filling the notebook's width would only add margins
            ((Map<String, Object>) layout.get("yaxis")).put("scaleanchor", "x");
            layout.put("width", chart.width());
        }
        return layout;
    }

    private static Map<String, Object> axis(String title, Chart chart, boolean x) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("title", obj("text", title == null ? "" : title));
        ChartAxis a = ChartAxis.of(chart, x);
        if (a.categories()) {
            axis.put("type", "category");
        } else if (a.integers()) {
            axis.put("tickmode", "linear");
            axis.put("tick0", 0);
            axis.put("dtick", a.everyValue() ? 1 : Ticks.step(a.lo(), a.hi(), true));
            axis.put("tickformat", "d");
        }
        return axis;
    }

    private static Map<String, Object> trace(Series s, int index) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", s.name());
        if (s instanceof Series.Line l) {
            String color = l.color() != null ? l.color() : Colors.series(index);
            t.put("type", "scatter");
            t.put("mode", switch (l.mode()) {
                case LINES -> "lines";
                case MARKERS -> "markers";
                case LINES_AND_MARKERS -> "lines+markers";
            });
            t.put("x", values(l.x()));
            t.put("y", values(l.y()));
            t.put("line", obj("color", color, "width", 2, "dash", l.dashed() ? "dash" : "solid"));
            // a white rim keeps markers visible on any background (contours, decision regions)
            t.put("marker", obj("color", color, "size", 7, "line", obj("color", "white", "width", 1)));
        } else if (s instanceof Series.Contour c) {
            t.put("type", "contour");
            grid(t, c.x(), c.y(), c.z(), c.name());
            t.put("colorscale", "Viridis");
            t.put("ncontours", 20);
        } else if (s instanceof Series.Heatmap h) {
            t.put("type", "heatmap");
            grid(t, h.x(), h.y(), h.z(), h.name());
            t.put("colorscale", Colors.plotlyScale(h.colors()));
            if (Double.isFinite(h.zmin()) && Double.isFinite(h.zmax())) {
                t.put("zmin", h.zmin());
                t.put("zmax", h.zmax());
            }
            if (h.showValues()) {
                t.put("texttemplate", "%{z}");
            }
        } else {
            Series.Bars b = (Series.Bars) s;
            t.put("type", "bar");
            t.put("x", Arrays.asList(b.labels()));
            t.put("y", values(b.values()));
            t.put("marker", obj("color", b.colors() == null ? Colors.series(0) : Arrays.asList(b.colors())));
            t.put("text", Arrays.stream(b.values()).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
            t.put("textposition", "outside");
        }
        return t;
    }

    private static void grid(Map<String, Object> t, double[] x, double[] y, double[][] z, String name) {
        t.put("x", values(x));
        t.put("y", values(y));
        List<List<BigDecimal>> rows = new ArrayList<>();
        for (double[] row : z) {
            rows.add(values(row));
        }
        t.put("z", rows);
        t.put("colorbar", obj("title", obj("text", name == null ? "" : name)));
    }

    /** A JSON object with the keys in the order given (Map.of's order changes from run to run, and stored notebooks would too). */
    private static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * The values as a list with {@value #DIGITS} significant digits (a plot needs no more, and an 81 x 81
     * contour grid stays half as large in the notebook), NaN and infinities as null (JSON has no NaN;
     * Plotly leaves a gap).
     */
    private static List<BigDecimal> values(double[] v) {
        List<BigDecimal> list = new ArrayList<>(v.length);
        for (double d : v) {
            list.add(Double.isFinite(d) ? new BigDecimal(d).round(SIGNIFICANT).stripTrailingZeros() : null);
        }
        return list;
    }

    static final int DIGITS = 6;
    private static final MathContext SIGNIFICANT = new MathContext(DIGITS);
}
