package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The rectifier, elementwise: {@code y = max(0, x)}; backward {@code dL/dx = g} where x > 0, else 0.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Relu extends Activation {

    @Override
    protected INDArray apply(INDArray x) {
        return Transforms.relu(x, true);
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        // the gradient flows only where the input was positive
        return g.mul(x.gt(0).castTo(g.dataType()));
    }
}
