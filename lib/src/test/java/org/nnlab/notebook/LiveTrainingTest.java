package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.loss.BinaryCrossEntropy;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;
import org.nnlab.nn.Tanh;
import org.nnlab.optim.Sgd;
import org.nnlab.train.History;
import org.nnlab.train.Trainer;

class LiveTrainingTest {

    private static final Dataset MOONS = Datasets.moons(40, 0.1, 1);

    /** 2-4-1 on the moons, batches of 8: 5 steps per epoch. */
    private static Trainer trainer() {
        // the same initial weights every time
        var model = Sequential.of(Linear.withWeights(new double[][] {{0.5, -0.3, 0.8, 0.1}, {-0.6, 0.4, 0.2, -0.9}},
                new double[] {0, 0.1, -0.1, 0}), new Tanh(),
                Linear.withWeights(new double[][] {{0.7}, {-0.5}, {0.3}, {0.9}}, new double[] {0}), new Sigmoid());
        return new Trainer(model, new BinaryCrossEntropy(), new Sgd(model.parameters(), 0.5)).seed(3).quiet();
    }

    @Test
    @DisplayName("one output area: the picture at the start, redrawn in place, the replay at the end")
    void oneAreaRedrawnInPlace() throws Exception {
        var display = new LiveProgressTest.Recorder();
        var live = new LiveTraining(MOONS, 1e-9, 10, display).ignoringDrawingTime();   // after every batch
        trainer().addCallback(live).fit(MOONS, 8, 8);
        assertEquals(1, display.shown.size(), "one area");
        assertTrue(display.shown.get(0).startsWith("training: epoch 0/8, step 0"), display.shown.get(0));
        assertEquals(40 + 1, display.updatedIds.size(), "40 steps, and the replay");
        assertTrue(display.updatedIds.stream().allMatch("area-1"::equals));
        assertEquals(41, live.updates());
        var end = display.last;
        assertEquals(List.of("application/vnd.plotly.v1+json", "text/html", "image/svg+xml", "text/plain"),
                List.copyOf(end.keySet()));
        // 40 steps, at most 10 frames: every 4th step, and the start
        var frames = new ObjectMapper().readTree(end.get("application/vnd.plotly.v1+json")).get("frames");
        assertEquals(11, frames.size());
        assertEquals("step 40", frames.get(10).get("name").asText());
        assertTrue(end.get("text/plain").startsWith("TrainingReplay(11 frames, layers [2, 4, 1], last step 40"));
    }

    @Test
    @DisplayName("the live picture is an <img> of the network, the surface and the loss, with the step in its text")
    void livePicture() {
        var display = new Display() {
            final List<String> html = new java.util.ArrayList<>();
            final List<String> text = new java.util.ArrayList<>();

            @Override
            public String show(java.util.Map<String, String> bundle) {
                update("x", bundle);
                return "x";
            }

            @Override
            public void update(String id, java.util.Map<String, String> bundle) {
                html.add(bundle.get("text/html"));
                text.add(bundle.get("text/plain"));
            }

            @Override
            public boolean updatesInPlace() {
                return true;
            }
        };
        trainer().addCallback(new LiveTraining(MOONS, 1e-9, 10, display).ignoringDrawingTime()).fit(MOONS, 1, 8);
        assertTrue(display.text.get(3).startsWith("training: epoch 1/1, step 3, loss 0."), display.text.get(3));
        assertTrue(display.html.get(3).startsWith("<div class=\"nnlab-picture nnlab-live\"><img class=\"nnlab-static\""));
        assertTrue(!display.html.get(1).equals(display.html.get(2)), "the picture changes as the weights do");
    }

    @Test
    @DisplayName("no redraw within the interval: only the start and the replay")
    void boundedByTime() {
        var display = new LiveProgressTest.Recorder();
        var live = new LiveTraining(MOONS, 3600, 40, display);
        trainer().addCallback(live).fit(MOONS, 8, 8);
        assertEquals(1, live.updates(), "the replay only");
    }

    @Test
    @DisplayName("a redraw waits at least 9 times as long as the last one took: drawing takes at most a tenth of the time")
    void drawingTimeBounded() {
        var display = new Display() {
            @Override
            public String show(java.util.Map<String, String> bundle) {
                return "area";
            }

            @Override
            public boolean updatesInPlace() {
                return true;
            }

            @Override
            public void update(String id, java.util.Map<String, String> bundle) {
                try {
                    Thread.sleep(200);   // a slow notebook connection
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        var live = new LiveTraining(MOONS, 1e-9, 10, display);
        long t = System.nanoTime();
        trainer().addCallback(live).fit(MOONS, 8, 8);
        double seconds = (System.nanoTime() - t) / 1e9;
        // each redraw (>= 0.2 s) is followed by >= 1.8 s without one: at most 1 + seconds / 2 redraws, and the replay
        assertTrue(live.updates() <= 2 + seconds / 2, live.updates() + " updates in " + seconds + " s");
    }

    @Test
    @DisplayName("watching does not change the training: the same losses with and without the view")
    void trainingUnchanged() {
        History plain = trainer().fit(MOONS, 6, 8);
        History watched = trainer().addCallback(new LiveTraining(MOONS, 1e-9, 40, new LiveProgressTest.Recorder()).ignoringDrawingTime())
                .fit(MOONS, 6, 8);
        assertEquals(plain.batchLosses(), watched.batchLosses());
    }

    @Test
    @DisplayName("on a terminal: nothing drawn live, the replay's text line at the end")
    void terminal() {
        var out = new ByteArrayOutputStream();
        var live = new LiveTraining(MOONS, 1e-9, 5, new TerminalDisplay(new PrintStream(out, true, StandardCharsets.UTF_8)));
        trainer().addCallback(live).fit(MOONS, 2, 8);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("TrainingReplay(6 frames, layers [2, 4, 1], last step 10, loss "),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(0, live.updates());
    }

    @Test
    @DisplayName("a training that explodes still ends with its replay (non-finite weights and losses drawn as gaps)")
    void explodingTraining() throws Exception {
        var display = new LiveProgressTest.Recorder();
        var model = Sequential.of(new Linear(2, 4), new Tanh(), new Linear(4, 1));
        var live = new LiveTraining(MOONS, 1e-9, 10, display).ignoringDrawingTime();
        History h = new Trainer(model, new org.nnlab.loss.MeanSquaredError(), new Sgd(model.parameters(), 1e3)).quiet()
                .allowDivergence().addCallback(live).fit(MOONS, 50, 8);
        assertEquals(org.nnlab.train.StopReason.DIVERGED, h.stopReason());
        var figure = new ObjectMapper().readTree(display.last.get("application/vnd.plotly.v1+json"));
        assertTrue(figure.get("frames").size() >= 2, figure.get("frames").size() + " frames");
        assertTrue(display.last.get("image/svg+xml").startsWith("<svg"));
    }

    @Test
    void invalidArgumentsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LiveTraining(MOONS, 0, 40));
        assertEquals("LiveTraining: expected seconds > 0 between redraws but was 0.0.\n"
                + "Hint: e.g. 0.5: redrawing takes milliseconds, training goes on in between.", e.getMessage());
        assertNull(new LiveTraining().replay());
    }
}
