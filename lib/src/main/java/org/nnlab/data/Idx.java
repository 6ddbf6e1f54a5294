package org.nnlab.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * Reader of the uncompressed IDX files of MNIST and Fashion-MNIST.
 *
 * <p>Format (all integers big-endian): images {@code [magic 2051][count][rows][cols]} then
 * {@code count*rows*cols} unsigned bytes, row-major; labels {@code [magic 2049][count]} then
 * {@code count} unsigned bytes. Every file is checked (magic number, header, exact size) before it is
 * read, and errors name the file, what was expected and what was found.
 */
public final class Idx {

    /** Magic number of an image file (idx3, unsigned bytes). */
    public static final int IMAGES_MAGIC = 2051;
    /** Magic number of a label file (idx1, unsigned bytes). */
    public static final int LABELS_MAGIC = 2049;

    private static final String SETUP_HINT = "run ./nnlab setup again to download and verify the data.";

    private Idx() {
    }

    /**
     * Reads the first {@code limit} images (all when {@code limit} exceeds the count), scaled to
     * [0, 1] ({@code byte / 255}), as {@code [n, rows*cols]}.
     *
     * @param limit how many images to read, > 0
     * @throws IllegalArgumentException when the file is missing, not an image file, or truncated
     */
    public static INDArray readImages(Path file, int limit) {
        String where = "Idx.readImages";
        requireLimit(where, limit);
        long size = requireFile(where, file, "an IDX image file");
        require(size >= 16, where, file, "at least the 16-byte header", size + " bytes");
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            require(magic == IMAGES_MAGIC, where, file, "the magic number " + IMAGES_MAGIC + " of an image file",
                    magic + (magic == LABELS_MAGIC ? " (a label file)" : ""),
                    "image files are named *-images-idx3-ubyte; " + SETUP_HINT);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            require(count >= 0 && rows > 0 && cols > 0, where, file, "a header with count >= 0, rows > 0, cols > 0",
                    "count " + count + ", rows " + rows + ", cols " + cols);
            long expected = 16L + (long) count * rows * cols;
            require(size == expected, where, file,
                    expected + " bytes (" + count + " images of " + rows + "x" + cols + " + 16-byte header)",
                    size + " bytes",
                    size < expected ? "the download was truncated; " + SETUP_HINT : "the file is corrupt; " + SETUP_HINT);
            int n = Math.min(limit, count);
            int pixels = rows * cols;
            byte[] raw = new byte[n * pixels];
            in.readFully(raw);
            double[] scaled = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                scaled[i] = (raw[i] & 0xFF) / 255.0;
            }
            return Nd4j.create(scaled, new long[] {n, pixels}, DataType.DOUBLE);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the first {@code limit} labels (all when {@code limit} exceeds the count).
     *
     * @throws IllegalArgumentException when the file is missing, not a label file, or truncated
     */
    public static int[] readLabels(Path file, int limit) {
        String where = "Idx.readLabels";
        requireLimit(where, limit);
        long size = requireFile(where, file, "an IDX label file");
        require(size >= 8, where, file, "at least the 8-byte header", size + " bytes");
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            require(magic == LABELS_MAGIC, where, file, "the magic number " + LABELS_MAGIC + " of a label file",
                    magic + (magic == IMAGES_MAGIC ? " (an image file)" : ""),
                    "label files are named *-labels-idx1-ubyte; " + SETUP_HINT);
            int count = in.readInt();
            require(count >= 0, where, file, "a count >= 0", String.valueOf(count));
            long expected = 8L + count;
            require(size == expected, where, file, expected + " bytes (" + count + " labels + 8-byte header)",
                    size + " bytes",
                    size < expected ? "the download was truncated; " + SETUP_HINT : "the file is corrupt; " + SETUP_HINT);
            int n = Math.min(limit, count);
            byte[] raw = new byte[n];
            in.readFully(raw);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The number of items an IDX file announces in its header (after checking the magic number). */
    static int count(Path file, int magic) {
        String where = "Idx.count";
        long size = requireFile(where, file, "an IDX file");
        require(size >= 8, where, file, "at least an 8-byte header", size + " bytes");
        try (DataInputStream in = open(file)) {
            int found = in.readInt();
            require(found == magic, where, file, "the magic number " + magic, String.valueOf(found));
            return in.readInt();
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new DataInputStream(new BufferedInputStream(in, 1 << 16));
    }

    private static void requireLimit(String where, int limit) {
        Args.require(limit > 0, where, "a limit > 0", limit,
                "pass the number of samples to load, or Integer.MAX_VALUE for all of them.");
    }

    private static long requireFile(String where, Path file, String what) {
        Args.require(file != null, where, "the path of " + what, null, "e.g. Path.of(\"data/mnist/train-images-idx3-ubyte\").");
        Args.require(Files.isRegularFile(file), where, what + " at " + file, "no such file",
                "run ./nnlab setup to download the data (or set NNLAB_DATA to the folder holding the files).");
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(where + ": could not read the size of " + file, e);
        }
    }

    private static void require(boolean ok, String where, Path file, String expected, String was) {
        require(ok, where, file, expected, was, "the file is corrupt; " + SETUP_HINT);
    }

    private static void require(boolean ok, String where, Path file, String expected, String was, String hint) {
        Args.require(ok, where + ": " + file.getFileName(), expected, was + " (" + file + ")", hint);
    }
}
