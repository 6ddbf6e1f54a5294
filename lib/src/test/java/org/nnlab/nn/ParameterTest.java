package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterTest {

    @Test
    @DisplayName("name, role, accumulate, zeroGrad and set by hand")
    void basics() {
        Parameter p = new Parameter("Linear(2 -> 1)", "weight", Nd4j.zeros(Init.DTYPE, 2, 1));
        assertEquals("Linear(2 -> 1).weight", p.name());
        assertEquals("weight", p.role());
        assertEquals(2, p.size());
        p.accumulate(Nd4j.ones(Init.DTYPE, 2, 1));
        p.accumulate(Nd4j.ones(Init.DTYPE, 2, 1));
        assertArrayEquals(new double[] {2, 2}, p.grad().data().asDouble(), 0);
        p.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, p.grad().data().asDouble(), 0);
        p.set(Nd4j.createFromArray(new double[][] {{-3.3}, {-3.6}}));
        assertArrayEquals(new double[] {-3.3, -3.6}, p.value().data().asDouble(), 0);
        assertEquals("Linear(2 -> 1).weight [2, 1]", p.toString());
    }

    @Test
    @DisplayName("a value or gradient of another shape is rejected with both shapes")
    void shapeErrors() {
        Parameter p = new Parameter("w", Nd4j.zeros(Init.DTYPE, 9, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> p.set(Nd4j.zeros(2, 9)));
        assertEquals("w.set: expected a value of shape [9, 2] but was [2, 9].\nHint: the new value replaces w in"
                + " place, so it keeps its shape [9, 2].", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> p.accumulate(Nd4j.zeros(9)));
        assertEquals("w.accumulate: expected a gradient of shape [9, 2] but was [9].\nHint: a parameter's gradient"
                + " always has the parameter's own shape.", g.getMessage());
    }

    @Test
    @DisplayName("accumulate adds (grad += delta), in the parameter's type; zeroGrad writes zeros at once")
    void accumulateAndZeroGrad() {
        Parameter p = new Parameter("w", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2));
        INDArray kept = p.grad();
        p.accumulate(Nd4j.createFromArray(1.5, -2.0));
        p.accumulate(Nd4j.createFromArray(1.5, -2.0));
        assertArrayEquals(new double[] {3.0, -4.0}, p.grad().castTo(Init.DTYPE).data().asDouble(), 0);
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, p.grad().dataType());
        p.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, kept.castTo(Init.DTYPE).data().asDouble(), 0,
                "the gradient array is the same one, zeroed in place");
        assertSame(kept, p.grad(), "reading grad() changes nothing");
    }

    @Test
    @DisplayName("set names the parameter's real owner and its shape")
    void setNamesTheOwner() {
        var conv = new Conv2d(1, 2, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> conv.weight().set(Nd4j.zeros(3, 3)));
        assertEquals("Conv2d(1 -> 2, 3x3, stride 1, padding 0).weight.set: expected a value of shape [2, 1, 3, 3] but"
                + " was [3, 3].\nHint: the new value replaces Conv2d(1 -> 2, 3x3, stride 1, padding 0).weight in place,"
                + " so it keeps its shape [2, 1, 3, 3].", e.getMessage());
    }
}
