package org.nnlab.metrics;

import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Counts of (actual class, predicted class) pairs: {@code count(a, p)} is the number of samples of
 * class a predicted as p; the diagonal holds the correct ones.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(model.forward(test.features()), test.labels());
 * cm            // a text table, rows = actual, columns = predicted
 * cm.toTable()  // the same as a Tablesaw Table
 * }</pre>
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    private ConfusionMatrix(long[][] counts) {
        this.counts = counts;
    }

    /**
     * From class indices, with {@code numClasses} classes.
     *
     * @throws IllegalArgumentException when lengths differ or an index is outside {@code [0, numClasses)}
     */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int numClasses) {
        String where = "ConfusionMatrix.of";
        Args.require(predicted != null && actual != null, where, "two arrays of class indices", null,
                "e.g. ConfusionMatrix.of(predicted, actual, 10).");
        Args.require(predicted.length == actual.length, where, "as many predictions as targets",
                predicted.length + " predictions and " + actual.length + " targets",
                "compare predictions and targets of the same samples.");
        Args.require(numClasses > 0, where, "numClasses > 0", numClasses, "MNIST has 10 classes.");
        long[][] counts = new long[numClasses][numClasses];
        for (int i = 0; i < predicted.length; i++) {
            int p = predicted[i];
            int a = actual[i];
            Args.require(p >= 0 && p < numClasses && a >= 0 && a < numClasses, where,
                    "class indices in [0, " + numClasses + ")", "predicted " + p + ", actual " + a + " at " + i,
                    "pass the number of classes of the problem.");
            counts[a][p]++;
        }
        return new ConfusionMatrix(counts);
    }

    /**
     * From predictions and targets as arrays, converted as in {@link Metrics}; the number of classes is
     * the width of one-hot arrays, 2 for single outputs.
     */
    public static ConfusionMatrix of(INDArray predictions, INDArray targets) {
        Args.requireArray(predictions, "ConfusionMatrix.of", "predictions [n, k]");
        Args.requireArray(targets, "ConfusionMatrix.of", "targets [n, k]");
        int k = (int) Math.max(width(predictions), width(targets));
        return of(Metrics.predictedClasses(predictions), Metrics.targetClasses(targets), Math.max(k, 2));
    }

    private static long width(INDArray a) {
        return a.rank() == 2 ? a.size(1) : 1;
    }

    /** The number of classes. */
    public int numClasses() {
        return counts.length;
    }

    /** The number of samples of class {@code actual} predicted as {@code predicted}. */
    public long count(int actual, int predicted) {
        Args.require(actual >= 0 && actual < counts.length && predicted >= 0 && predicted < counts.length,
                "ConfusionMatrix.count", "classes in [0, " + counts.length + ")",
                "actual " + actual + ", predicted " + predicted, "classes are numbered from 0.");
        return counts[actual][predicted];
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The number of samples. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }

    /** The fraction on the diagonal (NaN when empty). */
    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        return (double) correct / total();
    }

    /**
     * Per class, the fraction of its samples predicted correctly (recall): {@code count(c, c) / sum_p count(c, p)};
     * NaN for a class without samples.
     */
    public double[] perClassAccuracy() {
        double[] result = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            long row = 0;
            for (long v : counts[c]) {
                row += v;
            }
            result[c] = (double) counts[c][c] / row;
        }
        return result;
    }

    /** A Tablesaw table: column "actual", one column per predicted class, and "accuracy" per row. */
    public Table toTable() {
        Table table = Table.create("confusion matrix (rows: actual, columns: predicted)");
        StringColumn actual = StringColumn.create("actual");
        for (int c = 0; c < counts.length; c++) {
            actual.append(String.valueOf(c));
        }
        table.addColumns(actual);
        for (int p = 0; p < counts.length; p++) {
            IntColumn column = IntColumn.create(String.valueOf(p));
            for (long[] row : counts) {
                column.append((int) row[p]);
            }
            table.addColumns(column);
        }
        DoubleColumn accuracy = DoubleColumn.create("accuracy",
                perClassAccuracy());
        table.addColumns(accuracy);
        return table;
    }

    /** A text table: rows are actual classes, columns predicted classes, then the per-class accuracy. */
    @Override
    public String toString() {
        long max = 1;
        for (long[] row : counts) {
            for (long c : row) {
                max = Math.max(max, c);
            }
        }
        int w = Math.max(String.valueOf(max).length(), String.valueOf(counts.length - 1).length()) + 1;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "actual \\ predicted (%d samples, accuracy %.2f%%)%n", total(),
                100 * accuracy()));
        s.append(String.format(Locale.ROOT, "%6s", ""));
        for (int p = 0; p < counts.length; p++) {
            s.append(String.format(Locale.ROOT, "%" + w + "d", p));
        }
        s.append("   accuracy\n");
        double[] perClass = perClassAccuracy();
        for (int a = 0; a < counts.length; a++) {
            s.append(String.format(Locale.ROOT, "%6d", a));
            for (int p = 0; p < counts.length; p++) {
                s.append(String.format(Locale.ROOT, "%" + w + "d", counts[a][p]));
            }
            s.append(String.format(Locale.ROOT, "   %7.2f%%%n", 100 * perClass[a]));
        }
        return s.toString();
    }
}
