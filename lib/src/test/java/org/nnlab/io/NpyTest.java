package org.nnlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NpyTest {

    @Test
    @DisplayName("the header is numpy's version 1.0, '<f8', C order, padded to 64 bytes; values little-endian")
    void headerAndBytes() {
        byte[] bytes = Npy.toBytes(Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}}));
        assertEquals((byte) 0x93, bytes[0]);
        assertEquals("NUMPY", new String(bytes, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[6]);
        assertEquals(0, bytes[7]);
        int headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        assertEquals(0, (10 + headerLength) % 64);
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith(" \n"), header);
        assertEquals(10 + headerLength + 6 * 8, bytes.length);
        ByteBuffer values = ByteBuffer.wrap(bytes, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1.0, values.getDouble());
        assertEquals(2.0, values.getDouble());   // C order: the row continues
    }

    @Test
    @DisplayName("write then read gives the same array, for ranks 0 to 4")
    void roundTrip() throws IOException {
        for (INDArray a : new INDArray[] {Nd4j.scalar(2.5), Nd4j.createFromArray(1.0, -2.0, 3.5),
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 3, 4),
                Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 2, 1, 3, 3)}) {
            INDArray b = Npy.read(new ByteArrayInputStream(Npy.toBytes(a)));
            assertArrayEquals(a.shape(), b.shape());
            assertArrayEquals(a.data().asDouble(), b.data().asDouble(), 0);
        }
        String oneD = new String(Npy.toBytes(Nd4j.createFromArray(1.0, 2.0)), 10, 60, StandardCharsets.US_ASCII);
        assertTrue(oneD.contains("'shape': (2,)"), oneD);
    }

    @Test
    @DisplayName("our reader reads what ND4J's own Nd4j.toNpyByteArray writes (a cross-check of both)")
    void readsNd4jOutput() throws IOException {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        INDArray b = Npy.read(new ByteArrayInputStream(Nd4j.toNpyByteArray(a)));
        assertArrayEquals(a.shape(), b.shape());
        assertArrayEquals(a.data().asDouble(), b.data().asDouble(), 0);
    }

    @Test
    @DisplayName("a file that is not .npy is refused with a message")
    void notNpy() {
        var e = assertThrows(IOException.class, () -> Npy.read(new ByteArrayInputStream("PK\3\4 hello".getBytes())));
        assertTrue(e.getMessage().startsWith("Npy.read: not a .npy file"), e.getMessage());
    }
}
