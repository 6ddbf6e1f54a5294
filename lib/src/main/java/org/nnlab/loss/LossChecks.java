package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Init;
import org.nnlab.nn.Shapes;
import org.nnlab.check.Args;

/** The checks all losses share; messages name the loss, both shapes and a hint. */
final class LossChecks {

    private LossChecks() {
    }

    /** Requires non-null arrays of the same shape; returns nothing, throws IllegalArgumentException. */
    static void requireSameShape(Object loss, INDArray prediction, INDArray target) {
        requireNonNull(loss, prediction, target);
        if (!java.util.Arrays.equals(prediction.shape(), target.shape())) {
            long[] p = prediction.shape();
            String hint = target.rank() == 1 && p.length == 2 && p[1] == 1 && target.length() == p[0]
                    ? "reshape the target to a column: target.reshape(" + p[0] + ", 1)."
                    : "the target needs one value per predicted value; check the last layer's size.";
            throw Args.fail(loss + ".forward", "target of shape " + Shapes.format(p) + " (the prediction's shape)",
                    Shapes.format(target.shape()), hint);
        }
    }

    static void requireNonNull(Object loss, INDArray prediction, INDArray target) {
        if (prediction == null || target == null) {
            throw Args.fail(loss + ".forward", "a prediction and a target",
                    (prediction == null ? "the prediction" : "the target") + " null",
                    "pass the model's output and the labels, e.g. loss.forward(model.forward(x), y).");
        }
    }

    /** The array in double precision (a no-op when it already is). */
    static INDArray asDouble(INDArray a) {
        return a.castTo(Init.DTYPE);
    }

    static void requireForwardCalled(Object loss, Object cached) {
        if (cached == null) {
            throw new IllegalStateException(loss + ".backward: call forward() first; backward needs the prediction"
                    + " and target that forward caches.");
        }
    }
}
