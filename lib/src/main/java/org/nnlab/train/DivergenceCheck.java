package org.nnlab.train;

import java.util.Locale;
import org.nnlab.check.Args;

/**
 * Stops training when the loss diverges: a batch loss that is NaN or infinite, or larger than
 * {@code factor} (default 1e3) times the first batch's loss. Installed by every {@link Trainer};
 * by default {@code fit} then throws a {@link TrainingDivergedException} naming the epoch and step;
 * after {@link Trainer#allowDivergence()} it returns the history, marked as diverged.
 *
 * <p>When the first loss is 0 only a non-finite loss counts.
 */
public final class DivergenceCheck implements Callback {

    /** The default explosion factor. */
    public static final double DEFAULT_FACTOR = 1e3;

    private final double factor;
    private double first = Double.NaN;

    /** With {@link #DEFAULT_FACTOR}. */
    public DivergenceCheck() {
        this(DEFAULT_FACTOR);
    }

    /** @throws IllegalArgumentException unless {@code factor > 1} */
    public DivergenceCheck(double factor) {
        Args.require(factor > 1, "DivergenceCheck", "a factor > 1", factor,
                "1e3 stops when the loss has grown a thousandfold.");
        this.factor = factor;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        first = Double.NaN;
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        if (Double.isNaN(first) && Double.isFinite(loss)) {
            first = loss;
        }
        boolean exploded = !Double.isFinite(loss) || (first > 0 && loss > factor * first);
        if (exploded) {
            trainer.requestStop(StopReason.DIVERGED, message(trainer, step, String.format(Locale.ROOT,
                    "loss = %s (the first loss was %s, the limit is %s times that).", loss, first, factor)));
        }
    }

    /** The message of a divergence at the trainer's epoch and {@code step}: what was seen, and a smaller learning rate. */
    static String message(Trainer trainer, long step, String seen) {
        double lr = trainer.optimizer().learningRate();
        return String.format(Locale.ROOT, "Trainer.fit: the loss diverged at epoch %d, step %d: %s%nHint: use a smaller"
                + " learning rate than %s, e.g. %s; or call trainer.allowDivergence() to record the blow-up instead of"
                + " failing.", trainer.epoch(), step, seen, lr, lr / 10);
    }

    @Override
    public String toString() {
        return "DivergenceCheck(factor " + factor + ")";
    }
}
