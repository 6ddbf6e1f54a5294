// Generated from solutions/notebooks/05-explosion-and-local-minima.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/05-explosion-and-local-minima.ipynb as a class implementing
 * {@link ExplosionExercises}. Not final, so that a grader can subclass it.
 */
public class ExplosionStarter implements ExplosionExercises {

    // Exercise 5.1
    public int firstDivergedStep(double[] losses, double factor) {
        // your code here
        throw new UnsupportedOperationException("Exercise 5.1: not implemented yet");
    }

    // Exercise 5.2
    public int[] scanRates(double[] rates, long seed, int steps) {
        // your code here
        throw new UnsupportedOperationException("Exercise 5.2: not implemented yet");
    }

    // Exercise 5.3
    public INDArray[] exactWeights() {
        // your code here
        throw new UnsupportedOperationException("Exercise 5.3: not implemented yet");
    }

    // Exercise 5.4
    public boolean plateaued(double[] losses, int window, double tolerance) {
        // your code here
        throw new UnsupportedOperationException("Exercise 5.4: not implemented yet");
    }

    // Exercise 5.5
    public EdgeStyle edge(double weight, double maxAbsWeight) {
        // your code here
        throw new UnsupportedOperationException("Exercise 5.5: not implemented yet");
    }
}
