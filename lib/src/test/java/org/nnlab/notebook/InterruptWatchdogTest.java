package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InterruptWatchdogTest {

    private static Thread spinning(String name, AtomicLong counter) {
        Thread t = new Thread(() -> {
            while (true) {          // ignores interrupts, as a student's endless loop does
                counter.incrementAndGet();
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    @DisplayName("a cell thread that ignores its interrupt is stopped after the grace period, not before")
    void stopsALoopThatIgnoresTheInterrupt() throws InterruptedException {
        Thread loop = spinning("nnlab-test-cell-0", new AtomicLong());
        var watchdog = new InterruptWatchdog("nnlab-test-cell-");
        assertTrue(watchdog.check(0), "not interrupted: nothing to do");
        loop.interrupt();
        assertTrue(watchdog.check(1_000));
        assertTrue(watchdog.check(1_000 + InterruptWatchdog.GRACE_MILLIS - 1));
        Thread.sleep(200);
        assertTrue(loop.isAlive(), "stopped before the grace period ended");
        assertTrue(watchdog.check(1_000 + InterruptWatchdog.GRACE_MILLIS));
        loop.join(5_000);
        assertFalse(loop.isAlive(), "the loop is still running after the watchdog stopped it");
    }

    @Test
    @DisplayName("a training (Trainer.fit) is left alone: it looks at the flag after every batch and stops by itself")
    void leavesATrainingAlone() throws InterruptedException {
        var data = org.nnlab.data.Datasets.structured(0.1, 5);
        var model = org.nnlab.nn.Sequential.of(new org.nnlab.nn.Linear(6, 2));
        var trainer = new org.nnlab.train.Trainer(model, new org.nnlab.loss.MeanSquaredError(),
                new org.nnlab.optim.Sgd(model.parameters(), 0.001)).quiet();
        var watchdog = new InterruptWatchdog("nnlab-test-cell-");
        CellInterrupts.install();   // as InterruptWatchdog.start does
        var reason = new java.util.concurrent.atomic.AtomicReference<Object>();
        trainer.addCallback(new org.nnlab.train.Callback() {
            @Override
            public void onEpochEnd(org.nnlab.train.Trainer t, int epoch, org.nnlab.train.History h) {
                if (epoch == 2) {   // interrupted during a slow epoch end (a chart, say): the flag stays set
                    Thread.currentThread().interrupt();
                    watchdog.check(0);
                    watchdog.check(InterruptWatchdog.GRACE_MILLIS * 10);
                    Thread.interrupted();
                    Thread.currentThread().interrupt();   // still alive: the training notices after the next batch
                }
            }
        });
        Thread cell = new Thread(() -> reason.set(trainer.fit(data.train(), 1_000, 8).stopReason()), "nnlab-test-cell-9");
        cell.start();
        cell.join(30_000);
        org.nnlab.train.Trainer.interruptHandling(org.nnlab.train.InterruptHandling.THREAD_FLAG);
        assertEquals(org.nnlab.train.StopReason.INTERRUPTED, reason.get());
    }

    @Test
    @DisplayName("threads of other names and threads that are not interrupted are left alone")
    void leavesOtherThreadsAlone() throws InterruptedException {
        Thread other = spinning("someone-else-0", new AtomicLong());
        Thread cell = spinning("nnlab-test-cell-1", new AtomicLong());
        other.interrupt();
        var watchdog = new InterruptWatchdog("nnlab-test-cell-");
        watchdog.check(0);
        watchdog.check(60_000);
        Thread.sleep(200);
        assertTrue(other.isAlive());
        assertTrue(cell.isAlive());
        other.stop();
        cell.stop();
    }

    @Test
    void aPrefixIsRequired() {
        var e = assertThrows(IllegalArgumentException.class, () -> InterruptWatchdog.start(" "));
        assertTrue(e.getMessage().startsWith("InterruptWatchdog.start: expected the name prefix"), e.getMessage());
    }
}
