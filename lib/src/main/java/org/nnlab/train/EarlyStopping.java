package org.nnlab.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;

/**
 * Stops when the validation loss (the training loss when there is no validation set) has not
 * improved by more than {@code minDelta} for {@code patience} epochs in a row. With
 * {@code restoreBest}, the parameters of the best epoch are put back when training ends.
 */
public final class EarlyStopping implements Callback {

    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private double best;
    private int bestEpoch;
    private int waited;
    private List<INDArray> bestValues;

    /** patience epochs, minDelta 0, no restore. */
    public EarlyStopping(int patience) {
        this(patience, 0.0, false);
    }

    /** @throws IllegalArgumentException when patience < 1 or minDelta < 0 */
    public EarlyStopping(int patience, double minDelta, boolean restoreBest) {
        Args.require(patience >= 1, "EarlyStopping", "patience >= 1 epoch", patience,
                "5 waits five epochs without improvement before stopping.");
        Args.require(minDelta >= 0, "EarlyStopping", "minDelta >= 0", minDelta,
                "0 counts any decrease of the loss as an improvement.");
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
    }

    /** The epoch with the best monitored loss so far (0 before the first epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored loss so far. */
    public double bestLoss() {
        return best;
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        best = Double.POSITIVE_INFINITY;
        bestEpoch = 0;
        waited = 0;
        bestValues = null;
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, History history) {
        double monitored = history.hasValidation() ? history.lastValidationLoss() : history.lastTrainLoss();
        if (monitored < best - minDelta) {
            best = monitored;
            bestEpoch = epoch;
            waited = 0;
            if (restoreBest) {
                bestValues = new ArrayList<>();
                for (Parameter p : trainer.optimizer().parameters()) {
                    bestValues.add(p.value().dup());
                }
            }
        } else if (++waited >= patience) {
            trainer.requestStop(StopReason.EARLY_STOPPED, String.format(Locale.ROOT,
                    "early stopping at epoch %d: the %s loss has not improved for %d epochs (best %.6g at epoch %d)%s",
                    epoch, history.hasValidation() ? "validation" : "training", patience, best, bestEpoch,
                    restoreBest && bestValues != null ? "; the best weights were restored" : ""));
        }
    }

    @Override
    public void onTrainEnd(Trainer trainer, History history) {
        if (restoreBest && bestValues != null) {
            List<Parameter> params = trainer.optimizer().parameters();
            for (int i = 0; i < params.size(); i++) {
                params.get(i).set(bestValues.get(i));
            }
        }
    }

    @Override
    public String toString() {
        return "EarlyStopping(patience " + patience + ", minDelta " + minDelta + ", restoreBest " + restoreBest + ")";
    }
}
