package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class HistoryTest {

    @Test
    void classificationWithValidationHasFourSeries() {
        History h = new History(true, true);
        h.addBatchLoss(1.0);
        h.addEpoch(0.9, 0.5, 1.1, 0.4);
        h.addEpoch(0.7, 0.75, 0.8, 0.6);
        assertEquals(2, h.epochs());
        assertEquals(List.of(0.9, 0.7), h.trainLoss());
        assertEquals(0.6, h.lastValidationAccuracy());
        Table t = h.toTable();
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "train_accuracy", "validation_accuracy"),
                t.columnNames());
        assertEquals(2, t.intColumn("epoch").get(1));
        assertEquals(0.8, t.doubleColumn("validation_loss").get(1));
        assertEquals("History(2 epochs, 1 step, completed): train loss 0.7000, validation loss 0.8000, train accuracy"
                + " 0.7500, validation accuracy 0.6000", h.toString());
    }

    @Test
    void regressionWithoutValidationHasNaNAndFewerColumns() {
        History h = new History(false, false);
        h.addEpoch(2.0, 0.3, 5.0, 0.3);
        assertTrue(Double.isNaN(h.lastTrainAccuracy()));
        assertTrue(Double.isNaN(h.lastValidationLoss()));
        assertEquals(List.of("epoch", "train_loss"), h.toTable().columnNames());
    }

    @Test
    void stopIsRecorded() {
        History h = new History(false, false);
        assertEquals(StopReason.COMPLETED, h.stopReason());
        h.stop(StopReason.DIVERGED, "boom", 3, 17);
        assertTrue(h.diverged());
        assertEquals(3, h.stopEpoch());
        assertEquals(17, h.stopStep());
        assertTrue(h.toString().endsWith("diverged)\nboom"), h.toString());
    }
}
