package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The identity: {@code y = x}; backward {@code dL/dx = g}. A linear output unit, or a placeholder.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Identity extends Activation {

    @Override
    protected INDArray apply(INDArray x) {
        return x.dup();
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        return g.dup();
    }
}
