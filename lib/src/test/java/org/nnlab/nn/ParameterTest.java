package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("w.set: expected a value of shape [9, 2] but was [2, 9].\nHint: weights of a Linear(in -> out)"
                + " layer have shape [in, out].", e.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> p.accumulate(Nd4j.zeros(9)));
        assertEquals("w.accumulate: expected a gradient of shape [9, 2] but was [9].\nHint: a parameter's gradient"
                + " always has the parameter's own shape.", g.getMessage());
    }

    private static final double[][] X = {{1, 2}, {3, 4}, {5, 6}};          // [batch 3, in 2]
    private static final double[][] G = {{1, -1, 0}, {2, 0, 1}, {0, 3, -2}}; // [batch 3, out 3]

    @Test
    @DisplayName("accumulateProduct adds op(a)·op(b), in and out of a Buffers scope, right after zeroGrad too")
    void accumulateProduct() {
        double[] xtg = Nd4j.createFromArray(X).transpose().mmul(Nd4j.createFromArray(G)).data().asDouble();
        for (boolean inScope : new boolean[] {false, true}) {
            Parameter w = new Parameter("w", Nd4j.zeros(Init.DTYPE, 2, 3));
            w.accumulate(Nd4j.ones(Init.DTYPE, 2, 3));
            w.zeroGrad();   // the ones must not survive, although no zeros are written
            try (Buffers.Scope scope = inScope ? Buffers.reuse() : null) {
                w.accumulateProduct(Nd4j.createFromArray(X), true, Nd4j.createFromArray(G), false);
            }
            assertArrayEquals(xtg, w.grad().dup().data().asDouble(), 1e-12, "after zeroGrad, scope " + inScope);
            try (Buffers.Scope scope = inScope ? Buffers.reuse() : null) {
                w.accumulateProduct(Nd4j.createFromArray(X), true, Nd4j.createFromArray(G), false);
            }
            double[] twice = java.util.Arrays.stream(xtg).map(v -> 2 * v).toArray();
            assertArrayEquals(twice, w.grad().dup().data().asDouble(), 1e-12, "added, scope " + inScope);
        }
        Parameter w = new Parameter("w", Nd4j.zeros(Init.DTYPE, 2, 3));
        var e = assertThrows(IllegalArgumentException.class,
                () -> w.accumulateProduct(Nd4j.createFromArray(X), false, Nd4j.createFromArray(G), false));
        assertEquals("w.accumulateProduct: expected a product of shape [2, 3] but was [3, 3].\nHint: a parameter's"
                + " gradient always has the parameter's own shape.", e.getMessage());
    }

    @Test
    @DisplayName("accumulateColumnSums adds the column sums (a bias gradient), also for a smaller batch in a scope")
    void accumulateColumnSums() {
        for (boolean inScope : new boolean[] {false, true}) {
            Parameter b = new Parameter("b", Nd4j.zeros(Init.DTYPE, 1, 3));
            b.accumulate(Nd4j.ones(Init.DTYPE, 1, 3));
            b.zeroGrad();
            try (Buffers.Scope scope = inScope ? Buffers.reuse() : null) {
                b.accumulateColumnSums(Nd4j.createFromArray(G));
            }
            assertArrayEquals(new double[] {3, 2, -1}, b.grad().dup().data().asDouble(), 1e-12, "scope " + inScope);
            try (Buffers.Scope scope = inScope ? Buffers.reuse() : null) {
                b.accumulateColumnSums(Nd4j.createFromArray(G).getRows(0, 1));   // a last, smaller batch
            }
            assertArrayEquals(new double[] {6, 1, 0}, b.grad().dup().data().asDouble(), 1e-12, "scope " + inScope);
        }
        Parameter b = new Parameter("b", Nd4j.zeros(Init.DTYPE, 1, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> b.accumulateColumnSums(Nd4j.createFromArray(G)));
        assertEquals("b.accumulateColumnSums: expected a matrix [rows, 2] for a parameter of shape [1, n] but was"
                + " [3, 3].\nHint: a bias [1, out] sums the gradient of the output [batch, out].", e.getMessage());
    }

    @Test
    @DisplayName("zeroGrad then grad() reads zeros; accumulate after zeroGrad gives the delta, in the parameter's type")
    void lazyZeros() {
        Parameter p = new Parameter("w", Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2));
        p.accumulate(Nd4j.createFromArray(5.0, 5.0));
        p.zeroGrad();
        p.accumulate(Nd4j.createFromArray(1.5, -2.0));
        assertArrayEquals(new double[] {1.5, -2.0}, p.grad().castTo(Init.DTYPE).data().asDouble(), 0);
        assertEquals(org.nd4j.linalg.api.buffer.DataType.FLOAT, p.grad().dataType());
        p.zeroGrad();
        assertArrayEquals(new double[] {0, 0}, p.grad().castTo(Init.DTYPE).data().asDouble(), 0);
        p.grad().addi(1);   // written through the array itself: kept
        assertArrayEquals(new double[] {1, 1}, p.grad().castTo(Init.DTYPE).data().asDouble(), 0);
        INDArray kept = p.grad();
        p.zeroGrad();       // outside a Buffers scope the zeros are written at once
        assertArrayEquals(new double[] {0, 0}, kept.castTo(Init.DTYPE).data().asDouble(), 0);
        kept.addi(2);
        try (Buffers.Scope scope = Buffers.reuse()) {
            p.zeroGrad();   // inside one, only when the gradient is next used
            assertArrayEquals(new double[] {2, 2}, kept.castTo(Init.DTYPE).data().asDouble(), 0);
            assertArrayEquals(new double[] {0, 0}, p.grad().castTo(Init.DTYPE).data().asDouble(), 0);
        }
    }
}
