package org.nnlab.optim;

import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;

/** Helpers: a parameter with a given value and gradient. */
final class OptimizerTesting {

    private OptimizerTesting() {
    }

    static Parameter param(double... values) {
        return new Parameter("w", Nd4j.createFromArray(values));
    }

    static void setGrad(Parameter p, double... grad) {
        p.zeroGrad();
        p.accumulate(Nd4j.createFromArray(grad));
    }

    static double[] value(Parameter p) {
        return p.value().toDoubleVector();
    }
}
