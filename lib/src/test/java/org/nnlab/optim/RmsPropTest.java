package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;

class RmsPropTest {

    @Test
    void twoStepsByHand() {
        // g = 2: s1 = 0.1*4 = 0.4, w1 = 1 - 0.01*2/sqrt(0.4); s2 = 0.9*0.4 + 0.4 = 0.76, w2 = w1 - 0.02/sqrt(0.76)
        Parameter w = param(1);
        var opt = new RmsProp(List.of(w), 0.01, 0.9, 1e-8);
        setGrad(w, 2);
        opt.step();
        assertEquals(0.9683772238983162, value(w)[0], 1e-12);
        setGrad(w, 2);
        opt.step();
        assertEquals(0.9454356507744178, value(w)[0], 1e-12);
    }

    @Test
    void defaultsAreKeras() {
        assertEquals("RmsProp(lr = 0.001, rho = 0.9, eps = 1.0E-7)", new RmsProp(List.of(param(1))).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> new RmsProp(List.of(param(1)), 0.1, 0.9, 0));
        assertTrue(e.getMessage().startsWith("RmsProp: expected eps > 0 but was 0.0."));
    }

    @Test
    void float32ParametersGetTheSameNumbersAsDouble() {
        OptimizerTesting.assertFloatUpdateMatchesDouble(params -> new RmsProp(params, 0.01, 0.9, 1e-7));
    }

    @Test
    void aLargeFloatParameterFollowsTheRuleComputedByHand() {
        int n = 5000;   // more numbers than one chunk of the update's loop
        double[] w = new double[n];
        double[] s = new double[n];
        Parameter p = new Parameter("p", Nd4j.rand(DataType.FLOAT, 2, n / 2));
        for (int i = 0; i < n; i++) {
            w[i] = p.value().getDouble(i);
        }
        var opt = new RmsProp(List.of(p), 0.01, 0.9, 1e-7);
        for (int t = 0; t < 3; t++) {
            p.grad().assign(Nd4j.rand(DataType.FLOAT, 2, n / 2).subi(0.5));
            for (int i = 0; i < n; i++) {
                double g = p.grad().getDouble(i);
                s[i] = 0.9 * s[i] + 0.1 * g * g;
                w[i] = (float) (w[i] - 0.01 * g / (Math.sqrt(s[i]) + 1e-7));
            }
            opt.step();
        }
        for (int i = 0; i < n; i++) {   // by hand in double, the update in float32: the same to float precision
            assertEquals(w[i], p.value().getDouble(i), 1e-6, "element " + i);
        }
    }
}
