package org.nnlab.notebook;

import java.util.Locale;
import org.nnlab.check.Args;
import org.nnlab.data.Dataset;
import org.nnlab.plot.TrainingReplay;
import org.nnlab.train.Callback;
import org.nnlab.train.History;
import org.nnlab.train.Trainer;

/**
 * Watch a network learn, as in TensorFlow Playground: ONE notebook output area, updated in place while
 * {@link Trainer#fit} runs, shows the network (edges red for positive and blue for negative weights, wider
 * for larger |w|), for 2-D points the model's answer over the plane with the data on top, and the batch
 * loss. When training ends, the same area holds the replay: a slider (and a play button) over the
 * recorded moments that works in the saved notebook with no kernel, and the final state as a static
 * picture for viewers that run no JavaScript (see {@link TrainingReplay}).
 *
 * <pre>{@code
 * var data = Datasets.spirals(200, 0.05, 1);
 * var model = Sequential.of(new Linear(2, 8), new Tanh(), new Linear(8, 8), new Tanh(), new Linear(8, 1), new Sigmoid());
 * var trainer = new Trainer(model, new BinaryCrossEntropy(), new Adam(model.parameters(), 0.03));
 * trainer.addCallback(new LiveTraining(data)).fit(data, 300, 20);
 * }</pre>
 *
 * <p>Cost: the picture is redrawn at most every {@code seconds} (0.5 by default), and never in more than
 * a tenth of the training's time: after a redraw that took d, the next waits at least 9 d (a busy machine
 * draws less often instead of training slower). The update uses the display the progress bar uses (JJava's {@code updateDisplay}, Jupyter's {@code update_display_data}); a
 * frame of the replay is kept {@code frames} times (40 by default), evenly over the steps, so that the
 * saved replay is the same from run to run. On a terminal (no notebook) nothing is drawn live; the replay
 * is shown once at the end as a text line.
 */
public final class LiveTraining implements Callback {

    /** Training time per unit of drawing time, at least: drawing takes at most 1 / (1 + 9) of the time. */
    static final long TRAINING_PER_DRAWING = 9;

    private final Dataset data;
    private final long redrawMillis;
    private final int maxFrames;
    private final Display display;
    private TrainingReplay replay;
    private String id;
    private long lastDrawn;
    private long lastCost;
    private long trainingPerDrawing = TRAINING_PER_DRAWING;
    private int updates;

    /** Network and loss, redrawn at most every half second, 40 frames kept for the replay. */
    public LiveTraining() {
        this(null);
    }

    /**
     * Network, loss and, when {@code data} are 2-D points ({@code [n, 2]} features, e.g.
     * {@code Datasets.moons(200, 0.1, 1)}), the decision surface with the points.
     */
    public LiveTraining(Dataset data) {
        this(data, 0.5, 40);
    }

    /**
     * As {@link #LiveTraining(Dataset)}, redrawn at most every {@code seconds}, with at most {@code frames}
     * frames kept for the replay.
     *
     * @throws IllegalArgumentException when seconds <= 0 or frames < 1
     */
    public LiveTraining(Dataset data, double seconds, int frames) {
        this(data, seconds, frames, Notebook.display());
    }

    LiveTraining(Dataset data, double seconds, int frames, Display display) {
        Args.require(seconds > 0 && Double.isFinite(seconds), "LiveTraining", "seconds > 0 between redraws", seconds,
                "e.g. 0.5: redrawing takes milliseconds, training goes on in between.");
        Args.require(frames >= 1, "LiveTraining", "at least 1 frame for the replay", frames,
                "e.g. 40: enough to see the network change, small enough for a notebook.");
        this.data = data;
        this.redrawMillis = (long) (seconds * 1000);
        this.maxFrames = frames;
        this.display = display;
    }

    /** Redraws whenever the interval has passed, however long drawing takes (tests: one redraw per batch). */
    LiveTraining ignoringDrawingTime() {
        trainingPerDrawing = 0;
        return this;
    }

    /** The replay of the last training (null before the first): show it again in another cell. */
    public TrainingReplay replay() {
        return replay;
    }

    /** How many times the output area was redrawn (for tests: bounded by time, never one per batch). */
    public int updates() {
        return updates;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        long steps = (long) trainer.epochs() * Math.max(1, trainer.batchesPerEpoch());
        replay = TrainingReplay.of(data, steps, maxFrames);
        replay.record(trainer.model(), 0, 0, Double.NaN, false);
        updates = 0;
        lastCost = 0;
        id = null;
        if (display.updatesInPlace()) {
            id = display.show(live(trainer, 0, Double.NaN, true));
        }
        lastDrawn = millis();
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        replay.addLoss(step, loss);
        if (replay.wants(step)) {
            replay.record(trainer.model(), step, trainer.epoch(), loss, true);
        }
        long now = millis();
        if (id != null && now - lastDrawn >= Math.max(redrawMillis, trainingPerDrawing * lastCost)) {
            display.update(id, live(trainer, step, loss, true));
            updates++;
            lastDrawn = millis();
            lastCost = lastDrawn - now;
        }
    }

    @Override
    public void onTrainEnd(Trainer trainer, History history) {
        double loss = history.steps() > 0 ? lastBatchLoss(history) : Double.NaN;
        replay.finish(trainer.model(), trainer.optimizer().parameters(), trainer.step(), trainer.epoch(), loss,
                trainer.optimizer().learningRate());
        if (id != null) {
            display.update(id, replay.mimeBundle());
            updates++;
        } else {
            display.show(java.util.Map.of("text/plain", replay.toString()));
        }
    }

    private java.util.Map<String, String> live(Trainer trainer, long step, double loss, boolean training) {
        String svg = replay.picture(trainer.model(), trainer.optimizer().parameters(), step, trainer.epoch(), loss,
                trainer.optimizer().learningRate(), training);
        String text = String.format(Locale.ROOT, "training: epoch %d/%d, step %d, loss %.4g", trainer.epoch(),
                trainer.epochs(), step, loss);
        return TrainingReplay.liveBundle(svg, text);
    }

    private static double lastBatchLoss(History history) {
        java.util.List<Double> losses = history.batchLosses();
        return losses.isEmpty() ? Double.NaN : losses.get(losses.size() - 1);
    }

    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }

    @Override
    public String toString() {
        return "LiveTraining(" + (replay == null ? "not trained yet" : replay.toString()) + ")";
    }
}
