package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FlattenTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Flatten();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(11, 2, 3, 2, 2);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(5);
    }

    @Test
    @DisplayName("[b, c, h, w] -> [b, c·h·w] in C order, and back in backward")
    void flattensInCOrder() {
        Flatten f = new Flatten();
        INDArray x = Nd4j.arange(24).castTo(Init.DTYPE).reshape(2, 3, 2, 2);
        INDArray y = f.forward(x);
        assertArrayEquals(new long[] {2, 12}, y.shape());
        assertEquals(13.0, y.getDouble(1, 1));
        assertEquals(x, f.backward(y));
        assertEquals("Flatten", f.toString());
    }
}
