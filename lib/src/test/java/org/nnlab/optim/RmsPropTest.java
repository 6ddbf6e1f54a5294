package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
