// Generated from solutions/notebooks/00-vectors-and-matrices.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/00-vectors-and-matrices.ipynb as a class implementing
 * {@link VectorsExercises}. Not final, so that a grader can subclass it.
 */
public class VectorsSolution implements VectorsExercises {

    // Exercise 0.1
    public double entry(double[][] a, int i, int j) {
        // BEGIN SOLUTION
        return a[i - 1][j - 1];
        // END SOLUTION
    }

    // Exercise 0.2
    public double[][] multiply(double[][] a, double[][] b) {
        // BEGIN SOLUTION
        int n = a.length, p = b.length, m = b[0].length;
        if (a[0].length != p) {
            throw new IllegalArgumentException("cannot multiply a " + n + "x" + a[0].length
                    + " matrix by a " + p + "x" + m + " matrix: " + a[0].length + " columns but " + p + " lines");
        }
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < p; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
        // END SOLUTION
    }

    // Exercise 0.3
    public INDArray power(INDArray a, int n) {
        // BEGIN SOLUTION
        INDArray result = a.dup();
        for (int k = 2; k <= n; k++) {
            result = result.mmul(a);
        }
        return result;
        // END SOLUTION
    }

    // Exercise 0.4
    public double dot(double[] x, double[] w) {
        // BEGIN SOLUTION
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * w[i];
        }
        return sum;
        // END SOLUTION
    }
}
