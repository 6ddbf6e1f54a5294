// Generated from solutions/notebooks/05-explosion-and-local-minima.ipynb by tools/generate.py (./nnlab generate); do not edit.
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
 * The reference solution, verbatim: the exercise cells of solutions/notebooks/05-explosion-and-local-minima.ipynb as a class implementing
 * {@link ExplosionExercises}. Not final, so that a grader can subclass it.
 */
public class ExplosionSolution implements ExplosionExercises {

    // Exercise 5.1
    public int firstDivergedStep(double[] losses, double factor) {
        // BEGIN SOLUTION
        for (int k = 0; k < losses.length; k++) {
            if (!Double.isFinite(losses[k]) || losses[k] > factor * losses[0]) {
                return k;
            }
        }
        return -1;
        // END SOLUTION
    }

    // Exercise 5.2
    public int[] scanRates(double[] rates, long seed, int steps) {
        // BEGIN SOLUTION
        int[] result = new int[rates.length];
        for (int r = 0; r < rates.length; r++) {
            var net = ExplosionChecks.randomNetwork(seed);
            var t = new Trainer(net, new SquaredError(), new Sgd(net.parameters(), rates[r])).quiet().allowDivergence();
            History h = t.fit(Datasets.random(seed).train(), steps, 64);
            result[r] = firstDivergedStep(h.batchLosses().stream().mapToDouble(Double::doubleValue).toArray(), 1000);
        }
        return result;
        // END SOLUTION
    }

    // Exercise 5.3
    public INDArray[] exactWeights() {
        // BEGIN SOLUTION
        double[] a = {0, -1, 0, 1, 2, 0};          // y0 = x . a
        double[] c = {7, 0, -4, 0, 0, 1};          // y1 = x . c
        double[][] w1 = new double[6][4];
        for (int i = 0; i < 6; i++) {
            w1[i] = new double[] {a[i], -a[i], c[i], -c[i]};
        }
        double[][] w2 = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};   // y0 = relu(v0) - relu(-v0), y1 likewise
        return new INDArray[] {Nd4j.createFromArray(w1), Nd4j.zeros(DataType.DOUBLE, 1, 4),
                               Nd4j.createFromArray(w2), Nd4j.zeros(DataType.DOUBLE, 1, 2)};
        // END SOLUTION
    }

    // Exercise 5.4
    public boolean plateaued(double[] losses, int window, double tolerance) {
        // BEGIN SOLUTION
        double before = losses[losses.length - 1 - window];
        double now = losses[losses.length - 1];
        return before - now < tolerance * before;
        // END SOLUTION
    }

    // Exercise 5.5
    public EdgeStyle edge(double weight, double maxAbsWeight) {
        // BEGIN SOLUTION
        String colour = weight >= 0 ? EdgeStyle.RED : EdgeStyle.BLUE;
        double share = maxAbsWeight > 0 ? Math.abs(weight) / maxAbsWeight : 0;   // |w| / max |w|, in [0, 1]
        return new EdgeStyle(colour, EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * share);
        // END SOLUTION
    }
}
