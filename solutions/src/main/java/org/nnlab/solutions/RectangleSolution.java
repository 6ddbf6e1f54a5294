// Generated from solutions/notebooks/01-rectangle.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/01-rectangle.ipynb as a class implementing
 * {@link RectangleExercises}. Not final, so that a grader can subclass it.
 */
public class RectangleSolution implements RectangleExercises {

    // Exercise 1.1
    public double[] toVector(int[][] image) {
        // BEGIN SOLUTION
        double[] x = new double[9];
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 3; col++) {
                x[3 * row + col] = image[row][col];
            }
        }
        return x;
        // END SOLUTION
    }

    // Exercise 1.2
    public double sigmoid(double z) {
        // BEGIN SOLUTION
        return 1 / (1 + Math.exp(-z));
        // END SOLUTION
    }

    // Exercise 1.3
    public double neuron(double[] a, double[] w, double b) {
        // BEGIN SOLUTION
        double z = b;
        for (int j = 0; j < a.length; j++) {
            z += a[j] * w[j];
        }
        return sigmoid(z);
        // END SOLUTION
    }

    // Exercise 1.4
    public double[] layer(double[] a, double[][] w, double[] b) {
        // BEGIN SOLUTION
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double[] into = new double[a.length];   // column i of w
            for (int j = 0; j < a.length; j++) {
                into[j] = w[j][i];
            }
            out[i] = neuron(a, into, b[i]);
        }
        return out;
        // END SOLUTION
    }

    // Exercise 1.5
    public double[] wrongInput() {
        // BEGIN SOLUTION
        return new double[9];   // the empty image: no rectangle at all, but the network says 0.924
        // END SOLUTION
    }

    // Exercise 1.6
    public RectangleWeights tune(RectangleWeights slides) {
        // BEGIN SOLUTION
        // The output neuron computes g(0.012 * (-3.3) + 0.5 * (-3.6) + b2) = g(-1.84 + b2);
        // g(z) > 0.99 needs z > 4.6, so b2 > 6.44.
        RectangleWeights tuned = slides.copy();
        tuned.b2()[0] = 8.0;
        return tuned;
        // END SOLUTION
    }

    // Exercise 1.7
    public double cost(double[] y, double[] yTrue) {
        // BEGIN SOLUTION
        double c = 0;
        for (int i = 0; i < y.length; i++) {
            c += (y[i] - yTrue[i]) * (y[i] - yTrue[i]);
        }
        return c;
        // END SOLUTION
    }

    // Exercise 1.8
    public INDArray step(INDArray w, INDArray gradient, double learningRate) {
        // BEGIN SOLUTION
        return w.sub(gradient.mul(learningRate));
        // END SOLUTION
    }
}
