package org.nnlab.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Function1Test {

    @Test
    void numericalDerivativeWhenNoneIsGiven() {
        Function1 cube = Function1.of("x^3", x -> x * x * x);
        assertEquals(12.0, cube.derivative(2), 1e-8);
        assertEquals("f(x) = x^3", cube.toString());
    }

    @Test
    void analyticDerivativeIsUsedWhenGiven() {
        Function1 f = Function1.of("wrong on purpose", x -> x * x, x -> 42);
        assertEquals(42, f.derivative(1), 0);
        assertEquals(2, f.numericalDerivative(1), 1e-8);
    }

    @Test
    void nullFunctionIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Function1.of("f", null));
        assertTrue(e.getMessage().startsWith("Function1.of: expected a function x -> f(x) but was null.\nHint:"),
                e.getMessage());
    }
}
