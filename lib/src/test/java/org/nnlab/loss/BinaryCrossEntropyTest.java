package org.nnlab.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;

class BinaryCrossEntropyTest {

    @Test
    @DisplayName("L = -mean(t log p + (1 - t) log(1 - p)), by hand")
    void knownValues() {
        INDArray p = Nd4j.createFromArray(new double[][] {{0.9}, {0.2}});
        INDArray t = Nd4j.createFromArray(new double[][] {{1}, {0}});
        assertEquals(-(Math.log(0.9) + Math.log(0.8)) / 2, new BinaryCrossEntropy().forward(p, t), 1e-12);
        GradCheck.Result r = GradCheck.loss(new BinaryCrossEntropy(), p, t);
        assertTrue(r.maxRelativeError() < 1e-6, r::report);
    }

    @Test
    @DisplayName("probabilities of exactly 0 and 1 are clipped: finite loss and gradient")
    void clipped() {
        BinaryCrossEntropy loss = new BinaryCrossEntropy();
        double l = loss.forward(Nd4j.createFromArray(new double[][] {{0}, {1}}), Nd4j.createFromArray(new double[][] {{1}, {0}}));
        assertEquals(-Math.log(1e-7), l, 1e-6);
        assertTrue(Double.isFinite(loss.backward().sumNumber().doubleValue()));
    }

    @Test
    @DisplayName("logits instead of probabilities are rejected with a hint")
    void rejectsLogits() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BinaryCrossEntropy()
                .forward(Nd4j.createFromArray(new double[][] {{2.5}}), Nd4j.createFromArray(new double[][] {{1}})));
        assertEquals("BinaryCrossEntropy.forward: expected probabilities in [0, 1] but was a prediction ranging over"
                + " [2.5, 2.5].\nHint: end the model with a Sigmoid layer, or use SoftmaxCrossEntropy on logits.",
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new BinaryCrossEntropy().forward(Nd4j.zeros(2, 1), Nd4j.zeros(1, 2)));
    }
}
