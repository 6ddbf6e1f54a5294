package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * Flattens each sample into a row: {@code [batch, c, h, w] -> [batch, c·h·w]} (C order: the last index
 * varies fastest, as in numpy and Keras); backward reshapes the gradient back.
 *
 * <p>Shapes: input {@code [batch, d1, ..., dk]}, output {@code [batch, d1·...·dk]}.
 */
public final class Flatten implements Layer {

    private long[] inputShape;   // cached by forward

    @Override
    public INDArray forward(INDArray x) {
        if (x == null) {
            throw Args.fail(this + ".forward", "input of shape [batch, ...]", null, "pass an INDArray, e.g. the previous layer's output.");
        }
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        long[] out = outputShape(x.shape());
        inputShape = x.shape();
        return x.reshape('c', out).dup('c');
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, inputShape);
        Shapes.requireSameShape(this, "gradOutput", outputShape(inputShape), gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        return gradOutput.reshape('c', inputShape).dup('c');
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        if (inputShape.length < 2) {
            throw Args.fail(this + ".forward", "input of shape [batch, ...]", Shapes.format(inputShape),
                    "the first dimension is the batch; a single sample x needs x.reshape(1, ...).");
        }
        long features = 1;
        for (int i = 1; i < inputShape.length; i++) {
            features *= inputShape[i];
        }
        return new long[] {inputShape[0], features};
    }

    @Override
    public String toString() {
        return "Flatten";
    }
}
