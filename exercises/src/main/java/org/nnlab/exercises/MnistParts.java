// Generated from exercises/src/main/java/org/nnlab/exercises/MnistExercises.java by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises;

import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Sequential;

/**
 * A {@link MnistExercises} built from functions, one per method, for the self-check cells:
 * {@code MnistExercises.with().name((a, b) -> name(a, b))}; a method whose function was not given
 * throws "Exercise N.k: not implemented yet".
 */
public final class MnistParts implements MnistExercises {

    /** Exercise 7.1's function, shaped as {@link MnistExercises#parameterCount}. */
    @FunctionalInterface
    public interface ParameterCountFn {
        long apply(int[] sizes);
    }

    /** Exercise 7.2's function, shaped as {@link MnistExercises#mlp}. */
    @FunctionalInterface
    public interface MlpFn {
        Sequential apply(long seed);
    }

    /** Exercise 7.3's function, shaped as {@link MnistExercises#predictions}. */
    @FunctionalInterface
    public interface PredictionsFn {
        int[] apply(INDArray logits);
    }

    /** Exercise 7.4's function, shaped as {@link MnistExercises#testAccuracy}. */
    @FunctionalInterface
    public interface TestAccuracyFn {
        double apply(Layer model, Split data);
    }

    /** Exercise 7.5's function, shaped as {@link MnistExercises#confusion}. */
    @FunctionalInterface
    public interface ConfusionFn {
        long[][] apply(int[] predicted, int[] actual, int classes);
    }

    /** Exercise 7.6's function, shaped as {@link MnistExercises#mistakes}. */
    @FunctionalInterface
    public interface MistakesFn {
        int[] apply(int[] predicted, int[] actual);
    }

    /** Exercise 7.7's function, shaped as {@link MnistExercises#convOutputSide}. */
    @FunctionalInterface
    public interface ConvOutputSideFn {
        int apply(int side, int kernel, int padding, int stride);
    }

    private ParameterCountFn parameterCount;
    private MlpFn mlp;
    private PredictionsFn predictions;
    private TestAccuracyFn testAccuracy;
    private ConfusionFn confusion;
    private MistakesFn mistakes;
    private ConvOutputSideFn convOutputSide;

    MnistParts() {
    }

    /** Exercise 7.1 from {@code f}; returns this. */
    public MnistParts parameterCount(ParameterCountFn f) {
        parameterCount = Objects.requireNonNull(f, "parameterCount");
        return this;
    }

    /** Exercise 7.2 from {@code f}; returns this. */
    public MnistParts mlp(MlpFn f) {
        mlp = Objects.requireNonNull(f, "mlp");
        return this;
    }

    /** Exercise 7.3 from {@code f}; returns this. */
    public MnistParts predictions(PredictionsFn f) {
        predictions = Objects.requireNonNull(f, "predictions");
        return this;
    }

    /** Exercise 7.4 from {@code f}; returns this. */
    public MnistParts testAccuracy(TestAccuracyFn f) {
        testAccuracy = Objects.requireNonNull(f, "testAccuracy");
        return this;
    }

    /** Exercise 7.5 from {@code f}; returns this. */
    public MnistParts confusion(ConfusionFn f) {
        confusion = Objects.requireNonNull(f, "confusion");
        return this;
    }

    /** Exercise 7.6 from {@code f}; returns this. */
    public MnistParts mistakes(MistakesFn f) {
        mistakes = Objects.requireNonNull(f, "mistakes");
        return this;
    }

    /** Exercise 7.7 from {@code f}; returns this. */
    public MnistParts convOutputSide(ConvOutputSideFn f) {
        convOutputSide = Objects.requireNonNull(f, "convOutputSide");
        return this;
    }

    @Override
    public long parameterCount(int[] sizes) {
        return given(parameterCount, "7.1").apply(sizes);
    }

    @Override
    public Sequential mlp(long seed) {
        return given(mlp, "7.2").apply(seed);
    }

    @Override
    public int[] predictions(INDArray logits) {
        return given(predictions, "7.3").apply(logits);
    }

    @Override
    public double testAccuracy(Layer model, Split data) {
        return given(testAccuracy, "7.4").apply(model, data);
    }

    @Override
    public long[][] confusion(int[] predicted, int[] actual, int classes) {
        return given(confusion, "7.5").apply(predicted, actual, classes);
    }

    @Override
    public int[] mistakes(int[] predicted, int[] actual) {
        return given(mistakes, "7.6").apply(predicted, actual);
    }

    @Override
    public int convOutputSide(int side, int kernel, int padding, int stride) {
        return given(convOutputSide, "7.7").apply(side, kernel, padding, stride);
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
