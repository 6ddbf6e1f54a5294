package org.nnlab.exercises;

import java.util.Arrays;
import java.util.Locale;

/**
 * Assertions for exercise checks. Each failure is an {@link AssertionError} whose message a student
 * can act on: what was computed, what was expected, what came out, e.g.
 * {@code "sigmoid(-4.4): expected 0.01216 (± 0.0001) but was 0.9878"}.
 */
public final class Expect {

    private Expect() {
    }

    /** {@code |actual - expected| <= tolerance}, and {@code actual} is a number. */
    public static void near(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(what + ": expected " + fmt(expected) + " (± " + fmt(tolerance) + ") but was " + fmt(actual));
        }
    }

    /** Same length and every entry within {@code tolerance}; names the first entry that differs. */
    public static void near(double[] expected, double[] actual, double tolerance, String what) {
        notNull(actual, what);
        if (actual.length != expected.length) {
            throw new AssertionError(what + ": expected " + expected.length + " numbers " + fmt(expected)
                    + " but got " + actual.length + ": " + fmt(actual));
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) {
                throw new AssertionError(what + ": expected " + fmt(expected) + " but was " + fmt(actual)
                        + " (entry [" + i + "] differs by more than " + fmt(tolerance) + ")");
            }
        }
    }

    /** Same shape and every entry within {@code tolerance}; names the first entry that differs. */
    public static void near(double[][] expected, double[][] actual, double tolerance, String what) {
        notNull(actual, what);
        if (!sameShape(expected, actual)) {
            throw new AssertionError(what + ": expected a " + shape(expected) + " matrix but got " + shape(actual));
        }
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                if (!(Math.abs(actual[i][j] - expected[i][j]) <= tolerance)) {
                    throw new AssertionError(what + ": expected " + fmt(expected) + " but was " + fmt(actual)
                            + " (entry [" + i + "][" + j + "] differs)");
                }
            }
        }
    }

    /** {@code expected.equals(actual)}. */
    public static void equal(Object expected, Object actual, String what) {
        if (expected == null ? actual != null : !expected.equals(actual)) {
            throw new AssertionError(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void that(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    /** Fails when {@code value} is null. */
    public static void notNull(Object value, String what) {
        if (value == null) {
            throw new AssertionError(what + ": expected a result but got null");
        }
    }

    /** Runs {@code code} and returns what it threw; fails when it threw nothing or something else. */
    public static <T extends Throwable> T throwsA(Class<T> type, Runnable code, String what) {
        try {
            code.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof UnsupportedOperationException && Check.isNotImplemented(t)) {
                throw (UnsupportedOperationException) t;
            }
            throw new AssertionError(what + ": expected " + type.getSimpleName() + " but got " + t, t);
        }
        throw new AssertionError(what + ": expected " + type.getSimpleName() + " but nothing was thrown");
    }

    /** A number as the checks print it: 4 significant digits, integers without decimals. */
    public static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.valueOf((long) x);
        }
        return String.format(Locale.ROOT, "%.4g", x).replaceFirst("(\\.\\d*?)0+($|e)", "$1$2").replaceFirst("\\.($|e)", "$1");
    }

    static String fmt(double[] xs) {
        if (xs == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(xs[i]));
        }
        return b.append(']').toString();
    }

    static String fmt(double[][] m) {
        if (m == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < m.length; i++) {
            b.append(i == 0 ? "" : ", ").append(fmt(m[i]));
        }
        return b.append(']').toString();
    }

    private static boolean sameShape(double[][] a, double[][] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (b[i] == null || a[i].length != b[i].length) {
                return false;
            }
        }
        return true;
    }

    private static String shape(double[][] m) {
        if (m.length == 0) {
            return "0 x 0";
        }
        return m.length + " x " + (Arrays.stream(m).allMatch(r -> r != null && r.length == m[0].length)
                ? String.valueOf(m[0] == null ? 0 : m[0].length) : "ragged");
    }
}
