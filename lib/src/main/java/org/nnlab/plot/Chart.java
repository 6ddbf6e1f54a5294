package org.nnlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.nnlab.notebook.Displayable;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ContourTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * A figure: a title, axis titles and {@link Series}, made by the pure functions of {@link Plots}.
 * A notebook cell that ends with a Chart shows it: interactive (Plotly, through tablesaw-jsplot's
 * {@link #figure()}) where JavaScript runs, and as a static SVG ({@link #svg()}) everywhere else.
 */
public final class Chart implements Displayable {

    private static final AtomicLong IDS = new AtomicLong();

    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<Series> series;
    private final int width;
    private final int height;
    private final boolean equalAxes;

    Chart(String title, String xTitle, String yTitle, List<Series> series, int width, int height,
            boolean equalAxes) {
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.series = List.copyOf(series);
        this.width = width;
        this.height = height;
        this.equalAxes = equalAxes;
    }

    /** A chart of the given series (see {@link Plots} for ready-made ones). */
    public static Chart of(String title, String xTitle, String yTitle, List<Series> series) {
        return new Chart(title, xTitle, yTitle, series, 640, 420, false);
    }

    /** The same chart with another size in pixels. */
    public Chart size(int widthPx, int heightPx) {
        org.nnlab.check.Args.require(widthPx >= 100 && heightPx >= 100, "Chart.size", "a size of at least 100x100",
                widthPx + "x" + heightPx, "e.g. size(640, 420).");
        return new Chart(title, xTitle, yTitle, series, widthPx, heightPx, equalAxes);
    }

    Chart equalAxes() {
        return new Chart(title, xTitle, yTitle, series, width, height, true);
    }

    public String title() {
        return title;
    }

    public String xTitle() {
        return xTitle;
    }

    public String yTitle() {
        return yTitle;
    }

    /** The data series, in drawing order. */
    public List<Series> series() {
        return series;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    boolean hasEqualAxes() {
        return equalAxes;
    }

    /** The tablesaw-jsplot figure (Plotly); {@code Plot.show(chart.figure())} opens it in a browser. */
    public Figure figure() {
        return new Figure(layout(), traces().toArray(new Trace[0]));
    }

    private Layout layout() {
        return Layout.builder().title(text(title)).width(width).height(height).showLegend(series.size() > 1)
                .xAxis(Axis.builder().title(text(xTitle)).build()).yAxis(Axis.builder().title(text(yTitle)).build())
                .build();
    }

    private List<Trace> traces() {
        List<Trace> traces = new ArrayList<>();
        for (Series s : series) {
            if (s instanceof Series.Line l) {
                ScatterTrace.Mode mode = switch (l.mode()) {
                    case LINES -> ScatterTrace.Mode.LINE;
                    case MARKERS -> ScatterTrace.Mode.MARKERS;
                    case LINES_AND_MARKERS -> ScatterTrace.Mode.LINE_AND_MARKERS;
                };
                traces.add(ScatterTrace.builder(l.x(), l.y()).name(text(l.name())).mode(mode)
                        .line(Line.builder().color(l.color()).dash(l.dashed() ? Line.Dash.DASH : Line.Dash.SOLID)
                                .build())
                        .marker(Marker.builder().color(l.color()).size(7).build()).build());
            } else if (s instanceof Series.Contour c) {
                traces.add(ContourTrace.builder(boxed(c.x()), boxed(c.y()), c.z()).build());
            } else if (s instanceof Series.Heatmap h) {
                traces.add(HeatmapTrace.builder(boxed(h.x()), boxed(h.y()), h.z()).build());
            } else if (s instanceof Series.Bars b) {
                BarTrace.BarBuilder bar = BarTrace.builder(b.labels(), b.values()).name(text(b.name()));
                bar.marker(b.colors() == null ? Marker.builder().color(Colors.series(0)).build()
                        : Marker.builder().color(b.colors()).build());
                traces.add(bar.build());
            }
        }
        return traces;
    }

    /**
     * The JavaScript that draws the chart into the element {@code divId} with Plotly and returns
     * Plotly's promise. Traces and layout come from tablesaw-jsplot; what its builders lack (a
     * contour's name and colour scale, a heatmap's colour range) is added here.
     */
    String plotlyJavascript(String divId) {
        StringBuilder js = new StringBuilder(layout().asJavascript()).append('\n');
        List<Trace> traces = traces();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < traces.size(); i++) {
            // tablesaw numbers some traces (contour, heatmap) always 0: name each one ourselves
            String t = traces.get(i).asJavascript(i).replaceFirst("var trace\\d+ =", "var trace" + i + " =");
            js.append(t.replaceFirst("\\{", "{" + extras(series.get(i)))).append('\n');
            names.append(i == 0 ? "" : ",").append("trace").append(i);
        }
        if (equalAxes) {
            js.append("layout.yaxis.scaleanchor='x';layout.yaxis.scaleratio=1;\n");
        }
        js.append("layout.margin={t:40,r:20,b:50,l:60};\n");
        if (series.stream().anyMatch(s -> !(s instanceof Series.Line) && !(s instanceof Series.Bars))) {
            // the colour bar sits where the legend would: legend below the plot
            js.append("layout.legend={orientation:'h',y:-0.18};\n");
        }
        js.append("return Plotly.newPlot(document.getElementById('").append(divId).append("'), [").append(names)
                .append("], layout, {displaylogo:false});\n");
        return js.toString();
    }

    private static String extras(Series s) {
        if (s instanceof Series.Contour c) {
            return "name:'" + text(c.name()) + "',colorscale:'Viridis',ncontours:20,";
        }
        if (s instanceof Series.Heatmap h) {
            String range = Double.isFinite(h.zmin()) && Double.isFinite(h.zmax())
                    ? String.format(Locale.ROOT, "zmin:%s,zmax:%s,", h.zmin(), h.zmax()) : "";
            return "name:'" + text(h.name()) + "',colorscale:'Viridis'," + range;
        }
        return "";
    }

    /** The static picture, as an SVG document. */
    public String svg() {
        return StaticChart.render(this);
    }

    /**
     * HTML that draws the chart with Plotly and shows the static SVG until then (and for good where
     * no script runs: untrusted notebooks, GitHub). Carries plotly.js the first time in a session.
     */
    public String html() {
        String id = "nnlab-fig-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
        return "<div class=\"nnlab-figure\" id=\"" + id + "\" data-nnlab-traces=\"" + series.size() + "\">"
                + "<div class=\"nnlab-static\">" + svg() + "</div></div>\n"
                + PlotlyJs.scriptOnce()
                + "<script>(function(){var root=document.getElementById('" + id + "');if(!root)return;"
                + "function draw(){if(!window.Plotly||root.dataset.nnlabDrawn)return;root.dataset.nnlabDrawn='0';"
                + "var plot=document.createElement('div');plot.id='" + id + "-plot';root.appendChild(plot);"
                + "var p=(function(){\n" + plotlyJavascript(id + "-plot") + "})();"
                + "p.then(function(){root.querySelector('.nnlab-static').style.display='none';"
                + "root.dataset.nnlabDrawn=String(plot.data.length);});}"
                + "if(window.Plotly){draw();}else{window.addEventListener('nnlab-plotly-ready',draw);}"
                + "})();</script>";
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("image/svg+xml", svg());
        bundle.put("text/plain", toString());
        return bundle;
    }

    private static String text(String s) {
        // tablesaw writes titles into single-quoted JavaScript strings
        return s == null ? "" : s.replace("\\", "/").replace("'", "\u2019").replace("\n", " ");
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Chart(\"" + title + "\"");
        for (Series x : series) {
            s.append(", ").append(describe(x));
        }
        return s.append(')').toString();
    }

    private static String describe(Series s) {
        if (s instanceof Series.Line l) {
            return "line \"" + l.name() + "\" (" + l.x().length + " points)";
        }
        if (s instanceof Series.Contour c) {
            return "contour \"" + c.name() + "\" (" + c.y().length + "x" + c.x().length + ")";
        }
        if (s instanceof Series.Heatmap h) {
            return "heatmap \"" + h.name() + "\" (" + h.y().length + "x" + h.x().length + ")";
        }
        Series.Bars b = (Series.Bars) s;
        return "bars \"" + b.name() + "\" (" + b.values().length + ")";
    }
}
