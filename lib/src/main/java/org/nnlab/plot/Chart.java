package org.nnlab.plot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure: a title, axis titles and {@link Series}, made by the pure functions of {@link Plots}.
 * A notebook cell that ends with a Chart shows it: interactive where a Plotly renderer is installed
 * (JupyterLab with the plotly package, {@link #plotlyJson()}), and as a static SVG ({@link #svg()})
 * everywhere else; see {@link #mimeBundle()}.
 */
public final class Chart implements Displayable {

    /** Titles longer than this many characters are broken into lines. */
    static final int TITLE_LINE = 60;

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

    /** The same chart with one unit as long on both axes, sized so that its plot area is about square. */
    Chart equalAxes() {
        return new Chart(title, xTitle, yTitle, series, EQUAL_AXES_WIDTH, EQUAL_AXES_HEIGHT, true);
    }

    /** The size of charts with equal axes (contours, paths in the plane): a plot area of about 460 x 440. */
    static final int EQUAL_AXES_WIDTH = 540;
    static final int EQUAL_AXES_HEIGHT = 520;

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

    /** The title in lines of at most {@value #TITLE_LINE} characters (broken at spaces). */
    List<String> titleLines() {
        return wrap(title == null ? "" : title, TITLE_LINE);
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Plotly's figure JSON ({@code data}, {@code layout}, {@code config}), see {@link PlotlyFigure}. */
    public String plotlyJson() {
        return PlotlyFigure.json(this);
    }

    /** The static picture, as an SVG document. */
    public String svg() {
        return StaticChart.render(this);
    }

    /**
     * The static picture as HTML: an {@code <img>} of the SVG (a data URI), which every HTML sanitiser
     * lets through, so untrusted notebooks in the classic Notebook show it.
     */
    public String html() {
        return Svg.imageHtml("nnlab-figure", svg(), title);
    }

    /**
     * Plotly's figure JSON (drawn interactively by JupyterLab's plotly renderer, VS Code, nteract), the
     * SVG as an HTML image (the classic Notebook, JupyterLab without the renderer, nbconvert's HTML),
     * the SVG itself (GitHub and other static viewers) and a text line. No script: nothing needs trust.
     */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put(PlotlyFigure.MIME, plotlyJson());
        String svg = svg();
        bundle.put("text/html", Svg.imageHtml("nnlab-figure", svg, title));
        bundle.put("image/svg+xml", svg);
        bundle.put("text/plain", toString());
        return bundle;
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
