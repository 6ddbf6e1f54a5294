package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
        CellInterrupts.install();
        Split data = Datasets.structured(0.1, 5);
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
        CellInterrupts.install();
        Split data = Datasets.structured(0.1, 5);
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
        CellInterrupts.install();
        Split data = Datasets.structured(0.1, 5);
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
}
