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

class MeanSquaredErrorTest {

    @Test
    @DisplayName("L = mean of (y - t)² over all elements; dL/dy = 2 (y - t) / N")
    void knownValues() {
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray t = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 4}});
        MeanSquaredError loss = new MeanSquaredError();
        assertEquals((4 + 9) / 4.0, loss.forward(y, t), 1e-12);
        assertArrayEquals(new double[] {0, 1, 1.5, 0}, loss.backward().data().asDouble(), 1e-12);
        assertTrue(GradCheck.loss(loss, y, t).maxRelativeError() < 1e-6);
    }

    @Test
    void shapeMismatch() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new MeanSquaredError().forward(Nd4j.zeros(3, 2), Nd4j.zeros(3, 3)));
        assertEquals("MeanSquaredError.forward: expected target of shape [3, 2] (the prediction's shape) but was"
                + " [3, 3].\nHint: the target needs one value per predicted value; check the last layer's size.",
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> new MeanSquaredError().backward());
    }
}
