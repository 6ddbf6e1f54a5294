package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaxPool2dTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new MaxPool2d(2);
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(15, 2, 3, 4, 5);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(2, 12);
    }

    @Test
    @DisplayName("the maximum of each 2x2 window; the gradient goes to the maximum's position")
    void knownValues() {
        MaxPool2d pool = new MaxPool2d(2);
        INDArray x = Nd4j.createFromArray(new double[] {
                1, 5, 2, 0,
                3, 4, 8, 1,
                0, 0, 1, 2,
                9, 0, 3, 4}).reshape(1, 1, 4, 4);
        assertArrayEquals(new double[] {5, 8, 9, 4}, pool.forward(x).data().asDouble(), 0);
        INDArray dx = pool.backward(Nd4j.createFromArray(new double[] {1, 2, 3, 4}).reshape(1, 1, 2, 2));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 4}, dx.data().asDouble(), 0);
        assertEquals("MaxPool2d(2x2, stride 2)", pool.toString());
    }

    @Nested
    @DisplayName("overlapping windows (3x3, stride 2)")
    class Overlapping implements LayerContract {
        @Override
        public Layer createLayer() {
            return new MaxPool2d(3, 2);
        }

        @Override
        public INDArray sampleInput() {
            return LayerContract.randomInput(16, 2, 2, 7, 7);
        }
    }

    @Test
    @DisplayName("float32 inputs take the native maxpool2d/maxpool2d_bp: the same maxima and gradients as the loops")
    void floatRunsNativeAndAgreesWithDouble() {
        for (int[] ks : new int[][] {{2, 2}, {3, 2}, {2, 1}}) {
            INDArray x = Init.uniform(-0.5, 0.5, 3).create(2, 3, 7, 8);
            INDArray yd = new MaxPool2d(ks[0], ks[1]).forward(x);
            MaxPool2d f = new MaxPool2d(ks[0], ks[1]);
            INDArray yf = f.forward(x.castTo(DataType.FLOAT));
            assertEquals(DataType.FLOAT, yf.dataType());
            assertEquals(yd.castTo(DataType.FLOAT), yf, "window " + ks[0] + ", stride " + ks[1]);
            MaxPool2d d = new MaxPool2d(ks[0], ks[1]);
            d.forward(x);
            INDArray g = Init.uniform(-0.5, 0.5, 4).create(yd.shape());
            assertEquals(d.backward(g).castTo(DataType.FLOAT), f.backward(g.castTo(DataType.FLOAT)),
                    "backward, window " + ks[0] + ", stride " + ks[1]);
        }
    }
}
