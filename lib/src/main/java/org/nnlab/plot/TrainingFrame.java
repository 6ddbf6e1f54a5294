package org.nnlab.plot;

import java.util.List;

/**
 * One moment of a training, as {@link TrainingReplay} keeps it for its replay.
 *
 * @param step         the global step (0 = before training)
 * @param epoch        the epoch (0 = before training)
 * @param loss         the loss of the last batch (NaN at step 0)
 * @param weights      the weight matrices of the Linear layers, {@code weights.get(l)[i][j]} from unit i of
 *                     layer l to unit j of layer l + 1; only the first {@link NetworkDrawing#MAX_NODES} units of
 *                     each layer are kept
 * @param surface      the model's answer over the plane, {@code surface[i][j]} at (x[j], y[i]) of the
 *                     replay's grid, in [0, 1] (the probability of class 1, or the predicted class of two);
 *                     null when the data are not 2-D points
 */
public record TrainingFrame(long step, int epoch, double loss, List<double[][]> weights, double[][] surface) {

    public TrainingFrame {
        weights = List.copyOf(weights);
    }

    /** The label of the frame on the replay's slider and in its caption: "step 120" ("start" for step 0). */
    public String label() {
        return step == 0 ? "start" : "step " + step;
    }
}
