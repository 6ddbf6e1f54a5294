package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;

class TrainingReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** P(class 1) = sigmoid(w1 x1 + w2 x2): with w = (1, -0.5) the surface depends on both inputs. */
    private static Sequential logistic(double w1, double w2) {
        return Sequential.of(Linear.withWeights(new double[][] {{w1}, {w2}}, new double[] {0}), new Sigmoid());
    }

    /** A replay of 3 moments of a logistic model whose weights grow: start, step 5, step 10. */
    private static TrainingReplay threeFrames(Dataset data) {
        TrainingReplay replay = TrainingReplay.of(data, 10, 2);
        replay.record(logistic(0.5, -0.25), 0, 0, Double.NaN, false);
        for (int step = 1; step <= 10; step++) {
            replay.addLoss(step, 1.0 / step);
        }
        replay.record(logistic(0.75, -0.4), 5, 1, 0.2, false);
        Sequential last = logistic(1, -0.5);
        replay.finish(last, last.parameters(), 10, 2, 0.1, 0.5);
        return replay;
    }

    @Test
    @DisplayName("frames are kept every ceil(steps / maxFrames) steps")
    void framesEvenlyOverTheSteps() {
        TrainingReplay replay = TrainingReplay.of(null, 100, 40);
        assertTrue(replay.wants(0) && replay.wants(3) && replay.wants(99));
        assertFalse(replay.wants(4));
        assertTrue(TrainingReplay.of(null, 10, 40).wants(1), "fewer steps than frames: every step");
    }

    @Test
    @DisplayName("the figure has one Plotly frame per moment, a slider step per frame that animates to it, and starts on the last")
    void framesAndSlider() throws Exception {
        JsonNode fig = JSON.readTree(threeFrames(Datasets.xor(40, 0, 1)).plotlyJson());
        JsonNode frames = fig.get("frames");
        assertEquals(3, frames.size());
        assertEquals(List.of("start", "step 5", "step 10"), names(frames));
        JsonNode slider = fig.get("layout").get("sliders").get(0);
        assertEquals(2, slider.get("active").asInt(), "the slider starts at the end");
        JsonNode steps = slider.get("steps");
        assertEquals(3, steps.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("animate", steps.get(i).get("method").asText());
            assertEquals(frames.get(i).get("name").asText(), steps.get(i).get("args").get(0).get(0).asText());
        }
        assertEquals(List.of("0", "5", "10"), labels(steps));
        assertEquals("Play", fig.get("layout").get("updatemenus").get(0).get("buttons").get(0).get("label").asText());
        // each frame replaces the changing traces (8 edge classes, the surface, the loss marker) ...
        int changing = 2 * ReplayFigure.WIDTHS + 2;
        for (JsonNode f : frames) {
            assertEquals(changing, f.get("data").size());
            assertEquals(changing, f.get("traces").size());
            assertEquals(changing - 1, f.get("traces").get(changing - 1).asInt());
        }
        // ... and the figure as stored shows the last frame
        for (int i = 0; i < changing; i++) {
            JsonNode framed = frames.get(2).get("data").get(i);
            JsonNode shown = fig.get("data").get(i);
            framed.fieldNames().forEachRemaining(key -> assertEquals(framed.get(key), shown.get(key), "trace " + key));
        }
        assertTrue(fig.get("data").get(2 * ReplayFigure.WIDTHS).has("colorscale"), "the surface's grid and colours");
        assertTrue(fig.get("layout").get("annotations").get(0).get("text").asText().startsWith("Network [2, 1], step 10 (epoch 2, loss 0.1"));
    }

    @Test
    @DisplayName("edges: w = 1 is the widest red class, w = -0.5 the third blue one, scaled by the largest |w| of the training")
    void edgesBySignAndSize() throws Exception {
        JsonNode last = JSON.readTree(threeFrames(null).plotlyJson()).get("frames").get(2).get("data");
        // positive classes 0..3, negative 4..7; |w| / max |w| = 1 -> class 3, 0.5 -> class 2
        JsonNode plus = last.get(ReplayFigure.WIDTHS - 1);
        JsonNode minus = last.get(ReplayFigure.WIDTHS + 2);
        assertEquals(ReplayFigure.POSITIVE, plus.get("line").get("color").asText());
        assertEquals(ReplayFigure.NEGATIVE, minus.get("line").get("color").asText());
        assertEquals("[0.0,1.0,null]", plus.get("x").toString());
        assertEquals("[0.75,0.5,null]", plus.get("y").toString(), "from input 1 (upper) to the output");
        assertEquals("[0.25,0.5,null]", minus.get("y").toString(), "from input 2 (lower) to the output");
        for (int k = 0; k < 2 * ReplayFigure.WIDTHS; k++) {
            if (k != ReplayFigure.WIDTHS - 1 && k != ReplayFigure.WIDTHS + 2) {
                assertEquals(0, last.get(k).get("x").size(), "class " + k + " is empty");
            }
        }
        // at the start the weights were half as large: one class narrower each
        JsonNode start = JSON.readTree(threeFrames(null).plotlyJson()).get("frames").get(0).get("data");
        assertEquals(3, start.get(ReplayFigure.WIDTHS - 1 - 1).get("x").size());
    }

    @Test
    @DisplayName("the surface is the model's P(class 1) on a 31 x 31 grid around the points: sigmoid(x1 - 0.5 x2)")
    void surfaceKnownAnswer() throws Exception {
        TrainingReplay replay = threeFrames(Datasets.xor(40, 0, 1));
        TrainingFrame last = replay.frames().get(2);
        double[] gx = replay.gridX();
        double[] gy = replay.gridY();
        assertEquals(TrainingReplay.GRID, last.surface().length);
        assertTrue(gx[0] < -1 && gx[gx.length - 1] > 0.9, "the grid covers the points with a margin");
        for (int i = 0; i < gy.length; i += 5) {
            for (int j = 0; j < gx.length; j += 5) {
                assertEquals(1 / (1 + Math.exp(-(gx[j] - 0.5 * gy[i]))), last.surface()[i][j], 1e-6);
            }
        }
        JsonNode heatmap = JSON.readTree(replay.plotlyJson()).get("frames").get(2).get("data").get(2 * ReplayFigure.WIDTHS);
        assertEquals("heatmap", heatmap.get("type").asText());
        assertEquals(TrainingReplay.GRID, heatmap.get("z").size());
        assertEquals(Math.round(1000 * last.surface()[7][9]) / 1000.0, heatmap.get("z").get(7).get(9).asDouble());
    }

    @Test
    @DisplayName("the static final frame: one SVG with the network, the decision surface and the loss, shown as an <img>")
    void staticFinalFrame() {
        TrainingReplay replay = threeFrames(Datasets.xor(40, 0, 1));
        String svg = replay.svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.substring(0, 60));
        assertTrue(svg.contains(">step 10<") && svg.contains(">loss 0.1000<"), "the network's box");
        assertTrue(svg.contains("Decision surface, step 10") && svg.contains("Batch loss"));
        assertTrue(svg.contains("stroke=\"#d62728\"") && svg.contains("stroke=\"#1f77b4\""), "red and blue edges");
        var bundle = replay.mimeBundle();
        assertEquals(List.of(PlotlyFigure.MIME, "text/html", "image/svg+xml", "text/plain"), new ArrayList<>(bundle.keySet()));
        assertTrue(bundle.get("text/html").startsWith("<div class=\"nnlab-figure\"><img class=\"nnlab-static\" width=\"960\""));
        assertEquals(svg, bundle.get("image/svg+xml"));
        assertEquals("TrainingReplay(3 frames, layers [2, 1], last step 10, loss 0.1000, decision surface)",
                bundle.get("text/plain"));
    }

    @Test
    @DisplayName("data that are not 2-D points: network and loss only")
    void withoutSurface() throws Exception {
        TrainingReplay replay = threeFrames(new Dataset(Nd4j.rand(5, 3), Nd4j.rand(5, 1)));
        assertFalse(replay.hasSurface());
        assertNull(replay.frames().get(0).surface());
        JsonNode fig = JSON.readTree(replay.plotlyJson());
        assertEquals(2 * ReplayFigure.WIDTHS + 1, fig.get("frames").get(0).get("data").size());
        assertFalse(fig.toString().contains("heatmap"));
        assertFalse(replay.svg().contains("Decision surface"));
    }

    @Test
    void invalidArgumentsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainingReplay.of(null, 10, 0));
        assertEquals("TrainingReplay.of: expected at least 1 frame but was 0.\n"
                + "Hint: e.g. 40: enough to see the network change, small enough for a notebook.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainingReplay.of(null, 10, 5).plotlyJson());
        assertTrue(e.getMessage().startsWith("TrainingReplay.plotlyJson: expected recorded frames but was none."));
    }

    private static List<String> names(JsonNode frames) {
        List<String> names = new ArrayList<>();
        frames.forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private static List<String> labels(JsonNode steps) {
        List<String> labels = new ArrayList<>();
        steps.forEach(s -> labels.add(s.get("label").asText()));
        return labels;
    }
}
