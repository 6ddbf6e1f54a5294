package org.nnlab.functions;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a {@link Minimizer} run: why it stopped, after how many steps, and the path
 * (every point visited, the start first, with its function value).
 */
public final class MinimizerResult {

    /** Why the descent stopped. */
    public enum Status {
        /** The last step was shorter than the tolerance. */
        CONVERGED,
        /** A value or coordinate became non-finite or larger than the divergence bound. */
        DIVERGED,
        /** The step budget ran out before convergence. */
        MAX_STEPS
    }

    private final Status status;
    private final int steps;
    private final List<double[]> path;
    private final List<Double> values;
    private final double alpha;
    private final String function;

    MinimizerResult(Status status, int steps, List<double[]> path, List<Double> values, double alpha,
            String function) {
        this.status = status;
        this.steps = steps;
        this.path = List.copyOf(path);
        this.values = List.copyOf(values);
        this.alpha = alpha;
        this.function = function;
    }

    /** Why it stopped. */
    public Status status() {
        return status;
    }

    /** True when it converged. */
    public boolean converged() {
        return status == Status.CONVERGED;
    }

    /** True when it diverged. */
    public boolean diverged() {
        return status == Status.DIVERGED;
    }

    /** The number of steps taken (for DIVERGED: the step at which it diverged). */
    public int steps() {
        return steps;
    }

    /** Every point visited, the start first; each point has 1 or 2 coordinates. */
    public List<double[]> path() {
        return path;
    }

    /** f at each point of {@link #path()}. */
    public List<Double> values() {
        return values;
    }

    /** The last point (a copy). */
    public double[] point() {
        return path.get(path.size() - 1).clone();
    }

    /** The first coordinate of the last point. */
    public double x() {
        return path.get(path.size() - 1)[0];
    }

    /**
     * The second coordinate of the last point.
     *
     * @throws IllegalStateException for a function of one variable
     */
    public double y() {
        double[] last = path.get(path.size() - 1);
        if (last.length < 2) {
            throw new IllegalStateException("MinimizerResult.y: this run minimised a function of one variable;"
                    + " use x() and value().");
        }
        return last[1];
    }

    /** f at the last point. */
    public double value() {
        return values.get(values.size() - 1);
    }

    /** The learning rate used. */
    public double alpha() {
        return alpha;
    }

    @Override
    public String toString() {
        String at = point(point());
        return switch (status) {
            case CONVERGED -> String.format(Locale.ROOT, "converged after %d steps at %s, f = %s (alpha = %s)",
                    steps, at, number(value()), alpha);
            case MAX_STEPS -> String.format(Locale.ROOT,
                    "stopped after the maximum of %d steps at %s, f = %s (alpha = %s), not yet converged", steps,
                    at, number(value()), alpha);
            case DIVERGED -> String.format(Locale.ROOT,
                    "diverged at step %d: %s, f = %s (alpha = %s). Try a smaller learning rate alpha.", steps, at,
                    number(value()), alpha);
        };
    }

    private static String point(double[] p) {
        return p.length == 1 ? "x = " + number(p[0]) : "(" + number(p[0]) + ", " + number(p[1]) + ")";
    }

    private static String number(double v) {
        // huge numbers in %.4f would print hundreds of digits
        return Math.abs(v) < 1e6 || !Double.isFinite(v)
                ? String.format(Locale.ROOT, "%.4f", v)
                : String.format(Locale.ROOT, "%.4g", v);
    }
}
