package org.nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What {@link Trainer#fit} measured, one entry per epoch (epoch 1 first), plus every batch loss and
 * why training stopped.
 *
 * <ul>
 *   <li>train loss: the loss of each batch as the loss function reports it, averaged over the epoch's
 *       batches weighted by their sizes, measured while training (training mode, before each step);</li>
 *   <li>validation loss: the same average over the validation set in evaluation mode after the epoch,
 *       in batches of the same size, so the two numbers are comparable;</li>
 *   <li>accuracies: only when the training labels are classes ({@code Dataset.hasClassLabels()}:
 *       one-hot rows, compared by argmax, or a 0/1 column, compared with the prediction thresholded
 *       at 0.5); for regression {@link #isClassification()} is false, the accuracy lists hold NaN
 *       and {@link #toTable()} has no accuracy columns;</li>
 *   <li>without a validation set the validation lists hold NaN and the table has no validation
 *       columns.</li>
 * </ul>
 * The last epoch is partial when training stopped in the middle of it (divergence, interruption);
 * its validation values are then NaN.
 */
public final class History {

    private final boolean classification;
    private final boolean validation;
    private final List<Double> trainLoss = new ArrayList<>();
    private final List<Double> validationLoss = new ArrayList<>();
    private final List<Double> trainAccuracy = new ArrayList<>();
    private final List<Double> validationAccuracy = new ArrayList<>();
    private final List<Double> batchLosses = new ArrayList<>();
    private StopReason stopReason = StopReason.COMPLETED;
    private String stopMessage = "";
    private long stopStep;
    private int stopEpoch;

    History(boolean classification, boolean validation) {
        this.classification = classification;
        this.validation = validation;
    }

    void addBatchLoss(double loss) {
        batchLosses.add(loss);
    }

    void addEpoch(double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy) {
        this.trainLoss.add(trainLoss);
        this.trainAccuracy.add(classification ? trainAccuracy : Double.NaN);
        this.validationLoss.add(validation ? validationLoss : Double.NaN);
        this.validationAccuracy.add(classification && validation ? validationAccuracy : Double.NaN);
    }

    void stop(StopReason reason, String message, int epoch, long step) {
        this.stopReason = reason;
        this.stopMessage = message;
        this.stopEpoch = epoch;
        this.stopStep = step;
    }

    /** True when accuracies were measured (the training labels are classes). */
    public boolean isClassification() {
        return classification;
    }

    /** True when a validation set was given. */
    public boolean hasValidation() {
        return validation;
    }

    /** The number of recorded epochs (the last may be partial). */
    public int epochs() {
        return trainLoss.size();
    }

    /** The training loss per epoch. */
    public List<Double> trainLoss() {
        return Collections.unmodifiableList(trainLoss);
    }

    /** The validation loss per epoch (NaN without a validation set). */
    public List<Double> validationLoss() {
        return Collections.unmodifiableList(validationLoss);
    }

    /** The training accuracy per epoch, in [0, 1] (NaN for regression). */
    public List<Double> trainAccuracy() {
        return Collections.unmodifiableList(trainAccuracy);
    }

    /** The validation accuracy per epoch (NaN for regression or without a validation set). */
    public List<Double> validationAccuracy() {
        return Collections.unmodifiableList(validationAccuracy);
    }

    /** The loss of every batch, step 1 first (shows a blow-up step by step). */
    public List<Double> batchLosses() {
        return Collections.unmodifiableList(batchLosses);
    }

    /** The number of optimiser steps taken. */
    public long steps() {
        return batchLosses.size();
    }

    /** The last epoch's training loss (NaN when none). */
    public double lastTrainLoss() {
        return last(trainLoss);
    }

    /** The last epoch's validation loss (NaN when none). */
    public double lastValidationLoss() {
        return last(validationLoss);
    }

    /** The last epoch's training accuracy (NaN when none). */
    public double lastTrainAccuracy() {
        return last(trainAccuracy);
    }

    /** The last epoch's validation accuracy (NaN when none). */
    public double lastValidationAccuracy() {
        return last(validationAccuracy);
    }

    /** Why training stopped. */
    public StopReason stopReason() {
        return stopReason;
    }

    /** True when the loss diverged (see {@link DivergenceCheck}). */
    public boolean diverged() {
        return stopReason == StopReason.DIVERGED;
    }

    /** A sentence on why training stopped early; empty when it completed. */
    public String stopMessage() {
        return stopMessage;
    }

    /** The epoch at which training stopped early (0 when it completed). */
    public int stopEpoch() {
        return stopEpoch;
    }

    /** The step at which training stopped early (0 when it completed). */
    public long stopStep() {
        return stopStep;
    }

    /**
     * The history as a Tablesaw table, one row per epoch: {@code epoch, train_loss}, then
     * {@code validation_loss} when there was a validation set, {@code train_accuracy} and
     * {@code validation_accuracy} for classification.
     */
    public Table toTable() {
        Table table = Table.create("history");
        IntColumn epoch = IntColumn.create("epoch");
        for (int i = 1; i <= epochs(); i++) {
            epoch.append(i);
        }
        table.addColumns(epoch, column("train_loss", trainLoss));
        if (validation) {
            table.addColumns(column("validation_loss", validationLoss));
        }
        if (classification) {
            table.addColumns(column("train_accuracy", trainAccuracy));
            if (validation) {
                table.addColumns(column("validation_accuracy", validationAccuracy));
            }
        }
        return table;
    }

    private static DoubleColumn column(String name, List<Double> values) {
        return DoubleColumn.create(name, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double last(List<Double> values) {
        return values.isEmpty() ? Double.NaN : values.get(values.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "History(%s, %s, %s)",
                ProgressBar.count(epochs(), "epoch"), ProgressBar.count(steps(), "step"),
                stopReason.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        if (epochs() > 0) {
            s.append(String.format(Locale.ROOT, ": train loss %.4g", lastTrainLoss()));
            if (validation) {
                s.append(String.format(Locale.ROOT, ", validation loss %.4g", lastValidationLoss()));
            }
            if (classification) {
                s.append(String.format(Locale.ROOT, ", train accuracy %.4f", lastTrainAccuracy()));
                if (validation) {
                    s.append(String.format(Locale.ROOT, ", validation accuracy %.4f", lastValidationAccuracy()));
                }
            }
        }
        if (!stopMessage.isEmpty()) {
            s.append("\n").append(stopMessage);
        }
        return s.toString();
    }
}
