package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostArraysTest {

    private final INDArray matrix = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});

    @Test
    void readsRowMajorWhateverTheTypeOrLayout() {
        double[] expected = {1, 2, 3, 4, 5, 6};
        assertArrayEquals(expected, HostArrays.read(matrix, new double[6]));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, HostArrays.read(matrix.castTo(DataType.FLOAT), new float[6]));
        assertArrayEquals(expected, HostArrays.read(matrix.castTo(DataType.HALF), new double[6]));
        assertArrayEquals(expected, HostArrays.read(matrix.dup('f'), new double[6]), "column-major storage");
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, HostArrays.read(matrix.transpose(), new double[6]));
        assertArrayEquals(new double[] {4, 5, 6}, HostArrays.read(matrix.getRow(1), new double[3]), "a view");
        double[] into = new double[6];
        assertSame(into, HostArrays.read(matrix, into));
    }

    @Test
    void writesRowMajorInTheArraysType() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT, DataType.HALF}) {
            INDArray a = Nd4j.create(type, 2, 3);
            assertSame(a, HostArrays.write(new double[] {1, 2, 3, 4, 5, 6}, a));
            assertEquals(matrix.castTo(type), a, type::toString);
            HostArrays.write(new float[] {6, 5, 4, 3, 2, 1}, a);
            assertEquals(4.0, a.getDouble(0, 2), type::toString);
            assertEquals(type, a.dataType());
        }
        INDArray row = matrix.dup().getRow(0);
        HostArrays.write(new double[] {7, 8, 9}, row);
        assertEquals(8.0, row.getDouble(1), "a view is written through");
    }

    @Test
    @DisplayName("allFinite finds one NaN or infinity anywhere, in any type and layout, and only then")
    void allFiniteFindsEveryNonFiniteNumber() {
        // 20,000 numbers: more than one chunk of the Java-side copy, so the later chunks are looked at too
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.HALF}) {
            INDArray big = Nd4j.rand(DataType.DOUBLE, 100, 200).subi(0.5).muli(1e4).castTo(type);
            assertTrue(HostArrays.allFinite(big), type + ": finite numbers");
            for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                for (int[] at : new int[][] {{0, 0}, {57, 31}, {99, 199}}) {
                    INDArray a = big.dup();
                    a.putScalar(at[0], at[1], bad);
                    assertFalse(HostArrays.allFinite(a), type + ": " + bad + " at " + at[0] + "," + at[1]);
                    assertFalse(HostArrays.allFinite(a.dup('f')), type + ", column-major: " + bad);
                    assertFalse(HostArrays.allFinite(a.get(NDArrayIndex.interval(at[0], 100), NDArrayIndex.all())),
                            type + ", rows from " + at[0] + " (a view): " + bad);
                    assertTrue(HostArrays.allFinite(a.get(NDArrayIndex.interval(at[0] + 1, 100), NDArrayIndex.all())),
                            type + ", the rows after the bad one (a view)");
                }
            }
        }
        assertTrue(HostArrays.allFinite(Nd4j.createFromArray(Float.MAX_VALUE, -Float.MAX_VALUE)), "the largest floats");
        assertTrue(HostArrays.allFinite(Nd4j.createFromArray(1, 2, 3)), "integers");
        assertTrue(HostArrays.allFinite(Nd4j.create(DataType.FLOAT, 0, 3)), "no numbers");
    }

    @Test
    @DisplayName("allFinite reads floats two at a time: any count, any start (odd ones too), each position, nothing outside")
    void allFiniteAtEveryPositionAndOffset() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (int start = 0; start < 3; start++) {
                for (int n = 1; n <= 9; n++) {
                    INDArray numbers = Nd4j.linspace(1, 20, 20, type);
                    numbers.putScalar(start + n, Double.NaN);   // just after the view
                    if (start > 0) {
                        numbers.putScalar(start - 1, Double.POSITIVE_INFINITY);   // just before it
                    }
                    INDArray view = numbers.get(NDArrayIndex.interval(start, start + n));
                    String where = type + ", " + n + " numbers from " + start;
                    assertTrue(HostArrays.allFinite(view), where + ": finite, whatever lies around them");
                    for (int i = 0; i < n; i++) {
                        INDArray bad = numbers.dup();
                        bad.putScalar(start + i, Double.NEGATIVE_INFINITY);
                        assertFalse(HostArrays.allFinite(bad.get(NDArrayIndex.interval(start, start + n))), where + ", at " + i);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("isRowMajor: numbers one after the other in row-major order, dimensions of size 1 whatever their stride")
    void isRowMajor() {
        INDArray images = Nd4j.rand(DataType.FLOAT, 6, 1, 28, 28);
        assertTrue(HostArrays.isRowMajor(images), "MNIST-like images [n, 1, 28, 28]");
        assertTrue(HostArrays.isRowMajor(images.get(NDArrayIndex.interval(2, 5))), "whole rows of it (a view)");
        assertTrue(HostArrays.isRowMajor(matrix));
        assertTrue(HostArrays.isRowMajor(Nd4j.rand(1, 1)));
        assertTrue(HostArrays.isRowMajor(matrix.getRow(1)), "one row (a view)");
        assertFalse(HostArrays.isRowMajor(matrix.dup('f')), "column-major");
        assertFalse(HostArrays.isRowMajor(matrix.transpose()));
        assertFalse(HostArrays.isRowMajor(matrix.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2))), "some columns");
    }

    @Test
    void aJavaArrayOfTheWrongLengthIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> HostArrays.read(matrix, new double[5]));
        assertEquals("HostArrays: expected a Java array of 6 numbers for an array of shape [2, 3] but was one of 5."
                + "\nHint: allocate it as new double[(int) a.length()].", e.getMessage());
    }
}
