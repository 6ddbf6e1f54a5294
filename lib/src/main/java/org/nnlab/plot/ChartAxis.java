package org.nnlab.plot;

/**
 * What a chart's x or y axis shows, for its ticks: the data's range, whether all values are whole
 * numbers, whether every value should get a tick (a grid of at most {@value #MAX_LABELLED} whole-numbered
 * cells: the classes of a confusion matrix), and whether it is a bar chart's categories.
 */
record ChartAxis(double lo, double hi, boolean integers, boolean everyValue, boolean categories) {

    /** Grids up to this many cells per axis label every cell. */
    static final int MAX_LABELLED = 30;

    static ChartAxis of(Chart chart, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean integers = true;
        boolean any = false;
        boolean everyValue = false;
        for (Series s : chart.series()) {
            double[] values;
            if (s instanceof Series.Bars) {
                return new ChartAxis(0, 1, false, false, x);
            } else if (s instanceof Series.Line l) {
                values = x ? l.x() : l.y();
            } else if (s instanceof Series.Heatmap h) {
                values = x ? h.x() : h.y();
                everyValue = values.length <= MAX_LABELLED;
            } else {
                Series.Contour c = (Series.Contour) s;
                values = x ? c.x() : c.y();
            }
            for (double v : values) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    any = true;
                }
            }
            integers &= Ticks.integers(values) || values.length == 0;
        }
        boolean whole = any && integers;
        return new ChartAxis(lo, hi, whole, whole && everyValue, false);
    }
}
