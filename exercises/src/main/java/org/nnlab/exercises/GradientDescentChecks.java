package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.List;
import org.nnlab.functions.Function1;
import org.nnlab.functions.Function2;
import org.nnlab.functions.Functions;
import org.nnlab.functions.Minimizer;
import org.nnlab.functions.MinimizerResult;

/** The visible checks of notebook 02-gradient-descent; the numbers are the slides' and their code's. */
public final class GradientDescentChecks {

    /** f1's minimum: x solves 4x^3 + 3x^2 - 1 = 0, y = 0; f1 = 4.682 there. */
    public static final double[] F1_MINIMUM = {0.455410, 0};

    /** f2's global minimum, f2 = -185.38 there. */
    public static final double[] F2_GLOBAL = {-8.955207, -10.957696};

    /** f2 at its global minimum. */
    public static final double F2_GLOBAL_VALUE = -185.376258;

    /** The learning rate of exercise 2.5, as in the workshop's code. */
    public static final double F2_ALPHA = 1e-3;

    /** Enough steps for f2 at alpha = 0.001 from anywhere in [-20, 20]^2 (the slowest start needs ~70,000). */
    public static final int F2_MAX_STEPS = 200_000;

    private GradientDescentChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<GradientDescentExercises> set() {
        Function1 parabola = Functions.parabola();
        Function2 f1 = Functions.f1();
        return new ExerciseSet<>("02-gradient-descent", GradientDescentExercises.class, List.of(
            of("2.1", 1, "f'(1) = 0 (the minimum), f'(3) = 4 and f'(-2) = -6", (GradientDescentExercises e) -> {
                Expect.near(0, e.derivative(1), 1e-12, "derivative(1)");
                Expect.near(4, e.derivative(3), 1e-12, "derivative(3)");
                Expect.near(-6, e.derivative(-2), 1e-12, "derivative(-2)");
            }),
            of("2.1", 1, "f' agrees with the numerical derivative (f(x+h) - f(x-h)) / 2h", (GradientDescentExercises e) -> {
                for (double x : new double[] {-3.7, 0.25, 12}) {
                    Expect.near(parabola.numericalDerivative(x), e.derivative(x), 1e-6, "derivative(" + Expect.fmt(x) + ")");
                }
            }),

            of("2.2", 1, "step(3, 4, 0.1) = 2.6: from x = 3, where f'(3) = 4, alpha = 0.1", (GradientDescentExercises e) ->
                Expect.near(2.6, e.step(3, 4, 0.1), 1e-12, "step(3, 4, 0.1)")),
            of("2.2", 1, "a negative slope moves x to the right: step(-1, -4, 0.25) = 0", (GradientDescentExercises e) ->
                Expect.near(0, e.step(-1, -4, 0.25), 1e-12, "step(-1, -4, 0.25)")),

            of("2.3", 1, "3 steps from 5 with alpha = 0.1 give the path [5, 4.2, 3.56, 3.048]", (GradientDescentExercises e) ->
                Expect.near(new double[] {5, 4.2, 3.56, 3.048}, e.descend(parabola, 5, 0.1, 3), 1e-9,
                        "descend(f, 5, 0.1, 3)")),
            of("2.3", 1, "100 steps with alpha = 0.1 end at the minimum x = 1, f = 3.5", (GradientDescentExercises e) -> {
                double[] path = e.descend(parabola, 5, 0.1, 100);
                Expect.notNull(path, "descend(f, 5, 0.1, 100)");
                Expect.that(path.length == 101, "descend(f, 5, 0.1, 100): expected 101 numbers (the start and 100 steps)"
                        + " but got " + path.length);
                Expect.near(1, path[100], 1e-6, "the last x of descend(f, 5, 0.1, 100)");
                Expect.near(3.5, parabola.value(path[100]), 1e-9, "f at the last x");
            }),
            of("2.3", 1, "it uses f.derivative: on g(x) = x^4 from 1 with alpha = 0.1, [1, 0.6, 0.5136]", (GradientDescentExercises e) -> {
                Function1 g = Function1.of("x^4", x -> x * x * x * x, x -> 4 * x * x * x);
                Expect.near(new double[] {1, 0.6, 0.5136}, e.descend(g, 1, 0.1, 2), 1e-9, "descend(x^4, 1, 0.1, 2)");
            }),
            of("2.3", 1, "alpha = 1.1 overshoots more every step: from 2, 10 steps end at 1 + (-1.2)^10 = 7.19", (GradientDescentExercises e) -> {
                double[] path = e.descend(parabola, 2, 1.1, 10);
                Expect.notNull(path, "descend(f, 2, 1.1, 10)");
                Expect.that(path.length == 11, "descend(f, 2, 1.1, 10): expected 11 numbers but got " + path.length);
                Expect.near(1 + Math.pow(-1.2, 10), path[10], 1e-9, "the last x of descend(f, 2, 1.1, 10)");
            }),

            of("2.4", 1, "grad f1(0, 0) = (-1, 0) and grad f1(1, 2) = (6, 48)", (GradientDescentExercises e) -> {
                Expect.near(new double[] {-1, 0}, e.gradient(0, 0), 1e-12, "gradient(0, 0)");
                Expect.near(new double[] {6, 48}, e.gradient(1, 2), 1e-12, "gradient(1, 2)");
            }),
            of("2.4", 1, "the gradient agrees with the numerical gradient of f1", (GradientDescentExercises e) -> {
                double[][] points = {{-1.3, 0.7}, {0.2, -2.5}, {2, 3}, {-0.6, -0.1}};
                for (double[] p : points) {
                    double[] numerical = f1.numericalGradient(p[0], p[1]);
                    double[] g = e.gradient(p[0], p[1]);
                    double tolerance = 1e-5 * Math.max(1, Math.max(Math.abs(numerical[0]), Math.abs(numerical[1])));
                    Expect.near(numerical, g, tolerance,
                            "gradient(" + Expect.fmt(p[0]) + ", " + Expect.fmt(p[1]) + ") against the numerical gradient");
                }
            }),
            of("2.4", 1, "the gradient is zero at f1's minimum (0.4554, 0)", (GradientDescentExercises e) ->
                Expect.near(new double[] {0, 0}, e.gradient(F1_MINIMUM[0], F1_MINIMUM[1]), 1e-4, "gradient(0.45541, 0)")),

            of("2.5", 1, "the start is in [-20, 20] x [-20, 20] and at least 5 away from the global minimum", (GradientDescentExercises e) -> {
                double[] s = start(e);
                Expect.that(Math.abs(s[0]) <= 20 && Math.abs(s[1]) <= 20,
                        "globalStart(): " + Expect.fmt(s) + " is outside the square [-20, 20] x [-20, 20]");
                double distance = Math.hypot(s[0] - F2_GLOBAL[0], s[1] - F2_GLOBAL[1]);
                Expect.that(distance >= 5, "globalStart(): " + Expect.fmt(s) + " is only " + Expect.fmt(distance)
                        + " away from the global minimum (-8.96, -10.96); start at least 5 away");
            }),
            of("2.5", 1, "descent from it (alpha = 0.001) ends in the global minimum (-8.96, -10.96), f2 = -185.38", (GradientDescentExercises e) -> {
                double[] s = start(e);
                MinimizerResult r = new Minimizer(F2_ALPHA, F2_MAX_STEPS).minimize(Functions.f2(), s[0], s[1]);
                boolean there = Math.hypot(r.x() - F2_GLOBAL[0], r.y() - F2_GLOBAL[1]) < 0.01
                        && Math.abs(r.value() - F2_GLOBAL_VALUE) < 0.01;
                Expect.that(there, "from " + Expect.fmt(s) + " gradient descent " + r
                        + "; the global minimum is (-8.9552, -10.9577), f2 = -185.3763. Try another start.");
            })
        ));
    }

    private static double[] start(GradientDescentExercises e) {
        double[] s = e.globalStart();
        Expect.notNull(s, "globalStart()");
        Expect.that(s.length == 2, "globalStart(): expected 2 numbers {x0, y0} but got " + s.length);
        return s;
    }
}
