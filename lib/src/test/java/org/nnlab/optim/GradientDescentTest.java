package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;
import static org.nnlab.optim.OptimizerTesting.value;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.nn.Parameter;

class GradientDescentTest {

    @Test
    void oneStepByHand() {
        Parameter w = param(1, 2);
        setGrad(w, 0.5, -1);
        new GradientDescent(List.of(w), 0.1).step();
        assertArrayEquals(new double[] {0.95, 2.1}, value(w), 1e-15);
    }

    @Test
    void updatesInPlaceSoTheLayerSeesIt() {
        Parameter w = param(1);
        var array = w.value();
        setGrad(w, 1);
        new GradientDescent(List.of(w), 0.5).step();
        assertEquals(0.5, array.getDouble(0), 1e-15);
    }

    @Test
    void minimisesTheParabola() {
        // f(w) = (w-1)^2 + 3.5, f' = 2(w-1): the same iterates as functions.Minimizer
        Parameter w = param(5);
        var gd = new GradientDescent(List.of(w), 0.1);
        for (int i = 0; i < 200; i++) {
            gd.zeroGrad();
            w.accumulate(w.value().sub(1).mul(2));
            gd.step();
        }
        assertEquals(1.0, value(w)[0], 1e-12);
        assertEquals(200, gd.steps());
    }
}
