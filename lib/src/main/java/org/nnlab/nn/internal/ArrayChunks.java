package org.nnlab.nn.internal;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * An ND4J array's numbers read and written a chunk at a time, in row-major order, as {@code float[]}
 * or {@code double[]} (the type chosen when the chunks are made): for a loop over the numbers (an
 * optimiser's rule) that runs in Java.
 *
 * <p>Why chunks: a chunk of {@link #SIZE} numbers stays in the core's cache, so reading it (one bulk
 * copy out of native memory), updating it and writing it back passes over the array's memory once.
 * Copying whole arrays into Java arrays and back passes over several megabytes several times per
 * parameter and step.
 *
 * <p>An array of the chosen type stored as one row-major block is read where it is. Anything else (a
 * view with gaps, another type) is read through a row-major copy in the chosen type, which
 * {@link #close()} writes back into the array (converted to its type).
 */
public final class ArrayChunks implements AutoCloseable {

    /** Numbers per chunk: 16 KB of doubles. */
    public static final int SIZE = 2048;

    private final INDArray array;
    private final INDArray copy;       // the row-major copy in the chunks' type, when the array cannot be read directly
    private final FloatBuffer floats;  // exactly one of floats and doubles is set, by the chunks' type
    private final DoubleBuffer doubles;
    private final int offset;
    private final int length;

    private ArrayChunks(INDArray array, DataType type) {
        this.array = array;
        this.length = Math.toIntExact(array.length());
        this.copy = HostArrays.direct(array, type) ? null : array.castTo(type).dup('c');
        INDArray source = copy == null ? array : copy;
        this.offset = (int) source.offset();
        this.floats = type == DataType.FLOAT ? source.data().asNioFloat() : null;
        this.doubles = type == DataType.FLOAT ? null : source.data().asNioDouble();
    }

    /**
     * The numbers of {@code array} as {@code float[]} chunks (type FLOAT) or {@code double[]} chunks
     * (DOUBLE); close it when done.
     */
    public static ArrayChunks of(INDArray array, DataType type) {
        Args.require(type == DataType.FLOAT || type == DataType.DOUBLE, "ArrayChunks.of", "FLOAT or DOUBLE chunks", type,
                "a rule over the numbers runs in float or in double; other types go through a copy in one of them.");
        return new ArrayChunks(array, type);
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

    /** Reads the numbers {@code from .. from + n - 1} into {@code into[0 .. n - 1]} (float chunks). */
    public void read(int from, float[] into, int n) {
        floats.get(offset + from, into, 0, n);
    }

    /** Reads the numbers {@code from .. from + n - 1} into {@code into[0 .. n - 1]} (double chunks). */
    public void read(int from, double[] into, int n) {
        doubles.get(offset + from, into, 0, n);
    }

    /** Writes {@code from[0 .. n - 1]} over the numbers {@code at .. at + n - 1} (float chunks). */
    public void write(int at, float[] from, int n) {
        floats.put(offset + at, from, 0, n);
    }

    /** Writes {@code from[0 .. n - 1]} over the numbers {@code at .. at + n - 1} (double chunks). */
    public void write(int at, double[] from, int n) {
        doubles.put(offset + at, from, 0, n);
    }

    /** Writes the numbers back into the array when they went through a copy. */
    @Override
    public void close() {
        if (copy != null) {
            array.assign(copy.reshape(array.shape()).castTo(array.dataType()));
        }
    }
}
