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
        return Transforms.max(x, 0.0);   // max(0, x)
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        return g.mul(Transforms.step(x));   // g * (x > 0): step(x) is 1 where x > 0, else 0
    }
}
