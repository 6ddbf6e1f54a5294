// Generated from solutions/notebooks/07-mnist.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/07-mnist.ipynb as a class implementing
 * {@link MnistExercises}. Not final, so that a grader can subclass it.
 */
public class MnistSolution implements MnistExercises {

    // Exercise 7.1
    public long parameterCount(int[] sizes) {
        // BEGIN SOLUTION
        long count = 0;
        for (int l = 1; l < sizes.length; l++) {
            count += (long) sizes[l - 1] * sizes[l] + sizes[l];   // weights n_{l-1} x n_l, then n_l biases
        }
        return count;
        // END SOLUTION
    }

    // Exercise 7.2
    public Sequential mlp(long seed) {
        // BEGIN SOLUTION
        Init init = Init.glorotUniform(seed);
        return Sequential.of(
                new Linear(784, 512, init), new Relu(), new Dropout(0.2, seed + 1),
                new Linear(512, 512, init), new Relu(), new Dropout(0.2, seed + 2),
                new Linear(512, 10, init));
        // END SOLUTION
    }

    // Exercise 7.3
    public int[] predictions(INDArray logits) {
        // BEGIN SOLUTION
        int n = (int) logits.size(0);
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < logits.size(1); k++) {
                if (logits.getDouble(i, k) > logits.getDouble(i, best)) {
                    best = k;
                }
            }
            classes[i] = best;
        }
        return classes;
        // END SOLUTION
    }

    // Exercise 7.4
    public double testAccuracy(Layer model, Split data) {
        // BEGIN SOLUTION
        model.setTraining(false);                                     // dropout off
        int[] guess = predictions(model.forward(data.test().features()));
        int[] truth = predictions(data.test().labels());             // argmax of a one-hot row is its label
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += guess[i] == truth[i] ? 1 : 0;
        }
        return (double) correct / truth.length;
        // END SOLUTION
    }

    // Exercise 7.5
    public long[][] confusion(int[] predicted, int[] actual, int classes) {
        // BEGIN SOLUTION
        long[][] counts = new long[classes][classes];
        for (int i = 0; i < predicted.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return counts;
        // END SOLUTION
    }

    // Exercise 7.6
    public int[] mistakes(int[] predicted, int[] actual) {
        // BEGIN SOLUTION
        return IntStream.range(0, predicted.length).filter(i -> predicted[i] != actual[i]).toArray();
        // END SOLUTION
    }

    // Exercise 7.7
    public int convOutputSide(int side, int kernel, int padding, int stride) {
        // BEGIN SOLUTION
        return (side + 2 * padding - kernel) / stride + 1;
        // END SOLUTION
    }
}
