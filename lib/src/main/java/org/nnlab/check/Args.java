package org.nnlab.check;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Argument checks whose messages follow the project pattern
 * {@code "<Class>.<method>: expected ... but was ... .\nHint: ..."}.
 *
 * <p>Example: {@code Args.require(alpha > 0, "Minimizer.minimize", "a learning rate alpha > 0", alpha,
 * "try 0.01")} throws, for alpha = -1,
 * <pre>Minimizer.minimize: expected a learning rate alpha &gt; 0 but was -1.0.
 * Hint: try 0.01</pre>
 */
public final class Args {

    private Args() {
    }

    /** The message of the project pattern, without throwing. */
    public static String message(String where, String expected, Object was, String hint) {
        return where + ": expected " + expected + " but was " + describe(was) + ".\nHint: " + hint;
    }

    /** An {@link IllegalArgumentException} with the project's message pattern. */
    public static IllegalArgumentException fail(String where, String expected, Object was, String hint) {
        return new IllegalArgumentException(message(where, expected, was, hint));
    }

    /**
     * Throws {@link #fail} unless {@code condition} holds.
     *
     * @throws IllegalArgumentException when {@code condition} is false
     */
    public static void require(boolean condition, String where, String expected, Object was, String hint) {
        if (!condition) {
            throw fail(where, expected, was, hint);
        }
    }

    /**
     * Requires a non-null array.
     *
     * @throws IllegalArgumentException when {@code array} is null
     */
    public static INDArray requireArray(INDArray array, String where, String what) {
        if (array == null) {
            throw fail(where, what + " (an INDArray)", null,
                    "pass an INDArray, e.g. Nd4j.createFromArray(new double[][] {...}).");
        }
        return array;
    }

    /** The shape as {@code [2, 3]}. */
    public static String shape(INDArray array) {
        return array == null ? "null" : Arrays.toString(array.shape());
    }

    private static String describe(Object was) {
        if (was == null) {
            return "null";
        }
        if (was instanceof INDArray a) {
            return "an array of shape " + shape(a);
        }
        if (was instanceof long[] s) {
            return Arrays.toString(s);
        }
        if (was instanceof int[] s) {
            return Arrays.toString(s);
        }
        if (was instanceof double[] s) {
            return Arrays.toString(s);
        }
        return String.valueOf(was);
    }
}
