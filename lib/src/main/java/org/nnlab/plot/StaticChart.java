package org.nnlab.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** Draws a {@link Chart} as SVG in Java: axes with ticks, lines, markers, contour/heatmap rasters, bars, legend. */
final class StaticChart {

    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 46;

    private StaticChart() {
    }

    static String render(Chart chart) {
        Svg svg = new Svg(chart.width(), chart.height());
        List<String> title = chart.titleLines();
        double px = LEFT;
        double py = TOP + 18 * (title.size() - 1);
        List<Series> grids = chart.series().stream()
                .filter(s -> s instanceof Series.Contour || s instanceof Series.Heatmap).toList();
        double pw = chart.width() - LEFT - RIGHT - COLOR_BAR * grids.size();
        double ph = chart.height() - py - BOTTOM;
        for (int i = 0; i < title.size(); i++) {   // left-aligned and wrapped, as in the Plotly figure
            svg.text(px, 20 + 18 * i, title.get(i), "start", 15, "#222");
        }
        svg.text(px + pw / 2, chart.height() - 8, chart.xTitle(), "middle", 13, "#222");
        svg.raw("<text transform=\"translate(15," + Svg.num(py + ph / 2) + ") rotate(-90)\" text-anchor=\"middle\""
                + " font-size=\"13\" fill=\"#222\">" + Svg.escape(chart.yTitle()) + "</text>");
        String clip = "c" + Integer.toHexString(System.identityHashCode(chart)) + Long.toHexString(System.nanoTime());
        svg.clip(clip, px, py, pw, ph);
        svg.rect(px, py, pw, ph, "#f7f7fb", "#999");
        List<Series.Bars> bars = new ArrayList<>();
        chart.series().forEach(s -> {
            if (s instanceof Series.Bars b) {
                bars.add(b);
            }
        });
        if (!bars.isEmpty()) {
            drawBars(svg, bars, px, py, pw, ph);
        } else {
            drawXY(svg, chart, clip, px, py, pw, ph);
        }
        for (int k = 0; k < grids.size(); k++) {
            colorBar(svg, grids.get(k), px + pw + 14 + COLOR_BAR * k, py, ph);
        }
        return svg.toString();
    }

    /** The room a colour bar takes on the right: the bar, its values and its title above it. */
    private static final int COLOR_BAR = 74;

    /** A grid series' colour bar with its name above it (Plotly's colorbar title). */
    private static void colorBar(Svg svg, Series s, double x, double y, double h) {
        double[][] z = s instanceof Series.Heatmap m ? m.z() : ((Series.Contour) s).z();
        String colors = s instanceof Series.Heatmap m ? m.colors() : "Viridis";
        double[] range = s instanceof Series.Heatmap m ? range(z, m.zmin(), m.zmax()) : range(z, Double.NaN, Double.NaN);
        svg.text(x, y + 10, s.name(), "start", 11, "#222");
        Images.colorBar(svg, x, y + 18, 14, h - 18, range[0], range[1], t -> Colors.map(colors, t));
    }

    private static void drawXY(Svg svg, Chart chart, String clip, double px, double py, double pw, double ph) {
        boolean grid = chart.series().stream().anyMatch(s -> s instanceof Series.Contour || s instanceof Series.Heatmap);
        double[][] ranges = ranges(chart, grid, pw, ph);
        double[] xr = ranges[0];
        double[] yr = ranges[1];
        DoubleUnaryOperator sx = v -> px + (v - xr[0]) / (xr[1] - xr[0]) * pw;
        DoubleUnaryOperator sy = v -> py + ph - (v - yr[0]) / (yr[1] - yr[0]) * ph;
        for (Series s : chart.series()) {
            if (s instanceof Series.Contour c) {
                raster(svg, c.x(), c.y(), c.z(), Double.NaN, Double.NaN, 16, "Viridis", sx, sy, clip);
            } else if (s instanceof Series.Heatmap h) {
                raster(svg, h.x(), h.y(), h.z(), h.zmin(), h.zmax(), 0, h.colors(), sx, sy, clip);
                if (h.showValues()) {
                    values(svg, h, sx, sy);
                }
            }
        }
        for (double t : ticks(chart, true, xr)) {
            double x = sx.applyAsDouble(t);
            svg.line(x, py, x, py + ph, "#ffffff", grid ? 0 : 1).line(x, py + ph, x, py + ph + 4, "#666", 1)
                    .text(x, py + ph + 17, label(t), "middle", 11, "#444");
        }
        for (double t : ticks(chart, false, yr)) {
            double y = sy.applyAsDouble(t);
            svg.line(px, y, px + pw, y, "#ffffff", grid ? 0 : 1).line(px - 4, y, px, y, "#666", 1)
                    .text(px - 7, y + 4, label(t), "end", 11, "#444");
        }
        List<String[]> legend = new ArrayList<>();
        for (Series s : chart.series()) {
            if (s instanceof Series.Line l) {
                drawLine(svg, chart, l, sx, sy, clip);
                if (!l.name().isEmpty()) {
                    legend.add(new String[] {l.name(), color(l, chart)});
                }
            }
        }
        if (legend.size() > 1 || legend.size() == 1 && grid) {
            drawLegend(svg, legend, px, py, pw);
        }
    }

    /**
     * The x and y ranges the plot shows, {@code {xr, yr}}: the grids' extent when the chart has a contour
     * or heatmap, else the lines' extent with a margin; widened to equal scales when the chart asks.
     */
    private static double[][] ranges(Chart chart, boolean grid, double pw, double ph) {
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : chart.series()) {
            if (s instanceof Series.Contour c) {
                gridExtent(c.x(), xr);
                gridExtent(c.y(), yr);
            } else if (s instanceof Series.Heatmap h) {
                gridExtent(h.x(), xr);
                gridExtent(h.y(), yr);
            } else if (!grid && s instanceof Series.Line l) {
                extent(l.x(), xr);
                extent(l.y(), yr);
            }
        }
        if (!grid) {
            pad(xr);
            pad(yr);
        }
        fix(xr);
        fix(yr);
        if (chart.hasEqualAxes()) {
            double scale = Math.max((xr[1] - xr[0]) / pw, (yr[1] - yr[0]) / ph);
            double cx = (xr[0] + xr[1]) / 2;
            double cy = (yr[0] + yr[1]) / 2;
            xr = new double[] {cx - scale * pw / 2, cx + scale * pw / 2};
            yr = new double[] {cy - scale * ph / 2, cy + scale * ph / 2};
        }
        return new double[][] {xr, yr};
    }

    /** One line series: its polyline (dashed or not) and, unless it is lines only, its markers. */
    private static void drawLine(Svg svg, Chart chart, Series.Line l, DoubleUnaryOperator sx, DoubleUnaryOperator sy,
            String clip) {
        double[] xs = new double[l.x().length];
        double[] ys = new double[l.y().length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = sx.applyAsDouble(l.x()[i]);
            ys[i] = sy.applyAsDouble(l.y()[i]);
        }
        if (l.mode() != Series.Mode.MARKERS) {
            if (l.dashed()) {
                svg.raw("<g stroke-dasharray=\"6 4\">");
            }
            svg.polyline(xs, ys, color(l, chart), 2, clip);
            if (l.dashed()) {
                svg.raw("</g>");
            }
        }
        if (l.mode() != Series.Mode.LINES) {
            svg.raw("<g clip-path=\"url(#" + clip + ")\">");
            for (int i = 0; i < xs.length; i++) {
                if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                    svg.circle(xs[i], ys[i], 3.5, color(l, chart), "white");
                }
            }
            svg.raw("</g>");
        }
    }

    /** The legend in the plot's top right corner: a coloured stroke and the name of each {name, colour}. */
    private static void drawLegend(Svg svg, List<String[]> legend, double px, double py, double pw) {
        int w = 16 + legend.stream().mapToInt(e -> e[0].length()).max().orElse(0) * 7 + 24;
        double lx = px + pw - w - 6;
        svg.rect(lx, py + 6, w, 8 + 18 * legend.size(), "white", "#bbb");
        for (int i = 0; i < legend.size(); i++) {
            double y = py + 20 + 18 * i;
            svg.line(lx + 6, y - 4, lx + 26, y - 4, legend.get(i)[1], 3)
                    .text(lx + 32, y, legend.get(i)[0], "start", 11, "#222");
        }
    }

    /** A line's colour; without one, the palette's colour of its place in the chart (as Plotly does). */
    private static String color(Series.Line l, Chart chart) {
        return l.color() != null ? l.color() : Colors.series(chart.series().indexOf(l));
    }

    /** The tick values of an axis: every cell of a small whole-numbered grid, else round (whole where the data are). */
    private static double[] ticks(Chart chart, boolean x, double[] range) {
        ChartAxis axis = ChartAxis.of(chart, x);
        if (axis.everyValue()) {
            return java.util.stream.DoubleStream.iterate(axis.lo(), v -> v <= axis.hi(), v -> v + 1).toArray();
        }
        return Ticks.values(range[0], range[1], axis.integers());
    }

    /** Each cell's value written into it, white on dark cells. */
    private static void values(Svg svg, Series.Heatmap h, DoubleUnaryOperator sx,
            DoubleUnaryOperator sy) {
        double[] range = range(h.z(), h.zmin(), h.zmax());
        for (int i = 0; i < h.y().length; i++) {
            for (int j = 0; j < h.x().length; j++) {
                double v = h.z()[i][j];
                if (Double.isFinite(v)) {
                    boolean dark = (v - range[0]) / (range[1] - range[0]) > 0.55;
                    svg.text(sx.applyAsDouble(h.x()[j]), sy.applyAsDouble(h.y()[i]) + 4, label(v), "middle", 11,
                            dark ? "#ffffff" : "#222222");
                }
            }
        }
    }

    private static double[] range(double[][] z, double zmin, double zmax) {
        double lo = zmin;
        double hi = zmax;
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            lo = Double.POSITIVE_INFINITY;
            hi = Double.NEGATIVE_INFINITY;
            for (double[] row : z) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        return new double[] {lo, hi};
    }

    private static void raster(Svg svg, double[] x, double[] y, double[][] z, double zmin, double zmax, int levels,
            String colors, DoubleUnaryOperator sx, DoubleUnaryOperator sy,
            String clip) {
        double[] range = range(z, zmin, zmax);
        double lo = range[0];
        double hi = range[1];
        BufferedImage image = new BufferedImage(x.length, y.length, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double t = (z[i][j] - lo) / (hi - lo);
                if (levels > 0) {
                    // filled contours: the colour of the band the value falls in
                    t = Math.min(levels - 1, Math.floor(t * levels)) / (levels - 1);
                }
                // NaN cells stay transparent
                image.setRGB(j, y.length - 1 - i, Double.isFinite(z[i][j]) ? 0xff000000 | Colors.map(colors, t) : 0);
            }
        }
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        gridExtent(x, xr);
        gridExtent(y, yr);
        double x0 = sx.applyAsDouble(xr[0]);
        double y0 = sy.applyAsDouble(yr[1]);
        svg.raw("<g clip-path=\"url(#" + clip + ")\">");
        svg.image(image, x0, y0, sx.applyAsDouble(xr[1]) - x0, sy.applyAsDouble(yr[0]) - y0);
        svg.raw("</g>");
    }

    private static void drawBars(Svg svg, List<Series.Bars> bars, double px, double py, double pw, double ph) {
        Series.Bars first = bars.get(0);
        int n = first.values().length;
        double lo = 0;
        double hi = 0;
        for (Series.Bars b : bars) {
            for (double v : b.values()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        double[] yr = {lo, hi + (hi - lo) * 0.08};
        fix(yr);
        DoubleUnaryOperator sy = v -> py + ph - (v - yr[0]) / (yr[1] - yr[0]) * ph;
        for (double t : Ticks.values(yr[0], yr[1], false)) {
            double y = sy.applyAsDouble(t);
            svg.line(px, y, px + pw, y, "#ffffff", 1).line(px - 4, y, px, y, "#666", 1)
                    .text(px - 7, y + 4, label(t), "end", 11, "#444");
        }
        double slot = pw / n;
        double w = slot * 0.8 / bars.size();
        for (int k = 0; k < bars.size(); k++) {
            Series.Bars b = bars.get(k);
            for (int i = 0; i < n && i < b.values().length; i++) {
                double v = Double.isFinite(b.values()[i]) ? b.values()[i] : 0;
                double x = px + slot * i + slot * 0.1 + w * k;
                double y0 = sy.applyAsDouble(Math.max(v, 0));
                double y1 = sy.applyAsDouble(Math.min(v, 0));
                String color = b.colors() != null ? b.colors()[i] : Colors.series(k);
                svg.rect(x, y0, w, Math.max(y1 - y0, 0.5), color, null);
                if (bars.size() == 1) {
                    svg.text(x + w / 2, y0 - 4, String.format(Locale.ROOT, "%.2f", v), "middle", 10, "#333");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            svg.text(px + slot * (i + 0.5), py + ph + 17, first.labels()[i], "middle", 11, "#444");
        }
    }

    private static void extent(double[] v, double[] range) {
        for (double d : v) {
            if (Double.isFinite(d)) {
                range[0] = Math.min(range[0], d);
                range[1] = Math.max(range[1], d);
            }
        }
    }

    private static void gridExtent(double[] v, double[] range) {
        double half = v.length > 1 ? Math.abs(v[1] - v[0]) / 2 : 0.5;
        range[0] = Math.min(range[0], Math.min(v[0], v[v.length - 1]) - half);
        range[1] = Math.max(range[1], Math.max(v[0], v[v.length - 1]) + half);
    }

    private static void pad(double[] range) {
        if (Double.isFinite(range[0]) && range[1] > range[0]) {
            double p = (range[1] - range[0]) * 0.04;
            range[0] -= p;
            range[1] += p;
        }
    }

    private static void fix(double[] range) {
        if (!Double.isFinite(range[0]) || !Double.isFinite(range[1])) {
            range[0] = 0;
            range[1] = 1;
        } else if (range[1] <= range[0]) {
            double c = range[0];
            double d = Math.max(Math.abs(c) * 0.1, 0.5);
            range[0] = c - d;
            range[1] = c + d;
        }
    }

    /** A tick or colour-bar value: whole numbers as they are, others with 4 significant digits. */
    static String label(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.4g", v).replaceAll("0+$", "")
                : String.format(Locale.ROOT, "%.2g", v);
    }
}
