package org.nnlab.nn;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Argument and call-order checks whose messages name the layer, the expected and the received shape. */
public final class Shapes {

    private Shapes() {
    }

    /**
     * Requires a rank-2 input {@code [batch, features]}.
     *
     * @throws IllegalArgumentException naming {@code layer} and both shapes otherwise
     */
    public static void requireFeatures(Object layer, INDArray x, long features) {
        if (x == null) {
            throw new IllegalArgumentException(layer + ".forward: expected input of shape [batch, " + features
                    + "] but was null. Hint: pass an INDArray, e.g. Nd4j.createFromArray(new double[][] {...}).");
        }
        if (x.rank() != 2 || x.size(1) != features) {
            String hint = x.rank() > 2
                    ? "add a Flatten layer, or check the previous layer's output size."
                    : x.rank() < 2
                            ? "a single sample is a row: use x.reshape(1, " + features + ")."
                            : "check the previous layer's output size.";
            throw new IllegalArgumentException(layer + ".forward: expected input of shape [batch, " + features
                    + "] but was " + Arrays.toString(x.shape()) + ".\nHint: " + hint);
        }
    }

    /**
     * Requires that {@code forward} ran before {@code backward}.
     *
     * @throws IllegalStateException otherwise
     */
    public static void requireForwardCalled(Object layer, Object cached) {
        if (cached == null) {
            throw new IllegalStateException(layer + ".backward: call forward() first; backward needs the input"
                    + " that forward caches.");
        }
    }

    /**
     * Requires that the gradient flowing back has the shape of the output forward produced.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static void requireSameShape(Object layer, String what, long[] expected, INDArray actual) {
        if (!Arrays.equals(expected, actual.shape())) {
            throw new IllegalArgumentException(layer + ".backward: expected " + what + " of shape "
                    + Arrays.toString(expected) + " but was " + Arrays.toString(actual.shape())
                    + ".\nHint: backward takes dL/d(output) of the last forward call, with the output's shape.");
        }
    }
}
