package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.data.Datasets;
import org.nnlab.data.Split;
import org.nnlab.loss.MeanSquaredError;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.optim.Sgd;
import org.nnlab.train.Callback;
import org.nnlab.train.History;
import org.nnlab.train.InterruptHandling;
import org.nnlab.train.StopReason;
import org.nnlab.train.Trainer;

class CellInterruptsTest {

    private final Split data = Datasets.structured(0.1, 5);
    private final List<Integer> asked = new ArrayList<>();   // what stopFits answered, call by call

    @BeforeEach
    void installTheKernels() {
        CellInterrupts.install();
    }

    @AfterEach
    void restoreTheDefault() {
        Trainer.interruptHandling(InterruptHandling.THREAD_FLAG);
    }

    private static Trainer trainer() {
        Sequential model = Sequential.of(new Linear(6, 2, Init.glorotUniform(1)));
        return new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.001)).quiet();
    }

    @Test
    @DisplayName("installed, it knows the threads inside a fit (this one, not another), and none after it")
    void knowsTheFittingThreads() {
        Thread other = new Thread(() -> { });
        List<Boolean> seen = new ArrayList<>();
        Trainer t = trainer().addCallback(new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                seen.add(CellInterrupts.isFitting(Thread.currentThread()) && !CellInterrupts.isFitting(other));
            }
        });
        t.fit(data.train(), 1, 16);
        assertTrue(!seen.isEmpty() && seen.stream().allMatch(b -> b), seen::toString);
        assertFalse(CellInterrupts.isFitting(Thread.currentThread()));
    }

    @Test
    @DisplayName("a fit that ends by an exception leaves the set too")
    void anExceptionLeavesTheSet() {
        Trainer t = trainer().addCallback(new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                throw new IllegalStateException("a broken callback");
            }
        });
        assertThrows(IllegalStateException.class, () -> t.fit(data.train(), 1, 16));
        assertFalse(CellInterrupts.isFitting(Thread.currentThread()));
    }

    @Test
    @DisplayName("an interrupt still stops the training after its batch, with the flag cleared")
    void anInterruptStops() {
        History h = trainer().addCallback(new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                if (step == 2) {
                    Thread.currentThread().interrupt();
                }
            }
        }).fit(data.train(), 5, 16);
        assertEquals(StopReason.INTERRUPTED, h.stopReason());
        assertEquals(2, h.steps());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    /** Runs {@code fit} on a thread named {@code name}, as JJava runs a cell, and returns its history. */
    private static History onThread(String name, java.util.function.Supplier<History> fit) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(fit.get());
            } catch (RuntimeException | Error e) {
                result.set(e);
            }
        }, name);
        t.start();
        t.join(60_000);
        assertFalse(t.isAlive(), "the fit on " + name + " did not end");
        if (!(result.get() instanceof History)) {
            throw new AssertionError("the fit on " + name + " failed", (Throwable) result.get());
        }
        return (History) result.get();
    }

    @Test
    @DisplayName("a stop asked for by stopFits ends a fit whose callback swallowed the interrupt, after that batch")
    void aRequestedStopOutlivesASwallowedInterrupt() throws InterruptedException {
        History h = onThread("jjava-exec-7", () -> trainer().addCallback(new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                if (step == 2) {
                    Thread.currentThread().interrupt();             // the kernel's interrupt ...
                    asked.add(CellInterrupts.stopFits("jjava-exec-"));   // ... and its request
                    try {
                        Thread.sleep(50);                           // a callback that swallows the interrupt
                    } catch (InterruptedException e) {
                        // goes on
                    }
                }
            }
        }).fit(data.train(), 5, 16));
        assertEquals(List.of(1), asked);
        assertEquals(StopReason.INTERRUPTED, h.stopReason());
        assertEquals(2, h.steps());
    }

    @Test
    @DisplayName("stopFits asks only the fits on threads of that prefix; a request left at a fit's end is not the next fit's")
    void requestsStayWithTheirThreadsAndFits() throws InterruptedException {
        Callback askAtTheEnd = new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                asked.add(CellInterrupts.stopFits("jjava-exec-"));
            }

            @Override
            public void onTrainEnd(Trainer trainer, History history) {
                CellInterrupts.stopFits("jjava-exec-");   // after the last check: fitEnds drops it
            }
        };
        History other = onThread("worker-1", () -> trainer().addCallback(askAtTheEnd).fit(data.train(), 2, 16));
        assertEquals(StopReason.COMPLETED, other.stopReason());
        assertTrue(asked.stream().allMatch(n -> n == 0), asked::toString);
        History next = onThread("jjava-exec-8", () -> {
            Trainer t = trainer();
            t.addCallback(new Callback() {
                @Override
                public void onTrainEnd(Trainer trainer, History history) {
                    CellInterrupts.stopFits("jjava-exec-");
                }
            });
            t.fit(data.train(), 1, 16);
            return t.fit(data.train(), 2, 16);   // the same thread, after a request left at the end of the last fit
        });
        assertEquals(StopReason.COMPLETED, next.stopReason());
        assertEquals(2, next.epochs());
    }

    @Test
    @DisplayName("stopFits without a prefix says what it expects")
    void stopFitsNeedsAPrefix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CellInterrupts.stopFits(""));
        assertTrue(e.getMessage().contains("CellInterrupts.stopFits") && e.getMessage().contains("jjava-exec-"),
                e.getMessage());
    }
}
