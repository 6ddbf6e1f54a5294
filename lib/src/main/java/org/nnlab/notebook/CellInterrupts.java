package org.nnlab.notebook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.check.Args;
import org.nnlab.train.InterruptHandling;
import org.nnlab.train.Trainer;

/**
 * The kernel's {@link InterruptHandling}: an interrupted cell's training stops after its batch, as by
 * default, and the threads inside a {@link Trainer#fit} are known, so that {@link InterruptWatchdog}
 * leaves them to stop by themselves and the kernel can ask them to stop ({@link #stopFits}: an interrupt
 * flag that code in a callback swallowed does not keep a training running) and wait for them
 * ({@link #isFitting}).
 * {@link InterruptWatchdog#start} installs it.
 */
public final class CellInterrupts implements InterruptHandling {

    private static final CellInterrupts INSTANCE = new CellInterrupts();
    private static final Set<Thread> FITTING = ConcurrentHashMap.newKeySet();
    private static final Set<Thread> STOP_REQUESTED = ConcurrentHashMap.newKeySet();

    private CellInterrupts() {
    }

    /** Makes every fit from now on report its thread here. */
    public static void install() {
        Trainer.interruptHandling(INSTANCE);
    }

    /** Whether {@code thread} is inside a fit, which looks at the interrupt flag after every batch and stops by itself. */
    public static boolean isFitting(Thread thread) {
        return FITTING.contains(thread);
    }

    /**
     * Asks each fit running on a thread named {@code threadPrefix...} to stop after its batch, whether or
     * not that thread's interrupt flag lasts until then: code that catches {@link InterruptedException}
     * and goes on, such as a callback that sleeps, clears it. The kernel calls this when it interrupts
     * its cells.
     *
     * @return how many fits were asked to stop
     */
    public static int stopFits(String threadPrefix) {
        Args.require(threadPrefix != null && !threadPrefix.isEmpty(), "CellInterrupts.stopFits",
                "the name prefix of the threads that run cells", threadPrefix == null ? null : "\"\"",
                "JJava's cell threads are named \"jjava-exec-...\".");
        int asked = 0;
        for (Thread t : FITTING) {
            if (t.getName().startsWith(threadPrefix) && STOP_REQUESTED.add(t)) {
                asked++;
            }
        }
        return asked;
    }

    /** Takes the thread's interrupt flag and a stop asked for by {@link #stopFits}; true if either was set. */
    @Override
    public boolean interrupted() {
        boolean flag = THREAD_FLAG.interrupted();
        return STOP_REQUESTED.remove(Thread.currentThread()) || flag;
    }

    @Override
    public void fitBegins(Trainer trainer) {
        STOP_REQUESTED.remove(Thread.currentThread());   // a request for an earlier fit is not this one's
        FITTING.add(Thread.currentThread());
    }

    @Override
    public void fitEnds(Trainer trainer) {
        FITTING.remove(Thread.currentThread());
        STOP_REQUESTED.remove(Thread.currentThread());
    }
}
