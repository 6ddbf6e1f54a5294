// Generated from exercises/src/main/java/org/nnlab/exercises/SeeingExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.knn.Metric;

/**
 * A {@link SeeingExercises} built from functions, one per method, for the self-check cells:
 * {@code SeeingExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class SeeingParts implements SeeingExercises {

    /** Exercise 6.1's function, shaped as {@link SeeingExercises#distance}. */
    @FunctionalInterface
    public interface DistanceFn {
        double apply(double[] a, double[] b);
    }

    /** Exercise 6.2's function, shaped as {@link SeeingExercises#cosine}. */
    @FunctionalInterface
    public interface CosineFn {
        double apply(double[] a, double[] b);
    }

    /** Exercise 6.3's function, shaped as {@link SeeingExercises#predict}. */
    @FunctionalInterface
    public interface PredictFn {
        int apply(double[][] train, int[] labels, double[] x, Metric metric);
    }

    /** Exercise 6.4's function, shaped as {@link SeeingExercises#accuracy}. */
    @FunctionalInterface
    public interface AccuracyFn {
        double apply(int[] predicted, int[] actual);
    }

    /** Exercise 6.5's function, shaped as {@link SeeingExercises#softmax}. */
    @FunctionalInterface
    public interface SoftmaxFn {
        double[] apply(double[] z);
    }

    /** Exercise 6.6's function, shaped as {@link SeeingExercises#template}. */
    @FunctionalInterface
    public interface TemplateFn {
        INDArray apply(INDArray w, int k);
    }

    /** Exercise 6.7's function, shaped as {@link SeeingExercises#topActivations}. */
    @FunctionalInterface
    public interface TopActivationsFn {
        int[] apply(INDArray activations, int unit, int count);
    }

    private DistanceFn distance;
    private CosineFn cosine;
    private PredictFn predict;
    private AccuracyFn accuracy;
    private SoftmaxFn softmax;
    private TemplateFn template;
    private TopActivationsFn topActivations;

    SeeingParts() {
    }

    /** Exercise 6.1 from {@code f}; returns this. */
    public SeeingParts distance(DistanceFn f) {
        distance = Objects.requireNonNull(f, "distance");
        return this;
    }

    /** Exercise 6.2 from {@code f}; returns this. */
    public SeeingParts cosine(CosineFn f) {
        cosine = Objects.requireNonNull(f, "cosine");
        return this;
    }

    /** Exercise 6.3 from {@code f}; returns this. */
    public SeeingParts predict(PredictFn f) {
        predict = Objects.requireNonNull(f, "predict");
        return this;
    }

    /** Exercise 6.4 from {@code f}; returns this. */
    public SeeingParts accuracy(AccuracyFn f) {
        accuracy = Objects.requireNonNull(f, "accuracy");
        return this;
    }

    /** Exercise 6.5 from {@code f}; returns this. */
    public SeeingParts softmax(SoftmaxFn f) {
        softmax = Objects.requireNonNull(f, "softmax");
        return this;
    }

    /** Exercise 6.6 from {@code f}; returns this. */
    public SeeingParts template(TemplateFn f) {
        template = Objects.requireNonNull(f, "template");
        return this;
    }

    /** Exercise 6.7 from {@code f}; returns this. */
    public SeeingParts topActivations(TopActivationsFn f) {
        topActivations = Objects.requireNonNull(f, "topActivations");
        return this;
    }

    @Override
    public double distance(double[] a, double[] b) {
        return given(distance, "6.1").apply(a, b);
    }

    @Override
    public double cosine(double[] a, double[] b) {
        return given(cosine, "6.2").apply(a, b);
    }

    @Override
    public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
        return given(predict, "6.3").apply(train, labels, x, metric);
    }

    @Override
    public double accuracy(int[] predicted, int[] actual) {
        return given(accuracy, "6.4").apply(predicted, actual);
    }

    @Override
    public double[] softmax(double[] z) {
        return given(softmax, "6.5").apply(z);
    }

    @Override
    public INDArray template(INDArray w, int k) {
        return given(template, "6.6").apply(w, k);
    }

    @Override
    public int[] topActivations(INDArray activations, int unit, int count) {
        return given(topActivations, "6.7").apply(activations, unit, count);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
