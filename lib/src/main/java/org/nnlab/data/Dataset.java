package org.nnlab.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nnlab.check.Args;
import org.nnlab.nn.internal.HostArrays;

/**
 * Samples and their targets, row by row.
 *
 * <p>Shapes: features {@code [n, d]} (or {@code [n, channels, height, width]} for images),
 * labels {@code [n, k]}: one-hot rows for k classes, a 0/1 column for a binary class, or real
 * values for regression. Row i of the features goes with row i of the labels.
 *
 * <p>Immutable in use: {@link #shuffle}, {@link #slice}, {@link #split} return new datasets
 * (slices share memory with this one).
 */
public final class Dataset {

    private final INDArray features;
    private final INDArray labels;
    private Boolean classLabels;

    /**
     * @throws IllegalArgumentException when either is null, labels are not {@code [n, k]}, or the
     *                                  numbers of rows disagree
     */
    public Dataset(INDArray features, INDArray labels) {
        Args.requireArray(features, "Dataset", "features [n, d]");
        Args.requireArray(labels, "Dataset", "labels [n, k]");
        Args.require(features.rank() >= 2, "Dataset", "features of shape [n, d] or [n, c, h, w]", features,
                "one sample per row: use features.reshape(n, d).");
        Args.require(labels.rank() == 2, "Dataset", "labels of shape [n, k]", labels,
                "a single target per sample is a column: use labels.reshape(n, 1).");
        Args.require(features.size(0) == labels.size(0), "Dataset",
                "as many label rows as feature rows (" + features.size(0) + ")",
                labels.size(0) + " label rows (features " + Args.shape(features) + ", labels " + Args.shape(labels)
                        + ")",
                "row i of the labels is the target of row i of the features; check that both come from the same"
                        + " samples.");
        this.features = features;
        this.labels = labels;
    }

    /** Same as the constructor. */
    public static Dataset of(INDArray features, INDArray labels) {
        return new Dataset(features, labels);
    }

    /** Features, {@code [n, d...]}. */
    public INDArray features() {
        return features;
    }

    /** Labels, {@code [n, k]}. */
    public INDArray labels() {
        return labels;
    }

    /** The number of samples n. */
    public int size() {
        return (int) features.size(0);
    }

    /**
     * True when the labels are classes: one-hot rows ({@code k > 1}, entries 0 or 1, one 1 per row)
     * or a single 0/1 column. Regression targets give false. Used by the Trainer to decide whether
     * accuracy means anything.
     */
    public boolean hasClassLabels() {
        if (classLabels == null) {
            classLabels = computeClassLabels();
        }
        return classLabels;
    }

    private boolean computeClassLabels() {
        if (size() == 0) {
            return false;
        }
        double[] values = labels.dup('c').data().asDouble();
        for (double v : values) {
            if (v != 0.0 && v != 1.0) {
                return false;
            }
        }
        if (labels.size(1) == 1) {
            return true;
        }
        double[] rowSums = labels.sum(1).data().asDouble();
        return Arrays.stream(rowSums).allMatch(s -> s == 1.0);
    }

    /**
     * Rows {@code from} (inclusive) to {@code to} (exclusive), sharing memory with this dataset.
     *
     * @throws IllegalArgumentException unless {@code 0 <= from <= to <= size()}
     */
    public Dataset slice(int from, int to) {
        Args.require(0 <= from && from <= to && to <= size(), "Dataset.slice",
                "0 <= from <= to <= " + size(), "from = " + from + ", to = " + to,
                "rows are numbered 0 to size() - 1 and 'to' is exclusive.");
        return new Dataset(rows(features, from, to), rows(labels, from, to));
    }

    /** The samples in an order drawn with {@code seed} (the same seed gives the same order). */
    public Dataset shuffle(long seed) {
        return select(permutation(size(), seed));
    }

    /**
     * Shuffles with {@code seed}, then cuts: the first {@code round(fraction * n)} samples train, the
     * rest test.
     *
     * @throws IllegalArgumentException unless {@code 0 < fraction < 1}
     */
    public Split split(double fraction, long seed) {
        Args.require(fraction > 0 && fraction < 1, "Dataset.split", "a fraction strictly between 0 and 1",
                fraction, "0.8 keeps 80% for training and 20% for testing.");
        int cut = (int) Math.round(fraction * size());
        Dataset shuffled = shuffle(seed);
        return new Split(shuffled.slice(0, cut), shuffled.slice(cut, size()));
    }

    /** Mini-batches in order, the last one smaller when {@code batchSize} does not divide n. */
    public Iterable<Dataset> batches(int batchSize) {
        checkBatchSize(batchSize, "Dataset.batches");
        return () -> new Batches(this, batchSize);
    }

    /**
     * Mini-batches of a copy shuffled with {@code seed}, the tail batch included: the same batches as
     * {@code shuffle(seed).batches(batchSize)}. Each batch is gathered from this dataset's rows when it
     * is served, so an epoch copies every sample once, into a small batch that is then read while it
     * is still in the cache, and never holds a shuffled copy of the whole dataset.
     *
     * @throws IllegalArgumentException when {@code batchSize <= 0}
     */
    public Iterable<Dataset> batches(int batchSize, long seed) {
        checkBatchSize(batchSize, "Dataset.batches");
        return () -> new Batches(this, batchSize, permutation(size(), seed), false);
    }

    /**
     * The batches of {@link #batches(int, long)}, each gathered into the same two arrays (a smaller
     * tail batch into two of its own): a batch is valid until the next one is served, so keep one
     * with {@code dup()}. The Trainer, which reads each batch once, trains this way: a new array per
     * batch cost 0.2-1 ms here as fresh memory was paged in (0.1-0.3 s per MNIST epoch), and the
     * arrays' memory was held until Java's garbage collector ran.
     *
     * @throws IllegalArgumentException when {@code batchSize <= 0}
     */
    public Iterable<Dataset> reusedBatches(int batchSize, long seed) {
        checkBatchSize(batchSize, "Dataset.reusedBatches");
        return () -> new Batches(this, batchSize, permutation(size(), seed), true);
    }

    /** The number of batches of {@code batchSize}, tail included: {@code ceil(n / batchSize)}. */
    public int batchCount(int batchSize) {
        checkBatchSize(batchSize, "Dataset.batchCount");
        return (size() + batchSize - 1) / batchSize;
    }

    private static void checkBatchSize(int batchSize, String where) {
        Args.require(batchSize > 0, where, "a batch size > 0", batchSize,
                "32 is a common choice; use size() for full-batch gradient descent.");
    }

    /** The samples at the given row indices, in that order (a copy). */
    public Dataset select(int[] rows) {
        Args.require(rows != null, "Dataset.select", "an array of row indices", null, "e.g. new int[] {0, 2}.");
        for (int r : rows) {
            Args.require(r >= 0 && r < size(), "Dataset.select", "row indices in [0, " + size() + ")", r,
                    "rows are numbered 0 to size() - 1.");
        }
        return new Dataset(gather(rowMajor(features), rows, 0, rows.length, null),
                gather(rowMajor(labels), rows, 0, rows.length, null));
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static INDArray rows(INDArray a, int from, int to) {
        INDArrayIndex[] index = new INDArrayIndex[a.rank()];
        index[0] = NDArrayIndex.interval(from, to);
        for (int i = 1; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return a.get(index);
    }

    /** {@code a}, or a row-major copy of it when its rows are not stored one after the other. */
    private static INDArray rowMajor(INDArray a) {
        return HostArrays.isRowMajor(a) ? a : a.dup('c');
    }

    /**
     * Rows {@code rows[from]} to {@code rows[to - 1]} of {@code source} (row-major, see {@link #rowMajor}),
     * in that order, copied into {@code into} (c-ordered, of the gathered shape) or, when it is null, a
     * new c-ordered array: one memory copy per row (Nd4j.pullRows took 0.54 s to shuffle the 60,000
     * MNIST images).
     */
    private static INDArray gather(INDArray source, int[] rows, int from, int to, INDArray into) {
        long[] shape = source.shape().clone();
        shape[0] = to - from;
        INDArray gathered = into != null ? into : Nd4j.createUninitialized(source.dataType(), shape, 'c');
        if (to == from) {
            return gathered;
        }
        long width = source.dataType().width();
        long rowBytes = source.length() / source.size(0) * width;
        long start = source.offset() * width;
        if (start + source.size(0) * rowBytes > Integer.MAX_VALUE) {   // beyond what a ByteBuffer addresses
            INDArray matrix = source.reshape('c', source.size(0), source.length() / source.size(0));
            return gathered.assign(Nd4j.pullRows(matrix, 1, Arrays.copyOfRange(rows, from, to)).reshape('c', shape));
        }
        ByteBuffer in = source.data().asNio();
        ByteBuffer out = gathered.data().asNio();
        int length = (int) rowBytes;
        for (int i = from; i < to; i++) {
            out.put((int) ((i - from) * rowBytes), in, (int) (start + rows[i] * rowBytes), length);
        }
        return gathered;
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " samples, features " + Args.shape(features) + ", labels " + Args.shape(labels)
                + ")";
    }

    private static final class Batches implements Iterator<Dataset> {
        private final Dataset data;
        private final int batchSize;
        private final int[] order;   // the rows in the order served; null: in the dataset's order
        private final boolean reuse;
        private final INDArray featureRows;   // what rows are gathered from: the data's arrays, row-major
        private final INDArray labelRows;
        private INDArray features;   // the arrays a batch is gathered into when reused
        private INDArray labels;
        private int next;

        Batches(Dataset data, int batchSize) {
            this(data, batchSize, null, false);
        }

        Batches(Dataset data, int batchSize, int[] order, boolean reuse) {
            this.data = data;
            this.batchSize = batchSize;
            this.order = order;
            this.reuse = reuse;
            // another layout is copied once per epoch here, not once per batch
            this.featureRows = order == null ? data.features : rowMajor(data.features);
            this.labelRows = order == null ? data.labels : rowMajor(data.labels);
        }

        @Override
        public boolean hasNext() {
            return next < data.size();
        }

        @Override
        public Dataset next() {
            if (!hasNext()) {
                throw new NoSuchElementException("Dataset.batches: all " + data.size() + " samples were served.");
            }
            int to = Math.min(next + batchSize, data.size());
            Dataset batch;
            if (order == null) {
                batch = data.slice(next, to);
            } else if (!reuse) {
                batch = new Dataset(gather(featureRows, order, next, to, null),
                        gather(labelRows, order, next, to, null));
            } else {
                if (features == null || features.size(0) != to - next) {   // the first batch, or the smaller tail
                    features = null;
                    labels = null;
                }
                features = gather(featureRows, order, next, to, features);
                labels = gather(labelRows, order, next, to, labels);
                batch = new Dataset(features, labels);
            }
            next = to;
            return batch;
        }
    }
}
