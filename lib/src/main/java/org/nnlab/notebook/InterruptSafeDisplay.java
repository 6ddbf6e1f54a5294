package org.nnlab.notebook;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A notebook {@link Display} whose calls neither fail because of a pending interrupt nor lose it.
 *
 * <p>Why: "Interrupt kernel" sets the interrupt flag of the thread running the cell, and JJava's
 * output then fails on that thread: its ZeroMQ socket throws {@code ZMQException: Errno 4 :
 * Interrupted function} and clears the flag. A live progress display drawn after the interrupt would
 * thus throw out of {@code Trainer.fit} and swallow the interrupt that was meant to stop it.
 *
 * <p>What: a call runs with the flag cleared and the flag is set again afterwards. When the interrupt
 * arrives during the call and the call fails because of it, the output is dropped (the next update
 * draws the same area again; {@link #show} then returns null) and the flag is set again.
 */
final class InterruptSafeDisplay implements Display {

    private final Display delegate;

    InterruptSafeDisplay(Display delegate) {
        this.delegate = delegate;
    }

    @Override
    public String show(Map<String, String> bundle) {
        return withPendingInterruptAside(() -> delegate.show(bundle));
    }

    @Override
    public void update(String id, Map<String, String> bundle) {
        withPendingInterruptAside(() -> {
            delegate.update(id, bundle);
            return null;
        });
    }

    @Override
    public boolean updatesInPlace() {
        return delegate.updatesInPlace();
    }

    /**
     * Runs {@code call} with the interrupt flag cleared and sets it again afterwards if it was set. A
     * failure caused by an interrupt that arrived during the call is dropped (null is returned) and the
     * flag set again; any other failure reaches the caller unchanged.
     */
    private static <T> T withPendingInterruptAside(Supplier<T> call) {
        boolean pending = Thread.interrupted();
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!causedByInterrupt(e)) {
                throw e;
            }
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (pending) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True for ZeroMQ's EINTR (errno 4) and for Java's interrupted waits and I/O, anywhere in the causes. */
    static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
            String message = t.getMessage();
            if (t.getClass().getSimpleName().equals("ZMQException") && message != null
                    && message.startsWith("Errno 4 ")) {
                return true;
            }
        }
        return false;
    }
}
