package org.nnlab.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Function2Test {

    @Test
    void numericalGradientWhenNoneIsGiven() {
        Function2 f = Function2.of("x^2 y", (x, y) -> x * x * y);
        assertArrayEquals(new double[] {12, 4}, f.gradient(2, 3), 1e-7);
    }

    @Test
    void nullFunctionIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Function2.of("f", null));
        assertTrue(e.getMessage().startsWith("Function2.of: expected a function (x, y) -> f(x, y) but was null."),
                e.getMessage());
    }
}
