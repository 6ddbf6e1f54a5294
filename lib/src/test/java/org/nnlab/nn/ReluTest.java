package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReluTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Relu();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(5, 4, 3);
    }

    @Test
    @DisplayName("forward is max(0, x); backward passes the gradient only where x > 0")
    void backwardMasksNegativeInputs() {
        Relu r = new Relu();
        INDArray y = r.forward(Nd4j.createFromArray(new double[][] {{-2, 0, 3}}));
        assertArrayEquals(new double[] {0, 0, 3}, y.data().asDouble(), 0);
        INDArray dx = r.backward(Nd4j.createFromArray(new double[][] {{5, 5, 5}}));
        assertArrayEquals(new double[] {0, 0, 5}, dx.data().asDouble(), 0, "dReLU/dx is 0 for x <= 0");
        assertEquals("Relu", r.toString());
    }
}
