package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.nn.Parameter;

class SgdTest {

    @Test
    void sameUpdateAsGradientDescent() {
        Parameter w = param(1, 2);
        setGrad(w, 0.5, -1);
        Sgd sgd = new Sgd(List.of(w), 0.1);
        sgd.step();
        assertArrayEquals(new double[] {0.95, 2.1}, value(w), 1e-15);
        assertEquals("Sgd(lr = 0.1)", sgd.toString());
    }
}
