// Generated from solutions/notebooks/02-gradient-descent.ipynb by tools/generate.py (./nnlab generate); do not edit.
package org.nnlab.solutions;

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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/02-gradient-descent.ipynb as a class implementing
 * {@link GradientDescentExercises}. Not final, so that a grader can subclass it.
 */
public class GradientDescentSolution implements GradientDescentExercises {

    // Exercise 2.1
    public double derivative(double x) {
        // BEGIN SOLUTION
        return 2 * (x - 1);
        // END SOLUTION
    }

    // Exercise 2.2
    public double step(double x, double slope, double alpha) {
        // BEGIN SOLUTION
        return x - alpha * slope;
        // END SOLUTION
    }

    // Exercise 2.3
    public double[] descend(Function1 f, double x0, double alpha, int steps) {
        // BEGIN SOLUTION
        double[] path = new double[steps + 1];
        path[0] = x0;
        for (int t = 1; t <= steps; t++) {
            path[t] = step(path[t - 1], f.derivative(path[t - 1]), alpha);
        }
        return path;
        // END SOLUTION
    }

    // Exercise 2.4
    public double[] gradient(double x, double y) {
        // BEGIN SOLUTION
        return new double[] {3 * x * x + 4 * x * x * x - 1, 4 * y * y * y + 8 * y};
        // END SOLUTION
    }

    // Exercise 2.5
    public double[] globalStart() {
        // BEGIN SOLUTION
        return new double[] {-15, -5};   // left of the deep well: downhill all the way into it
        // END SOLUTION
    }
}
