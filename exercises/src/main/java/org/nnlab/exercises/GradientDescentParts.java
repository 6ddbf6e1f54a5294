// Generated from exercises/src/main/java/org/nnlab/exercises/GradientDescentExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nnlab.functions.Function1;

/**
 * A {@link GradientDescentExercises} built from functions, one per method, for the self-check cells:
 * {@code GradientDescentExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class GradientDescentParts implements GradientDescentExercises {

    /** Exercise 2.1's function, shaped as {@link GradientDescentExercises#derivative}. */
    @FunctionalInterface
    public interface DerivativeFn {
        double apply(double x);
    }

    /** Exercise 2.2's function, shaped as {@link GradientDescentExercises#step}. */
    @FunctionalInterface
    public interface StepFn {
        double apply(double x, double slope, double alpha);
    }

    /** Exercise 2.3's function, shaped as {@link GradientDescentExercises#descend}. */
    @FunctionalInterface
    public interface DescendFn {
        double[] apply(Function1 f, double x0, double alpha, int steps);
    }

    /** Exercise 2.4's function, shaped as {@link GradientDescentExercises#gradient}. */
    @FunctionalInterface
    public interface GradientFn {
        double[] apply(double x, double y);
    }

    /** Exercise 2.5's function, shaped as {@link GradientDescentExercises#globalStart}. */
    @FunctionalInterface
    public interface GlobalStartFn {
        double[] apply();
    }

    private DerivativeFn derivative;
    private StepFn step;
    private DescendFn descend;
    private GradientFn gradient;
    private GlobalStartFn globalStart;

    GradientDescentParts() {
    }

    /** Exercise 2.1 from {@code f}; returns this. */
    public GradientDescentParts derivative(DerivativeFn f) {
        derivative = Objects.requireNonNull(f, "derivative");
        return this;
    }

    /** Exercise 2.2 from {@code f}; returns this. */
    public GradientDescentParts step(StepFn f) {
        step = Objects.requireNonNull(f, "step");
        return this;
    }

    /** Exercise 2.3 from {@code f}; returns this. */
    public GradientDescentParts descend(DescendFn f) {
        descend = Objects.requireNonNull(f, "descend");
        return this;
    }

    /** Exercise 2.4 from {@code f}; returns this. */
    public GradientDescentParts gradient(GradientFn f) {
        gradient = Objects.requireNonNull(f, "gradient");
        return this;
    }

    /** Exercise 2.5 from {@code f}; returns this. */
    public GradientDescentParts globalStart(GlobalStartFn f) {
        globalStart = Objects.requireNonNull(f, "globalStart");
        return this;
    }

    @Override
    public double derivative(double x) {
        return given(derivative, "2.1").apply(x);
    }

    @Override
    public double step(double x, double slope, double alpha) {
        return given(step, "2.2").apply(x, slope, alpha);
    }

    @Override
    public double[] descend(Function1 f, double x0, double alpha, int steps) {
        return given(descend, "2.3").apply(f, x0, alpha, steps);
    }

    @Override
    public double[] gradient(double x, double y) {
        return given(gradient, "2.4").apply(x, y);
    }

    @Override
    public double[] globalStart() {
        return given(globalStart, "2.5").apply();
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
