package org.nnlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small IDX files for tests (no dependency on the real data). */
final class IdxFiles {

    private IdxFiles() {
    }

    /** Image i has every pixel equal to (i * 10 + pixel) mod 256. */
    static Path images(Path file, int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.IMAGES_MAGIC);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                out.writeByte(pixel(i, p));
            }
        }
        return Files.write(file, bytes.toByteArray());
    }

    static int pixel(int image, int p) {
        return (image * 10 + p) % 256;
    }

    /** Label i is i mod 10. */
    static Path labels(Path file, int count) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(Idx.LABELS_MAGIC);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(i % 10);
        }
        return Files.write(file, bytes.toByteArray());
    }

    /** The four MNIST files with small counts. */
    static Path mnistFolder(Path dir, int train, int test) throws IOException {
        images(dir.resolve("train-images-idx3-ubyte"), train, 28, 28);
        labels(dir.resolve("train-labels-idx1-ubyte"), train);
        images(dir.resolve("t10k-images-idx3-ubyte"), test, 28, 28);
        labels(dir.resolve("t10k-labels-idx1-ubyte"), test);
        return dir;
    }

    static void truncate(Path file, int bytes) throws IOException {
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, bytes));
    }
}
