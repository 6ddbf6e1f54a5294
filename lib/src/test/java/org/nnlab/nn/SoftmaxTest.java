package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SoftmaxTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Softmax();
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(8, 4, 5).muli(2);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(2, 3, 4);
    }

    @Test
    @DisplayName("values by hand: softmax([1, 2, 3]) = e^x / Σ e^x; rows sum to 1")
    void knownValues() {
        INDArray y = new Softmax().forward(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0, 0, 0}}));
        double s = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / s, Math.exp(2) / s, Math.exp(3) / s, 1 / 3.0, 1 / 3.0, 1 / 3.0},
                y.data().asDouble(), 1e-15);
    }

    @Test
    @DisplayName("large logits do not overflow: softmax([1000, 0]) = [1, e^-1000]")
    void stableForLargeInputs() {
        INDArray y = new Softmax().forward(Nd4j.createFromArray(new double[][] {{1000, 0}}));
        assertArrayEquals(new double[] {1, 0}, y.data().asDouble(), 1e-300);
    }

    @Test
    @DisplayName("backward is the Jacobian-vector product: J = diag(y) - y yᵀ")
    void backwardIsJacobianTimesGradient() {
        Softmax s = new Softmax();
        INDArray y = s.forward(Nd4j.createFromArray(new double[][] {{0.5, -1, 2}}));
        double[] g = {1, -2, 0.5};
        INDArray dx = s.backward(Nd4j.createFromArray(new double[][] {g}));
        double[] p = y.data().asDouble();
        for (int i = 0; i < 3; i++) {
            double expected = 0;
            for (int j = 0; j < 3; j++) {
                expected += g[j] * p[j] * ((i == j ? 1 : 0) - p[i]);
            }
            assertEquals(expected, dx.getDouble(0, i), 1e-15);
        }
    }

    @Test
    void wrongRankMessage() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Softmax().forward(Nd4j.zeros(3)));
        assertEquals("Softmax.forward: expected input of shape [batch, classes] but was [3].\nHint: add a Flatten layer"
                + " before the last Linear layer, or reshape a single sample to [1, classes].", e.getMessage());
    }
}
