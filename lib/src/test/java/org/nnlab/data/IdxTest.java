package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class IdxTest {

    @TempDir
    Path dir;

    @Test
    void readsImagesScaledToUnitInterval() throws IOException {
        Path file = IdxFiles.images(dir.resolve("imgs"), 3, 2, 2);
        INDArray x = Idx.readImages(file, 100);
        assertArrayEquals(new long[] {3, 4}, x.shape());
        assertEquals(DataType.DOUBLE, x.dataType());
        assertEquals(IdxFiles.pixel(2, 3) / 255.0, x.getDouble(2, 3), 1e-15);
        assertEquals(0.0, x.getDouble(0, 0));
    }

    @Test
    void unsignedBytesAbove127AreRead() throws IOException {
        Path file = IdxFiles.images(dir.resolve("imgs"), 26, 1, 1);
        assertEquals(250 / 255.0, Idx.readImages(file, 26).getDouble(25, 0), 1e-15);
    }

    @Test
    void limitReadsOnlyTheFirstSamples() throws IOException {
        Path images = IdxFiles.images(dir.resolve("imgs"), 5, 2, 2);
        Path labels = IdxFiles.labels(dir.resolve("lbls"), 25);
        assertEquals(2, Idx.readImages(images, 2).size(0));
        assertArrayEquals(new int[] {0, 1, 2}, Idx.readLabels(labels, 3));
        assertEquals(25, Idx.readLabels(labels, Integer.MAX_VALUE).length);
        assertEquals(9, Idx.readLabels(labels, 25)[19]);
    }

    @Test
    void truncatedFileIsExplained() throws IOException {
        Path file = IdxFiles.images(dir.resolve("t10k-images-idx3-ubyte"), 10, 28, 28);
        IdxFiles.truncate(file, 1234);
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(file, 10));
        assertTrue(e.getMessage().startsWith("Idx.readImages: t10k-images-idx3-ubyte: expected 7856 bytes"
                + " (10 images of 28x28 + 16-byte header) but was 1234 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("\nHint: the download was truncated; run ./nnlab setup again"),
                e.getMessage());
    }

    @Test
    void labelFileGivenAsImagesIsExplained() throws IOException {
        Path file = IdxFiles.labels(dir.resolve("train-labels-idx1-ubyte"), 20);
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readImages(file, 10));
        assertTrue(e.getMessage().startsWith("Idx.readImages: train-labels-idx1-ubyte: expected the magic number"
                + " 2051 of an image file but was 2049 (a label file)"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Idx.readLabels(IdxFiles.images(dir.resolve("x"), 1, 2, 2), 10));
        assertTrue(e2.getMessage().contains("expected the magic number 2049 of a label file but was 2051"),
                e2.getMessage());
    }

    @Test
    void missingFileAndTinyFileAreExplained() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(dir.resolve("nope"), 1));
        assertTrue(e.getMessage().startsWith("Idx.readLabels: expected an IDX label file at "), e.getMessage());
        assertTrue(e.getMessage().contains("but was no such file.\nHint: run ./nnlab setup"), e.getMessage());
        Path labels = IdxFiles.labels(dir.resolve("lbls"), 20);
        IdxFiles.truncate(labels, 3);
        e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(labels, 1));
        assertTrue(e.getMessage().contains("expected at least the 8-byte header but was 3 bytes"),
                e.getMessage());
    }

    @Test
    void limitMustBePositive() throws IOException {
        Path labels = IdxFiles.labels(dir.resolve("lbls"), 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Idx.readLabels(labels, 0));
        assertTrue(e.getMessage().startsWith("Idx.readLabels: expected a limit > 0 but was 0.\nHint:"));
    }
}
