package org.nnlab.plot;

import java.util.Locale;

/** Colour maps for the static pictures: sequential (viridis), diverging (blue-white-red), grey. */
public final class Colors {

    /** The series colours (Plotly's and matplotlib's default cycle). */
    static final String[] CYCLE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
        "#7f7f7f", "#bcbd22", "#17becf"};

    private static final int[][] VIRIDIS = {{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142},
        {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {110, 206, 88}, {181, 222, 43}, {253, 231, 37}};
    private static final int[][] DIVERGING = {{5, 48, 97}, {33, 102, 172}, {67, 147, 195}, {146, 197, 222},
        {209, 229, 240}, {247, 247, 247}, {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43},
        {103, 0, 31}};

    private Colors() {
    }

    /** The i-th series colour. */
    public static String series(int i) {
        return CYCLE[Math.floorMod(i, CYCLE.length)];
    }

    /** Viridis at t in [0, 1] as 0xRRGGBB. */
    public static int viridis(double t) {
        return interpolate(VIRIDIS, t);
    }

    /** Blue (t = 0) - white (0.5) - red (1) as 0xRRGGBB: negative weights blue, positive red. */
    public static int diverging(double t) {
        return interpolate(DIVERGING, t);
    }

    /** White (t = 0) to black (1) as 0xRRGGBB, as MNIST digits are usually drawn. */
    public static int grey(double t) {
        int v = (int) Math.round(255 * (1 - clamp(t)));
        return v << 16 | v << 8 | v;
    }

    /** {@code #rrggbb} of 0xRRGGBB. */
    public static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    private static int interpolate(int[][] stops, double t) {
        double u = Double.isFinite(t) ? clamp(t) * (stops.length - 1) : 0;
        int i = Math.min((int) u, stops.length - 2);
        double f = u - i;
        int r = (int) Math.round(stops[i][0] + f * (stops[i + 1][0] - stops[i][0]));
        int g = (int) Math.round(stops[i][1] + f * (stops[i + 1][1] - stops[i][1]));
        int b = (int) Math.round(stops[i][2] + f * (stops[i + 1][2] - stops[i][2]));
        return r << 16 | g << 8 | b;
    }

    private static double clamp(double t) {
        return Math.max(0, Math.min(1, t));
    }
}
