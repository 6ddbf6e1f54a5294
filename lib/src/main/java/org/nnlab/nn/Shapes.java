package org.nnlab.nn;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * Argument and call-order checks whose messages name the layer, the expected and the received shape,
 * and give a hint, in the project's form ({@link Args#message}):
 * <pre>
 * Linear(784 -> 128).forward: expected input of shape [batch, 784] but was [32, 28, 28].
 * Hint: add a Flatten layer, or check the previous layer's output size.
 * </pre>
 * Shapes given to {@code outputShape} may use -1 for the batch; {@link #format(long[])} prints it as
 * {@code batch}.
 */
public final class Shapes {

    private Shapes() {
    }

    /** Prints a shape as {@code [32, 784]}, with a batch dimension of -1 shown as {@code batch}. */
    public static String format(long[] shape) {
        return Arrays.stream(shape).mapToObj(d -> d < 0 ? "batch" : Long.toString(d))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Requires a rank-2 input {@code [batch, features]}.
     *
     * @throws IllegalArgumentException naming {@code layer} and both shapes otherwise
     */
    public static void requireFeatures(Object layer, INDArray x, long features) {
        if (x == null) {
            throw Args.fail(layer + ".forward", "input of shape [batch, " + features + "]", null,
                    "pass an INDArray, e.g. Nd4j.createFromArray(new double[][] {...}).");
        }
        requireFeatures(layer, "forward", x.shape(), features);
    }

    /**
     * Requires a shape {@code [batch, features]}; {@code method} names the caller in the message
     * ({@code "forward"} or {@code "outputShape"}).
     *
     * @throws IllegalArgumentException naming {@code layer} and both shapes otherwise
     */
    public static void requireFeatures(Object layer, String method, long[] shape, long features) {
        if (shape.length != 2 || shape[1] != features) {
            String hint = shape.length > 2
                    ? "add a Flatten layer, or check the previous layer's output size."
                    : shape.length < 2
                            ? "a single sample is a row: use x.reshape(1, " + features + ")."
                            : "check the previous layer's output size.";
            throw Args.fail(layer + "." + method, "input of shape [batch, " + features + "]", format(shape), hint);
        }
    }

    /**
     * Requires an image batch {@code [batch, channels, height, width]} with {@code channels} channels
     * (any channel count when {@code channels} is negative).
     *
     * @throws IllegalArgumentException naming {@code layer} and both shapes otherwise
     */
    public static void requireImages(Object layer, String method, long[] shape, long channels) {
        String expected = "[batch, " + (channels < 0 ? "channels" : Long.toString(channels)) + ", height, width]";
        if (shape == null) {
            throw Args.fail(layer + "." + method, "input of shape " + expected, null, "pass an INDArray.");
        }
        if (shape.length != 4) {
            throw Args.fail(layer + "." + method, "input of shape " + expected, format(shape),
                    "images are [batch, channels, height, width]; reshape flat rows, e.g. x.reshape(batch, 1, 28, 28)"
                            + " for MNIST.");
        }
        if (channels >= 0 && shape[1] != channels) {
            throw Args.fail(layer + "." + method, "input of shape " + expected, format(shape),
                    "the channel count is dimension 1; check the previous layer's output channels.");
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
        if (actual == null || !Arrays.equals(expected, actual.shape())) {
            throw Args.fail(layer + ".backward", what + " of shape " + format(expected),
                    actual == null ? null : format(actual.shape()),
                    "backward takes dL/d(output) of the last forward call, with the output's shape.");
        }
    }
}
