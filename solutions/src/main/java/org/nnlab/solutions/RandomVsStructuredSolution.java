// Generated from solutions/notebooks/04-random-vs-structured-data.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/04-random-vs-structured-data.ipynb as a class implementing
 * {@link RandomVsStructuredExercises}. Not final, so that a grader can subclass it.
 */
public class RandomVsStructuredSolution implements RandomVsStructuredExercises {

    // Exercise 4.1
    public INDArray forward(INDArray x, INDArray w1, INDArray w2) {
        // BEGIN SOLUTION
        INDArray h = org.nd4j.linalg.ops.transforms.Transforms.relu(x.mmul(w1), true);   // a copy: x w1 is new anyway
        return h.mmul(w2);
        // END SOLUTION
    }

    // Exercise 4.2
    public double cost(INDArray prediction, INDArray truth) {
        // BEGIN SOLUTION
        INDArray difference = prediction.sub(truth);
        return difference.mul(difference).sumNumber().doubleValue();
        // END SOLUTION
    }

    // Exercise 4.3
    public INDArray[] gradients(INDArray x, INDArray y, INDArray w1, INDArray w2) {
        // BEGIN SOLUTION
        INDArray z = x.mmul(w1);                              // [n, hidden]
        INDArray open = z.gt(0).castTo(z.dataType());         // relu'(z)
        INDArray h = z.mul(open);                             // relu(z)
        INDArray d = h.mmul(w2).sub(y).mul(2);                // dL/dy, [n, out]
        INDArray dw2 = h.transpose().mmul(d);                 // [hidden, out]
        INDArray dh = d.mmul(w2.transpose());                 // [n, hidden]
        INDArray dw1 = x.transpose().mmul(dh.mul(open));      // [in, hidden]
        return new INDArray[] {dw1, dw2};
        // END SOLUTION
    }

    // Exercise 4.4
    public double[] train(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps) {
        // BEGIN SOLUTION
        double[] costs = new double[steps];
        for (int t = 0; t < steps; t++) {
            costs[t] = cost(forward(x, w1, w2), y);
            INDArray[] g = gradients(x, y, w1, w2);
            w1.subi(g[0].mul(lr));
            w2.subi(g[1].mul(lr));
        }
        return costs;
        // END SOLUTION
    }

    // Exercise 4.5
    public double[] trainAndTest(Split data, INDArray w1, INDArray w2, double lr, int steps) {
        // BEGIN SOLUTION
        train(data.train().features(), data.train().labels(), w1, w2, lr, steps);
        double trainError = cost(forward(data.train().features(), w1, w2), data.train().labels());
        double testError = cost(forward(data.test().features(), w1, w2), data.test().labels());
        return new double[] {trainError, testError};
        // END SOLUTION
    }

    // Exercise 4.6
    public void sgdStep(List<Parameter> parameters, double lr) {
        // BEGIN SOLUTION
        for (Parameter p : parameters) {
            p.value().subi(p.grad().mul(lr));
        }
        // END SOLUTION
    }
}
