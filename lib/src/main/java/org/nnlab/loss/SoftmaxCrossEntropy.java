package org.nnlab.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.nn.Init;
import org.nnlab.nn.Shapes;

/**
 * Softmax followed by cross-entropy, fused, on logits z, averaged over the batch of B samples:
 * {@code L = (1/B) Σ_b Σ_k t_bk (lse(z_b) - z_bk)} with {@code lse(z) = m + log Σ_k e^(z_k - m)},
 * m = max_k z_k; backward {@code dL/dz = (softmax(z) - t) / B}.
 *
 * <p>Fusing avoids log(softmax) = log(0) = -∞: logits of 1e4 give a finite loss. The model should end
 * with the last Linear layer, not with a Softmax.
 *
 * <p>Shapes: logits {@code [batch, classes]}; target one-hot (or probabilities) {@code [batch, classes]},
 * or class indices {@code [batch]} or {@code [batch, 1]}.
 */
public final class SoftmaxCrossEntropy implements Loss {

    private INDArray probabilities;   // softmax(z), cached by forward
    private INDArray oneHot;

    @Override
    public double forward(INDArray prediction, INDArray target) {
        LossChecks.requireNonNull(this, prediction, target);
        long[] shape = prediction.shape();
        if (shape.length != 2) {
            throw new IllegalArgumentException(this + ".forward: expected logits of shape [batch, classes] but was "
                    + Shapes.format(shape) + ".\nHint: add a Flatten layer, or end the model with a Linear layer.");
        }
        INDArray z = LossChecks.asDouble(prediction);
        oneHot = toOneHot(target, shape);
        INDArray shifted = z.subColumnVector(z.max(true, 1));                         // z - m, every entry <= 0
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);   // lse - m
        INDArray logProbabilities = shifted.subColumnVector(logSumExp);               // z - lse
        probabilities = Transforms.exp(logProbabilities, true);
        return -oneHot.mul(logProbabilities).sumNumber().doubleValue() / shape[0];
    }

    @Override
    public INDArray backward() {
        LossChecks.requireForwardCalled(this, probabilities);
        // d/dz of Σ_k t_k (lse - z_k) is softmax(z) Σ_k t_k - t, which is softmax(z) - t for one-hot t
        return probabilities.mulColumnVector(oneHot.sum(true, 1)).subi(oneHot).divi(probabilities.size(0));
    }

    /** softmax(z) of the last forward call, {@code [batch, classes]}. */
    public INDArray probabilities() {
        LossChecks.requireForwardCalled(this, probabilities);
        return probabilities;
    }

    private INDArray toOneHot(INDArray target, long[] shape) {
        long batch = shape[0];
        long classes = shape[1];
        if (java.util.Arrays.equals(target.shape(), shape)) {
            return LossChecks.asDouble(target);
        }
        boolean indices = target.length() == batch && (target.rank() == 1 || target.rank() == 2 && target.size(1) == 1);
        if (!indices) {
            throw new IllegalArgumentException(this + ".forward: expected target of shape " + Shapes.format(shape)
                    + " (one-hot) or [" + batch + "] (class indices) but was " + Shapes.format(target.shape())
                    + ".\nHint: the logits have " + classes + " classes; one-hot targets need one column per class.");
        }
        INDArray result = Nd4j.zeros(Init.DTYPE, batch, classes);
        double[] labels = target.castTo(Init.DTYPE).dup().data().asDouble();
        for (int b = 0; b < labels.length; b++) {
            double label = labels[b];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw new IllegalArgumentException(this + ".forward: expected class indices in 0.." + (classes - 1)
                        + " but target[" + b + "] was " + label + ".\nHint: the logits " + Shapes.format(shape)
                        + " have " + classes + " classes.");
            }
            result.putScalar(b, (long) label, 1.0);
        }
        return result;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
