// Generated from solutions/notebooks/02-gradient-descent.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/02-gradient-descent.ipynb as a class implementing
 * {@link GradientDescentExercises}. Not final, so that a grader can subclass it.
 */
public class GradientDescentStarter implements GradientDescentExercises {

    // Exercise 2.1
    public double derivative(double x) {
        // your code here
        throw new UnsupportedOperationException("Exercise 2.1: not implemented yet");
    }

    // Exercise 2.2
    public double step(double x, double slope, double alpha) {
        // your code here
        throw new UnsupportedOperationException("Exercise 2.2: not implemented yet");
    }

    // Exercise 2.3
    public double[] descend(Function1 f, double x0, double alpha, int steps) {
        // your code here
        throw new UnsupportedOperationException("Exercise 2.3: not implemented yet");
    }

    // Exercise 2.4
    public double[] gradient(double x, double y) {
        // your code here
        throw new UnsupportedOperationException("Exercise 2.4: not implemented yet");
    }

    // Exercise 2.5
    public double[] globalStart() {
        // your code here
        throw new UnsupportedOperationException("Exercise 2.5: not implemented yet");
    }
}
