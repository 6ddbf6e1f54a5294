package org.nnlab.notebook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.check.Args;

/**
 * Stops a notebook cell that ignores an interrupt, so that a student's endless loop does not keep
 * burning a core after "Interrupt kernel".
 *
 * <p>Why: JJava interrupts a cell by cancelling its task ({@code Future.cancel(true)}), which only
 * sets the thread's interrupt flag. The notebook gets its "interrupted" reply at once, but code that
 * never looks at the flag, such as {@code while (true) {}}, goes on running on its executor thread
 * until the kernel restarts (measured: 4.8 s of CPU in the 5 s after the interrupt). Library code
 * such as {@code Trainer.fit} checks the flag after each batch and stops by itself, clearing it.
 *
 * <p>What: a daemon thread looks every {@value #POLL_MILLIS} ms at the threads whose name starts
 * with the kernel's executor prefix. A thread that is still runnable with its interrupt flag set
 * {@value #GRACE_MILLIS} ms after it was first seen so has ignored the interrupt, and is stopped
 * with {@link Thread#stop()} (deprecated, and the only way to end a loop that never checks; it
 * works up to Java 19, later JDKs refuse it and the watchdog then says so once and gives up).
 */
public final class InterruptWatchdog {

    static final long POLL_MILLIS = 250;
    static final long GRACE_MILLIS = 2000;

    private static Thread watchdog;

    private final String prefix;
    private final Map<Thread, Long> interruptedSince = new ConcurrentHashMap<>();

    InterruptWatchdog(String prefix) {
        this.prefix = prefix;
    }

    /**
     * Starts the watchdog for the threads named {@code prefix...}; a second call does nothing.
     *
     * @param prefix the name prefix of the threads that run cells, e.g. {@code "jjava-exec-"}
     */
    public static synchronized void start(String prefix) {
        if (prefix == null || prefix.isBlank()) {
            throw Args.fail("InterruptWatchdog.start", "the name prefix of the threads that run notebook cells",
                    prefix == null ? null : "\"" + prefix + "\"", "JJava's cell threads are named \"jjava-exec-...\".");
        }
        if (watchdog != null && watchdog.isAlive()) {
            return;
        }
        CellInterrupts.install();
        InterruptWatchdog w = new InterruptWatchdog(prefix);
        watchdog = new Thread(w::run, "nnlab-interrupt-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void run() {
        while (true) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            if (!check(System.currentTimeMillis())) {
                return;
            }
        }
    }

    /** One look at the cell threads; false when stopping threads is not possible on this JDK. */
    boolean check(long now) {
        interruptedSince.keySet().removeIf(t -> !t.isAlive() || !t.isInterrupted());
        for (Thread t : allThreads()) {
            if (!t.getName().startsWith(prefix) || !t.isInterrupted() || t.getState() != Thread.State.RUNNABLE
                    || CellInterrupts.isFitting(t)) {   // a training stops by itself after its batch (and callbacks)
                continue;
            }
            long since = interruptedSince.computeIfAbsent(t, k -> now);
            if (now - since >= GRACE_MILLIS) {
                interruptedSince.remove(t);
                if (!stop(t)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The live threads, without taking their stacks (no safepoint pause for a running training). */
    private static Thread[] allThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        return java.util.Arrays.copyOf(threads, n);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static boolean stop(Thread t) {
        try {
            t.stop();
            return true;
        } catch (UnsupportedOperationException e) {
            System.err.println("nnlab: this JDK cannot stop a cell that ignores interrupts (" + e.getMessage()
                    + "); restart the kernel to end an endless loop.");
            return false;
        }
    }
}
