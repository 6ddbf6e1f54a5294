package org.nnlab.loss;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.internal.HostArrays;
import org.nnlab.nn.Shapes;
import org.nnlab.check.Args;

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

    private long[] shape;              // [batch, classes] of the last forward call
    private DataType type;             // the logits' type, which the gradient is given in
    private double[] probabilities;    // softmax(z), row by row, cached by forward
    private double[] targets;          // t, row by row (one-hot, or probabilities)

    /**
     * The loss, computed row by row as a loop over the numbers (in double, whatever the logits' type):
     * on a batch of [128, 10] logits a dozen ND4J operations would cost far more in call overheads
     * (10-20 µs each) than the arithmetic itself.
     */
    @Override
    public double forward(INDArray prediction, INDArray target) {
        LossChecks.requireNonNull(this, prediction, target);
        long[] shape = prediction.shape();
        if (shape.length != 2) {
            throw Args.fail(this + ".forward", "logits of shape [batch, classes]", Shapes.format(shape),
                    "add a Flatten layer, or end the model with a Linear layer.");
        }
        int batch = (int) shape[0];
        int classes = (int) shape[1];
        double[] z = HostArrays.read(prediction, new double[batch * classes]);
        double[] t = toOneHot(target, shape);
        double[] p = new double[z.length];
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            int row = b * classes;
            double m = Double.NEGATIVE_INFINITY;                  // m = max_k z_k
            for (int k = 0; k < classes; k++) {
                m = Math.max(m, z[row + k]);
            }
            double sum = 0;                                       // Σ_k e^(z_k - m), every exponent <= 0
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(z[row + k] - m);
            }
            double lse = m + Math.log(sum);
            for (int k = 0; k < classes; k++) {
                p[row + k] = Math.exp(z[row + k] - lse);          // softmax(z)_k
                loss += t[row + k] * (lse - z[row + k]);          // t_k (lse - z_k)
            }
        }
        this.shape = shape;
        this.type = prediction.dataType();
        this.probabilities = p;
        this.targets = t;
        return loss / batch;
    }

    /** {@code dL/dz = (softmax(z) Σ_k t_k - t) / B}, in the logits' type, {@code [batch, classes]}. */
    @Override
    public INDArray backward() {
        LossChecks.requireForwardCalled(this, probabilities);
        int batch = (int) shape[0];
        int classes = (int) shape[1];
        double[] gradient = new double[probabilities.length];
        for (int b = 0; b < batch; b++) {
            int row = b * classes;
            double targetSum = 0;                                 // 1 for one-hot t
            for (int k = 0; k < classes; k++) {
                targetSum += targets[row + k];
            }
            // d/dz of Σ_k t_k (lse - z_k) is softmax(z) Σ_k t_k - t, which is softmax(z) - t for one-hot t
            for (int k = 0; k < classes; k++) {
                gradient[row + k] = (probabilities[row + k] * targetSum - targets[row + k]) / batch;
            }
        }
        return HostArrays.write(gradient, Nd4j.createUninitialized(type, shape));
    }

    /** softmax(z) of the last forward call, {@code [batch, classes]}, in double. */
    public INDArray probabilities() {
        LossChecks.requireForwardCalled(this, probabilities);
        return Nd4j.createFromArray(probabilities).reshape(shape);
    }

    /** The target as one row of class weights per sample: one-hot for class indices. */
    private double[] toOneHot(INDArray target, long[] shape) {
        long batch = shape[0];
        int classes = (int) shape[1];
        if (java.util.Arrays.equals(target.shape(), shape)) {
            return HostArrays.read(target, new double[(int) target.length()]);
        }
        boolean indices = target.length() == batch && (target.rank() == 1 || target.rank() == 2 && target.size(1) == 1);
        if (!indices) {
            throw Args.fail(this + ".forward", "target of shape " + Shapes.format(shape) + " (one-hot) or [" + batch
                    + "] (class indices)", Shapes.format(target.shape()),
                    "the logits have " + classes + " classes; one-hot targets need one column per class.");
        }
        double[] labels = HostArrays.read(target, new double[(int) batch]);
        double[] result = new double[(int) batch * classes];
        for (int b = 0; b < labels.length; b++) {
            double label = labels[b];
            if (label != Math.rint(label) || label < 0 || label >= classes) {
                throw Args.fail(this + ".forward", "class indices in 0.." + (classes - 1),
                        "target[" + b + "] = " + label, "the logits " + Shapes.format(shape) + " have " + classes + " classes.");
            }
            result[b * classes + (int) label] = 1.0;
        }
        return result;
    }

    @Override
    public String toString() {
        return "SoftmaxCrossEntropy";
    }
}
