package org.nnlab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an axis gets its ticks, the same for the static SVG and for Plotly: about six round values
 * (1, 2 or 5 times a power of ten); never a fraction where the data are whole numbers (epochs,
 * steps, classes), so an axis of epochs 1..3 ticks at 1, 2, 3 and not at 1.2, 1.4.
 */
final class Ticks {

    private Ticks() {
    }

    /** The distance between ticks over [lo, hi]; at least 1 when {@code integers}. */
    static double step(double lo, double hi, boolean integers) {
        double raw = (hi - lo) / 6;
        if (!(raw > 0) || !Double.isFinite(raw)) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 10 * mag : raw / mag >= 2 ? 5 * mag : raw / mag >= 1 ? 2 * mag : mag;
        return integers ? Math.max(1, Math.rint(step)) : step;
    }

    /** The tick values within [lo, hi], {@link #step} apart. */
    static double[] values(double lo, double hi, boolean integers) {
        double step = step(lo, hi, integers);
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** True when every finite value is a whole number (and there is at least one). */
    static boolean integers(double[]... arrays) {
        boolean any = false;
        for (double[] values : arrays) {
            for (double v : values) {
                if (Double.isFinite(v)) {
                    if (v != Math.rint(v)) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }
}
