package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;
import org.nnlab.loss.SoftmaxCrossEntropy;
import org.nnlab.loss.SquaredError;

class SequentialTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return Sequential.of(new Linear(4, 5, Init.glorotUniform(1)), new Tanh(), new Linear(5, 3, Init.glorotUniform(2)),
                new Softmax());
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(12, 3, 4);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(3, 7);
    }

    @Override
    public String nameInMessages(Layer layer) {
        return "Sequential";
    }

    @Override
    public String nameInInputErrors(Layer layer) {
        return "Linear(4 -> 5)";
    }

    /** The slides' rectangle network: 9 pixels, 2 hidden sigmoid units, 1 sigmoid output. */
    static Sequential rectangleNetwork() {
        Linear hidden = Linear.withWeights(new double[][] {
                {2.8, 0.6}, {3.6, 5.2}, {11.8, -0.2}, {-3.8, 4.5}, {-6.4, 9.0}, {8.6, 3.9}, {-0.3, 3.3}, {1.8, 9.4},
                {10.0, 3.7}}, new double[] {-0.3, -7.8});
        Linear output = Linear.withWeights(new double[][] {{-3.3}, {-3.6}}, new double[] {3.9});
        return Sequential.of(hidden, new Sigmoid(), output, new Sigmoid());
    }

    @Nested
    @DisplayName("the slides' rectangle network 9-2-1 (known answer)")
    class RectangleNetwork {
        final INDArray x = Nd4j.createFromArray(new double[][] {{0, 0, 0, 1, 0, 0, 1, 0, 0}});

        @Test
        @DisplayName("hidden activations are [0.012, 0.5]: σ(-3.8 - 0.3 - 0.3) and σ(4.5 + 3.3 - 7.8)")
        void hiddenActivations() {
            Sequential net = rectangleNetwork();
            INDArray a1 = net.layer(1).forward(net.layer(0).forward(x));
            assertEquals(0.012, a1.getDouble(0, 0), 0.0005);
            assertEquals(1 / (1 + Math.exp(4.4)), a1.getDouble(0, 0), 1e-12);
            assertEquals(0.5, a1.getDouble(0, 1), 1e-12);
        }

        @Test
        @DisplayName("the output is 0.887")
        void output() {
            INDArray y = rectangleNetwork().forward(x);
            assertArrayEquals(new long[] {1, 1}, y.shape());
            assertEquals(0.887, y.getDouble(0, 0), 0.0005);
        }

        @Test
        @DisplayName("summary lists the layers, output shapes and the 23 parameters")
        void summary() {
            String s = rectangleNetwork().summary(9);
            assertTrue(s.contains("0: Linear(9 -> 2)"), s);
            assertTrue(s.contains("[batch, 2]"), s);
            assertTrue(s.contains("Total params: 23"), s);
            String[] lines = s.split("\n");
            assertTrue(lines[6].startsWith("1: Sigmoid"), s);
            assertTrue(lines[6].trim().endsWith(" 0"), s);
        }

        @Test
        @DisplayName("the whole network passes a gradient check with the slides' squared error")
        void gradientCheck() {
            Sequential net = rectangleNetwork();
            GradCheck.Result r = GradCheck.model(net, new SquaredError(), x, Nd4j.createFromArray(new double[][] {{1}}));
            assertTrue(r.maxRelativeError() < 1e-6, r::report);
            assertEquals(5, r.checks().size());   // input, 2 weights, 2 biases
        }
    }

    @Test
    @DisplayName("toString lists the numbered layers")
    void readableToString() {
        assertEquals("Sequential(\n  (0): Linear(9 -> 2)\n  (1): Sigmoid\n  (2): Linear(2 -> 1)\n  (3): Sigmoid\n)",
                rectangleNetwork().toString());
    }

    @Test
    @DisplayName("summary of the slides' MNIST CNN: shapes and 1,199,882 parameters like Keras")
    void mnistCnnSummary() {
        Sequential cnn = Sequential.of(new Conv2d(1, 32, 3), new Relu(), new Conv2d(32, 64, 3), new Relu(),
                new MaxPool2d(2), new Dropout(0.25), new Flatten(), new Linear(9216, 128), new Relu(),
                new Dropout(0.5), new Linear(128, 10), new Softmax());
        String s = cnn.summary(1, 28, 28);
        assertTrue(s.contains("[batch, 64, 12, 12]"), s);
        assertTrue(s.contains("[batch, 9216]"), s);
        assertTrue(s.contains("Total params: 1,199,882"), s);
    }

    @Test
    @DisplayName("summary with a wrong input shape names the layer that does not fit")
    void summaryWithWrongShape() {
        var e = assertThrows(IllegalArgumentException.class, () -> rectangleNetwork().summary(8));
        assertEquals("Linear(9 -> 2).outputShape: expected input of shape [batch, 9] but was [batch, 8].\n"
                + "Hint: check the previous layer's output size.", e.getMessage());
    }

    @Test
    @DisplayName("train() and eval() switch every layer; eval turns dropout off")
    void modes() {
        Dropout d = new Dropout(0.5, 1);
        Sequential m = Sequential.of(new Identity(), d);
        assertTrue(m.isTraining());
        assertFalse(m.eval().isTraining());
        assertFalse(d.isTraining());
        assertTrue(m.train().isTraining());
        assertTrue(d.isTraining());
    }

    @Test
    @DisplayName("parameters() lists every layer's parameters in order; zeroGrad clears them")
    void parametersInOrder() {
        Sequential net = rectangleNetwork();
        assertEquals(4, net.parameters().size());
        assertEquals("Linear(2 -> 1).bias", net.parameters().get(3).name());
        assertEquals(23, net.parameterCount());
        net.forward(Nd4j.ones(1, 9));
        net.backward(Nd4j.ones(1, 1));
        net.zeroGrad();
        net.parameters().forEach(p -> assertEquals(0.0, p.grad().sumNumber().doubleValue()));
        assertThrows(UnsupportedOperationException.class, () -> net.layers().add(new Relu()));
    }

    @Nested
    @DisplayName("checked mode")
    class Checked {
        @Test
        @DisplayName("a NaN produced in forward names the layer, the pass and a hint")
        void nanInForward() {
            Sequential m = Sequential.of(new Linear(2, 2, Init.glorotUniform(1)), new Softmax());
            m.forward(Nd4j.ones(1, 2));
            var e = assertThrows(NonFiniteException.class,
                    () -> m.forward(Nd4j.createFromArray(new double[][] {{Double.POSITIVE_INFINITY, 1}}).mul(0.0)));
            assertEquals(-1, e.layerIndex());
            assertTrue(e.getMessage().contains("the input contains 1 NaN and 0 infinite values (shape [1, 2]) in forward pass 2."), e.getMessage());

            Sequential big = Sequential.of(Linear.withWeights(new double[][] {{1e308, -1e308}, {1e308, 1e308}}),
                    new Sigmoid());
            var e2 = assertThrows(NonFiniteException.class,
                    () -> big.forward(Nd4j.createFromArray(new double[][] {{10, 10}})));
            assertTrue(e2.getMessage().startsWith("Sequential.forward: layer 0 (Linear(2 -> 2, no bias)) produced"),
                    e2.getMessage());
            assertTrue(e2.getMessage().contains("in forward pass 1.\nHint: the numbers blew up"), e2.getMessage());
            assertTrue(e2.getMessage().contains("lower the learning rate"), e2.getMessage());
            assertEquals("forward", e2.phase());
        }

        @Test
        @DisplayName("an infinite gradient in backward names the layer")
        void infinityInBackward() {
            Sequential m = Sequential.of(Linear.withWeights(new double[][] {{1e300}}), new Identity());
            m.forward(Nd4j.createFromArray(new double[][] {{1}}));
            var e = assertThrows(NonFiniteException.class, () -> m.backward(Nd4j.createFromArray(new double[][] {{1e300}})));
            assertEquals(0, e.layerIndex());
            assertEquals("backward", e.phase());
            assertTrue(e.getMessage().startsWith("Sequential.backward: layer 0 (Linear(1 -> 1, no bias)) produced 0 NaN"
                    + " and 1 infinite values (shape [1, 1]) in backward pass 1."), e.getMessage());
        }

        @Test
        @DisplayName("what every layer returns is checked, whatever the layer")
        void everyLayerIsChecked() {
            class MakesNaN implements Layer {
                @Override
                public INDArray forward(INDArray x) {
                    return Nd4j.valueArrayOf(x.shape(), Double.NaN);
                }

                @Override
                public INDArray backward(INDArray g) {
                    return g;
                }

                @Override
                public long[] outputShape(long[] inputShape) {
                    return inputShape;
                }

                @Override
                public String toString() {
                    return "MakesNaN";
                }
            }
            INDArray x = Nd4j.ones(1, 2);
            var e = assertThrows(NonFiniteException.class, () -> Sequential.of(new Relu(), new MakesNaN()).forward(x));
            assertTrue(e.getMessage().startsWith("Sequential.forward: layer 1 (MakesNaN) produced 2 NaN"), e.getMessage());
        }

        @Test
        @DisplayName("checked(false) lets NaN through")
        void canBeTurnedOff() {
            Sequential m = Sequential.of(new Identity()).checked(false);
            assertFalse(m.isChecked());
            assertTrue(Double.isNaN(m.forward(Nd4j.createFromArray(new double[][] {{Double.NaN}})).getDouble(0)));
        }
    }

    @Test
    @DisplayName("a small classifier passes a gradient check with SoftmaxCrossEntropy")
    void classifierGradientCheck() {
        Sequential m = Sequential.of(new Linear(4, 6, Init.heNormal(3)), new LeakyRelu(0.1), new Linear(6, 3, Init.heNormal(4)));
        GradCheck.Result r = GradCheck.model(m, new SoftmaxCrossEntropy(), LayerContract.randomInput(5, 5, 4),
                Nd4j.createFromArray(new double[] {0, 2, 1, 1, 0}));
        assertTrue(r.maxRelativeError() < 1e-6, r::report);
    }
}
