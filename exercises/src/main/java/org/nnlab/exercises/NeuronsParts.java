// Generated from exercises/src/main/java/org/nnlab/exercises/NeuronsExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Linear;
import org.nnlab.nn.McCullochPitts;

/**
 * A {@link NeuronsExercises} built from functions, one per method, for the self-check cells:
 * {@code NeuronsExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class NeuronsParts implements NeuronsExercises {

    /** Exercise 3.1's function, shaped as {@link NeuronsExercises#gate}. */
    @FunctionalInterface
    public interface GateFn {
        McCullochPitts apply(String name);
    }

    /** Exercise 3.2's function, shaped as {@link NeuronsExercises#perceptronStep}. */
    @FunctionalInterface
    public interface PerceptronStepFn {
        double[] apply(double[] w, double[] x, int t, double eta);
    }

    /** Exercise 3.3's function, shaped as {@link NeuronsExercises#trainPerceptron}. */
    @FunctionalInterface
    public interface TrainPerceptronFn {
        double[] apply(double[][] xs, int[] ts, double eta, int maxEpochs);
    }

    /** Exercise 3.4's function, shaped as {@link NeuronsExercises#collapse}. */
    @FunctionalInterface
    public interface CollapseFn {
        Linear apply(Linear first, Linear second);
    }

    /** Exercise 3.5's function, shaped as {@link NeuronsExercises#sigmoidPrime}. */
    @FunctionalInterface
    public interface SigmoidPrimeFn {
        double apply(double z);
    }

    /** Exercise 3.6's function, shaped as {@link NeuronsExercises#outputDelta}. */
    @FunctionalInterface
    public interface OutputDeltaFn {
        INDArray apply(INDArray y, INDArray t);
    }

    /** Exercise 3.7's function, shaped as {@link NeuronsExercises#hiddenDelta}. */
    @FunctionalInterface
    public interface HiddenDeltaFn {
        INDArray apply(INDArray delta2, INDArray w2, INDArray h);
    }

    /** Exercise 3.8's function, shaped as {@link NeuronsExercises#gradients}. */
    @FunctionalInterface
    public interface GradientsFn {
        TwoLayerNet apply(TwoLayerNet net, INDArray x, INDArray t);
    }

    private GateFn gate;
    private PerceptronStepFn perceptronStep;
    private TrainPerceptronFn trainPerceptron;
    private CollapseFn collapse;
    private SigmoidPrimeFn sigmoidPrime;
    private OutputDeltaFn outputDelta;
    private HiddenDeltaFn hiddenDelta;
    private GradientsFn gradients;

    NeuronsParts() {
    }

    /** Exercise 3.1 from {@code f}; returns this. */
    public NeuronsParts gate(GateFn f) {
        gate = Objects.requireNonNull(f, "gate");
        return this;
    }

    /** Exercise 3.2 from {@code f}; returns this. */
    public NeuronsParts perceptronStep(PerceptronStepFn f) {
        perceptronStep = Objects.requireNonNull(f, "perceptronStep");
        return this;
    }

    /** Exercise 3.3 from {@code f}; returns this. */
    public NeuronsParts trainPerceptron(TrainPerceptronFn f) {
        trainPerceptron = Objects.requireNonNull(f, "trainPerceptron");
        return this;
    }

    /** Exercise 3.4 from {@code f}; returns this. */
    public NeuronsParts collapse(CollapseFn f) {
        collapse = Objects.requireNonNull(f, "collapse");
        return this;
    }

    /** Exercise 3.5 from {@code f}; returns this. */
    public NeuronsParts sigmoidPrime(SigmoidPrimeFn f) {
        sigmoidPrime = Objects.requireNonNull(f, "sigmoidPrime");
        return this;
    }

    /** Exercise 3.6 from {@code f}; returns this. */
    public NeuronsParts outputDelta(OutputDeltaFn f) {
        outputDelta = Objects.requireNonNull(f, "outputDelta");
        return this;
    }

    /** Exercise 3.7 from {@code f}; returns this. */
    public NeuronsParts hiddenDelta(HiddenDeltaFn f) {
        hiddenDelta = Objects.requireNonNull(f, "hiddenDelta");
        return this;
    }

    /** Exercise 3.8 from {@code f}; returns this. */
    public NeuronsParts gradients(GradientsFn f) {
        gradients = Objects.requireNonNull(f, "gradients");
        return this;
    }

    @Override
    public McCullochPitts gate(String name) {
        return given(gate, "3.1").apply(name);
    }

    @Override
    public double[] perceptronStep(double[] w, double[] x, int t, double eta) {
        return given(perceptronStep, "3.2").apply(w, x, t, eta);
    }

    @Override
    public double[] trainPerceptron(double[][] xs, int[] ts, double eta, int maxEpochs) {
        return given(trainPerceptron, "3.3").apply(xs, ts, eta, maxEpochs);
    }

    @Override
    public Linear collapse(Linear first, Linear second) {
        return given(collapse, "3.4").apply(first, second);
    }

    @Override
    public double sigmoidPrime(double z) {
        return given(sigmoidPrime, "3.5").apply(z);
    }

    @Override
    public INDArray outputDelta(INDArray y, INDArray t) {
        return given(outputDelta, "3.6").apply(y, t);
    }

    @Override
    public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
        return given(hiddenDelta, "3.7").apply(delta2, w2, h);
    }

    @Override
    public TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t) {
        return given(gradients, "3.8").apply(net, x, t);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
