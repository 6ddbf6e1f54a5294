package org.nnlab.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnlab.plot.Chart;
import org.nnlab.plot.Colors;
import org.nnlab.plot.Series;
import org.nnlab.train.Callback;
import org.nnlab.train.History;
import org.nnlab.train.StopReason;
import org.nnlab.train.Trainer;

/**
 * Training progress in ONE notebook output area, updated in place: a progress bar, epoch, batch,
 * loss, elapsed and remaining time (redrawn at most every {@value #TEXT_MILLIS} ms) and the loss
 * curve (redrawn every few seconds, as a static SVG so that updates stay small). When training ends,
 * a compact summary and the final curve stay. Interrupting the cell (the Trainer stops after the
 * current batch) leaves the summary of what was done.
 *
 * <p>In a notebook the kernel makes this the Trainer's default progress display; on a terminal
 * (no notebook display installed) it prints one line per update instead, so prefer ProgressBar there.
 */
public final class LiveProgress implements Callback {

    static final long TEXT_MILLIS = 250;

    private final long chartMillis;
    private final Display display;
    private String id;
    private long start;
    private long lastText;
    private long lastChart;
    private String chartSvg = "";
    private final List<Double> steps = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();
    private int updates;

    /** Redraws the loss curve every 3 seconds. */
    public LiveProgress() {
        this(3.0);
    }

    /** Redraws the loss curve every {@code chartSeconds} seconds. */
    public LiveProgress(double chartSeconds) {
        this(chartSeconds, Notebook.display());
    }

    LiveProgress(double chartSeconds, Display display) {
        org.nnlab.check.Args.require(chartSeconds > 0, "LiveProgress", "seconds > 0", chartSeconds,
                "e.g. 3: the loss curve is redrawn every 3 seconds.");
        this.chartMillis = (long) (chartSeconds * 1000);
        this.display = display;
    }

    /** How many times the output area was updated (for tests: bounded, never one line per batch). */
    public int updates() {
        return updates;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        start = System.nanoTime();
        lastText = 0;
        lastChart = millis();
        chartSvg = "";
        steps.clear();
        losses.clear();
        updates = 0;
        id = display.show(bundle(progressHtml(trainer, Double.NaN), "training: starting"));
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        // keep at most ~2000 points of the curve: every k-th step, k doubling as needed
        if (step % stride(trainer) == 0) {
            steps.add((double) step);
            losses.add(loss);
        }
        long now = millis();
        if (now - lastChart >= chartMillis) {
            lastChart = now;
            chartSvg = chart("Batch loss").html();
        }
        if (now - lastText >= TEXT_MILLIS) {
            lastText = now;
            update(bundle(progressHtml(trainer, loss), textLine(trainer, loss)));
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, History history) {
        lastText = millis();
        update(bundle(progressHtml(trainer, history.lastTrainLoss()), textLine(trainer, history.lastTrainLoss())));
    }

    @Override
    public void onTrainEnd(Trainer trainer, History history) {
        String summary = summary(trainer, history);
        String svg = losses.isEmpty() ? "" : chart("Batch loss").html();
        update(bundle("<div class=\"nnlab-progress\"><pre style=\"margin:0\">" + Tables.escape(summary) + "</pre>"
                + svg + "</div>", summary));
    }

    private void update(Map<String, String> bundle) {
        updates++;
        if (id == null) {
            id = display.show(bundle);
        } else {
            display.update(id, bundle);
        }
    }

    private Chart chart(String title) {
        double[] x = steps.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = losses.stream().mapToDouble(Double::doubleValue).toArray();
        return Chart.of(title, "step", "loss",
                List.of(new Series.Line("batch loss", x, y, Series.Mode.LINES, Colors.series(0), false)))
                .size(520, 260);
    }

    private long stride(Trainer trainer) {
        long total = (long) trainer.epochs() * Math.max(1, trainer.batchesPerEpoch());
        return Math.max(1, total / 2000);
    }

    private String progressHtml(Trainer trainer, double loss) {
        double fraction = fraction(trainer);
        return "<div class=\"nnlab-progress\"><div style=\"font-family:monospace\">"
                + "<div style=\"display:inline-block;width:240px;height:12px;border:1px solid #888;"
                + "vertical-align:middle;margin-right:8px\"><div style=\"height:100%;background:#1f77b4;width:"
                + String.format(Locale.ROOT, "%.1f", 100 * fraction) + "%\"></div></div>"
                + Tables.escape(textLine(trainer, loss)) + "</div>" + chartSvg + "</div>";
    }

    private double fraction(Trainer trainer) {
        long total = (long) trainer.epochs() * Math.max(1, trainer.batchesPerEpoch());
        long done = (long) Math.max(0, trainer.epoch() - 1) * trainer.batchesPerEpoch() + trainer.batch();
        return total == 0 ? 0 : Math.min(1, (double) done / total);
    }

    private String textLine(Trainer trainer, double loss) {
        double f = fraction(trainer);
        long elapsed = System.nanoTime() - start;
        return String.format(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4g  %s elapsed, %s",
                trainer.epoch(), trainer.epochs(), trainer.batch(), trainer.batchesPerEpoch(), loss, clock(elapsed),
                org.nnlab.train.ProgressBar.timeLeft(elapsed, f));
    }

    private String summary(Trainer trainer, History history) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s, %s in %s",
                org.nnlab.train.ProgressBar.count(history.epochs(), "epoch"),
                org.nnlab.train.ProgressBar.count(history.steps(), "step"), clock(System.nanoTime() - start)));
        if (history.epochs() > 0) {
            s.append(String.format(Locale.ROOT, ": train loss %.4g", history.lastTrainLoss()));
            if (history.hasValidation() && !Double.isNaN(history.lastValidationLoss())) {
                s.append(String.format(Locale.ROOT, ", validation loss %.4g", history.lastValidationLoss()));
            }
            if (history.isClassification()) {
                s.append(String.format(Locale.ROOT, ", train accuracy %.4f", history.lastTrainAccuracy()));
                if (history.hasValidation() && !Double.isNaN(history.lastValidationAccuracy())) {
                    s.append(String.format(Locale.ROOT, ", validation accuracy %.4f",
                            history.lastValidationAccuracy()));
                }
            }
        }
        if (history.stopReason() != StopReason.COMPLETED) {
            s.append("\n").append(history.stopMessage());
        }
        return s.toString();
    }

    private static Map<String, String> bundle(String html, String text) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html);
        bundle.put("text/plain", text);
        return bundle;
    }

    private static long millis() {
        return System.nanoTime() / 1_000_000;
    }

    private static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
