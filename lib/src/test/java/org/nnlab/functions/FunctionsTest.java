package org.nnlab.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionsTest {

    @Test
    @DisplayName("the parabola has its known values and derivative")
    void parabolaValues() {
        Function1 f = Functions.parabola();
        assertEquals(3.5, f.value(1), 0);
        assertEquals(7.5, f.value(3), 0);
        assertEquals(4.0, f.derivative(3), 0);
    }

    @ParameterizedTest
    @CsvSource({"-3", "-0.5", "0", "1", "2.5", "10"})
    @DisplayName("the parabola's analytic derivative matches central differences")
    void parabolaGradientCheck(double x) {
        Function1 f = Functions.parabola();
        assertEquals(f.numericalDerivative(x), f.derivative(x), 1e-6 * Math.max(1, Math.abs(f.derivative(x))));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1,1", "-2,0.5", "3,3", "0.4554,0", "-1.5,-2.5"})
    @DisplayName("f1's analytic gradient matches central differences")
    void f1GradientCheck(double x, double y) {
        assertGradientMatches(Functions.f1(), x, y);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "-20,20", "11,8", "12,9", "-9,-11", "-8,-10", "0,-2.5", "5,-5"})
    @DisplayName("f2's analytic gradient matches central differences")
    void f2GradientCheck(double x, double y) {
        assertGradientMatches(Functions.f2(), x, y);
    }

    @Test
    @DisplayName("f1 and f2 have the slides' values at their minima")
    void knownValues() {
        assertEquals(4.682, Functions.f1().value(0.4554, 0), 1e-3);
        assertEquals(-0.625, Functions.f2().value(0, -2.5), 1e-3);
        assertEquals(-185.38, Functions.f2().value(-8.9552, -10.9577), 1e-2);
    }

    private static void assertGradientMatches(Function2 f, double x, double y) {
        double[] analytic = f.gradient(x, y);
        double[] numeric = f.numericalGradient(x, y);
        for (int i = 0; i < 2; i++) {
            double scale = Math.max(1, Math.abs(analytic[i]));
            assertEquals(numeric[i], analytic[i], 1e-6 * scale, "component " + i + " at (" + x + ", " + y + ")");
        }
    }
}
