package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.nn.Parameter;

class MomentumTest {

    @Test
    void twoStepsByHand() {
        // g = 2 both times; v1 = 2, w1 = 1 - 0.1*2 = 0.8; v2 = 0.9*2 + 2 = 3.8, w2 = 0.8 - 0.38 = 0.42
        Parameter w = param(1);
        var opt = new Momentum(List.of(w), 0.1, 0.9);
        setGrad(w, 2);
        opt.step();
        assertEquals(0.8, value(w)[0], 1e-15);
        setGrad(w, 2);
        opt.step();
        assertEquals(0.42, value(w)[0], 1e-15);
    }

    @Test
    void betaOutOfRangeIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Momentum(List.of(param(1)), 0.1, 1.0));
        assertEquals("Momentum: expected beta in [0, 1) but was 1.0.\nHint: 0.9 is the usual value.", e.getMessage());
    }
}
