package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;

class HostCopyTest {

    private static Parameter parameter(DataType type) {
        Parameter p = new Parameter("w", Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}).castTo(type));
        p.accumulate(Nd4j.createFromArray(new double[][] {{0.5, -1, 0}, {2, 0, -3}}).castTo(type));
        return p;
    }

    @Test
    void doubleParametersGetDoubleArraysInRowMajorOrder() {
        Parameter p = parameter(DataType.DOUBLE);
        HostCopy c = new HostCopy(p, 2).read();
        assertTrue(c.isDouble());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, c.w64());
        assertArrayEquals(new double[] {0.5, -1, 0, 2, 0, -3}, c.g64());
        assertArrayEquals(new double[6], c.state64(0));
        assertArrayEquals(new double[6], c.state64(1));
        c.w64()[4] = -7;
        c.writeValue();
        assertEquals(-7, p.value().getDouble(1, 1));
        assertEquals(DataType.DOUBLE, p.value().dataType());
        assertEquals(0.5, p.grad().getDouble(0, 0), "the gradient is only read");
    }

    @Test
    void floatAndHalfParametersGetFloatArrays() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.HALF}) {
            Parameter p = parameter(type);
            HostCopy c = new HostCopy(p, 1).read();
            assertFalse(c.isDouble(), type::toString);
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, c.w32(), type::toString);
            assertArrayEquals(new float[] {0.5f, -1, 0, 2, 0, -3}, c.g32(), type::toString);
            c.w32()[0] = 0.25f;
            c.writeValue();
            assertEquals(0.25, p.value().getDouble(0, 0), type::toString);
            assertEquals(type, p.value().dataType(), "the value keeps its type");
        }
    }

    @Test
    void readCopiesTheCurrentNumbersEachTime() {
        Parameter p = parameter(DataType.FLOAT);
        HostCopy c = new HostCopy(p, 1).read();
        p.value().addi(1);
        p.zeroGrad();
        c.read();
        assertEquals(2, c.w32()[0]);
        assertArrayEquals(new float[6], c.g32());
    }
}
