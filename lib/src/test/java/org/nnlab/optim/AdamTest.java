package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnlab.nn.Parameter;

class AdamTest {

    @Test
    void twoStepsByHand() {
        // step 1, g = 2: m = 0.2, v = 0.004, m^ = 0.2/0.1 = 2, v^ = 0.004/0.001 = 4, w = 1 - 0.1*2/(2+eps) = 0.9
        // step 2, g = -1: m = 0.08, v = 0.004996, m^ = 0.08/0.19, v^ = 0.004996/0.001999
        Parameter w = param(1);
        var adam = new Adam(List.of(w), 0.1, 0.9, 0.999, 1e-8);
        setGrad(w, 2);
        adam.step();
        assertEquals(0.9000000005, value(w)[0], 1e-12);
        setGrad(w, -1);
        adam.step();
        assertEquals(0.8733662962024316, value(w)[0], 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-8, 0.05})
    @DisplayName("float32 parameters take the rule in float32 arithmetic, with the same numbers to float precision (eps where the formula puts it)")
    void float32ParametersTakeTheFusedNativeUpdateWithTheSameNumbers(double eps) {
        OptimizerTesting.assertFloatUpdateMatchesDouble(params -> new Adam(params, 0.01, 0.9, 0.999, eps));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.5, 3, 1e4})
    @DisplayName("bias correction: the first step moves by lr whatever the gradient's size (without it: lr * sqrt(1-beta2)/(1-beta1) = 0.316 lr)")
    void biasCorrectionMakesTheFirstStepLr(double g) {
        Parameter w = param(0, 0);
        var adam = new Adam(List.of(w), 0.01);
        setGrad(w, g, -g);
        adam.step();
        assertEquals(-0.01, value(w)[0], 1e-6);
        assertEquals(0.01, value(w)[1], 1e-6);
    }

    @Test
    void keepsStatePerParameter() {
        Parameter a = param(1);
        Parameter b = param(1, 1);
        var adam = new Adam(List.of(a, b), 0.1);
        setGrad(a, 2);
        setGrad(b, 0, 5);
        adam.step();
        assertEquals(0.9, value(a)[0], 1e-8);
        assertEquals(1.0, value(b)[0], 1e-15);
        assertEquals(0.9, value(b)[1], 1e-8);
    }
}
