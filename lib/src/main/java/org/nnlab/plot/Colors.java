package org.nnlab.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.check.Args;

/**
 * The series palette and the colour maps: sequential (viridis, and light-to-dark reds and greens for
 * counts), diverging (blue-white-red), grey.
 */
public final class Colors {

    /**
     * The series colours: Plotly's and matplotlib's default cycle with its three light colours (orange
     * #ff7f0e, olive #bcbd22, cyan #17becf) and pink darkened, so that every series has a contrast of at
     * least 3:1 against the white page (WCAG's minimum for graphics) and none can vanish.
     */
    static final String[] CYCLE = {"#1f77b4", "#d95f02", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e7298a",
        "#7f7f7f", "#b8860b", "#008b8b"};

    private static final int[][] VIRIDIS = {{68, 1, 84}, {72, 40, 120}, {62, 74, 137}, {49, 104, 142},
        {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {110, 206, 88}, {181, 222, 43}, {253, 231, 37}};
    private static final int[][] DIVERGING = {{5, 48, 97}, {33, 102, 172}, {67, 147, 195}, {146, 197, 222},
        {209, 229, 240}, {247, 247, 247}, {253, 219, 199}, {244, 165, 130}, {214, 96, 77}, {178, 24, 43},
        {103, 0, 31}};

    /** Light to dark red: the counts of a confusion matrix's errors. */
    private static final int[][] REDS = {{254, 229, 217}, {252, 174, 145}, {251, 106, 74}, {222, 45, 38},
        {165, 15, 21}};
    /** Light to dark green: the counts of a confusion matrix's correct answers. */
    private static final int[][] GREENS = {{229, 245, 224}, {161, 217, 155}, {65, 171, 93}, {35, 139, 69},
        {0, 90, 50}};

    /**
     * Pale blue (t = 0, class 0) - white (0.5) - pale orange (1, class 1): a classifier's answer over the
     * plane, light enough that the class colours {@code series(0)} and {@code series(1)} stay visible on it.
     */
    private static final int[][] CLASSES = {{158, 196, 230}, {206, 224, 240}, {248, 248, 248}, {252, 216, 184},
        {247, 180, 128}};

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

    /** A named colour map ("Viridis", "Reds", "Greens", "Classes") at t in [0, 1] as 0xRRGGBB. */
    public static int map(String name, double t) {
        return interpolate(stops(name), t);
    }

    /** The colour map as Plotly's colorscale: [[0, "#rrggbb"], ..., [1, "#rrggbb"]]. */
    static List<List<Object>> plotlyScale(String name) {
        int[][] stops = stops(name);
        List<List<Object>> scale = new ArrayList<>();
        for (int i = 0; i < stops.length; i++) {
            scale.add(List.of((double) i / (stops.length - 1), hex(stops[i][0] << 16 | stops[i][1] << 8 | stops[i][2])));
        }
        return scale;
    }

    private static int[][] stops(String name) {
        return switch (name == null ? "Viridis" : name) {
            case "Reds" -> REDS;
            case "Greens" -> GREENS;
            case "Viridis" -> VIRIDIS;
            case "Classes" -> CLASSES;
            default -> throw Args.fail("Colors.map", "\"Viridis\", \"Reds\", \"Greens\" or \"Classes\"",
                    "\"" + name + "\"", "the names are case-sensitive.");
        };
    }

    /**
     * The contrast ratio of two colours, (L1 + 0.05) / (L2 + 0.05) of their relative luminances (WCAG 2):
     * 1 for equal colours, 21 for black on white.
     */
    public static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double[] c = {(rgb >> 16 & 255) / 255.0, (rgb >> 8 & 255) / 255.0, (rgb & 255) / 255.0};
        for (int i = 0; i < 3; i++) {
            c[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
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
