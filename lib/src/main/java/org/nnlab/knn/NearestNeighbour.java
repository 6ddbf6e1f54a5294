package org.nnlab.knn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.check.Args;
import org.nnlab.metrics.Metrics;

/**
 * 1-nearest-neighbour classifier: a sample gets the class of the most similar training sample.
 *
 * <p>Shapes: training features {@code [n, d]} (images are flattened), labels one-hot {@code [n, k]} or
 * indices {@code [n, 1]}; queries {@code [m, d]}; {@link #predict} returns m class indices.
 * Distances are computed for blocks of queries at once:
 * {@code ||q - t||^2 = ||q||^2 + ||t||^2 - 2 q.t} (Euclidean) or {@code q.t / (||q|| ||t||)} (cosine).
 *
 * <pre>{@code
 * var knn = new NearestNeighbour(Metric.COSINE).fit(train.features(), train.labels());
 * Metrics.accuracy(knn.predict(test.features()), Metrics.targetClasses(test.labels()))
 * }</pre>
 */
public final class NearestNeighbour {

    private static final int BLOCK = 256;

    private final Metric metric;
    private INDArray train;
    private INDArray trainSquaredNorms;
    private int[] trainClasses;

    /** @throws IllegalArgumentException when {@code metric} is null */
    public NearestNeighbour(Metric metric) {
        Args.require(metric != null, "NearestNeighbour", "a Metric", null, "Metric.EUCLIDEAN or Metric.COSINE.");
        this.metric = metric;
    }

    /** The metric. */
    public Metric metric() {
        return metric;
    }

    /**
     * Remembers the training samples (that is all 1-NN learns) and returns this.
     *
     * @throws IllegalArgumentException when shapes disagree or there are no samples
     */
    public NearestNeighbour fit(INDArray features, INDArray labels) {
        String where = "NearestNeighbour.fit";
        Args.requireArray(features, where, "features [n, d]");
        Args.requireArray(labels, where, "labels [n, k] or [n, 1]");
        INDArray x = flatten(features, where);
        Args.require(x.size(0) > 0, where, "at least one training sample", features, "pass the training set.");
        Args.require(labels.size(0) == x.size(0), where, "as many label rows as feature rows (" + x.size(0) + ")",
                labels, "row i of the labels is the class of row i of the features.");
        train = x;
        trainClasses = Metrics.targetClasses(labels);
        trainSquaredNorms = train.mul(train).sum(1).reshape(1, train.size(0));
        if (metric == Metric.COSINE) {
            train = normalizeRows(train);
        }
        return this;
    }

    /**
     * The class of the nearest training sample of each query.
     *
     * @throws IllegalStateException when {@link #fit} was not called
     * @throws IllegalArgumentException when the queries have another number of features
     */
    public int[] predict(INDArray features) {
        int[] nearest = nearest(features);
        int[] classes = new int[nearest.length];
        for (int i = 0; i < nearest.length; i++) {
            classes[i] = trainClasses[nearest[i]];
        }
        return classes;
    }

    /**
     * The row index in the training set of the nearest sample of each query (to show the neighbour).
     *
     * @throws IllegalStateException when {@link #fit} was not called
     */
    public int[] nearest(INDArray features) {
        String where = "NearestNeighbour.predict";
        if (train == null) {
            throw new IllegalStateException(where + ": call fit(features, labels) first; 1-NN compares with the"
                    + " training samples that fit remembers.");
        }
        Args.requireArray(features, where, "features [m, " + train.size(1) + "]");
        INDArray q = flatten(features, where);
        Args.require(q.size(1) == train.size(1), where, "features of shape [m, " + train.size(1) + "]", features,
                "queries need as many features as the training samples.");
        int m = (int) q.size(0);
        int[] result = new int[m];
        for (int from = 0; from < m; from += BLOCK) {
            int to = Math.min(m, from + BLOCK);
            INDArray block = q.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            INDArray scores; // larger is nearer
            if (metric == Metric.COSINE) {
                scores = normalizeRows(block).mmul(train.transpose());
            } else {
                // -||q - t||^2 up to the constant ||q||^2 of each row: 2 q.t - ||t||^2
                scores = block.mmul(train.transpose()).muli(2).subiRowVector(trainSquaredNorms);
            }
            int[] best = Metrics.argmax(scores);
            System.arraycopy(best, 0, result, from, best.length);
        }
        return result;
    }

    private static INDArray flatten(INDArray x, String where) {
        Args.require(x.rank() >= 2, where, "features of shape [n, d]", x, "a single sample is x.reshape(1, d).");
        INDArray flat = x.rank() == 2 ? x : x.reshape('c', x.size(0), x.length() / x.size(0));
        return flat.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE);
    }

    private static INDArray normalizeRows(INDArray x) {
        INDArray norms = Transforms.sqrt(x.mul(x).sum(true, 1), false);
        // a zero row stays zero: similarity 0 to everything
        norms = Transforms.max(norms, 1e-300, false);
        return x.divColumnVector(norms);
    }

    @Override
    public String toString() {
        return "NearestNeighbour(" + metric + (train == null ? ", not fitted" : ", " + train.size(0) + " samples")
                + ")";
    }
}
