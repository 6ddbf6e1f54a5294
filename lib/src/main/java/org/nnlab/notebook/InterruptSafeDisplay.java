package org.nnlab.notebook;

import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Map;

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
        boolean pending = Thread.interrupted();
        try {
            return delegate.show(bundle);
        } catch (RuntimeException e) {
            return dropIfInterrupted(e, null);
        } finally {
            if (pending) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void update(String id, Map<String, String> bundle) {
        boolean pending = Thread.interrupted();
        try {
            delegate.update(id, bundle);
        } catch (RuntimeException e) {
            dropIfInterrupted(e, null);
        } finally {
            if (pending) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean updatesInPlace() {
        return delegate.updatesInPlace();
    }

    /** Rethrows {@code e} unless an interrupt caused it; then sets the flag again and returns {@code value}. */
    private static <T> T dropIfInterrupted(RuntimeException e, T value) {
        if (!causedByInterrupt(e)) {
            throw e;
        }
        Thread.currentThread().interrupt();
        return value;
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
