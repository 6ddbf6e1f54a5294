package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.ThresholdReluBp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The rectifier, elementwise: {@code y = max(0, x)}; backward {@code dL/dx = g} where x > 0, else 0.
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Relu extends Activation {

    private final Buffers.Slot output = new Buffers.Slot();          // reused inside a Buffers scope
    private final Buffers.Slot inputGradient = new Buffers.Slot();

    @Override
    protected INDArray apply(INDArray x) {
        if (Buffers.reusing()) {
            return Transforms.relu(output.like(x).assign(x), false);   // the same, into this layer's array
        }
        return Transforms.relu(x, true);
    }

    @Override
    protected INDArray gradient(INDArray g, INDArray x, INDArray y) {
        if (Buffers.reusing()) {
            // the same rule as below in one native operation (relu_bp) writing into this layer's array
            return Nd4j.exec(new ThresholdReluBp(x, g, inputGradient.like(g), 0.0))[0];
        }
        // the gradient flows only where the input was positive
        return g.mul(x.gt(0).castTo(g.dataType()));
    }
}
