// Generated from solutions/notebooks/01-rectangle.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/01-rectangle.ipynb as a class implementing
 * {@link RectangleExercises}. Not final, so that a grader can subclass it.
 */
public class RectangleStarter implements RectangleExercises {

    // Exercise 1.1
    public double[] toVector(int[][] image) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.1: not implemented yet");
    }

    // Exercise 1.2
    public double sigmoid(double z) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.2: not implemented yet");
    }

    // Exercise 1.3
    public double neuron(double[] a, double[] w, double b) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.3: not implemented yet");
    }

    // Exercise 1.4
    public double[] layer(double[] a, double[][] w, double[] b) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.4: not implemented yet");
    }

    // Exercise 1.5
    public double[] wrongInput() {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.5: not implemented yet");
    }

    // Exercise 1.6
    public RectangleWeights tune(RectangleWeights slides) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.6: not implemented yet");
    }

    // Exercise 1.7
    public double cost(double[] y, double[] yTrue) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.7: not implemented yet");
    }

    // Exercise 1.8
    public INDArray step(INDArray w, INDArray gradient, double learningRate) {
        // your code here
        throw new UnsupportedOperationException("Exercise 1.8: not implemented yet");
    }
}
