package org.nnlab.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Softmax;
import org.nnlab.nn.Tanh;

class ExplainTest {

    @Test
    @DisplayName("the slides' numbers: sums -4.1 and 7.8, z -4.4 and 0, values 0.012, 0.5 and 0.887")
    void rectangleNetwork() {
        Explanation e = Explain.forward(Slides.rectangleNet(), Slides.X);
        NeuronStep first = e.step(1, 1);
        assertEquals(-4.1, first.sum(), 1e-12);
        assertEquals(-0.3, first.bias(), 0);
        assertEquals(-4.4, first.z(), 1e-12);
        assertEquals(1 / (1 + Math.exp(4.4)), first.value(), 1e-12);
        assertEquals(ActivationFunction.SIGMOID, first.activation());
        assertEquals(7.8, e.step(1, 2).sum(), 1e-12);
        assertEquals(0.5, e.step(1, 2).value(), 1e-12);
        assertEquals(0.887, e.step(2, 1).value(), 5e-4);
        assertArrayEquals(new double[] {-3.3, -3.6}, e.step(2, 1).weights());
        assertEquals(3, e.steps().size());
    }

    @Test
    @DisplayName("the output is what the network computes, for a float network and an INDArray input too")
    void outputIsTheNetworks() {
        Sequential net = Slides.rectangleNet();
        double expected = net.forward(Nd4j.createFromArray(new double[][] {Slides.X})).getDouble(0, 0);
        assertEquals(expected, Explain.forward(net, Slides.X).output()[0], 1e-12);
        var row = Nd4j.createFromArray(new double[][] {Slides.X}).castTo(DataType.FLOAT);
        assertEquals(expected, Explain.forward(net, row).output()[0], 1e-6);
    }

    @Test
    @DisplayName("ReLU, tanh, no activation and no bias are written as such")
    void otherActivations() {
        var relu = Sequential.of(Linear.withWeights(new double[][] {{1, -1}}, new double[] {0.5, 0}), new Relu(),
                Linear.withWeights(new double[][] {{2}, {3}}), new Tanh(), Linear.withWeights(new double[][] {{-1}}));
        Explanation e = Explain.forward(relu, 2);
        assertEquals("layer 1, neuron 2: (2 x (-1)) = -2; -2 + 0 = -2; g(-2) = max(0, -2) = 0", e.text(e.step(1, 2)));
        assertEquals("layer 2, neuron 1: (2.5 x 2) + 0 = 5; g(5) = tanh(5) = 1", e.text(e.step(2, 1)));
        assertNull(e.step(3, 1).bias());
        assertEquals(ActivationFunction.NONE, e.step(3, 1).activation());
        assertTrue(e.latex(e.step(3, 1)).endsWith("a_{1}^{(3)} &= \\sum_{j} a_{j}^{(2)} W_{j1}^{(3)} = -1"),
                e.latex(e.step(3, 1)));
        assertEquals(-Math.tanh(5), e.output()[0], 1e-12);
    }

    @Test
    @DisplayName("more digits when asked: g(-4.4) = 0.01213")
    void digits() {
        Explanation e = Explain.forward(Slides.rectangleNet(), Slides.X, 4);
        assertTrue(e.text(e.step(1, 1)).endsWith("g(-4.4) = 1 / (1 + e^-(-4.4)) = 0.01213"), e.text(e.step(1, 1)));
    }

    @Test
    @DisplayName("bad inputs: what was expected, what was received, a hint")
    void clearErrors() {
        var wrongSize = assertThrows(IllegalArgumentException.class, () -> Explain.forward(Slides.rectangleNet(), 1, 0));
        assertTrue(wrongSize.getMessage().contains("9") && wrongSize.getMessage().contains("2"), wrongSize.getMessage());
        var big = assertThrows(IllegalArgumentException.class, () -> Explain.forward(new Linear(784, 10), new double[784]));
        assertTrue(big.getMessage().contains("small network"), big.getMessage());
        var softmax = assertThrows(IllegalArgumentException.class,
                () -> Explain.forward(Sequential.of(new Linear(2, 2), new Softmax()), 1, 2));
        assertTrue(softmax.getMessage().contains("Softmax") && softmax.getMessage().contains("Linear"), softmax.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Explain.forward(null, 1));
        assertThrows(IllegalArgumentException.class, () -> Explain.forward(Slides.rectangleNet(), Nd4j.zeros(2, 9)));
    }
}
