package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class InitTest {

    @Test
    @DisplayName("same seed, same numbers; a shared initialiser continues its stream")
    void deterministic() {
        assertEquals(Init.normal(0, 1, 5).create(3, 4), Init.normal(0, 1, 5).create(3, 4));
        Init shared = Init.uniform(-1, 1, 5);
        assertNotEquals(shared.create(2, 2), shared.create(2, 2));
        assertEquals(DataType.DOUBLE, Init.heNormal(1).create(2, 2).dataType());
    }

    @Test
    @DisplayName("ranges and scales: zeros, uniform, normal, Glorot limit sqrt(6/(in+out)), He std sqrt(2/in)")
    void distributions() {
        assertEquals(0.0, Init.zeros().create(3, 3).sumNumber().doubleValue());
        INDArray u = Init.uniform(2, 3, 1).create(100, 100);
        assertTrue(u.minNumber().doubleValue() >= 2 && u.maxNumber().doubleValue() < 3);
        INDArray n = Init.normal(1, 2, 1).create(200, 200);
        assertEquals(1, n.meanNumber().doubleValue(), 0.05);
        assertEquals(2, n.stdNumber().doubleValue(), 0.05);
        INDArray g = Init.glorotUniform(1).create(300, 300);
        double limit = Math.sqrt(6.0 / 600);
        assertTrue(g.amaxNumber().doubleValue() <= limit);
        assertEquals(limit, g.amaxNumber().doubleValue(), limit * 0.01);
        assertEquals(Init.glorotUniform(4).create(3, 3), Init.xavier(4).create(3, 3));
        INDArray h = Init.heNormal(1).create(new long[] {200, 200}, 50, 200);
        assertEquals(Math.sqrt(2.0 / 50), h.stdNumber().doubleValue(), 0.01);
    }

    @Test
    @DisplayName("the global seed makes layers built without a seed reproducible")
    void globalSeed() {
        Init.setGlobalSeed(7);
        INDArray first = new Linear(3, 3).weight().value().dup();
        Init.setGlobalSeed(7);
        assertEquals(first, new Linear(3, 3).weight().value());
    }

    @Test
    void invalidArguments() {
        var e = assertThrows(IllegalArgumentException.class, () -> Init.uniform(1, 1, 0));
        assertEquals("Init.uniform: expected lo < hi but was lo = 1.0, hi = 1.0.\nHint: e.g. Init.uniform(-0.1, 0.1, 42).", e.getMessage());
        assertEquals("glorotUniform (seed 3)", Init.glorotUniform(3).toString());
        assertArrayEquals(new long[] {2, 3, 4}, Init.zeros().create(2, 3, 4).shape());
    }

    @Test
    @DisplayName("withDataType: the same numbers rounded to float; Linear's bias follows the weight's type")
    void withDataType() {
        INDArray d = Init.glorotUniform(9).create(3, 4);
        INDArray f = Init.glorotUniform(9).withDataType(DataType.FLOAT).create(3, 4);
        assertEquals(DataType.FLOAT, f.dataType());
        assertEquals(d.castTo(DataType.FLOAT), f);
        Linear layer = new Linear(3, 4, Init.glorotUniform(9).withDataType(DataType.FLOAT));
        assertEquals(DataType.FLOAT, layer.bias().value().dataType());
        assertEquals(DataType.FLOAT, Models.mlp(1, DataType.FLOAT).parameters().get(5).value().dataType());
        assertEquals(Models.mlp(1).parameters().get(0).value().castTo(DataType.FLOAT),
                Models.mlp(1, DataType.FLOAT).parameters().get(0).value());
        var e = assertThrows(IllegalArgumentException.class, () -> Init.zeros().withDataType(DataType.INT));
        assertTrue(e.getMessage().startsWith("Init.withDataType: expected a floating-point type (DOUBLE, FLOAT, HALF)"
                + " but was INT."), e.getMessage());
        assertTrue(e.getMessage().contains("\nHint: "), e.getMessage());
    }
}
