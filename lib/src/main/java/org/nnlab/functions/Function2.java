package org.nnlab.functions;

import java.util.Objects;

/**
 * A real function of two variables, {@code f: R^2 -> R}, with its gradient
 * {@code grad f(x, y) = (df/dx, df/dy)}.
 *
 * <p>When no gradient is given, {@link #gradient(double, double)} uses central differences in each
 * variable, {@code df/dx ~ (f(x + h, y) - f(x - h, y)) / 2h}, {@code h = 1e-5 * max(1, |x|)}.
 */
public interface Function2 {

    /** f(x, y) as a lambda. */
    @FunctionalInterface
    interface Value {
        double apply(double x, double y);
    }

    /** grad f(x, y) as a lambda returning {@code {df/dx, df/dy}}. */
    @FunctionalInterface
    interface Gradient {
        double[] apply(double x, double y);
    }

    /** f(x, y). */
    double value(double x, double y);

    /** {@code {df/dx, df/dy}} at (x, y); by default by central differences. */
    default double[] gradient(double x, double y) {
        return numericalGradient(x, y);
    }

    /** The gradient by central differences, whatever {@link #gradient} says (for gradient checks). */
    default double[] numericalGradient(double x, double y) {
        double hx = 1e-5 * Math.max(1.0, Math.abs(x));
        double hy = 1e-5 * Math.max(1.0, Math.abs(y));
        return new double[] {
            (value(x + hx, y) - value(x - hx, y)) / (2 * hx),
            (value(x, y + hy) - value(x, y - hy)) / (2 * hy)
        };
    }

    /** A function whose gradient is computed numerically. */
    static Function2 of(String name, Value f) {
        return of(name, f, null);
    }

    /**
     * A function with its analytic gradient ({@code grad} may be null: then numerical).
     *
     * @throws IllegalArgumentException when {@code f} is null
     */
    static Function2 of(String name, Value f, Gradient grad) {
        if (f == null) {
            throw org.nnlab.check.Args.fail("Function2.of", "a function (x, y) -> f(x, y)", null,
                    "pass a lambda, e.g. Function2.of(\"x^2 + y^2\", (x, y) -> x * x + y * y).");
        }
        String label = Objects.requireNonNullElse(name, "f");
        return new Function2() {
            @Override
            public double value(double x, double y) {
                return f.apply(x, y);
            }

            @Override
            public double[] gradient(double x, double y) {
                return grad == null ? numericalGradient(x, y) : grad.apply(x, y);
            }

            @Override
            public String toString() {
                return "f(x, y) = " + label;
            }
        };
    }
}
