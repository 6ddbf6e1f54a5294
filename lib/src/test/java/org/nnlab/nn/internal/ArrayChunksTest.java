package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ArrayChunksTest {

    @Test
    @DisplayName("a float array read as doubles and as floats, a chunk in the middle, written back rounded to float")
    void floatArrays() {
        INDArray a = Nd4j.linspace(0, 9, 10, DataType.FLOAT).reshape(2, 5);
        try (ArrayChunks chunks = ArrayChunks.of(a)) {
            assertEquals(10, chunks.length());
            assertTrue(chunks.direct(), "one block of floats is read where it is");
            double[] d = new double[3];
            chunks.read(4, d, 3);
            assertArrayEquals(new double[] {4, 5, 6}, d);
            float[] f = new float[2];
            chunks.read(8, f, 2);
            assertArrayEquals(new float[] {8, 9}, f);
            chunks.write(4, new double[] {0.1, -1}, 2);
            chunks.write(0, new float[] {7}, 1);
        }
        assertEquals(0.1f, a.getFloat(0, 4));
        assertEquals(-1f, a.getFloat(1, 0));
        assertEquals(7f, a.getFloat(0, 0));
        assertEquals(DataType.FLOAT, a.dataType());
    }

    @Test
    @DisplayName("a double array read as floats (rounded) and written from floats")
    void doubleArrays() {
        INDArray a = Nd4j.createFromArray(0.1, 0.2, 0.3);
        try (ArrayChunks chunks = ArrayChunks.of(a)) {
            float[] f = new float[3];
            chunks.read(0, f, 3);
            assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, f);
            chunks.write(1, new float[] {2.5f}, 1);
        }
        assertArrayEquals(new double[] {0.1, 2.5, 0.3}, a.data().asDouble());
    }

    @Test
    @DisplayName("a view with gaps (a column) goes through a copy and is written back on close, in its own type")
    void viewsWithGaps() {
        INDArray m = Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(3, 2);   // [[1, 2], [3, 4], [5, 6]]
        INDArray column = m.get(NDArrayIndex.all(), NDArrayIndex.point(1));
        try (ArrayChunks chunks = ArrayChunks.of(column)) {
            assertFalse(chunks.direct(), "a column is read through a copy");
            double[] d = new double[3];
            chunks.read(0, d, 3);
            assertArrayEquals(new double[] {2, 4, 6}, d);
            for (int i = 0; i < 3; i++) {
                d[i] *= 10;
            }
            chunks.write(0, d, 3);
        }
        assertArrayEquals(new float[] {1, 20, 3, 40, 5, 60}, m.data().asFloat());
    }
}
