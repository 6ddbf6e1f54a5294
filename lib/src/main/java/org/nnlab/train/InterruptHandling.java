package org.nnlab.train;

/**
 * How {@link Trainer#fit} takes a request to stop from outside its thread. Fit asks {@link #interrupted()}
 * after each batch (before the batch's callbacks, so that they run with the request taken), after the
 * batch's callbacks, and after the validation; on {@code true} it stops with
 * {@link StopReason#INTERRUPTED} and returns the history so far.
 *
 * <p>The default, {@link #THREAD_FLAG}, takes the thread's interrupt flag (and clears it, the interrupt
 * having been handled). An environment that must also know which threads are inside a fit, such as a
 * notebook kernel that stops runaway cells, installs its own with {@link Trainer#interruptHandling}.
 */
@FunctionalInterface
public interface InterruptHandling {

    /** Takes and clears the thread's interrupt flag ({@link Thread#interrupted()}). */
    InterruptHandling THREAD_FLAG = Thread::interrupted;

    /** Whether fit should stop now; called on the training thread. */
    boolean interrupted();

    /** Called on the training thread as {@code fit} begins. */
    default void fitBegins(Trainer trainer) {
    }

    /** Called on the training thread as {@code fit} ends, normally or by an exception. */
    default void fitEnds(Trainer trainer) {
    }
}
