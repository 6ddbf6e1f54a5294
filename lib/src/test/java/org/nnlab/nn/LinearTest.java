package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LinearTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Linear(3, 2, Init.glorotUniform(7));
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(1, 4, 3);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(4, 5);
    }

    @Test
    @DisplayName("forward computes x W + b with the given weights")
    void forwardWithKnownWeights() {
        Linear layer = Linear.withWeights(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0.5, -1});
        INDArray y = layer.forward(Nd4j.createFromArray(new double[][] {{1, 0, 2}, {0, 1, 0}}));
        assertArrayEquals(new double[] {11.5, 13, 3.5, 3}, y.data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("backward: dW = xᵀg, db = Σ g, dx = g Wᵀ")
    void backwardWithKnownWeights() {
        Linear layer = Linear.withWeights(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[] {0, 0});
        layer.forward(Nd4j.createFromArray(new double[][] {{1, 0, 2}, {0, 1, 0}}));
        INDArray dx = layer.backward(Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}}));
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, dx.data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 1, 2, 0}, layer.weight().grad().data().asDouble(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, layer.bias().grad().data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("gradients accumulate over two backward calls until zeroGrad")
    void gradientsAccumulate() {
        Linear layer = Linear.withWeights(new double[][] {{1}, {1}}, new double[] {0});
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 2}});
        layer.forward(x);
        layer.backward(Nd4j.ones(1, 1));
        layer.forward(x);
        layer.backward(Nd4j.ones(1, 1));
        assertArrayEquals(new double[] {2, 4}, layer.weight().grad().data().asDouble(), 1e-12);
        layer.weight().zeroGrad();
        assertArrayEquals(new double[] {0, 0}, layer.weight().grad().data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("the slides' error message for images fed into a dense layer")
    void imageIntoDenseLayerSuggestsFlatten() {
        Linear layer = new Linear(784, 128);
        var e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Nd4j.zeros(32, 28, 28)));
        assertEquals("Linear(784 -> 128).forward: expected input of shape [batch, 784] but was [32, 28, 28].\n"
                + "Hint: add a Flatten layer, or check the previous layer's output size.", e.getMessage());
    }

    @Test
    @DisplayName("a single sample given as a vector gets a reshape hint")
    void vectorInputSuggestsReshape() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Linear(3, 2).forward(Nd4j.zeros(3)));
        assertEquals("Linear(3 -> 2).forward: expected input of shape [batch, 3] but was [3].\n"
                + "Hint: a single sample is a row: use x.reshape(1, 3).", e.getMessage());
    }

    @Test
    @DisplayName("withWeights checks the bias length")
    void withWeightsChecksBias() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Linear.withWeights(new double[][] {{1, 2}}, new double[] {1, 2, 3}));
        assertEquals("Linear.withWeights: expected 2 biases (W is [1][2]) but was 3 biases.\nHint: one bias per output unit.",
                e.getMessage());
    }

    @Test
    @DisplayName("toString, parameter names and shapes")
    void namesAndShapes() {
        Linear layer = new Linear(9, 2);
        assertEquals("Linear(9 -> 2)", layer.toString());
        assertEquals("Linear(9 -> 2).weight", layer.weight().name());
        assertArrayEquals(new long[] {9, 2}, layer.weight().shape());
        assertArrayEquals(new long[] {1, 2}, layer.bias().shape());
        assertEquals(org.nd4j.linalg.api.buffer.DataType.DOUBLE, layer.weight().value().dataType());
    }

    @Test
    @DisplayName("the same seed gives the same weights")
    void seededInitIsReproducible() {
        assertEquals(new Linear(4, 3, Init.glorotUniform(3)).weight().value(),
                new Linear(4, 3, Init.glorotUniform(3)).weight().value());
    }

    @Nested
    @DisplayName("without bias")
    class WithoutBias implements LayerContract {
        @Override
        public Layer createLayer() {
            return new Linear(3, 2, false, Init.heNormal(1));
        }

        @Override
        public INDArray sampleInput() {
            return LayerContract.randomInput(2, 5, 3);
        }

        @Override
        public INDArray wrongInput() {
            return Nd4j.zeros(5, 2);
        }

        @Test
        void hasOnlyAWeight() {
            Linear layer = new Linear(3, 2, false);
            assertEquals(1, layer.parameters().size());
            assertFalse(layer.hasBias());
            assertEquals("Linear(3 -> 2, no bias)", layer.toString());
            assertThrows(IllegalStateException.class, layer::bias);
        }
    }
}
