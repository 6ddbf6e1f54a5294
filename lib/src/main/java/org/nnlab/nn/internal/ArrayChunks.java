package org.nnlab.nn.internal;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ND4J array's numbers read and written a chunk at a time, in row-major order, as {@code double[]}
 * or {@code float[]}: for a loop over the numbers (an optimiser's rule) that runs in Java.
 *
 * <p>Why chunks: a chunk of {@link #SIZE} numbers stays in the core's cache, so reading it (one bulk
 * copy out of native memory), updating it and writing it back passes over the array's memory once.
 * Copying whole arrays into Java arrays and back passes over several megabytes several times per
 * parameter and step. A chunk read in the array's own type is a plain copy; in the other type each
 * number is converted (float to double exactly, double to float rounded).
 *
 * <p>An array that is not one row-major block of float or double numbers (a view with gaps, half
 * precision) is handled through a row-major double copy, written back into the array by {@link #close()}.
 */
public final class ArrayChunks implements AutoCloseable {

    /** Numbers per chunk: 16 KB of doubles. */
    public static final int SIZE = 2048;

    /** Per thread, the numbers a chunk passes through on its way to and from the other type. */
    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[SIZE]);
    private static final ThreadLocal<double[]> DOUBLES = ThreadLocal.withInitial(() -> new double[SIZE]);

    private final INDArray array;
    private final INDArray copy;       // a row-major double copy, when the array cannot be read directly
    private final FloatBuffer floats;  // exactly one of floats and doubles is set
    private final DoubleBuffer doubles;
    private final int offset;
    private final int length;

    private ArrayChunks(INDArray array) {
        this.array = array;
        this.length = Math.toIntExact(array.length());
        boolean asFloat = HostArrays.direct(array, DataType.FLOAT);
        this.copy = asFloat || HostArrays.direct(array, DataType.DOUBLE) ? null : array.castTo(DataType.DOUBLE).dup('c');
        INDArray source = copy == null ? array : copy;
        this.offset = (int) source.offset();
        this.floats = asFloat ? source.data().asNioFloat() : null;
        this.doubles = asFloat ? null : source.data().asNioDouble();
    }

    /** The numbers of {@code array}, to read and write by chunks; close it when done. */
    public static ArrayChunks of(INDArray array) {
        return new ArrayChunks(array);
    }

    /**
     * Whether the chunks are read from the array's own memory (not from a copy): then these chunks stay
     * valid for the array's life and can be kept from step to step (an ND4J array's memory does not move).
     */
    public boolean direct() {
        return copy == null;
    }

    /** How many numbers the array holds. */
    public int length() {
        return length;
    }

    /** Reads the numbers {@code from .. from + n - 1} into {@code into[0 .. n - 1]}, n <= {@link #SIZE}. */
    public void read(int from, double[] into, int n) {
        if (doubles != null) {
            doubles.get(offset + from, into, 0, n);
            return;
        }
        float[] f = FLOATS.get();
        floats.get(offset + from, f, 0, n);
        for (int i = 0; i < n; i++) {
            into[i] = f[i];
        }
    }

    /** Reads the numbers {@code from .. from + n - 1} into {@code into[0 .. n - 1]}, n <= {@link #SIZE}. */
    public void read(int from, float[] into, int n) {
        if (floats != null) {
            floats.get(offset + from, into, 0, n);
            return;
        }
        double[] d = DOUBLES.get();
        doubles.get(offset + from, d, 0, n);
        for (int i = 0; i < n; i++) {
            into[i] = (float) d[i];
        }
    }

    /** Writes {@code from[0 .. n - 1]} over the numbers {@code at .. at + n - 1}, n <= {@link #SIZE}. */
    public void write(int at, double[] from, int n) {
        if (doubles != null) {
            doubles.put(offset + at, from, 0, n);
            return;
        }
        float[] f = FLOATS.get();
        for (int i = 0; i < n; i++) {
            f[i] = (float) from[i];
        }
        floats.put(offset + at, f, 0, n);
    }

    /** Writes {@code from[0 .. n - 1]} over the numbers {@code at .. at + n - 1}, n <= {@link #SIZE}. */
    public void write(int at, float[] from, int n) {
        if (floats != null) {
            floats.put(offset + at, from, 0, n);
            return;
        }
        double[] d = DOUBLES.get();
        for (int i = 0; i < n; i++) {
            d[i] = from[i];
        }
        doubles.put(offset + at, d, 0, n);
    }

    /** Writes the numbers back into the array when they went through a copy. */
    @Override
    public void close() {
        if (copy != null) {
            array.assign(copy.reshape(array.shape()).castTo(array.dataType()));
        }
    }
}
