package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.gradcheck.GradCheck;

/**
 * What every layer promises; each layer's test class implements this interface and so runs these
 * tests: gradient check, output shape, call order, shape errors, train versus eval.
 */
public interface LayerContract {

    /** A fresh layer (double parameters). */
    Layer createLayer();

    /** A valid input batch, with values away from kinks (e.g. not near 0 for ReLU). */
    INDArray sampleInput();

    /** An input of a wrong shape, or null when the layer accepts any shape. */
    default INDArray wrongInput() {
        return null;
    }

    /** Whether forward differs between training and evaluation (Dropout). */
    default boolean differsInTraining() {
        return false;
    }

    /** How messages about this layer's own calls start (its toString, or "Sequential"). */
    default String nameInMessages(Layer layer) {
        return layer.toString();
    }

    /** The layer named when the input has a wrong shape (for a model: its first layer). */
    default String nameInInputErrors(Layer layer) {
        return layer.toString();
    }

    /** Random double values in [-1, 1) away from 0 (|v| >= 0.1), reproducible. */
    static INDArray randomInput(long seed, long... shape) {
        INDArray u = Init.uniform(0.1, 1.0, seed).create(shape);
        INDArray sign = Init.uniform(-1, 1, seed + 1).create(shape).gt(0).castTo(Init.DTYPE).muli(2).subi(1);
        return u.muli(sign);
    }

    @Test
    @DisplayName("used on its own, a NaN fed to forward or an infinity fed to backward is reported, naming the layer")
    default void nonFiniteValuesFedToTheLayerOnItsOwnAreReported() {
        Layer layer = createLayer();
        INDArray x = sampleInput().dup();
        x.putScalar(0, Double.NaN);
        var f = assertThrows(NonFiniteException.class, () -> layer.forward(x));
        assertTrue(f.getMessage().startsWith(nameInMessages(layer) + ".forward: "), f.getMessage());
        assertTrue(f.getMessage().contains("contains 1 NaN and 0 infinite values"), f.getMessage());
        INDArray g = Nd4j.onesLike(layer.forward(sampleInput()));
        g.putScalar(0, Double.POSITIVE_INFINITY);
        var b = assertThrows(NonFiniteException.class, () -> layer.backward(g));
        assertTrue(b.getMessage().startsWith(nameInMessages(layer) + ".backward: "), b.getMessage());
        assertTrue(b.getMessage().contains("contains 0 NaN and 1 infinite values"), b.getMessage());
    }

    @Test
    @DisplayName("backward agrees with central differences (max relative error < 1e-6)")
    default void backwardMatchesNumericalGradient() {
        Layer layer = createLayer();
        GradCheck.Result r = GradCheck.layer(layer, sampleInput());
        assertTrue(r.maxRelativeError() < 1e-6, r::report);
    }

    @Test
    @DisplayName("forward's output has the shape that outputShape predicts, also with batch -1")
    default void outputShapeMatchesForward() {
        Layer layer = createLayer();
        INDArray x = sampleInput();
        INDArray y = layer.forward(x);
        assertArrayEquals(y.shape(), layer.outputShape(x.shape()));
        long[] symbolic = x.shape().clone();
        symbolic[0] = -1;
        long[] expected = y.shape().clone();
        expected[0] = -1;
        assertArrayEquals(expected, layer.outputShape(symbolic));
    }

    @Test
    @DisplayName("backward returns dL/dx of the input's shape")
    default void backwardReturnsInputShape() {
        Layer layer = createLayer();
        INDArray x = sampleInput();
        INDArray y = layer.forward(x);
        assertArrayEquals(x.shape(), layer.backward(Nd4j.onesLike(y)).shape());
    }

    @Test
    @DisplayName("backward before forward says: call forward() first")
    default void backwardBeforeForwardExplainsTheOrder() {
        Layer layer = createLayer();
        long[] outShape = layer.outputShape(sampleInput().shape());
        var e = assertThrows(IllegalStateException.class, () -> layer.backward(Nd4j.ones(outShape)));
        assertTrue(e.getMessage().contains("call forward() first"), e.getMessage());
        assertTrue(e.getMessage().startsWith(nameInMessages(layer) + ".backward: "), e.getMessage());
    }

    @Test
    @DisplayName("an input of the wrong shape is rejected, naming the layer and both shapes, with a hint")
    default void wrongInputShapeIsExplained() {
        INDArray wrong = wrongInput();
        assumeTrue(wrong != null, "this layer accepts inputs of any shape");
        Layer layer = createLayer();
        var e = assertThrows(IllegalArgumentException.class, () -> layer.forward(wrong));
        String m = e.getMessage();
        assertTrue(m.startsWith(nameInInputErrors(layer) + ".forward: expected input of shape ["), m);
        assertTrue(m.contains("but was " + Arrays.toString(wrong.shape())), m);
        assertTrue(m.contains("\nHint: "), m);
    }

    @Test
    @DisplayName("a gradient of the wrong shape is rejected, naming the layer and both shapes")
    default void wrongGradientShapeIsExplained() {
        Layer layer = createLayer();
        INDArray y = layer.forward(sampleInput());
        INDArray wrong = Nd4j.ones(y.length() + 1);
        var e = assertThrows(IllegalArgumentException.class, () -> layer.backward(wrong));
        String m = e.getMessage();
        assertTrue(m.startsWith(nameInMessages(layer) + ".backward: expected gradOutput of shape " + Arrays.toString(y.shape())), m);
        assertTrue(m.contains("but was [" + (y.length() + 1) + "]"), m);
    }

    @Test
    @DisplayName("evaluation mode is deterministic; training mode equals it unless the layer is stochastic")
    default void trainAndEvalModes() {
        Layer layer = createLayer();
        INDArray x = sampleInput();
        layer.setTraining(false);
        INDArray eval1 = layer.forward(x).dup();
        INDArray eval2 = layer.forward(x).dup();
        assertEquals(eval1, eval2);
        layer.setTraining(true);
        INDArray train = layer.forward(x).dup();
        if (differsInTraining()) {
            assertFalse(train.equals(eval1), "forward in training should differ from evaluation");
        } else {
            assertEquals(eval1, train);
        }
    }

    @Test
    @DisplayName("toString names the layer readably")
    default void toStringIsReadable() {
        String s = createLayer().toString();
        assertFalse(s.isBlank());
        assertFalse(s.contains("@"), s);
    }
}
