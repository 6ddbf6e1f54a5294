package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NativeOpsTest {

    // one 3x3 image, one channel: 1..9
    private static final INDArray X = Nd4j.linspace(1, 9, 9).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)
            .reshape(1, 1, 3, 3);

    @Test
    @DisplayName("conv2d of a 3x3 image with a 2x2 kernel of ones sums each window, plus the bias")
    void convolutionByHand() {
        INDArray w = Nd4j.ones(1, 1, 2, 2).castTo(X.dataType());
        INDArray b = Nd4j.createFromArray(0.5);
        INDArray y = NativeOps.conv2d(X, w, b, 1, 0, new long[] {1, 1, 2, 2});
        assertArrayEquals(new double[] {12.5, 16.5, 24.5, 28.5}, y.data().asDouble(), 1e-12);
        NativeOps.ConvGradients d = NativeOps.conv2dGradients(X, w, b, Nd4j.ones(X.dataType(), 1, 1, 2, 2), 1, 0);
        assertArrayEquals(new double[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, d.input().data().asDouble(), 1e-12,
                "dL/dx counts the windows each pixel is in");
        assertArrayEquals(new double[] {12, 16, 24, 28}, d.weight().data().asDouble(), 1e-12, "dL/dW: window sums");
        assertArrayEquals(new double[] {4}, d.bias().data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("max pooling 2x2 with stride 1 takes each window's maximum and routes g to it")
    void maxPoolByHand() {
        INDArray y = NativeOps.maxPool(X, 2, 1, new long[] {1, 1, 2, 2});
        assertArrayEquals(new double[] {5, 6, 8, 9}, y.data().asDouble(), 1e-12);
        INDArray dx = NativeOps.maxPoolGradient(X, Nd4j.ones(X.dataType(), 1, 1, 2, 2), 2, 1);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 1, 0, 1, 1}, dx.data().asDouble(), 1e-12);
    }
}
