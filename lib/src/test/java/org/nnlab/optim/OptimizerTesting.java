package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;

/** Helpers: a parameter with a given value and gradient; float32 updates checked against double. */
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

    /**
     * Runs the optimizer made by {@code make} on a double and a float32 copy of the same parameter for three
     * steps of the same gradients (zeros, tiny and large ones among them) and asserts the same values to 1e-6:
     * the float32 path (a float loop, or a fused native update) computes the double path's formula.
     */
    static void assertFloatUpdateMatchesDouble(Function<List<Parameter>, Optimizer> make) {
        double[] w = {0.5, -1.5, 2.0, 0.0, 3.0};
        double[][] grads = {{0.1, -2.0, 0.0, 5.0, -0.3}, {0.2, 1.0, -0.5, 4.0, 0.0}, {-0.4, 0.3, 0.2, -1.0, 1e-4}};
        Parameter d = new Parameter("d", Nd4j.createFromArray(w));
        Parameter f = new Parameter("f", Nd4j.createFromArray(w).castTo(DataType.FLOAT));
        Optimizer od = make.apply(List.of(d));
        Optimizer of = make.apply(List.of(f));
        for (double[] g : grads) {
            d.grad().assign(Nd4j.createFromArray(g));
            f.grad().assign(Nd4j.createFromArray(g));
            od.step();
            of.step();
            for (int i = 0; i < w.length; i++) {
                assertEquals(d.value().getDouble(i), f.value().getDouble(i), 1e-6, "element " + i);
            }
        }
        assertEquals(DataType.FLOAT, f.value().dataType());
        assertTrue(f.grad().getDouble(1) == 0.3f, "the gradient is left as it was (the update goes elsewhere)");
    }
}
