package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;
import org.nnlab.loss.SquaredError;
import org.nnlab.nn.Sequential;

class TwoLayerNetTest {

    static final INDArray X = Nd4j.createFromArray(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
    static final INDArray T = Nd4j.createFromArray(new double[][] {{0}, {1}, {1}, {0}});

    /** W1 = 0, b1 = 0, W2 = [[2], [2]], b2 = [-2]: h = 0.5 everywhere, y = sigma(0) = 0.5. */
    static TwoLayerNet flat() {
        return TwoLayerNet.of(new double[][] {{0, 0}, {0, 0}}, new double[] {0, 0}, new double[][] {{2}, {2}}, new double[] {-2});
    }

    @Test
    @DisplayName("the forward pass and the cost by hand: h = 0.5, y = 0.5, C = 1/2 * 4 * 0.25 = 0.5")
    void forwardByHand() {
        TwoLayerNet net = flat();
        assertArrayEquals(new double[] {0.5, 0.5}, net.hidden(X).getRow(3).toDoubleVector(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, net.output(X).toDoubleVector(), 1e-15);
        assertEquals(0.5, net.cost(X, T), 1e-15);
        assertEquals("TwoLayerNet(2 -> 2 -> 1)", net.toString());
    }

    @Test
    @DisplayName("the numerical gradient equals the library's backward of the same network with SquaredError.half()")
    void numericalGradientMatchesTheLibrary() {
        TwoLayerNet net = TwoLayerNet.random(2, 3, 2, 5);
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, -1}, {2, 0.5}, {-0.7, 0.1}});
        INDArray t = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0.5, 0.5}});
        Sequential model = net.toSequential();
        SquaredError half = SquaredError.half();
        assertEquals(net.cost(x, t), half.forward(model.forward(x), t), 1e-12);
        model.zeroGrad();
        model.backward(half.backward());
        TwoLayerNet lib = new TwoLayerNet(model.parameters().get(0).grad(), model.parameters().get(1).grad(),
                model.parameters().get(2).grad(), model.parameters().get(3).grad());
        assertTrue(lib.maxDifference(net.numericalGradient(x, t)) < 1e-9, () -> "difference " + lib.maxDifference(net.numericalGradient(x, t)));
        assertTrue(GradCheck.model(model, half, x, t).maxRelativeError() < 1e-6);
    }

    @Test
    @DisplayName("step moves every parameter against the gradient and leaves the network unchanged")
    void stepSubtractsEtaTimesTheGradient() {
        TwoLayerNet net = flat();
        TwoLayerNet ones = TwoLayerNet.of(new double[][] {{1, 1}, {1, 1}}, new double[] {1, 1}, new double[][] {{1}, {1}}, new double[] {1});
        TwoLayerNet next = net.step(ones, 0.5);
        assertArrayEquals(new double[] {1.5, 1.5}, next.w2().toDoubleVector(), 0);
        assertArrayEquals(new double[] {-2.5}, next.b2().toDoubleVector(), 0);
        assertArrayEquals(new double[] {-0.5, -0.5}, next.b1().toDoubleVector(), 0);
        assertEquals(0, net.maxDifference(flat()));
        assertEquals(0.5, next.maxDifference(net));
        assertEquals(2.5, next.maxAbs());
    }

    @Test
    @DisplayName("random networks are the same for the same seed and differ for another")
    void randomIsSeeded() {
        assertEquals(0, TwoLayerNet.random(2, 3, 1, 7).maxDifference(TwoLayerNet.random(2, 3, 1, 7)));
        assertTrue(TwoLayerNet.random(2, 3, 1, 7).maxDifference(TwoLayerNet.random(2, 3, 1, 8)) > 0);
    }

    @Test
    @DisplayName("shapes that do not fit are refused with what was expected, what came and a hint")
    void badShapesExplainThemselves() {
        INDArray w1 = Nd4j.zeros(2, 3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TwoLayerNet(w1, Nd4j.zeros(1, 3), Nd4j.zeros(1, 3), Nd4j.zeros(1, 1)));
        assertEquals("TwoLayerNet: expected W2 of shape [3, out] (W1 is [2, 3], so 3 hidden units) but was an array of shape"
                + " [1, 3].\nHint: W2 has one row per hidden unit; a gradient dC/dW2 = h^T delta2 has that shape too.", e.getMessage());
        var b = assertThrows(IllegalArgumentException.class,
                () -> new TwoLayerNet(w1, Nd4j.zeros(3), Nd4j.zeros(3, 1), Nd4j.zeros(1, 1)));
        assertTrue(b.getMessage().startsWith("TwoLayerNet: expected b1 of shape [1, 3] but was an array of shape [3]"), b.getMessage());
        var x = assertThrows(IllegalArgumentException.class, () -> flat().output(Nd4j.zeros(4, 3)));
        assertTrue(x.getMessage().startsWith("TwoLayerNet(2 -> 2 -> 1).hidden: expected inputs x of shape [batch, 2] but was an"
                + " array of shape [4, 3]"), x.getMessage());
        var t = assertThrows(IllegalArgumentException.class, () -> flat().cost(X, Nd4j.zeros(4, 2)));
        assertTrue(t.getMessage().contains("expected targets t of shape [4, 1]"), t.getMessage());
        var s = assertThrows(IllegalArgumentException.class, () -> flat().step(TwoLayerNet.random(2, 3, 1, 1), 0.1));
        assertTrue(s.getMessage().contains("expected W1 of shape [2, 2]"), s.getMessage());
        var eta = assertThrows(IllegalArgumentException.class, () -> flat().step(flat(), 0));
        assertTrue(eta.getMessage().contains("expected a learning rate eta > 0 but was 0.0"), eta.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TwoLayerNet.random(0, 3, 1, 1));
    }
}
