package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.exercises.RectangleWeights;
import org.nnlab.nn.Parameter;

class WritebackTest {

    @Test
    @DisplayName("arrays, nested arrays, INDArrays, records' arrays and parameters take the worker's values, in place")
    void copiesInPlace() {
        double[][] w = {{1, 2}, {3, 4}};
        double[] row = w[0];
        Writeback.copy(w, new double[][] {{9, 8}, {7, 6}}, "m");
        assertSame(row, w[0], "the same row arrays, updated");
        assertArrayEquals(new double[] {9, 8}, w[0]);
        var a = Nd4j.ones(2, 2);
        Writeback.copy(a, Nd4j.zeros(2, 2), "m");
        assertEquals(0, a.sumNumber().doubleValue());
        RectangleWeights slides = RectangleWeights.slides();
        RectangleWeights changed = RectangleWeights.slides().copy();
        changed.w1()[0][0] = 123;
        Writeback.copy(slides, changed, "tune");
        assertEquals(123, slides.w1()[0][0], "a method that changed its input is seen to have done so");
        Parameter p = new Parameter("p", Nd4j.ones(1, 3));
        Parameter q = new Parameter("p", Nd4j.zeros(1, 3));
        q.grad().assign(5);
        Writeback.copy(List.of(p), List.of(q), "sgdStep");
        assertEquals(0, p.value().sumNumber().doubleValue());
        assertEquals(15, p.grad().sumNumber().doubleValue());
    }

    @Test
    @DisplayName("a parameter whose shape changed is an error that says to update in place")
    void shapeChange() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Writeback.copy(new Parameter("w", Nd4j.ones(2, 2)), new Parameter("w", Nd4j.ones(3, 2)), "sgdStep"));
        assertTrue(e.getMessage().contains("sgdStep changed the shape of w from [2, 2] to [3, 2]"), e.getMessage());
    }
}
