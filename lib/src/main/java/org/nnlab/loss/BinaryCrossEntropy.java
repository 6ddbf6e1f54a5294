package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.check.Args;

/**
 * Binary cross-entropy on probabilities, averaged over all N elements:
 * {@code L = -(1/N) Σ [t log p + (1 - t) log(1 - p)]}; backward {@code dL/dp = (p - t) / (p (1 - p)) / N}.
 *
 * <p>p is first clipped to [ε, 1 - ε] with ε = 1e-7 (as Keras does) so that log(0) never occurs; the
 * gradient is taken at the clipped p. The prediction must be probabilities (after a Sigmoid).
 *
 * <p>Shapes: prediction and target the same, e.g. {@code [batch, 1]}; targets in [0, 1].
 */
public final class BinaryCrossEntropy implements Loss {

    /** The clipping margin ε. */
    public static final double EPSILON = 1e-7;

    private INDArray p;   // clipped prediction
    private INDArray t;

    @Override
    public double forward(INDArray prediction, INDArray target) {
        LossChecks.requireSameShape(this, prediction, target);
        INDArray raw = LossChecks.asDouble(prediction);
        double min = raw.minNumber().doubleValue();
        double max = raw.maxNumber().doubleValue();
        if (min < 0 || max > 1) {
            throw Args.fail(this + ".forward", "probabilities in [0, 1]", "a prediction ranging over [" + min + ", "
                    + max + "]", "end the model with a Sigmoid layer, or use SoftmaxCrossEntropy on logits.");
        }
        p = Transforms.min(Transforms.max(raw, EPSILON, true), 1 - EPSILON, false);
        t = LossChecks.asDouble(target);
        INDArray terms = t.mul(Transforms.log(p, true)).addi(t.rsub(1.0).muli(Transforms.log(p.rsub(1.0), false)));
        return -terms.meanNumber().doubleValue();
    }

    @Override
    public INDArray backward() {
        LossChecks.requireForwardCalled(this, p);
        return p.sub(t).divi(p.mul(p.rsub(1.0))).divi(p.length());
    }

    @Override
    public String toString() {
        return "BinaryCrossEntropy";
    }
}
