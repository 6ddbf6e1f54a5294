package org.nnlab.nn.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * Copies between ND4J arrays (native memory) and Java arrays, in row-major order, for computations
 * written as plain loops over the numbers (an optimiser's update, a loss over a small batch of logits).
 *
 * <p>Why loops: the JIT compiles them to SIMD code and they make no native calls, while each ND4J
 * operation costs 10-20 µs of call overhead, and libnd4j's element-wise {@code sqrt}/{@code exp}
 * are scalar code where the JIT's loops are SIMD.
 *
 * <p>An array stored as one row-major block ({@link #isRowMajor}, a view of whole rows included) and of
 * the Java array's type is copied in one bulk transfer; anything else is converted first.
 */
public final class HostArrays {

    /** Per thread, the chunk {@link #allFinite} copies through (32 KB: it stays in the L1 cache). */
    private static final ThreadLocal<long[]> LONG_CHUNK = ThreadLocal.withInitial(() -> new long[4096]);

    /** Per thread, the floats that {@link #read(INDArray, double[])} widens and {@link #write(double[], INDArray)} narrows. */
    private static final ThreadLocal<float[][]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    private HostArrays() {
    }

    /** This thread's scratch floats, at least n of them (reused: float parameters are copied every step). */
    private static float[] floatScratch(int n) {
        float[][] holder = FLOAT_SCRATCH.get();
        if (holder[0].length < n) {
            holder[0] = new float[n];
        }
        return holder[0];
    }

    /** {@code a}'s numbers in row-major order, into {@code into} (of length {@code a.length()}); returns into. */
    public static double[] read(INDArray a, double[] into) {
        requireLength(a, into.length);
        if (direct(a, DataType.FLOAT)) {   // e.g. float32 logits: widened here, without a converted copy in ND4J
            float[] numbers = read(a, floatScratch(into.length));
            for (int i = 0; i < into.length; i++) {
                into[i] = numbers[i];
            }
            return into;
        }
        INDArray source = direct(a, DataType.DOUBLE) ? a : a.castTo(DataType.DOUBLE).dup('c');
        source.data().asNioDouble().get((int) source.offset(), into);
        return into;
    }

    /** {@code a}'s numbers in row-major order, into the first {@code a.length()} of {@code into}; returns into. */
    public static float[] read(INDArray a, float[] into) {
        if (into.length < a.length()) {
            requireLength(a, into.length);
        }
        INDArray source = direct(a, DataType.FLOAT) ? a : a.castTo(DataType.FLOAT).dup('c');
        source.data().asNioFloat().get((int) source.offset(), into, 0, (int) a.length());
        return into;
    }

    /** Writes {@code from} into {@code a} in row-major order (converted to a's type); returns a. */
    public static INDArray write(double[] from, INDArray a) {
        requireLength(a, from.length);
        if (direct(a, DataType.FLOAT)) {   // e.g. a gradient for float32 logits: narrowed here
            float[] numbers = floatScratch(from.length);
            for (int i = 0; i < from.length; i++) {
                numbers[i] = (float) from[i];
            }
            a.data().asNioFloat().put((int) a.offset(), numbers, 0, from.length);
            return a;
        }
        if (direct(a, DataType.DOUBLE)) {
            a.data().asNioDouble().put((int) a.offset(), from);
        } else {
            a.assign(Nd4j.createFromArray(from).reshape(a.shape()));
        }
        return a;
    }

    /** Writes {@code from} into {@code a} in row-major order (converted to a's type); returns a. */
    public static INDArray write(float[] from, INDArray a) {
        requireLength(a, from.length);
        if (direct(a, DataType.FLOAT)) {
            a.data().asNioFloat().put((int) a.offset(), from);
        } else {
            a.assign(Nd4j.createFromArray(from).reshape(a.shape()));
        }
        return a;
    }

    /**
     * Whether every number of {@code a} is finite (no NaN, no ±infinity), read from the numbers' bits in
     * chunks copied from a row-major float or double array (views included); other layouts and half
     * precision are first copied to one. Why bits: a float loop ({@code max |a_i|}) stays scalar code,
     * where an OR over their bits, 8 bytes at a time, is SIMD code; not a sum, which can overflow where
     * no number is infinite; not ND4J's reductions, which cost several times more here.
     */
    public static boolean allFinite(INDArray a) {
        if (a.isEmpty() || !a.dataType().isFPType()) {
            return true;   // integers and booleans have no NaN or infinity
        }
        DataType type = a.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT;
        // another layout, or half/bfloat16: a row-major copy first (in float, which keeps a NaN or infinity)
        INDArray numbers = direct(a, type) ? a : a.castTo(type).dup('c');
        if (!direct(numbers, type)) {   // beyond what a Java buffer addresses
            return Double.isFinite(numbers.sumNumber().doubleValue());
        }
        int width = type == DataType.FLOAT ? 4 : 8;
        return finite(numbers.data().asNio(), (int) numbers.offset() * width, (int) numbers.length(), width);
    }

    /**
     * Whether none of the n numbers of {@code width} bytes (4 or 8) from byte {@code start} of
     * {@code bytes} is NaN or infinite, read as their bits, 8 bytes at a time: one double, or two floats
     * side by side. A number is not finite exactly when its exponent bits are all ones; adding 1 to
     * each exponent field (the bits around it masked off) then carries into that number's sign bit. An
     * OR over whole chunks, which the JIT turns into SIMD code.
     */
    private static boolean finite(ByteBuffer bytes, int start, int n, int width) {
        boolean floats = width == 4;
        long exponents = floats ? 0x7f800000_7f800000L : 0x7ff00000_00000000L;
        long exponentOnes = floats ? 0x00800000_00800000L : 0x00100000_00000000L;
        long signs = floats ? 0x80000000_80000000L : 0x80000000_00000000L;
        int size = n * width;
        LongBuffer words = bytes.position(start).slice().order(ByteOrder.nativeOrder()).asLongBuffer();
        long[] chunk = LONG_CHUNK.get();
        long any = 0;
        for (int from = 0; from < size / 8; from += chunk.length) {
            int length = Math.min(chunk.length, size / 8 - from);
            words.get(from, chunk, 0, length);
            for (int i = 0; i < length; i++) {
                any |= (chunk[i] & exponents) + exponentOnes;   // a sign bit set exactly for NaN and +-infinity
            }
        }
        boolean lastFloat = size % 8 == 0 || Float.isFinite(bytes.order(ByteOrder.nativeOrder()).getFloat(start + size - 4));
        return (any & signs) == 0 && lastFloat;
    }

    /**
     * Whether {@code a}'s numbers lie one after the other in row-major order from {@code a.offset()} in
     * its buffer (a view of whole rows included), so that they can be copied as one block. ND4J's
     * {@code Shape.hasDefaultStridesForShape} says no for a dimension of size 1, e.g. MNIST images
     * {@code [n, 1, 28, 28]} with strides {@code [784, 784, 28, 1]}.
     */
    public static boolean isRowMajor(INDArray a) {
        long[] shape = a.shape();
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** True when {@code a} is of type {@code type} and its numbers are one row-major block a Java buffer addresses. */
    static boolean direct(INDArray a, DataType type) {
        return a.dataType() == type && isRowMajor(a) && (a.offset() + a.length()) * type.width() <= Integer.MAX_VALUE;
    }

    private static void requireLength(INDArray a, int length) {
        if (a.length() != length) {
            throw Args.fail("HostArrays", "a Java array of " + a.length() + " numbers for an array of shape "
                    + Args.shape(a), "one of " + length, "allocate it as new double[(int) a.length()].");
        }
    }
}
