package org.nnlab.plot;

import org.nnlab.check.Args;

/**
 * One data series of a {@link Chart}: what was plotted, kept as given so that tests and students
 * can read it back ({@code chart.series().get(0)}).
 */
public sealed interface Series permits Series.Line, Series.Contour, Series.Heatmap, Series.Bars {

    /** The name shown in the legend. */
    String name();

    /** How the points of a {@link Line} are drawn. */
    enum Mode { LINES, MARKERS, LINES_AND_MARKERS }

    /** Points (x[i], y[i]) drawn as a line and/or markers; NaN values leave a gap. */
    record Line(String name, double[] x, double[] y, Mode mode, String color, boolean dashed) implements Series {
        public Line {
            Args.require(x.length == y.length, "Series.Line", "as many x as y values",
                    x.length + " x and " + y.length + " y values", "pair each x with its y, e.g. steps and losses.");
        }
    }

    /**
     * Values on a grid, drawn as filled contours: {@code z[i][j]} is the value at (x[j], y[i]).
     */
    record Contour(String name, double[] x, double[] y, double[][] z) implements Series {
        public Contour {
            Heatmap.checkGrid("Series.Contour", x, y, z);
        }
    }

    /**
     * Values on a grid, drawn as coloured cells: {@code z[i][j]} at (x[j], y[i]); {@code zmin}/{@code zmax}
     * fix the colour range (NaN: from the data); {@code colors} names the colour map ("Viridis", "Reds",
     * "Greens", see {@link Colors#map}); {@code showValues} writes each cell's value into it. NaN cells
     * are left empty.
     */
    record Heatmap(String name, double[] x, double[] y, double[][] z, double zmin, double zmax, String colors,
            boolean showValues) implements Series {
        public Heatmap {
            checkGrid("Series.Heatmap", x, y, z);
            Colors.map(colors, 0);
        }

        /** Viridis cells without values. */
        public Heatmap(String name, double[] x, double[] y, double[][] z, double zmin, double zmax) {
            this(name, x, y, z, zmin, zmax, "Viridis", false);
        }

        static void checkGrid(String where, double[] x, double[] y, double[][] z) {
            Args.require(z.length == y.length && (z.length == 0 || z[0].length == x.length), where,
                    "z of shape [" + y.length + "][" + x.length + "] (rows = y, columns = x)",
                    "[" + z.length + "][" + (z.length > 0 ? z[0].length : 0) + "]",
                    "z[i][j] is the value at (x[j], y[i]): one row per y value.");
        }
    }

    /** One bar per label; {@code colors} may be null (then all in the first series colour). */
    record Bars(String name, String[] labels, double[] values, String[] colors) implements Series {
        public Bars {
            Args.require(labels.length == values.length && (colors == null || colors.length == values.length),
                    "Series.Bars", "as many labels (and colours) as values", labels.length + " labels, "
                    + (colors == null ? "no" : colors.length + "") + " colours and " + values.length + " values",
                    "one label per bar; pass null for the colours to use the first series colour.");
        }
    }
}
