package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdentityTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Identity();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(7, 3, 2);
    }

    @Test
    void passesValuesAndGradientsUnchanged() {
        Identity id = new Identity();
        INDArray x = sampleInput();
        assertEquals(x, id.forward(x));
        assertEquals(x, id.backward(x));
        assertEquals("Identity", id.toString());
    }
}
