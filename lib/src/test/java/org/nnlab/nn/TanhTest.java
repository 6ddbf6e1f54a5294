package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TanhTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Tanh();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(4, 2, 3, 2, 2);   // any rank works
    }

    @Test
    @DisplayName("values by hand: tanh(0) = 0, tanh(1) = 0.7615941559557649; backward 1 - y²")
    void knownValues() {
        Tanh t = new Tanh();
        INDArray y = t.forward(Nd4j.createFromArray(new double[][] {{0, 1}}));
        assertArrayEquals(new double[] {0, 0.7615941559557649}, y.data().asDouble(), 1e-15);
        INDArray dx = t.backward(Nd4j.createFromArray(new double[][] {{1, 1}}));
        assertArrayEquals(new double[] {1, 1 - 0.7615941559557649 * 0.7615941559557649}, dx.data().asDouble(), 1e-15);
        assertEquals("Tanh", t.toString());
    }
}
