package org.nnlab.train;

/** Why {@link Trainer#fit} returned. */
public enum StopReason {
    /** All epochs ran. */
    COMPLETED,
    /** {@link EarlyStopping} saw no improvement for {@code patience} epochs. */
    EARLY_STOPPED,
    /** The loss became NaN/infinite or exploded; see {@link DivergenceCheck}. */
    DIVERGED,
    /** The training thread was interrupted (e.g. the notebook's stop button). */
    INTERRUPTED,
    /** A callback called {@link Trainer#requestStop}. */
    REQUESTED
}
