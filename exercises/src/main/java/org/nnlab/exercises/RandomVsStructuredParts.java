// Generated from exercises/src/main/java/org/nnlab/exercises/RandomVsStructuredExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.List;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.nn.Parameter;

/**
 * A {@link RandomVsStructuredExercises} built from functions, one per method, for the self-check cells:
 * {@code RandomVsStructuredExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class RandomVsStructuredParts implements RandomVsStructuredExercises {

    /** Exercise 4.1's function, shaped as {@link RandomVsStructuredExercises#forward}. */
    @FunctionalInterface
    public interface ForwardFn {
        INDArray apply(INDArray x, INDArray w1, INDArray w2);
    }

    /** Exercise 4.2's function, shaped as {@link RandomVsStructuredExercises#cost}. */
    @FunctionalInterface
    public interface CostFn {
        double apply(INDArray prediction, INDArray truth);
    }

    /** Exercise 4.3's function, shaped as {@link RandomVsStructuredExercises#gradients}. */
    @FunctionalInterface
    public interface GradientsFn {
        INDArray[] apply(INDArray x, INDArray y, INDArray w1, INDArray w2);
    }

    /** Exercise 4.4's function, shaped as {@link RandomVsStructuredExercises#train}. */
    @FunctionalInterface
    public interface TrainFn {
        double[] apply(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps);
    }

    /** Exercise 4.5's function, shaped as {@link RandomVsStructuredExercises#trainAndTest}. */
    @FunctionalInterface
    public interface TrainAndTestFn {
        double[] apply(Split data, INDArray w1, INDArray w2, double lr, int steps);
    }

    /** Exercise 4.6's function, shaped as {@link RandomVsStructuredExercises#sgdStep}. */
    @FunctionalInterface
    public interface SgdStepFn {
        void apply(List<Parameter> parameters, double lr);
    }

    private ForwardFn forward;
    private CostFn cost;
    private GradientsFn gradients;
    private TrainFn train;
    private TrainAndTestFn trainAndTest;
    private SgdStepFn sgdStep;

    RandomVsStructuredParts() {
    }

    /** Exercise 4.1 from {@code f}; returns this. */
    public RandomVsStructuredParts forward(ForwardFn f) {
        forward = Objects.requireNonNull(f, "forward");
        return this;
    }

    /** Exercise 4.2 from {@code f}; returns this. */
    public RandomVsStructuredParts cost(CostFn f) {
        cost = Objects.requireNonNull(f, "cost");
        return this;
    }

    /** Exercise 4.3 from {@code f}; returns this. */
    public RandomVsStructuredParts gradients(GradientsFn f) {
        gradients = Objects.requireNonNull(f, "gradients");
        return this;
    }

    /** Exercise 4.4 from {@code f}; returns this. */
    public RandomVsStructuredParts train(TrainFn f) {
        train = Objects.requireNonNull(f, "train");
        return this;
    }

    /** Exercise 4.5 from {@code f}; returns this. */
    public RandomVsStructuredParts trainAndTest(TrainAndTestFn f) {
        trainAndTest = Objects.requireNonNull(f, "trainAndTest");
        return this;
    }

    /** Exercise 4.6 from {@code f}; returns this. */
    public RandomVsStructuredParts sgdStep(SgdStepFn f) {
        sgdStep = Objects.requireNonNull(f, "sgdStep");
        return this;
    }

    @Override
    public INDArray forward(INDArray x, INDArray w1, INDArray w2) {
        return given(forward, "4.1").apply(x, w1, w2);
    }

    @Override
    public double cost(INDArray prediction, INDArray truth) {
        return given(cost, "4.2").apply(prediction, truth);
    }

    @Override
    public INDArray[] gradients(INDArray x, INDArray y, INDArray w1, INDArray w2) {
        return given(gradients, "4.3").apply(x, y, w1, w2);
    }

    @Override
    public double[] train(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps) {
        return given(train, "4.4").apply(x, y, w1, w2, lr, steps);
    }

    @Override
    public double[] trainAndTest(Split data, INDArray w1, INDArray w2, double lr, int steps) {
        return given(trainAndTest, "4.5").apply(data, w1, w2, lr, steps);
    }

    @Override
    public void sgdStep(List<Parameter> parameters, double lr) {
        given(sgdStep, "4.6").apply(parameters, lr);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
