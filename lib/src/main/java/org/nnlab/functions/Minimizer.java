package org.nnlab.functions;

import java.util.ArrayList;
import java.util.List;
import org.nnlab.check.Args;

/**
 * Gradient descent on a plain function, keeping the path:
 * {@code x <- x - alpha * grad f(x)}, from a start, for at most {@code maxSteps} steps.
 *
 * <p>Stops when
 * <ul>
 *   <li>the step is small, {@code |x_{k+1} - x_k| < tolerance} (default 1e-8): {@link MinimizerResult.Status#CONVERGED};</li>
 *   <li>a value or coordinate is not finite or {@code |x| > divergenceBound} (default 1e8):
 *       {@link MinimizerResult.Status#DIVERGED} at that step;</li>
 *   <li>{@code maxSteps} steps were taken: {@link MinimizerResult.Status#MAX_STEPS}.</li>
 * </ul>
 *
 * <pre>{@code
 * var r = new Minimizer(0.1, 1000).minimize(Functions.parabola(), 5.0);
 * r   // converged after 80 steps at x = 1.0000, f = 3.5000 (alpha = 0.1)
 * }</pre>
 */
public final class Minimizer {

    private final double alpha;
    private final int maxSteps;
    private double tolerance = 1e-8;
    private double divergenceBound = 1e8;

    /**
     * @param alpha    the learning rate, > 0
     * @param maxSteps the largest number of steps, > 0
     * @throws IllegalArgumentException when either is out of range
     */
    public Minimizer(double alpha, int maxSteps) {
        Args.require(alpha > 0 && Double.isFinite(alpha), "Minimizer", "a learning rate alpha > 0", alpha,
                "the workshop uses values such as 0.1, 0.01 or 0.001.");
        Args.require(maxSteps > 0, "Minimizer", "maxSteps > 0", maxSteps, "try 10000.");
        this.alpha = alpha;
        this.maxSteps = maxSteps;
    }

    /**
     * Sets the convergence tolerance on the step length (default 1e-8) and returns this.
     *
     * @throws IllegalArgumentException when {@code tolerance <= 0}
     */
    public Minimizer tolerance(double tolerance) {
        Args.require(tolerance > 0, "Minimizer.tolerance", "a tolerance > 0", tolerance, "try 1e-8.");
        this.tolerance = tolerance;
        return this;
    }

    /**
     * Sets the bound beyond which a coordinate counts as diverged (default 1e8) and returns this.
     *
     * @throws IllegalArgumentException when {@code bound <= 0}
     */
    public Minimizer divergenceBound(double bound) {
        Args.require(bound > 0, "Minimizer.divergenceBound", "a bound > 0", bound, "try 1e8.");
        this.divergenceBound = bound;
        return this;
    }

    /** The learning rate. */
    public double alpha() {
        return alpha;
    }

    /** The largest number of steps. */
    public int maxSteps() {
        return maxSteps;
    }

    /**
     * Minimises a function of one variable from {@code x0}; points in the result have length 1.
     *
     * @throws IllegalArgumentException when {@code f} is null or {@code x0} is not finite
     */
    public MinimizerResult minimize(Function1 f, double x0) {
        Args.require(f != null, "Minimizer.minimize", "a Function1", null, "e.g. Functions.parabola().");
        Args.require(Double.isFinite(x0), "Minimizer.minimize", "a finite start x0", x0, "start at e.g. 5.0.");
        return run(new double[] {x0}, p -> f.value(p[0]), p -> new double[] {f.derivative(p[0])},
                f.toString());
    }

    /**
     * Minimises a function of two variables from {@code (x0, y0)}; points in the result have length 2.
     *
     * @throws IllegalArgumentException when {@code f} is null or the start is not finite
     */
    public MinimizerResult minimize(Function2 f, double x0, double y0) {
        Args.require(f != null, "Minimizer.minimize", "a Function2", null, "e.g. Functions.f1().");
        Args.require(Double.isFinite(x0) && Double.isFinite(y0), "Minimizer.minimize", "a finite start (x0, y0)",
                "(" + x0 + ", " + y0 + ")", "start at e.g. (3, 3).");
        return run(new double[] {x0, y0}, p -> f.value(p[0], p[1]), p -> f.gradient(p[0], p[1]), f.toString());
    }

    private interface Value {
        double at(double[] p);
    }

    private interface Gradient {
        double[] at(double[] p);
    }

    private MinimizerResult run(double[] start, Value f, Gradient grad, String function) {
        List<double[]> path = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        double[] p = start.clone();
        path.add(p.clone());
        values.add(f.at(p));
        if (diverged(p, values.get(0))) {
            return new MinimizerResult(MinimizerResult.Status.DIVERGED, 0, path, values, alpha, function);
        }
        for (int k = 1; k <= maxSteps; k++) {
            double[] g = grad.at(p);
            double stepSquared = 0;
            for (int i = 0; i < p.length; i++) {
                double delta = alpha * g[i];
                p[i] -= delta;
                stepSquared += delta * delta;
            }
            double value = f.at(p);
            path.add(p.clone());
            values.add(value);
            if (diverged(p, value) || !Double.isFinite(stepSquared)) {
                return new MinimizerResult(MinimizerResult.Status.DIVERGED, k, path, values, alpha, function);
            }
            if (Math.sqrt(stepSquared) < tolerance) {
                return new MinimizerResult(MinimizerResult.Status.CONVERGED, k, path, values, alpha, function);
            }
        }
        return new MinimizerResult(MinimizerResult.Status.MAX_STEPS, maxSteps, path, values, alpha, function);
    }

    private boolean diverged(double[] p, double value) {
        if (!Double.isFinite(value)) {
            return true;
        }
        for (double c : p) {
            if (!Double.isFinite(c) || Math.abs(c) > divergenceBound) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Minimizer(alpha = " + alpha + ", maxSteps = " + maxSteps + ", tolerance = " + tolerance + ")";
    }
}
