package org.nnlab.train;

/**
 * Thrown by {@link Trainer#fit} when the loss diverged (see {@link DivergenceCheck}); carries the
 * history up to the explosion.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient History history;

    TrainingDivergedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** The history up to and including the step that diverged. */
    public History history() {
        return history;
    }
}
