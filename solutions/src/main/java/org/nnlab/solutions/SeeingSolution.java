// Generated from solutions/notebooks/06-how-networks-see.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/06-how-networks-see.ipynb as a class implementing
 * {@link SeeingExercises}. Not final, so that a grader can subclass it.
 */
public class SeeingSolution implements SeeingExercises {

    // Exercise 6.1
    public double distance(double[] a, double[] b) {
        // BEGIN SOLUTION
        if (a.length != b.length) {
            throw new IllegalArgumentException("distance: expected two vectors of the same length but got " + a.length
                    + " and " + b.length + " numbers.\nHint: flatten both images the same way (28 x 28 = 784 pixels).");
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
        // END SOLUTION
    }

    // Exercise 6.2
    public double cosine(double[] a, double[] b) {
        // BEGIN SOLUTION
        if (a.length != b.length) {
            throw new IllegalArgumentException("cosine: expected two vectors of the same length but got " + a.length
                    + " and " + b.length + " numbers.\nHint: flatten both images the same way (28 x 28 = 784 pixels).");
        }
        double dot = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return 0;   // a zero vector has no direction
        }
        return dot / (Math.sqrt(aa) * Math.sqrt(bb));
        // END SOLUTION
    }

    // Exercise 6.3
    public int predict(double[][] train, int[] labels, double[] x, Metric metric) {
        // BEGIN SOLUTION
        if (train.length == 0 || train.length != labels.length) {
            throw new IllegalArgumentException("predict: expected at least one training image and one label per image but got "
                    + train.length + " images and " + labels.length + " labels.\nHint: labels[i] is the class of train[i].");
        }
        int best = 0;
        double bestScore = 0;
        for (int i = 0; i < train.length; i++) {
            // larger is nearer: the similarity, or minus the distance
            double score = metric == Metric.COSINE ? cosine(train[i], x) : -distance(train[i], x);
            if (i == 0 || score > bestScore) {   // only a strictly nearer image replaces the best: ties keep the first
                best = i;
                bestScore = score;
            }
        }
        return labels[best];
        // END SOLUTION
    }

    // Exercise 6.4
    public double accuracy(int[] predicted, int[] actual) {
        // BEGIN SOLUTION
        if (predicted.length == 0 || predicted.length != actual.length) {
            throw new IllegalArgumentException("accuracy: expected as many predictions as true labels (at least one) but got "
                    + predicted.length + " predictions and " + actual.length + " labels.\nHint: predict every test image.");
        }
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                right++;
            }
        }
        return (double) right / predicted.length;
        // END SOLUTION
    }

    // Exercise 6.5
    public double[] softmax(double[] z) {
        // BEGIN SOLUTION
        if (z.length == 0) {
            throw new IllegalArgumentException("softmax: expected at least one logit but got none.\nHint: one logit per class.");
        }
        double max = Arrays.stream(z).max().getAsDouble();
        double[] p = new double[z.length];
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            p[k] = Math.exp(z[k] - max);   // at most e^0 = 1: no overflow
            sum += p[k];                   // at least 1 (the largest logit's term): no 0 / 0
        }
        for (int k = 0; k < z.length; k++) {
            p[k] /= sum;
        }
        return p;
        // END SOLUTION
    }

    // Exercise 6.6
    public INDArray template(INDArray w, int k) {
        // BEGIN SOLUTION
        int side = (int) Math.round(Math.sqrt(w.size(0)));
        if (w.rank() != 2 || side * side != w.size(0) || k < 0 || k >= w.size(1)) {
            throw new IllegalArgumentException("template: expected W of shape [pixels, units] with a square number of pixels"
                    + " and 0 <= k < units but got W " + Arrays.toString(w.shape()) + " and k = " + k
                    + ".\nHint: pass linear.weight().value(), one row per pixel, e.g. [784, 10].");
        }
        return w.getColumn(k).dup().reshape('c', side, side);
        // END SOLUTION
    }

    // Exercise 6.7
    public int[] topActivations(INDArray activations, int unit, int count) {
        // BEGIN SOLUTION
        if (activations.rank() != 2 || unit < 0 || unit >= activations.size(1) || count < 1 || count > activations.size(0)) {
            throw new IllegalArgumentException("topActivations: expected activations [n, units], 0 <= unit < units and"
                    + " 1 <= count <= n but got " + Arrays.toString(activations.shape()) + ", unit " + unit + ", count " + count
                    + ".\nHint: the activations of the hidden layer for n inputs have one column per unit.");
        }
        double[] a = activations.getColumn(unit).dup().castTo(DataType.DOUBLE).toDoubleVector();
        return IntStream.range(0, a.length).boxed()
                .sorted((i, j) -> Double.compare(a[j], a[i]))   // largest first; the sort is stable, so ties keep index order
                .limit(count).mapToInt(Integer::intValue).toArray();
        // END SOLUTION
    }
}
