// Generated from solutions/notebooks/03-neurons-and-backprop.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/03-neurons-and-backprop.ipynb as a class implementing
 * {@link NeuronsExercises}. Not final, so that a grader can subclass it.
 */
public class NeuronsSolution implements NeuronsExercises {

    // Exercise 3.1
    public McCullochPitts gate(String name) {
        // BEGIN SOLUTION
        return switch (name) {
            case "AND" -> new McCullochPitts(new double[] {1, 1}, 2);
            case "OR" -> new McCullochPitts(new double[] {1, 1}, 1);
            case "NOT" -> new McCullochPitts(new double[] {-1}, 0);
            case "NAND" -> new McCullochPitts(new double[] {-1, -1}, -1);    // fires unless both inputs are on
            case "NOR" -> new McCullochPitts(new double[] {-1, -1}, 0);      // fires only when both are off
            case "AND-NOT" -> new McCullochPitts(new double[] {1, -1}, 1);   // x2 inhibits
            case "MAJORITY" -> new McCullochPitts(new double[] {1, 1, 1}, 2);
            default -> throw new IllegalArgumentException("gate: expected AND, OR, NOT, NAND, NOR, AND-NOT or MAJORITY"
                    + " but was \"" + name + "\"");
        };
        // END SOLUTION
    }

    // Exercise 3.2
    public double[] perceptronStep(double[] w, double[] x, int t, double eta) {
        // BEGIN SOLUTION
        double activation = w[0];                       // x0 = 1 carries the bias
        for (int i = 0; i < x.length; i++) {
            activation += w[i + 1] * x[i];
        }
        int o = activation > 0 ? 1 : -1;
        double[] next = w.clone();
        next[0] += eta * (t - o);
        for (int i = 0; i < x.length; i++) {
            next[i + 1] += eta * (t - o) * x[i];
        }
        return next;
        // END SOLUTION
    }

    // Exercise 3.3
    public double[] trainPerceptron(double[][] xs, int[] ts, double eta, int maxEpochs) {
        // BEGIN SOLUTION
        double[] w = new double[xs[0].length + 1];
        for (int epoch = 0; epoch < maxEpochs; epoch++) {
            boolean changed = false;
            for (int i = 0; i < xs.length; i++) {
                double[] next = perceptronStep(w, xs[i], ts[i], eta);
                changed |= !Arrays.equals(next, w);
                w = next;
            }
            if (!changed) {
                break;
            }
        }
        return w;
        // END SOLUTION
    }

    // Exercise 3.4
    public Linear collapse(Linear first, Linear second) {
        // BEGIN SOLUTION
        INDArray w2 = second.weight().value();
        INDArray w = first.weight().value().mmul(w2);                          // [in, hidden] x [hidden, out]
        INDArray b = first.bias().value().mmul(w2).add(second.bias().value());  // [1, out]
        return Linear.withWeights(w.toDoubleMatrix(), b.toDoubleVector());
        // END SOLUTION
    }

    // Exercise 3.5
    public double sigmoidPrime(double z) {
        // BEGIN SOLUTION
        double s = 1 / (1 + Math.exp(-z));
        return s * (1 - s);
        // END SOLUTION
    }

    // Exercise 3.6
    public INDArray outputDelta(INDArray y, INDArray t) {
        // BEGIN SOLUTION
        return y.sub(t).muli(y).muli(y.rsub(1.0));   // (y - t) * y * (1 - y); muli on the new array only
        // END SOLUTION
    }

    // Exercise 3.7
    public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
        // BEGIN SOLUTION
        return delta2.mmul(w2.transpose()).muli(h).muli(h.rsub(1.0));   // [batch, out] x [out, hidden]
        // END SOLUTION
    }

    // Exercise 3.8
    public TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t) {
        // BEGIN SOLUTION
        INDArray h = net.hidden(x);                               // forward: [batch, hidden]
        INDArray y = net.output(x);                               // [batch, out]
        INDArray delta2 = outputDelta(y, t);                      // backward: [batch, out]
        INDArray delta1 = hiddenDelta(delta2, net.w2(), h);       // [batch, hidden]
        INDArray dW2 = h.transpose().mmul(delta2);                // [hidden, batch] x [batch, out]
        INDArray db2 = delta2.sum(true, 0);                       // the bias was added to every example
        INDArray dW1 = x.transpose().mmul(delta1);                // [in, batch] x [batch, hidden]
        INDArray db1 = delta1.sum(true, 0);
        return new TwoLayerNet(dW1, db1, dW2, db2);
        // END SOLUTION
    }
}
