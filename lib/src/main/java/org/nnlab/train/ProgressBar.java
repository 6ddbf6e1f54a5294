package org.nnlab.train;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on the terminal, redrawn in place with {@code \r}:
 * <pre>
 * epoch  3/10 [########------------]  12/20  loss 0.1234  00:03 elapsed, 00:05 left
 * </pre>
 * and at the end of each epoch one line that stays, with the epoch's losses and accuracies.
 * Redraws at most every 100 ms (and at the last batch of an epoch). Installed by {@link Trainer}
 * unless {@link Trainer#quiet()}.
 */
public final class ProgressBar implements Callback {

    private static final int WIDTH = 20;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private long start;
    private long lastDraw;
    private int lastLength;

    /** A bar on {@code System.out}. */
    public ProgressBar() {
        this(System.out);
    }

    /** A bar on the given stream. */
    public ProgressBar(PrintStream out) {
        org.nnlab.check.Args.require(out != null, "ProgressBar", "a PrintStream", null, "e.g. System.out.");
        this.out = out;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        start = System.nanoTime();
        lastDraw = 0;
        lastLength = 0;
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        long now = System.nanoTime();
        boolean lastOfEpoch = trainer.batch() == trainer.batchesPerEpoch();
        if (lastOfEpoch || now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(line(trainer, loss, now));
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, History history) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %" + width(trainer.epochs()) + "d/%d",
                epoch, trainer.epochs()));
        s.append(String.format(Locale.ROOT, "  loss %.4g", history.lastTrainLoss()));
        if (history.hasValidation()) {
            s.append(String.format(Locale.ROOT, "  val_loss %.4g", history.lastValidationLoss()));
        }
        if (history.isClassification()) {
            s.append(String.format(Locale.ROOT, "  acc %.4f", history.lastTrainAccuracy()));
            if (history.hasValidation()) {
                s.append(String.format(Locale.ROOT, "  val_acc %.4f", history.lastValidationAccuracy()));
            }
        }
        s.append("  ").append(clock(System.nanoTime() - start)).append(" elapsed");
        draw(s.toString());
        out.println();
        lastLength = 0;
        out.flush();
    }

    String line(Trainer trainer, double loss, long now) {
        int batches = trainer.batchesPerEpoch();
        int done = trainer.batch();
        int filled = (int) Math.round(WIDTH * (double) done / batches);
        long elapsed = now - start;
        long totalSteps = (long) batches * trainer.epochs();
        long stepsDone = (long) (trainer.epoch() - 1) * batches + done;
        return String.format(Locale.ROOT, "epoch %" + width(trainer.epochs()) + "d/%d [%s%s] %" + width(batches)
                        + "d/%d  loss %.4g  %s elapsed, %s", trainer.epoch(), trainer.epochs(), "#".repeat(filled),
                "-".repeat(WIDTH - filled), done, batches, loss, clock(elapsed),
                timeLeft(elapsed, totalSteps == 0 ? 0 : (double) stepsDone / totalSteps));
    }

    /** Fractions of the run below this give no estimate: the first batches run slower while the JVM compiles. */
    static final double ESTIMATE_AFTER = 0.1;

    /**
     * "mm:ss left", extrapolated from the time so far (elapsed / fraction * (1 - fraction)), once a tenth
     * of the run is done; before that "--:-- left" (an estimate from the slow first batches said 00:24
     * for a 3 s run).
     */
    public static String timeLeft(long elapsedNanos, double fraction) {
        if (fraction < ESTIMATE_AFTER) {
            return "--:-- left";
        }
        return clock((long) (elapsedNanos / fraction * (1 - Math.min(1, fraction)))) + " left";
    }

    /** "1 epoch", "2 epochs": a count with its noun in the right number. */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private void draw(String text) {
        // pad with spaces so that a shorter line fully covers the previous one
        String padded = text.length() < lastLength ? text + " ".repeat(lastLength - text.length()) : text;
        out.print("\r" + padded);
        out.flush();
        lastLength = text.length();
    }

    private static int width(int n) {
        return String.valueOf(n).length();
    }

    static String clock(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
