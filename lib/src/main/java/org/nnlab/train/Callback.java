package org.nnlab.train;

/**
 * Hooks into {@link Trainer#fit}; every method does nothing by default. A callback reads the state
 * from the trainer ({@link Trainer#epoch()}, {@link Trainer#step()}, {@link Trainer#history()}, ...) and
 * may end training with {@link Trainer#requestStop(StopReason, String)}.
 *
 * <p>Order: onTrainBegin, then per epoch onEpochBegin, onBatchEnd after each optimiser step,
 * onEpochEnd after the epoch's metrics are in the history; finally onTrainEnd (also after a stop).
 */
public interface Callback {

    /** Before the first epoch. */
    default void onTrainBegin(Trainer trainer) {
    }

    /** Before each epoch (1-based). */
    default void onEpochBegin(Trainer trainer, int epoch) {
    }

    /**
     * After each optimiser step.
     *
     * @param step the global step, from 1
     * @param loss the loss of the batch the step trained on (before the step)
     */
    default void onBatchEnd(Trainer trainer, long step, double loss) {
    }

    /** After each epoch; the epoch's losses and accuracies are the history's last entries. */
    default void onEpochEnd(Trainer trainer, int epoch, History history) {
    }

    /** After training, however it ended (not when an exception escapes). */
    default void onTrainEnd(Trainer trainer, History history) {
    }
}
