// Generated from solutions/notebooks/07-mnist.ipynb by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.exercises.starter;

import java.util.*;
import java.util.stream.*;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.*;
import org.nnlab.loss.*;
import org.nnlab.optim.*;
import org.nnlab.train.*;
import org.nnlab.data.*;
import org.nnlab.functions.*;
import org.nnlab.metrics.*;
import org.nnlab.knn.*;
import org.nnlab.gradcheck.GradCheck;
import org.nnlab.io.ModelIO;
import org.nnlab.explain.*;
import tech.tablesaw.api.*;
import org.nnlab.exercises.*;
import org.nd4j.linalg.api.buffer.DataType;
import org.nnlab.plot.*;
import org.nnlab.notebook.*;

/**
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/07-mnist.ipynb as a class implementing
 * {@link MnistExercises}. Not final, so that a grader can subclass it.
 */
public class MnistStarter implements MnistExercises {

    // Exercise 7.1
    public long parameterCount(int[] sizes) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.1: not implemented yet");
    }

    // Exercise 7.2
    public Sequential mlp(long seed) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.2: not implemented yet");
    }

    // Exercise 7.3
    public int[] predictions(INDArray logits) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.3: not implemented yet");
    }

    // Exercise 7.4
    public double testAccuracy(Layer model, Split data) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.4: not implemented yet");
    }

    // Exercise 7.5
    public long[][] confusion(int[] predicted, int[] actual, int classes) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.5: not implemented yet");
    }

    // Exercise 7.6
    public int[] mistakes(int[] predicted, int[] actual) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.6: not implemented yet");
    }

    // Exercise 7.7
    public int convOutputSide(int side, int kernel, int padding, int stride) {
        // your code here
        throw new UnsupportedOperationException("Exercise 7.7: not implemented yet");
    }
}
