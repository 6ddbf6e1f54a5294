package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;

class DropoutTest implements LayerContract {

    @Override
    public Layer createLayer() {
        return new Dropout(0.5, 42);
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(9, 8, 6);
    }

    @Override
    public boolean differsInTraining() {
        return true;
    }

    /** A new mask per forward call defeats central differences, so check in eval mode and check the mask. */
    @Override
    @Test
    @DisplayName("gradient check in eval mode; in training dL/dx = g · mask, the mask forward used")
    public void backwardMatchesNumericalGradient() {
        Dropout eval = new Dropout(0.5, 42);
        eval.setTraining(false);
        GradCheck.Result r = GradCheck.layer(eval, sampleInput());
        assertTrue(r.maxRelativeError() < 1e-6, r::report);

        Dropout d = new Dropout(0.5, 42);
        INDArray x = sampleInput();
        INDArray y = d.forward(x);
        INDArray g = LayerContract.randomInput(10, 8, 6);
        INDArray dx = d.backward(g);
        INDArray mask = y.div(x);   // x has no zeros
        assertEquals(g.mul(mask), dx);
    }

    @Test
    @DisplayName("kept elements are scaled by 1/(1-p), dropped ones are 0; about p are dropped")
    void invertedScaling() {
        Dropout d = new Dropout(0.25, 1);
        INDArray y = d.forward(Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 100, 100));
        long zeros = 0;
        for (double v : y.data().asDouble()) {
            assertTrue(v == 0 || Math.abs(v - 1 / 0.75) < 1e-12, "value " + v);
            zeros += v == 0 ? 1 : 0;
        }
        assertEquals(0.25, zeros / 10000.0, 0.02);
    }

    @Test
    @DisplayName("the same seed drops the same elements")
    void seededMaskIsReproducible() {
        INDArray x = sampleInput();
        assertEquals(new Dropout(0.5, 3).forward(x), new Dropout(0.5, 3).forward(x));
    }

    @Test
    @DisplayName("the same seed drops the same elements in float and in double")
    void maskDoesNotDependOnTheType() {
        INDArray x = sampleInput();
        INDArray inDouble = new Dropout(0.5, 3).forward(x);
        INDArray inFloat = new Dropout(0.5, 3).forward(x.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, inFloat.dataType());
        assertEquals(inDouble.eq(0), inFloat.eq(0));
        Dropout twice = new Dropout(0.5, 3);
        assertTrue(!twice.forward(x).equals(twice.forward(x)), "each forward call draws a new mask");
    }

    @Test
    @DisplayName("identity in eval mode")
    void identityInEval() {
        Dropout d = new Dropout(0.5, 3);
        d.setTraining(false);
        INDArray x = sampleInput();
        assertEquals(x, d.forward(x));
        assertArrayEquals(x.data().asDouble(), d.backward(x).data().asDouble(), 0);
        assertEquals("Dropout(0.5)", d.toString());
    }

    @Test
    void rejectsProbabilityOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.0));
        assertTrue(e.getMessage().startsWith("Dropout(p): expected 0 <= p < 1 but was 1.0"), e.getMessage());
    }
}
