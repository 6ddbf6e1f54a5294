package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LeakyReluTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new LeakyRelu(0.1);
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(6, 4, 3);
    }

    @Test
    @DisplayName("slope α for negative inputs, 1 for positive, in forward and backward")
    void knownValues() {
        LeakyRelu r = new LeakyRelu(0.1);
        INDArray y = r.forward(Nd4j.createFromArray(new double[][] {{-2, 3}}));
        assertArrayEquals(new double[] {-0.2, 3}, y.data().asDouble(), 1e-15);
        INDArray dx = r.backward(Nd4j.createFromArray(new double[][] {{1, 1}}));
        assertArrayEquals(new double[] {0.1, 1}, dx.data().asDouble(), 1e-15);
        assertEquals("LeakyRelu(0.1)", r.toString());
        assertEquals(0.01, new LeakyRelu().alpha());
    }

    @Test
    void rejectsSlopeOutsideUnitInterval() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(2));
        assertEquals("LeakyRelu(alpha): expected 0 <= alpha < 1 but was 2.0.\nHint: alpha is the slope for negative inputs,"
                + " usually small, e.g. 0.01.", e.getMessage());
    }
}
