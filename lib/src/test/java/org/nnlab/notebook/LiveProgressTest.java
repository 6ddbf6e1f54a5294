package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.loss.MeanSquaredError;
import org.nnlab.metrics.ConfusionMatrix;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.optim.Sgd;
import org.nnlab.train.Callback;
import org.nnlab.train.History;
import org.nnlab.train.StopReason;
import org.nnlab.train.Trainer;

class LiveProgressTest {

    /** Records what was shown and updated. */
    static final class Recorder implements Display {
        final List<String> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        Map<String, String> last;

        @Override
        public String show(Map<String, String> bundle) {
            shown.add(bundle.get("text/plain"));
            last = bundle;
            return "area-" + shown.size();
        }

        @Override
        public void update(String id, Map<String, String> bundle) {
            updatedIds.add(id);
            last = bundle;
        }

        @Override
        public boolean updatesInPlace() {
            return true;
        }
    }

    static Trainer trainer(Callback progress) {
        Dataset data = new Dataset(Nd4j.rand(DataType.DOUBLE, 64, 3), Nd4j.rand(DataType.DOUBLE, 64, 1));
        var model = new Linear(3, 1);
        return new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.01)).quiet()
                .addCallback(progress);
    }

    /** The same random data in every run: unseeded, one draw once made the first loss tiny and the divergence check fired. */
    @BeforeEach
    void seedTheData() {
        Nd4j.getRandom().setSeed(42);
    }

    @Test
    @DisplayName("one output area, updated in place, far fewer times than there are batches; a summary at the end")
    void oneAreaUpdatedInPlace() {
        Recorder display = new Recorder();
        LiveProgress progress = new LiveProgress(0.05, display);
        Dataset data = new Dataset(Nd4j.rand(DataType.DOUBLE, 64, 3), Nd4j.rand(DataType.DOUBLE, 64, 1));
        History h = trainer(progress).fit(data, 20, 1);
        assertEquals(1, display.shown.size());
        assertTrue(display.updatedIds.stream().allMatch("area-1"::equals));
        assertTrue(progress.updates() < 1280 / 4, "updates: " + progress.updates());
        String summary = display.last.get("text/plain");
        assertTrue(summary.startsWith("20 epochs, 1280 steps in"), summary);
        assertTrue(display.last.get("text/html").contains("<img class=\"nnlab-static\""), "the final loss curve");
        assertEquals(20, h.epochs());
    }

    @Test
    @DisplayName("an interrupt stops training; the summary says so and the history so far is kept")
    void interruptKeepsTheHistory() {
        Recorder display = new Recorder();
        Callback interruptAtStep10 = new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                if (step == 10) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Dataset data = new Dataset(Nd4j.rand(DataType.DOUBLE, 8, 3), Nd4j.rand(DataType.DOUBLE, 8, 1));
        History h = trainer(new LiveProgress(1, display)).addCallback(interruptAtStep10).fit(data, 100, 2);
        assertEquals(StopReason.INTERRUPTED, h.stopReason());
        assertEquals(10, h.steps());
        assertTrue(display.last.get("text/plain").contains("interrupted"), display.last.get("text/plain"));
    }

    @Test
    void tablesShowHistoriesConfusionMatricesAndSummaries() {
        Dataset data = new Dataset(Nd4j.rand(DataType.DOUBLE, 8, 3), Nd4j.rand(DataType.DOUBLE, 8, 1));
        History h = trainer(new Callback() { }).fit(data, data, 30, 4);
        String html = Tables.bundle(h).get("text/html");
        assertTrue(html.contains("<th style=\"padding:2px 8px;border-bottom:1px solid #888\">validation_loss</th>"));
        assertTrue(html.contains("... 10 more rows ..."), "30 epochs shown as the first and last 10");
        var cm = Tables.bundle(ConfusionMatrix.of(new int[] {0, 1}, new int[] {0, 0}, 2));
        assertTrue(cm.get("application/vnd.plotly.v1+json").contains("\"type\":\"heatmap\""), "a heatmap");
        var summary = Tables.summary(Sequential.of(new Linear(3, 2)), 3).mimeBundle();
        assertTrue(summary.get("text/html").contains("0: Linear(3 -&gt; 2)"), summary.get("text/html"));
        assertTrue(summary.get("text/plain").startsWith("Model: Sequential"));
        assertEquals(null, Tables.bundle("something else"));
    }
}
