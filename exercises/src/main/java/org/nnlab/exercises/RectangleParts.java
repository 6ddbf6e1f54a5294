// Generated from exercises/src/main/java/org/nnlab/exercises/RectangleExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link RectangleExercises} built from functions, one per method, for the self-check cells:
 * {@code RectangleExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class RectangleParts implements RectangleExercises {

    /** Exercise 1.1's function, shaped as {@link RectangleExercises#toVector}. */
    @FunctionalInterface
    public interface ToVectorFn {
        double[] apply(int[][] image);
    }

    /** Exercise 1.2's function, shaped as {@link RectangleExercises#sigmoid}. */
    @FunctionalInterface
    public interface SigmoidFn {
        double apply(double z);
    }

    /** Exercise 1.3's function, shaped as {@link RectangleExercises#neuron}. */
    @FunctionalInterface
    public interface NeuronFn {
        double apply(double[] a, double[] w, double b);
    }

    /** Exercise 1.4's function, shaped as {@link RectangleExercises#layer}. */
    @FunctionalInterface
    public interface LayerFn {
        double[] apply(double[] a, double[][] w, double[] b);
    }

    /** Exercise 1.5's function, shaped as {@link RectangleExercises#wrongInput}. */
    @FunctionalInterface
    public interface WrongInputFn {
        double[] apply();
    }

    /** Exercise 1.6's function, shaped as {@link RectangleExercises#tune}. */
    @FunctionalInterface
    public interface TuneFn {
        RectangleWeights apply(RectangleWeights slides);
    }

    /** Exercise 1.7's function, shaped as {@link RectangleExercises#cost}. */
    @FunctionalInterface
    public interface CostFn {
        double apply(double[] y, double[] yTrue);
    }

    /** Exercise 1.8's function, shaped as {@link RectangleExercises#step}. */
    @FunctionalInterface
    public interface StepFn {
        INDArray apply(INDArray w, INDArray gradient, double learningRate);
    }

    private ToVectorFn toVector;
    private SigmoidFn sigmoid;
    private NeuronFn neuron;
    private LayerFn layer;
    private WrongInputFn wrongInput;
    private TuneFn tune;
    private CostFn cost;
    private StepFn step;

    RectangleParts() {
    }

    /** Exercise 1.1 from {@code f}; returns this. */
    public RectangleParts toVector(ToVectorFn f) {
        toVector = Objects.requireNonNull(f, "toVector");
        return this;
    }

    /** Exercise 1.2 from {@code f}; returns this. */
    public RectangleParts sigmoid(SigmoidFn f) {
        sigmoid = Objects.requireNonNull(f, "sigmoid");
        return this;
    }

    /** Exercise 1.3 from {@code f}; returns this. */
    public RectangleParts neuron(NeuronFn f) {
        neuron = Objects.requireNonNull(f, "neuron");
        return this;
    }

    /** Exercise 1.4 from {@code f}; returns this. */
    public RectangleParts layer(LayerFn f) {
        layer = Objects.requireNonNull(f, "layer");
        return this;
    }

    /** Exercise 1.5 from {@code f}; returns this. */
    public RectangleParts wrongInput(WrongInputFn f) {
        wrongInput = Objects.requireNonNull(f, "wrongInput");
        return this;
    }

    /** Exercise 1.6 from {@code f}; returns this. */
    public RectangleParts tune(TuneFn f) {
        tune = Objects.requireNonNull(f, "tune");
        return this;
    }

    /** Exercise 1.7 from {@code f}; returns this. */
    public RectangleParts cost(CostFn f) {
        cost = Objects.requireNonNull(f, "cost");
        return this;
    }

    /** Exercise 1.8 from {@code f}; returns this. */
    public RectangleParts step(StepFn f) {
        step = Objects.requireNonNull(f, "step");
        return this;
    }

    @Override
    public double[] toVector(int[][] image) {
        return given(toVector, "1.1").apply(image);
    }

    @Override
    public double sigmoid(double z) {
        return given(sigmoid, "1.2").apply(z);
    }

    @Override
    public double neuron(double[] a, double[] w, double b) {
        return given(neuron, "1.3").apply(a, w, b);
    }

    @Override
    public double[] layer(double[] a, double[][] w, double[] b) {
        return given(layer, "1.4").apply(a, w, b);
    }

    @Override
    public double[] wrongInput() {
        return given(wrongInput, "1.5").apply();
    }

    @Override
    public RectangleWeights tune(RectangleWeights slides) {
        return given(tune, "1.6").apply(slides);
    }

    @Override
    public double cost(double[] y, double[] yTrue) {
        return given(cost, "1.7").apply(y, yTrue);
    }

    @Override
    public INDArray step(INDArray w, INDArray gradient, double learningRate) {
        return given(step, "1.8").apply(w, gradient, learningRate);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
