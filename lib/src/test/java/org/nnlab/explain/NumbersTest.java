package org.nnlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    private final Numbers two = new Numbers(2);

    @Test
    void roundsToSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0.012", two.format(1 / (1 + Math.exp(4.4))));
        assertEquals("-4.1", two.format(-3.8 + -0.3));
        assertEquals("0.5", two.format(0.5));
        assertEquals("10", two.format(10.0));
        assertEquals("0.89", two.format(0.8909));
        assertEquals("120", two.format(123.4));
        assertEquals("0.01213", new Numbers(4).format(1 / (1 + Math.exp(4.4))));
    }

    @Test
    void roundingErrorsOfZeroAreZero() {
        assertEquals("0", two.format(4.5 + 3.3 - 7.8));
        assertEquals("0", two.format(-0.0));
    }

    @Test
    void negativeOperandsInParentheses() {
        assertEquals("(-3.8)", two.operand(-3.8));
        assertEquals("3.9", two.operand(3.9));
    }
}
