// Generated from solutions/notebooks/06-how-networks-see.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/06-how-networks-see.ipynb as a class implementing
 * {@link SeeingExercises}. Not final, so that a grader can subclass it.
 */
public class SeeingStarter implements SeeingExercises {

    // Exercise 6.1
    public double distance(double[] a, double[] b) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.1: not implemented yet");
    }

    // Exercise 6.2
    public double cosine(double[] a, double[] b) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.2: not implemented yet");
    }

    // Exercise 6.3
    public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.3: not implemented yet");
    }

    // Exercise 6.4
    public double accuracy(int[] predicted, int[] actual) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.4: not implemented yet");
    }

    // Exercise 6.5
    public double[] softmax(double[] z) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.5: not implemented yet");
    }

    // Exercise 6.6
    public INDArray template(INDArray w, int k) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.6: not implemented yet");
    }

    // Exercise 6.7
    public int[] topActivations(INDArray activations, int unit, int count) {
        // your code here
        throw new UnsupportedOperationException("Exercise 6.7: not implemented yet");
    }
}
