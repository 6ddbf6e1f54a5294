package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Datasets;
import org.nnlab.data.Split;

class EarlyStoppingTest {

    @Test
    @DisplayName("stops after patience epochs without an improvement larger than minDelta")
    void stopsAfterPatience() {
        Trainer trainer = TrainTesting.linearTrainer(0.01);
        EarlyStopping stop = new EarlyStopping(2, 0.1, false);
        History h = new History(false, true);
        stop.onTrainBegin(trainer);
        double[] validation = {1.0, 0.5, 0.45, 0.42, 0.1};
        for (int epoch = 1; epoch <= 4; epoch++) {
            h.addEpoch(1, Double.NaN, validation[epoch - 1], Double.NaN);
            stop.onEpochEnd(trainer, epoch, h);
        }
        assertEquals(2, stop.bestEpoch());
        assertEquals(0.5, stop.bestLoss());
        History result = trainer.fit(Datasets.structured(0.1, 1).train().slice(0, 8), 1, 8);
        assertEquals(StopReason.COMPLETED, result.stopReason(), "requestStop before fit is reset by fit");
    }

    @Test
    @DisplayName("in a real fit, it stops early and restores the best weights")
    void restoresBestWeights() {
        // random data: the validation loss cannot keep improving
        Split data = Datasets.random(1);
        var model = org.nnlab.nn.Sequential.of(new org.nnlab.nn.Linear(20, 1, org.nnlab.nn.Init.glorotUniform(2)));
        var trainer = new Trainer(model, new org.nnlab.loss.MeanSquaredError(),
                new org.nnlab.optim.Sgd(model.parameters(), 0.05)).quiet();
        EarlyStopping stop = new EarlyStopping(2, 0.0, true);
        Snapshots snapshots = new Snapshots(1);
        History h = trainer.addCallback(stop).addCallback(snapshots).fit(data.train(), data.test(), 30, 64);
        assertEquals(StopReason.EARLY_STOPPED, h.stopReason(), h::toString);
        assertEquals(stop.bestEpoch() + 2, h.epochs());
        assertTrue(h.stopMessage().contains("has not improved for 2 epochs"), h.stopMessage());
        // full batch: one step per epoch, so snapshot k holds the weights after epoch k
        INDArray best = snapshots.list().get(stop.bestEpoch()).values().get(0);
        assertEquals(best, model.parameters().get(0).value());
    }

    @Test
    void invalidArgumentsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0));
        assertEquals("EarlyStopping: expected patience >= 1 epoch but was 0.\n"
                + "Hint: 5 waits five epochs without improvement before stopping.", e.getMessage());
    }
}
