package org.nnlab.notebook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the messages of errors that reach a notebook from below the library (ND4J, the JVM,
 * JShell) into the library's style: which operation, what was expected, what was received, a hint.
 * The "Java (nnlab)" kernel calls {@link #explain} for every error a cell raises; a message no rule
 * knows is returned as it is.
 *
 * <p>Examples:
 * <pre>
 * IllegalStateException: Cannot perform operation "addi" - shapes are not equal and are not
 *   broadcastable.first.shape=[3, 4], second.shape=[4, 3]
 * becomes
 * add: expected two arrays of the same shape (or shapes that broadcast: equal or 1 in each dimension,
 *   e.g. [3, 4] with [1, 4]) but was [3, 4] and [4, 3].
 * Hint: the second is the first transposed: call .transpose() on one of them.
 *
 * NullPointerException: Cannot invoke "String.length()" because "REPL.$JShell$48.s" is null
 * becomes
 * Cannot invoke "String.length()" because "s" is null.
 * Hint: s has no value (null): assign it before this line, or run the cell that does.
 * </pre>
 */
public final class ErrorMessages {

    private static final String SHAPE = "(\\[[^\\]]*\\])";
    private static final Pattern BROADCAST = Pattern.compile("Cannot perform operation \"(\\w+)\" - shapes are not"
            + " equal and are not broadcastable\\.\\s*first\\.shape=" + SHAPE + ",\\s*second\\.shape=" + SHAPE);
    private static final Pattern MMUL = Pattern.compile("Cannot execute matrix multiplication: " + SHAPE + "x" + SHAPE
            + ": Column of left array (\\d+) != rows of right (\\d+)");
    private static final Pattern ROW_VECTOR = Pattern.compile("Mismatched shapes \\(shape = " + SHAPE
            + ", row vector shape =\\s*" + SHAPE + "\\)");
    /** JShell's synthetic class of a notebook variable or class, as in "REPL.$JShell$48.s" or "REPL.$JShell$12$Box". */
    private static final Pattern REPL_CLASS = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]?[.$]");
    private static final Pattern NULL_NAME = Pattern.compile("because \"([\\w$.]+)\" is null");

    private ErrorMessages() {
    }

    /**
     * The message a student should read for an exception of class {@code exceptionClass} (binary
     * name, e.g. {@code java.lang.IllegalStateException}) with message {@code message}.
     */
    public static String explain(String exceptionClass, String message) {
        if (message == null) {
            return "";
        }
        Matcher m = BROADCAST.matcher(message);
        if (m.find()) {
            return elementWise(m.group(1), m.group(2), m.group(3));
        }
        m = MMUL.matcher(message);
        if (m.find()) {
            return "mmul: expected the left array's columns to equal the right array's rows ([n, k] x [k, m]) but was "
                    + m.group(1) + " x " + m.group(2) + " (" + m.group(3) + " columns, " + m.group(4) + " rows).\n"
                    + "Hint: " + (reversed(m.group(1), m.group(2)) || m.group(1).equals(m.group(2))
                    ? "transpose one of them (.transpose()), e.g. x.mmul(w.transpose())."
                    : "check the order: a.mmul(b) needs a's last size to be b's first size.");
        }
        m = ROW_VECTOR.matcher(message);
        if (m.find()) {
            return "addRowVector (or sub/mul/divRowVector): expected a row vector with one value per column of the "
                    + m.group(1) + " array but was " + m.group(2) + ".\n"
                    + "Hint: the vector needs shape [1, columns]; use addColumnVector for one value per row.";
        }
        String cleaned = REPL_CLASS.matcher(message).replaceAll("");
        if ("java.lang.NullPointerException".equals(exceptionClass)) {
            Matcher name = NULL_NAME.matcher(cleaned);
            if (name.find()) {
                return cleaned + ".\nHint: " + name.group(1) + " has no value (null): assign it before this line,"
                        + " or run the cell that does.";
            }
        }
        return cleaned;
    }

    private static String elementWise(String ndOperation, String first, String second) {
        // ND4J names the in-place variant it runs ("addi" for add); the student called the plain one
        String op = ndOperation.endsWith("i") ? ndOperation.substring(0, ndOperation.length() - 1) : ndOperation;
        String hint = reversed(first, second)
                ? "the second is the first transposed: call .transpose() on one of them."
                : "element-wise operations need equal shapes; look at both with .shape(), and use mmul for a"
                + " matrix product.";
        return op + ": expected two arrays of the same shape (or shapes that broadcast: equal or 1 in each"
                + " dimension, e.g. [3, 4] with [1, 4]) but was " + first + " and " + second + ".\nHint: " + hint;
    }

    /** True for "[3, 4]" and "[4, 3]": one shape is the other reversed (and they differ). */
    private static boolean reversed(String a, String b) {
        String[] x = a.replaceAll("[\\[\\] ]", "").split(",");
        String[] y = b.replaceAll("[\\[\\] ]", "").split(",");
        if (x.length != y.length || a.equals(b)) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!x[i].equals(y[x.length - 1 - i])) {
                return false;
            }
        }
        return true;
    }
}
