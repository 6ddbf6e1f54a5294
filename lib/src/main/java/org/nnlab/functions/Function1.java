package org.nnlab.functions;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * A real function of one variable, {@code f: R -> R}, with its derivative.
 *
 * <p>When no derivative is given, {@link #derivative(double)} is the central difference
 * {@code f'(x) ~ (f(x + h) - f(x - h)) / 2h} with {@code h = 1e-5 * max(1, |x|)} (error O(h^2)).
 *
 * <pre>{@code
 * Function1 f = Function1.of("(x-1)^2 + 3.5", x -> (x - 1) * (x - 1) + 3.5, x -> 2 * (x - 1));
 * f.value(3)       // 7.5
 * f.derivative(3)  // 4.0
 * }</pre>
 */
public interface Function1 {

    /** f(x). */
    double value(double x);

    /** f'(x); by default a central difference of {@link #value(double)}. */
    default double derivative(double x) {
        return numericalDerivative(x);
    }

    /** f'(x) by central differences, whatever {@link #derivative(double)} says (for gradient checks). */
    default double numericalDerivative(double x) {
        double h = 1e-5 * Math.max(1.0, Math.abs(x));
        return (value(x + h) - value(x - h)) / (2 * h);
    }

    /** A function whose derivative is computed numerically. */
    static Function1 of(String name, DoubleUnaryOperator f) {
        return of(name, f, null);
    }

    /**
     * A function with its analytic derivative ({@code df} may be null: then numerical).
     *
     * @throws IllegalArgumentException when {@code f} is null
     */
    static Function1 of(String name, DoubleUnaryOperator f, DoubleUnaryOperator df) {
        if (f == null) {
            throw org.nnlab.check.Args.fail("Function1.of", "a function x -> f(x)", null,
                    "pass a lambda, e.g. Function1.of(\"x^2\", x -> x * x).");
        }
        String label = Objects.requireNonNullElse(name, "f");
        return new Function1() {
            @Override
            public double value(double x) {
                return f.applyAsDouble(x);
            }

            @Override
            public double derivative(double x) {
                return df == null ? numericalDerivative(x) : df.applyAsDouble(x);
            }

            @Override
            public String toString() {
                return "f(x) = " + label;
            }
        };
    }
}
