// Generated from solutions/notebooks/04-random-vs-structured-data.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/04-random-vs-structured-data.ipynb as a class implementing
 * {@link RandomVsStructuredExercises}. Not final, so that a grader can subclass it.
 */
public class RandomVsStructuredStarter implements RandomVsStructuredExercises {

    // Exercise 4.1
    public INDArray forward(INDArray x, INDArray w1, INDArray w2) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.1: not implemented yet");
    }

    // Exercise 4.2
    public double cost(INDArray prediction, INDArray truth) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.2: not implemented yet");
    }

    // Exercise 4.3
    public INDArray[] gradients(INDArray x, INDArray y, INDArray w1, INDArray w2) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.3: not implemented yet");
    }

    // Exercise 4.4
    public double[] train(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.4: not implemented yet");
    }

    // Exercise 4.5
    public double[] trainAndTest(Split data, INDArray w1, INDArray w2, double lr, int steps) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.5: not implemented yet");
    }

    // Exercise 4.6
    public void sgdStep(List<Parameter> parameters, double lr) {
        // your code here
        throw new UnsupportedOperationException("Exercise 4.6: not implemented yet");
    }
}
