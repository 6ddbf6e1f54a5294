package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.data.Datasets;

class SnapshotsTest {

    @Test
    void takesACopyBeforeTrainingAndEveryNSteps() {
        Trainer trainer = TrainTesting.linearTrainer(0.01);
        Snapshots snapshots = new Snapshots(2);
        History h = trainer.addCallback(snapshots).fit(Datasets.structured(0.1, 1).train(), 3, 16);
        List<Snapshot> list = snapshots.list();
        assertEquals(12, h.steps());
        assertEquals(List.of(0L, 2L, 4L, 6L, 8L, 10L, 12L), list.stream().map(Snapshot::step).toList());
        assertTrue(Double.isNaN(list.get(0).loss()));
        assertEquals(h.batchLosses().get(1), list.get(1).loss());
        assertEquals(1, list.get(1).epoch());
        assertEquals(3, list.get(6).epoch());
        assertEquals(0.01, list.get(3).learningRate());
        assertEquals(List.of("Linear(6 -> 2).weight", "Linear(6 -> 2).bias"), list.get(0).names());
        // copies: the first snapshot still holds the initial weights
        assertNotEquals(list.get(0).values().get(0), trainer.optimizer().parameters().get(0).value());
        assertEquals(list.get(6).values().get(0), trainer.optimizer().parameters().get(0).value());
        assertTrue(list.get(0).toString().startsWith("Snapshot(step 0, epoch 0, loss NaN"), list.get(0).toString());
    }

    @Test
    void everyMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Snapshots(0));
        assertTrue(e.getMessage().startsWith("Snapshots: expected a number of steps > 0 but was 0."));
    }
}
