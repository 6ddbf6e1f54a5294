package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ArrayChunksTest {

    @Test
    @DisplayName("a float array in float chunks is read where it is: a chunk in the middle, written in place")
    void floatArrays() {
        INDArray a = Nd4j.linspace(0, 9, 10, DataType.FLOAT).reshape(2, 5);
        try (ArrayChunks chunks = ArrayChunks.of(a, DataType.FLOAT)) {
            assertEquals(10, chunks.length());
            assertTrue(chunks.direct(), "one block of floats is read where it is");
            float[] f = new float[3];
            chunks.read(4, f, 3);
            assertArrayEquals(new float[] {4, 5, 6}, f);
            chunks.write(4, new float[] {0.1f, -1}, 2);
            assertEquals(-1f, a.getFloat(1, 0), "written at once, before close");
        }
        assertEquals(0.1f, a.getFloat(0, 4));
        assertEquals(DataType.FLOAT, a.dataType());
    }

    @Test
    @DisplayName("a float array in double chunks goes through a double copy: widened exactly, written back rounded on close")
    void floatArrayAsDoubles() {
        INDArray a = Nd4j.createFromArray(0.1f, 0.2f, 0.3f);
        try (ArrayChunks chunks = ArrayChunks.of(a, DataType.DOUBLE)) {
            assertFalse(chunks.direct());
            double[] d = new double[3];
            chunks.read(0, d, 3);
            assertArrayEquals(new double[] {0.1f, 0.2f, 0.3f}, d);
            chunks.write(1, new double[] {0.25 + 1e-12}, 1);
            assertEquals(0.2f, a.getFloat(1), "the array changes on close");
        }
        assertArrayEquals(new float[] {0.1f, 0.25f, 0.3f}, a.data().asFloat());
        assertEquals(DataType.FLOAT, a.dataType());
    }

    @Test
    @DisplayName("a double array in double chunks is read where it is: the second chunk, written in place")
    void doubleArrays() {
        INDArray a = Nd4j.linspace(1, 5000, 5000, DataType.DOUBLE);
        ArrayChunks chunks = ArrayChunks.of(a, DataType.DOUBLE);
        assertTrue(chunks.direct());
        assertEquals(5000, chunks.length());
        double[] chunk = new double[ArrayChunks.SIZE];
        chunks.read(ArrayChunks.SIZE, chunk, 10);
        assertEquals(ArrayChunks.SIZE + 1, chunk[0]);
        chunk[9] = -1;
        chunks.write(ArrayChunks.SIZE, chunk, 10);
        assertEquals(-1, a.getDouble(ArrayChunks.SIZE + 9), "written where it is: nothing to close");
    }

    @Test
    @DisplayName("a view with gaps (a column) goes through a copy and is written back on close, in its own type")
    void viewsWithGaps() {
        INDArray m = Nd4j.linspace(1, 6, 6, DataType.FLOAT).reshape(3, 2);   // [[1, 2], [3, 4], [5, 6]]
        INDArray column = m.get(NDArrayIndex.all(), NDArrayIndex.point(1));
        try (ArrayChunks chunks = ArrayChunks.of(column, DataType.FLOAT)) {
            assertFalse(chunks.direct(), "a column is read through a copy");
            float[] f = new float[3];
            chunks.read(0, f, 3);
            assertArrayEquals(new float[] {2, 4, 6}, f);
            for (int i = 0; i < 3; i++) {
                f[i] *= 10;
            }
            chunks.write(0, f, 3);
        }
        assertArrayEquals(new float[] {1, 20, 3, 40, 5, 60}, m.data().asFloat());
    }

    @Test
    @DisplayName("chunks come in float or double: another type is refused by name")
    void otherTypesRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArrayChunks.of(Nd4j.ones(DataType.FLOAT, 2), DataType.HALF));
        assertTrue(e.getMessage().contains("FLOAT or DOUBLE") && e.getMessage().contains("HALF"), e.getMessage());
    }
}
