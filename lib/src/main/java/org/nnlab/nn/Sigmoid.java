package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The logistic function, elementwise: {@code y = 1 / (1 + e^-x)}; backward {@code dL/dx = g · y (1 - y)}.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Sigmoid extends Activation {

    @Override
    protected INDArray apply(INDArray x) {
        return Transforms.sigmoid(x, true);
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        return g.mul(y).muli(y.rsub(1.0));
    }
}
