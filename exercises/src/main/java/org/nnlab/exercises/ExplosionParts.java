// Generated from exercises/src/main/java/org/nnlab/exercises/ExplosionExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.plot.EdgeStyle;

/**
 * A {@link ExplosionExercises} built from functions, one per method, for the self-check cells:
 * {@code ExplosionExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class ExplosionParts implements ExplosionExercises {

    /** Exercise 5.1's function, shaped as {@link ExplosionExercises#firstDivergedStep}. */
    @FunctionalInterface
    public interface FirstDivergedStepFn {
        int apply(double[] losses, double factor);
    }

    /** Exercise 5.2's function, shaped as {@link ExplosionExercises#scanRates}. */
    @FunctionalInterface
    public interface ScanRatesFn {
        int[] apply(double[] rates, long seed, int steps);
    }

    /** Exercise 5.3's function, shaped as {@link ExplosionExercises#exactWeights}. */
    @FunctionalInterface
    public interface ExactWeightsFn {
        INDArray[] apply();
    }

    /** Exercise 5.4's function, shaped as {@link ExplosionExercises#plateaued}. */
    @FunctionalInterface
    public interface PlateauedFn {
        boolean apply(double[] losses, int window, double tolerance);
    }

    /** Exercise 5.5's function, shaped as {@link ExplosionExercises#edge}. */
    @FunctionalInterface
    public interface EdgeFn {
        EdgeStyle apply(double weight, double maxAbsWeight);
    }

    private FirstDivergedStepFn firstDivergedStep;
    private ScanRatesFn scanRates;
    private ExactWeightsFn exactWeights;
    private PlateauedFn plateaued;
    private EdgeFn edge;

    ExplosionParts() {
    }

    /** Exercise 5.1 from {@code f}; returns this. */
    public ExplosionParts firstDivergedStep(FirstDivergedStepFn f) {
        firstDivergedStep = Objects.requireNonNull(f, "firstDivergedStep");
        return this;
    }

    /** Exercise 5.2 from {@code f}; returns this. */
    public ExplosionParts scanRates(ScanRatesFn f) {
        scanRates = Objects.requireNonNull(f, "scanRates");
        return this;
    }

    /** Exercise 5.3 from {@code f}; returns this. */
    public ExplosionParts exactWeights(ExactWeightsFn f) {
        exactWeights = Objects.requireNonNull(f, "exactWeights");
        return this;
    }

    /** Exercise 5.4 from {@code f}; returns this. */
    public ExplosionParts plateaued(PlateauedFn f) {
        plateaued = Objects.requireNonNull(f, "plateaued");
        return this;
    }

    /** Exercise 5.5 from {@code f}; returns this. */
    public ExplosionParts edge(EdgeFn f) {
        edge = Objects.requireNonNull(f, "edge");
        return this;
    }

    @Override
    public int firstDivergedStep(double[] losses, double factor) {
        return given(firstDivergedStep, "5.1").apply(losses, factor);
    }

    @Override
    public int[] scanRates(double[] rates, long seed, int steps) {
        return given(scanRates, "5.2").apply(rates, seed, steps);
    }

    @Override
    public INDArray[] exactWeights() {
        return given(exactWeights, "5.3").apply();
    }

    @Override
    public boolean plateaued(double[] losses, int window, double tolerance) {
        return given(plateaued, "5.4").apply(losses, window, tolerance);
    }

    @Override
    public EdgeStyle edge(double weight, double maxAbsWeight) {
        return given(edge, "5.5").apply(weight, maxAbsWeight);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
