package org.nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;

class SoftmaxCrossEntropyTest {

    final INDArray logits = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {0.5, -1, 0}});

    @Test
    @DisplayName("L = mean over the batch of -log softmax(z)[class], by hand")
    void knownValues() {
        double s0 = Math.exp(1) + Math.exp(2) + Math.exp(3);
        double s1 = Math.exp(0.5) + Math.exp(-1) + Math.exp(0);
        double expected = (-Math.log(Math.exp(3) / s0) - Math.log(Math.exp(0.5) / s1)) / 2;
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        assertEquals(expected, loss.forward(logits, Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}})), 1e-12);
        INDArray grad = loss.backward();
        assertEquals((Math.exp(1) / s0) / 2, grad.getDouble(0, 0), 1e-12);
        assertEquals((Math.exp(3) / s0 - 1) / 2, grad.getDouble(0, 2), 1e-12);
    }

    @Test
    @DisplayName("class indices [batch] or [batch, 1] give the same loss as one-hot targets")
    void classIndices() {
        double oneHot = new SoftmaxCrossEntropy().forward(logits, Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}}));
        assertEquals(oneHot, new SoftmaxCrossEntropy().forward(logits, Nd4j.createFromArray(2.0, 0.0)), 1e-15);
        assertEquals(oneHot, new SoftmaxCrossEntropy().forward(logits, Nd4j.createFromArray(new int[][] {{2}, {0}})), 1e-15);
    }

    @Test
    @DisplayName("logits of ±1e4 give a finite loss and gradient (no NaN)")
    void stableForHugeLogits() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        INDArray z = Nd4j.createFromArray(new double[][] {{1e4, 0, -1e4}});
        assertEquals(0.0, loss.forward(z, Nd4j.createFromArray(0.0)), 1e-12);
        assertEquals(2e4, loss.forward(z, Nd4j.createFromArray(2.0)), 1e-6);
        assertArrayEquals(new double[] {1, 0, -1}, loss.backward().data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("float32 logits: the same loss (computed in double), the gradient in float32, probabilities in double")
    void float32Logits() {
        INDArray target = Nd4j.createFromArray(2.0, 0.0);
        SoftmaxCrossEntropy inDouble = new SoftmaxCrossEntropy();
        SoftmaxCrossEntropy inFloat = new SoftmaxCrossEntropy();
        double expected = inDouble.forward(logits, target);
        assertEquals(expected, inFloat.forward(logits.castTo(DataType.FLOAT), target), 1e-7);
        INDArray grad = inFloat.backward();
        assertEquals(DataType.FLOAT, grad.dataType());
        assertArrayEquals(new long[] {2, 3}, grad.shape());
        assertArrayEquals(inDouble.backward().data().asDouble(), grad.castTo(DataType.DOUBLE).data().asDouble(), 1e-7);
        assertEquals(DataType.DOUBLE, inFloat.probabilities().dataType());
        assertEquals(1.0, inFloat.probabilities().sum(1).getDouble(1), 1e-12);
    }

    @Test
    @DisplayName("soft targets (rows of probabilities): L = Σ t (lse - z), dL/dz = softmax(z) Σ t - t")
    void softTargets() {
        INDArray t = Nd4j.createFromArray(new double[][] {{0.25, 0.25, 0.5}, {0, 1, 0}});
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        double lse0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        double lse1 = Math.log(Math.exp(0.5) + Math.exp(-1) + Math.exp(0));
        double expected = (0.25 * (lse0 - 1) + 0.25 * (lse0 - 2) + 0.5 * (lse0 - 3) + (lse1 + 1)) / 2;
        assertEquals(expected, loss.forward(logits, t), 1e-12);
        assertEquals((Math.exp(1 - lse0) - 0.25) / 2, loss.backward().getDouble(0, 0), 1e-12);
    }

    @Test
    void gradientCheck() {
        GradCheck.Result r = GradCheck.loss(new SoftmaxCrossEntropy(), logits, Nd4j.createFromArray(1.0, 2.0));
        assertTrue(r.maxRelativeError() < 1e-6, r::report);
    }

    @Test
    @DisplayName("targets of a wrong shape or out of range are explained")
    void errors() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().forward(logits, Nd4j.zeros(2, 2)));
        assertEquals("SoftmaxCrossEntropy.forward: expected target of shape [2, 3] (one-hot) or [2] (class indices)"
                + " but was [2, 2].\nHint: the logits have 3 classes; one-hot targets need one column per class.",
                e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().forward(logits, Nd4j.createFromArray(3.0, 0.0)));
        assertEquals("SoftmaxCrossEntropy.forward: expected class indices in 0..2 but was target[0] = 3.0.\n"
                + "Hint: the logits [2, 3] have 3 classes.", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> new SoftmaxCrossEntropy().forward(Nd4j.zeros(2, 3, 4), Nd4j.zeros(2)));
        assertTrue(e3.getMessage().startsWith("SoftmaxCrossEntropy.forward: expected logits of shape [batch, classes]"
                + " but was [2, 3, 4]."), e3.getMessage());
        assertThrows(IllegalStateException.class, () -> new SoftmaxCrossEntropy().backward());
    }
}
