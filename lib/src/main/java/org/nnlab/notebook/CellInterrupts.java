package org.nnlab.notebook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.train.InterruptHandling;
import org.nnlab.train.Trainer;

/**
 * The kernel's {@link InterruptHandling}: an interrupted cell's training stops after its batch, as by
 * default, and the threads inside a {@link Trainer#fit} are known, so that {@link InterruptWatchdog}
 * leaves them to stop by themselves and the kernel can wait for them ({@link #isFitting}).
 * {@link InterruptWatchdog#start} installs it.
 */
public final class CellInterrupts implements InterruptHandling {

    private static final CellInterrupts INSTANCE = new CellInterrupts();
    private static final Set<Thread> FITTING = ConcurrentHashMap.newKeySet();

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

    @Override
    public boolean interrupted() {
        return THREAD_FLAG.interrupted();
    }

    @Override
    public void fitBegins(Trainer trainer) {
        FITTING.add(Thread.currentThread());
    }

    @Override
    public void fitEnds(Trainer trainer) {
        FITTING.remove(Thread.currentThread());
    }
}
