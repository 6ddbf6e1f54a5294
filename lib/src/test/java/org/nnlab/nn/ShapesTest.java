package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ShapesTest {

    @Test
    void formatShowsBatch() {
        assertEquals("[batch, 64, 12, 12]", Shapes.format(new long[] {-1, 64, 12, 12}));
        assertEquals("[]", Shapes.format(new long[0]));
    }

    @Test
    void messagesNameLayerShapesAndHint() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.requireImages("Conv2d(3 -> 8, 3x3, stride 1, padding 0)", "forward", new long[] {4, 1, 28, 28}, 3));
        assertEquals("Conv2d(3 -> 8, 3x3, stride 1, padding 0).forward: expected input of shape [batch, 3, height, width]"
                + " but was [4, 1, 28, 28].\nHint: the channel count is dimension 1; check the previous layer's output"
                + " channels.", e.getMessage());
        var e2 = assertThrows(IllegalStateException.class, () -> Shapes.requireForwardCalled("Relu", null));
        assertEquals("Relu.backward: call forward() first; backward needs the input that forward caches.", e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> Shapes.requireSameShape("Relu", "gradOutput", new long[] {2, 3}, Nd4j.zeros(3, 2)));
        assertEquals("Relu.backward: expected gradOutput of shape [2, 3] but was [3, 2].\nHint: backward takes"
                + " dL/d(output) of the last forward call, with the output's shape.", e3.getMessage());
    }
}
