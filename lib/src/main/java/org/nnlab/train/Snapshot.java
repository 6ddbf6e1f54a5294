package org.nnlab.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network at one moment of training, for drawing it as it learns.
 *
 * @param step         the global step (0 = before training)
 * @param epoch        the epoch (0 = before training)
 * @param loss         the loss of the last batch (NaN at step 0)
 * @param learningRate the optimiser's learning rate
 * @param names        parameter names, in the model's order
 * @param values       copies of the parameter values, in the same order
 */
public record Snapshot(long step, int epoch, double loss, double learningRate, List<String> names,
        List<INDArray> values) {

    @Override
    public String toString() {
        return "Snapshot(step " + step + ", epoch " + epoch + ", loss " + loss + ", lr " + learningRate + ", "
                + names.size() + " parameters)";
    }
}
