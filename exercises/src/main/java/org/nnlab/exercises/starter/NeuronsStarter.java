// Generated from solutions/notebooks/03-neurons-and-backprop.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/03-neurons-and-backprop.ipynb as a class implementing
 * {@link NeuronsExercises}. Not final, so that a grader can subclass it.
 */
public class NeuronsStarter implements NeuronsExercises {

    // Exercise 3.1
    public McCullochPitts gate(String name) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.1: not implemented yet");
    }

    // Exercise 3.2
    public double[] perceptronStep(double[] w, double[] x, int t, double eta) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.2: not implemented yet");
    }

    // Exercise 3.3
    public double[] trainPerceptron(double[][] xs, int[] ts, double eta, int maxEpochs) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.3: not implemented yet");
    }

    // Exercise 3.4
    public Linear collapse(Linear first, Linear second) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.4: not implemented yet");
    }

    // Exercise 3.5
    public double sigmoidPrime(double z) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.5: not implemented yet");
    }

    // Exercise 3.6
    public INDArray outputDelta(INDArray y, INDArray t) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.6: not implemented yet");
    }

    // Exercise 3.7
    public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.7: not implemented yet");
    }

    // Exercise 3.8
    public TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t) {
        // your code here
        throw new UnsupportedOperationException("Exercise 3.8: not implemented yet");
    }
}
