package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.exercises.GradientDescentChecks;
import org.nnlab.exercises.GradientDescentExercises;
import org.nnlab.functions.Function1;

/**
 * Known-buggy submissions of notebook 02 fail exactly the checks meant to catch them. Each bug is the
 * reference with one method wrong; {@code descend} calls the submission's own {@code step}, so a
 * wrong step also fails the descent's checks, as in the notebook.
 */
class BuggyGradientDescentTest {

    static Set<String> failing(GradientDescentExercises submission) {
        return Fixtures.failing(GradientDescentChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(GradientDescentChecks.set(), exercises);
    }

    static String message(GradientDescentExercises submission, String exercise, int check) {
        return Fixtures.message(GradientDescentChecks.set(), submission, exercise, check);
    }

    @Test
    @DisplayName("a derivative without the factor 2 (x - 1) fails exactly exercise 2.1, except f'(1) = 0")
    void derivativeWithoutFactorTwo() {
        var bug = new GradientDescentSolution() {
            @Override public double derivative(double x) {
                return x - 1;
            }
        };
        assertEquals(checksOf("2.1"), failing(bug));
        assertEquals("derivative(3): expected 4 (± 1e-12) but was 2", message(bug, "2.1", 0));
    }

    @Test
    @DisplayName("stepping uphill (x + alpha f'(x)) fails exercise 2.2 and, through descend, exercise 2.3")
    void stepUphill() {
        var bug = new GradientDescentSolution() {
            @Override public double step(double x, double slope, double alpha) {
                return x + alpha * slope;
            }
        };
        assertEquals(checksOf("2.2", "2.3"), failing(bug));
        assertEquals("step(3, 4, 0.1): expected 2.6 (± 1e-12) but was 3.4", message(bug, "2.2", 0));
    }

    @Test
    @DisplayName("a path without its start (steps numbers instead of steps + 1) fails the checks of exercise 2.3 that read the path")
    void pathWithoutStart() {
        var bug = new GradientDescentSolution() {
            @Override public double[] descend(Function1 f, double x0, double alpha, int steps) {
                double[] path = super.descend(f, x0, alpha, steps);
                return java.util.Arrays.copyOfRange(path, 1, path.length);
            }
        };
        assertEquals(checksOf("2.3"), failing(bug));
        String m = message(bug, "2.3", 1);
        assertEquals("descend(f, 5, 0.1, 100): expected 101 numbers (the start and 100 steps) but got 100", m);
    }

    @Test
    @DisplayName("a descent that ignores f and uses the parabola's derivative fails only the check with another f")
    void descendIgnoresF() {
        var bug = new GradientDescentSolution() {
            @Override public double[] descend(Function1 f, double x0, double alpha, int steps) {
                double[] path = new double[steps + 1];
                path[0] = x0;
                for (int t = 1; t <= steps; t++) {
                    path[t] = step(path[t - 1], derivative(path[t - 1]), alpha);
                }
                return path;
            }
        };
        assertEquals(Set.of("2.3: it uses f.derivative: on g(x) = x^4 from 1 with alpha = 0.1, [1, 0.6, 0.5136]"),
                failing(bug));
    }

    @Test
    @DisplayName("a gradient with x and y swapped fails exercise 2.4, except at the minimum, where both are 0")
    void gradientSwapped() {
        var bug = new GradientDescentSolution() {
            @Override public double[] gradient(double x, double y) {
                double[] g = super.gradient(x, y);
                return new double[] {g[1], g[0]};
            }
        };
        Set<String> expected = checksOf("2.4");
        expected.remove("2.4: the gradient is zero at f1's minimum (0.4554, 0)");   // (0, 0) swapped is (0, 0)
        assertEquals(expected, failing(bug));
        assertEquals("gradient(0, 0): expected [-1, 0] but was [0, -1] (entry [0] differs by more than 1e-12)",
                message(bug, "2.4", 0));
    }

    @Test
    @DisplayName("the slides' start (-20, 20) fails only the check that descent reaches the global minimum, saying where it ended")
    void startInTheShallowBasin() {
        var bug = new GradientDescentSolution() {
            @Override public double[] globalStart() {
                return new double[] {-20, 20};
            }
        };
        assertEquals(Set.of("2.5: descent from it (alpha = 0.001) ends in the global minimum (-8.96, -10.96), f2 = -185.38"),
                failing(bug));
        String m = message(bug, "2.5", 1);
        assertTrue(m.startsWith("from [-20, 20] gradient descent converged after 66534 steps at (-0.0004, -2.5003), f = -0.6250"), m);
    }

    @Test
    @DisplayName("starting on the global minimum itself fails only the check that the start is at least 5 away")
    void startOnTheMinimum() {
        var bug = new GradientDescentSolution() {
            @Override public double[] globalStart() {
                return new double[] {-9, -11};
            }
        };
        assertEquals(Set.of("2.5: the start is in [-20, 20] x [-20, 20] and at least 5 away from the global minimum"),
                failing(bug));
    }

    @Test
    @DisplayName("the reference's paths and minima are the slides' numbers")
    void slidesNumbers() {
        var reference = new GradientDescentSolution();
        double[] path = reference.descend(org.nnlab.functions.Functions.parabola(), 5, 0.1, 3);
        assertEquals(3.048, path[3], 1e-12);
        double[] g = reference.gradient(GradientDescentChecks.F1_MINIMUM[0], 0);
        assertEquals(0, g[0], 1e-5);
        assertEquals(4.682, org.nnlab.functions.Functions.f1().value(GradientDescentChecks.F1_MINIMUM[0], 0), 5e-4);
    }
}
