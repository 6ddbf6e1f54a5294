package org.nnlab.train;

import java.util.Locale;

/**
 * The loss and accuracy of a model on a dataset, from {@link Trainer#evaluate}.
 *
 * @param loss     the batch-size-weighted mean of the loss over the batches
 * @param accuracy the fraction classified correctly; NaN when the labels are not classes
 */
public record Evaluation(double loss, double accuracy) {

    @Override
    public String toString() {
        return Double.isNaN(accuracy)
                ? String.format(Locale.ROOT, "loss %.4g", loss)
                : String.format(Locale.ROOT, "loss %.4g, accuracy %.2f%%", loss, 100 * accuracy);
    }
}
