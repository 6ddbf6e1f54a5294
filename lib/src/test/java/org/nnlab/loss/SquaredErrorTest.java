package org.nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;

class SquaredErrorTest {

    final INDArray y = Nd4j.createFromArray(new double[][] {{0.887}, {0.2}});
    final INDArray t = Nd4j.createFromArray(new double[][] {{1}, {0}});

    @Test
    @DisplayName("C = Σ (y - y_true)², no 1/2 and no mean, as on the slides; dC/dy = 2 (y - y_true)")
    void slidesFormula() {
        SquaredError loss = new SquaredError();
        assertEquals(0.113 * 0.113 + 0.04, loss.forward(y, t), 1e-12);
        assertArrayEquals(new double[] {2 * -0.113, 0.4}, loss.backward().data().asDouble(), 1e-12);
        assertEquals("SquaredError", loss.toString());
    }

    @Test
    @DisplayName("half(): C = ½ Σ (y - y_true)², dC/dy = y - y_true")
    void halfVariant() {
        SquaredError loss = SquaredError.half();
        assertEquals((0.113 * 0.113 + 0.04) / 2, loss.forward(y, t), 1e-12);
        assertArrayEquals(new double[] {-0.113, 0.2}, loss.backward().data().asDouble(), 1e-12);
    }

    @Test
    void gradientCheck() {
        GradCheck.Result r = GradCheck.loss(new SquaredError(), y, t);
        assertTrue(r.maxRelativeError() < 1e-6, r::report);
    }

    @Test
    @DisplayName("a target of another shape is rejected with both shapes and a hint")
    void shapeMismatch() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SquaredError().forward(y, Nd4j.createFromArray(1.0, 0.0)));
        assertEquals("SquaredError.forward: expected target of shape [2, 1] (the prediction's shape) but was [2].\n"
                + "Hint: reshape the target to a column: target.reshape(2, 1).", e.getMessage());
    }

    @Test
    void backwardBeforeForward() {
        var e = assertThrows(IllegalStateException.class, () -> new SquaredError().backward());
        assertTrue(e.getMessage().startsWith("SquaredError.backward: call forward() first"), e.getMessage());
    }
}
