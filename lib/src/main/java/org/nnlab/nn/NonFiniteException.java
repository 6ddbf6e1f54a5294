package org.nnlab.nn;

/**
 * Thrown in checked mode ({@link Sequential#checked(boolean)}) when a layer produces NaN or infinite
 * values; the message names the layer, the pass (forward or backward, and its number) and a hint.
 */
public final class NonFiniteException extends ArithmeticException {

    private final int layerIndex;
    private final String phase;
    private final long pass;

    NonFiniteException(String message, int layerIndex, String phase, long pass) {
        super(message);
        this.layerIndex = layerIndex;
        this.phase = phase;
        this.pass = pass;
    }

    /** The index of the layer in the model, or -1 for the model's input. */
    public int layerIndex() {
        return layerIndex;
    }

    /** {@code "forward"} or {@code "backward"}. */
    public String phase() {
        return phase;
    }

    /** The number of the forward (or backward) pass, counted from 1 since the model was built. */
    public long pass() {
        return pass;
    }
}
