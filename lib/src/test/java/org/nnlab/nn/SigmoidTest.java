package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SigmoidTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Sigmoid();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(3, 4, 3).muli(3);
    }

    @Test
    @DisplayName("values by hand: σ(0) = 0.5, σ(2) = 1/(1+e^-2), σ(-800) = 0 without NaN")
    void knownValues() {
        INDArray y = new Sigmoid().forward(Nd4j.createFromArray(new double[][] {{0, 2, -2, -800}}));
        assertArrayEquals(new double[] {0.5, 0.8807970779778823, 0.11920292202211755, 0},
                y.data().asDouble(), 1e-15);
    }

    @Test
    @DisplayName("backward is g · σ(x)(1 - σ(x)): 0.25 g at x = 0")
    void backwardAtZero() {
        Sigmoid s = new Sigmoid();
        s.forward(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 1));
        assertEquals(0.5, s.backward(Nd4j.createFromArray(new double[][] {{2}})).getDouble(0), 1e-15);
    }

    @Test
    void name() {
        assertEquals("Sigmoid", new Sigmoid().toString());
    }
}
