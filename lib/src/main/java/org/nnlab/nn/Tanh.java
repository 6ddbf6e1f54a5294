package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hyperbolic tangent, elementwise: {@code y = tanh(x)}; backward {@code dL/dx = g · (1 - y²)}.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Tanh extends Activation {

    @Override
    protected INDArray apply(INDArray x) {
        return Transforms.tanh(x, true);
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        return g.mul(y.mul(y).rsubi(1.0));
    }
}
