package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nnlab.optim.OptimizerTesting.param;
import static org.nnlab.optim.OptimizerTesting.setGrad;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnlab.nn.Parameter;

class AbstractOptimizerTest {

    @Test
    void zeroGradClearsEveryGradient() {
        Parameter a = param(1, 2);
        Parameter b = param(3);
        setGrad(a, 4, 5);
        setGrad(b, 6);
        new Sgd(List.of(a, b), 0.1).zeroGrad();
        assertEquals(0, a.grad().sumNumber().doubleValue());
        assertEquals(0, b.grad().sumNumber().doubleValue());
    }

    @Test
    void learningRateCanChange() {
        Parameter w = param(1);
        Optimizer opt = new Momentum(List.of(w), 0.1, 0);
        opt.setLearningRate(0.5);
        assertEquals(0.5, opt.learningRate());
        setGrad(w, 1);
        opt.step();
        assertEquals(0.5, w.value().getDouble(0), 1e-15);
        var e = assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(-1));
        assertEquals("Momentum.setLearningRate: expected a learning rate > 0 but was -1.0.\n"
                + "Hint: typical values are 0.1 to 0.0001.", e.getMessage());
    }

    @Test
    void emptyParametersAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of()));
        assertEquals("Adam: expected a non-empty list of parameters but was an empty list.\n"
                + "Hint: pass model.parameters(); a model made only of activations has nothing to train.",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> new Sgd(List.of(param(1)), Double.NaN));
        assertEquals("Sgd: expected a learning rate > 0 but was NaN.\nHint: typical values are 0.1 to 0.0001.",
                e2.getMessage());
    }
}
