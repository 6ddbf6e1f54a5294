package org.nnlab.explain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as the slides write them: rounded to a few significant digits, without trailing zeros
 * ({@code -4.1}, {@code 0.012}, {@code 0.5}, {@code 7.8}), and a negative number in parentheses
 * where it follows an operator ({@code -4.1 + (-0.3)}).
 */
final class Numbers {

    /** Below this size a sum is a rounding error of 0 (e.g. 4.5 + 3.3 - 7.8) and is written 0. */
    static final double ZERO = 1e-9;

    private final MathContext precision;

    Numbers(int significantDigits) {
        this.precision = new MathContext(significantDigits);
    }

    /** v rounded to the significant digits: 0.012134 -> "0.012", -4.1000000001 -> "-4.1", 10.0 -> "10". */
    String format(double v) {
        if (Math.abs(v) < ZERO) {
            return "0";
        }
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).round(precision).stripTrailingZeros().toPlainString();
    }

    /** The number as an operand after an operator: negative ones in parentheses, "(-3.8)". */
    String operand(double v) {
        String s = format(v);
        return s.startsWith("-") ? "(" + s + ")" : s;
    }
}
