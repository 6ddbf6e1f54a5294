package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nnlab.data.Datasets;

class ProgressBarTest {

    @Test
    void drawsInPlaceAndEndsEachEpochWithALine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Trainer trainer = TrainTesting.linearTrainer(0.001)
                .addCallback(new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        trainer.fit(Datasets.structured(0.1, 1).train(), 3, 64);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(3, out.chars().filter(c -> c == '\n').count(), out);
        assertTrue(out.startsWith("\repoch 1/3 [####################] 1/1  loss "), out);
        assertTrue(out.contains("\repoch 2/3  loss "), out);
        assertTrue(out.contains(" elapsed, 00:00 left"), out);
    }

    @Test
    void noEstimateBeforeATenthOfTheRunAndPluralsThatAgree() {
        assertEquals("--:-- left", ProgressBar.timeLeft(3_000_000_000L, 0.05), "the slow first batches are no guide");
        assertEquals("00:09 left", ProgressBar.timeLeft(1_000_000_000L, 0.1));
        assertEquals("00:00 left", ProgressBar.timeLeft(3_000_000_000L, 1));
        assertEquals("1 epoch", ProgressBar.count(1, "epoch"));
        assertEquals("2 epochs", ProgressBar.count(2, "epoch"));
    }

    @Test
    void clockFormat() {
        assertEquals("00:05", ProgressBar.clock(5_000_000_000L));
        assertEquals("02:03", ProgressBar.clock(123_000_000_000L));
        assertEquals("1:00:01", ProgressBar.clock(3601_000_000_000L));
    }
}
