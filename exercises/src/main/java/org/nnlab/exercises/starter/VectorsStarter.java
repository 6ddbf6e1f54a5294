// Generated from solutions/notebooks/00-vectors-and-matrices.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The starter code, with each solution replaced by a stub (complete the methods; the autograder grades this class): the exercise cells of solutions/notebooks/00-vectors-and-matrices.ipynb as a class implementing
 * {@link VectorsExercises}. Not final, so that a grader can subclass it.
 */
public class VectorsStarter implements VectorsExercises {

    // Exercise 0.1
    public double entry(double[][] a, int i, int j) {
        // your code here
        throw new UnsupportedOperationException("Exercise 0.1: not implemented yet");
    }

    // Exercise 0.2
    public double[][] multiply(double[][] a, double[][] b) {
        // your code here
        throw new UnsupportedOperationException("Exercise 0.2: not implemented yet");
    }

    // Exercise 0.3
    public INDArray power(INDArray a, int n) {
        // your code here
        throw new UnsupportedOperationException("Exercise 0.3: not implemented yet");
    }

    // Exercise 0.4
    public double dot(double[] x, double[] w) {
        // your code here
        throw new UnsupportedOperationException("Exercise 0.4: not implemented yet");
    }
}
