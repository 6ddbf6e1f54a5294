package org.nnlab.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MinimizerTest {

    @Test
    @DisplayName("the parabola's minimum is x = 1, f = 3.5")
    void parabolaMinimum() {
        MinimizerResult r = new Minimizer(0.1, 10_000).minimize(Functions.parabola(), 5.0);
        assertTrue(r.converged(), r::toString);
        assertEquals(1.0, r.x(), 1e-6);
        assertEquals(3.5, r.value(), 1e-10);
        assertEquals(r.steps() + 1, r.path().size());
        assertEquals(5.0, r.path().get(0)[0]);
        assertEquals(19.5, r.values().get(0));
        // first step by hand: 5 - 0.1 * 2 * (5 - 1) = 4.2
        assertEquals(4.2, r.path().get(1)[0], 1e-12);
        assertTrue(r.toString().startsWith("converged after " + r.steps() + " steps at x = 1.0000, f = 3.5000"),
                r.toString());
    }

    @Test
    @DisplayName("alpha = 1 on the parabola oscillates forever and stops at the step budget")
    void maxSteps() {
        MinimizerResult r = new Minimizer(1.0, 50).minimize(Functions.parabola(), 3.0);
        assertEquals(MinimizerResult.Status.MAX_STEPS, r.status());
        assertEquals(50, r.steps());
        assertTrue(r.toString().contains("maximum of 50 steps"), r.toString());
    }

    @Test
    @DisplayName("f1's minimum is (0.4554, 0), f = 4.682")
    void f1Minimum() {
        MinimizerResult r = new Minimizer(0.01, 100_000).minimize(Functions.f1(), 3, 3);
        assertTrue(r.converged(), r::toString);
        assertEquals(0.4554, r.x(), 1e-4);
        assertEquals(0.0, r.y(), 1e-4);
        assertEquals(4.682, r.value(), 1e-3);
    }

    @Nested
    @DisplayName("f1's learning-rate thresholds from the slides")
    class Thresholds {

        @ParameterizedTest(name = "alpha = {2} diverges from ({0}, {1})")
        @CsvSource({"25, 25, 1e-3", "10, 10, 0.01", "3, 3, 0.05", "1, 1, 0.2"})
        void diverges(double x0, double y0, double alpha) {
            MinimizerResult r = new Minimizer(alpha, 100_000).minimize(Functions.f1(), x0, y0);
            assertTrue(r.diverged(), r::toString);
            assertTrue(r.steps() <= 10, r::toString);
            assertTrue(r.toString().startsWith("diverged at step " + r.steps()), r.toString());
        }

        // measured thresholds (bisection): 7.84e-4 from (25,25), 4.77e-3 from (10,10), 0.04545 from (3,3),
        // 0.1667 from (1,1)
        @ParameterizedTest(name = "alpha = {2} converges from ({0}, {1})")
        @CsvSource({"25, 25, 5e-4", "10, 10, 1e-3", "3, 3, 0.04", "1, 1, 0.1"})
        void smallerAlphaConverges(double x0, double y0, double alpha) {
            MinimizerResult r = new Minimizer(alpha, 100_000).minimize(Functions.f1(), x0, y0);
            assertTrue(r.converged(), r::toString);
            assertEquals(0.4554, r.x(), 1e-3);
            assertEquals(4.682, r.value(), 1e-3);
        }
    }

    @Nested
    @DisplayName("f2's three minima")
    class F2 {

        @Test
        @DisplayName("from (-20, 20) with alpha 1e-3 it lands in the shallow minimum near (0, -2.5)")
        void shallowMinimumFromTheSlidesStart() {
            MinimizerResult r = new Minimizer(1e-3, 200_000).minimize(Functions.f2(), -20, 20);
            assertTrue(r.converged(), r::toString);
            assertEquals(0.0, r.x(), 1e-2);
            assertEquals(-2.5, r.y(), 1e-2);
            assertEquals(-0.625, r.value(), 1e-3);
        }

        @Test
        void localMinimumNearEleven() {
            MinimizerResult r = new Minimizer(1e-2, 10_000).minimize(Functions.f2(), 11, 8);
            assertTrue(r.converged(), r::toString);
            assertEquals(11.44, r.x(), 1e-2);
            assertEquals(8.15, r.y(), 1e-2);
            assertEquals(-76.07, r.value(), 1e-2);
        }

        @Test
        void globalMinimum() {
            MinimizerResult r = new Minimizer(1e-2, 10_000).minimize(Functions.f2(), -8, -10);
            assertTrue(r.converged(), r::toString);
            assertEquals(-8.96, r.x(), 1e-2);
            assertEquals(-10.96, r.y(), 1e-2);
            assertEquals(-185.38, r.value(), 1e-2);
        }
    }

    @Test
    void numericalGradientIsEnoughToDescend() {
        Function2 bowl = Function2.of("(x-2)^2 + (y+1)^2", (x, y) -> (x - 2) * (x - 2) + (y + 1) * (y + 1));
        MinimizerResult r = new Minimizer(0.1, 10_000).minimize(bowl, 0, 0);
        assertTrue(r.converged());
        assertEquals(2, r.x(), 1e-6);
        assertEquals(-1, r.y(), 1e-6);
    }

    @Test
    void yOfAOneVariableRunExplains() {
        MinimizerResult r = new Minimizer(0.1, 10).minimize(Functions.parabola(), 0);
        assertFalse(r.converged());
        var e = assertThrows(IllegalStateException.class, r::y);
        assertTrue(e.getMessage().contains("function of one variable"));
    }

    @Test
    void invalidArgumentsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Minimizer(-0.1, 10));
        assertEquals("Minimizer: expected a learning rate alpha > 0 but was -0.1.\n"
                + "Hint: the workshop uses values such as 0.1, 0.01 or 0.001.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Minimizer(0.1, 0));
        assertTrue(e.getMessage().startsWith("Minimizer: expected maxSteps > 0 but was 0."));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Minimizer(0.1, 10).minimize(Functions.f1(), Double.NaN, 0));
        assertTrue(e.getMessage().startsWith("Minimizer.minimize: expected a finite start (x0, y0) but was (NaN, 0.0)."),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Minimizer(0.1, 10).tolerance(0));
        assertTrue(e.getMessage().startsWith("Minimizer.tolerance: expected a tolerance > 0 but was 0.0."));
    }
}
