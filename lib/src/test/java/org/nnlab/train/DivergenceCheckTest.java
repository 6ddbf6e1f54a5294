package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.data.Datasets;

class DivergenceCheckTest {

    /** Runs the check on a sequence of losses and tells whether the trainer was asked to stop. */
    private static History run(double factor, double... losses) {
        Trainer trainer = TrainTesting.linearTrainer(0.01).allowDivergence();
        DivergenceCheck check = new DivergenceCheck(factor);
        Callback feed = new Callback() {
            @Override
            public void onTrainBegin(Trainer t) {
                check.onTrainBegin(t);
            }

            @Override
            public void onBatchEnd(Trainer t, long step, double loss) {
                if (step <= losses.length) {
                    check.onBatchEnd(t, step, losses[(int) step - 1]);
                }
            }
        };
        return trainer.addCallback(feed).fit(Datasets.structured(0.1, 1).train(), 1, 8);
    }

    @Test
    void explosionBeyondTheFactorStops() {
        History h = run(1e3, 2.0, 100.0, 1999.0, 2001.0);
        assertTrue(h.diverged());
        assertEquals(4, h.stopStep());
        assertTrue(h.stopMessage().contains("loss = 2001.0 (the first loss was 2.0"), h.stopMessage());
    }

    @Test
    void nanStops() {
        History h = run(1e3, 2.0, Double.NaN);
        assertEquals(2, h.stopStep());
        assertTrue(h.stopMessage().startsWith("Trainer.fit: the loss diverged at epoch 1, step 2: loss = NaN"));
    }

    @Test
    void growthBelowTheFactorDoesNot() {
        assertEquals(StopReason.COMPLETED, run(1e3, 2.0, 1000.0, 1999.0).stopReason());
        assertEquals(StopReason.COMPLETED, run(10, 0.0, 50.0).stopReason(), "a first loss of 0 only stops on NaN");
    }

    @Test
    void factorMustExceedOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DivergenceCheck(1));
        assertTrue(e.getMessage().startsWith("DivergenceCheck: expected a factor > 1 but was 1.0."));
    }
}
