package org.nnlab.data;

/**
 * A dataset cut in two: {@link #train()} to fit on, {@link #test()} to measure what was learnt.
 *
 * @param train the training part
 * @param test  the held-out part
 */
public record Split(Dataset train, Dataset test) {

    @Override
    public String toString() {
        return "Split(train: " + train + ", test: " + test + ")";
    }
}
