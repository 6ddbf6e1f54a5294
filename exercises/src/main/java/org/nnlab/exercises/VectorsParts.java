// Generated from exercises/src/main/java/org/nnlab/exercises/VectorsExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link VectorsExercises} built from functions, one per method, for the self-check cells:
 * {@code VectorsExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class VectorsParts implements VectorsExercises {

    /** Exercise 0.1's function, shaped as {@link VectorsExercises#entry}. */
    @FunctionalInterface
    public interface EntryFn {
        double apply(double[][] a, int i, int j);
    }

    /** Exercise 0.2's function, shaped as {@link VectorsExercises#multiply}. */
    @FunctionalInterface
    public interface MultiplyFn {
        double[][] apply(double[][] a, double[][] b);
    }

    /** Exercise 0.4's function, shaped as {@link VectorsExercises#dot}. */
    @FunctionalInterface
    public interface DotFn {
        double apply(double[] x, double[] w);
    }

    /** Exercise 0.3's function, shaped as {@link VectorsExercises#power}. */
    @FunctionalInterface
    public interface PowerFn {
        INDArray apply(INDArray a, int n);
    }

    private EntryFn entry;
    private MultiplyFn multiply;
    private DotFn dot;
    private PowerFn power;

    VectorsParts() {
    }

    /** Exercise 0.1 from {@code f}; returns this. */
    public VectorsParts entry(EntryFn f) {
        entry = Objects.requireNonNull(f, "entry");
        return this;
    }

    /** Exercise 0.2 from {@code f}; returns this. */
    public VectorsParts multiply(MultiplyFn f) {
        multiply = Objects.requireNonNull(f, "multiply");
        return this;
    }

    /** Exercise 0.4 from {@code f}; returns this. */
    public VectorsParts dot(DotFn f) {
        dot = Objects.requireNonNull(f, "dot");
        return this;
    }

    /** Exercise 0.3 from {@code f}; returns this. */
    public VectorsParts power(PowerFn f) {
        power = Objects.requireNonNull(f, "power");
        return this;
    }

    @Override
    public double entry(double[][] a, int i, int j) {
        return given(entry, "0.1").apply(a, i, j);
    }

    @Override
    public double[][] multiply(double[][] a, double[][] b) {
        return given(multiply, "0.2").apply(a, b);
    }

    @Override
    public double dot(double[] x, double[] w) {
        return given(dot, "0.4").apply(x, w);
    }

    @Override
    public INDArray power(INDArray a, int n) {
        return given(power, "0.3").apply(a, n);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
