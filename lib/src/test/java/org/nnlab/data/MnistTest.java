package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {

    @TempDir
    Path dir;

    @Test
    void loadsFlattenedFeaturesAndOneHotLabels() throws IOException {
        Mnist mnist = Mnist.at(IdxFiles.mnistFolder(dir, 12, 5));
        Split split = mnist.load(10, 100);
        assertArrayEquals(new long[] {10, 784}, split.train().features().shape());
        assertArrayEquals(new long[] {10, 10}, split.train().labels().shape());
        assertEquals(5, split.test().size());
        assertEquals(1.0, split.train().labels().getDouble(3, 3));
        assertEquals(10.0, split.train().labels().sumNumber().doubleValue());
        assertEquals(IdxFiles.pixel(4, 100) / 255.0, split.test().features().getDouble(4, 100), 1e-15);
    }

    @Test
    void asImagesGivesFourDimensions() throws IOException {
        Dataset test = Mnist.at(IdxFiles.mnistFolder(dir, 2, 3)).asImages().test(2);
        assertArrayEquals(new long[] {2, 1, 28, 28}, test.features().shape());
        // pixel 100 is row 3, column 16
        assertEquals(IdxFiles.pixel(1, 100) / 255.0, test.features().getDouble(1, 0, 3, 16), 1e-15);
    }

    @Test
    void differentCountsInImagesAndLabelsAreExplained() throws IOException {
        IdxFiles.mnistFolder(dir, 4, 3);
        IdxFiles.labels(dir.resolve("train-labels-idx1-ubyte"), 5);
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.at(dir).train(2));
        assertTrue(e.getMessage().startsWith("Mnist.train: expected as many labels as images (4) but was 5 labels."),
                e.getMessage());
    }

    @Test
    void wrongImageSizeIsExplained() throws IOException {
        IdxFiles.mnistFolder(dir, 2, 2);
        IdxFiles.images(dir.resolve("t10k-images-idx3-ubyte"), 2, 8, 8);
        var e = assertThrows(IllegalArgumentException.class, () -> Mnist.at(dir).test(2));
        assertTrue(e.getMessage().startsWith("Mnist.test: expected 28x28 images in t10k-images-idx3-ubyte"),
                e.getMessage());
    }

    @Test
    void dataFolderComesFromTheEnvironmentVariable() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("mnist"));
        Path found = Mnist.locate("Mnist.digits", "NNLAB_DATA", "mnist", Map.of("NNLAB_DATA", dir.toString()),
                Path.of("/"));
        assertEquals(mnist, found);
    }

    @Test
    void dataFolderIsFoundAboveTheWorkingDirectory() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("nnlab"), "#!/bin/sh\n");
        Path mnist = Files.createDirectories(project.resolve("data/mnist"));
        Path deep = Files.createDirectories(project.resolve("notebooks/sub"));
        assertEquals(mnist.toAbsolutePath(), Mnist.locate("Mnist.digits", "NNLAB_DATA", "mnist", Map.of(), deep));
    }

    @Test
    @DisplayName("a missing data folder says to run ./nnlab setup")
    void missingDataFolderIsExplained() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.createDirectories(project.resolve("data"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> Mnist.locate("Mnist.fashion", "NNLAB_DATA", "fashion-mnist", Map.of(), project));
        assertTrue(e.getMessage().startsWith("Mnist.fashion: expected the folder "), e.getMessage());
        assertTrue(e.getMessage().contains("Hint: run ./nnlab setup in "), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> Mnist.locate("Mnist.digits", "NNLAB_DATA", "mnist", Map.of("NNLAB_DATA", "/no/such/dir"),
                        project));
        assertTrue(e2.getMessage().startsWith("Mnist.digits: expected $NNLAB_DATA/mnist to be a folder but was"
                + " /no/such/dir/mnist."), e2.getMessage());
        assertTrue(e2.getMessage().contains("Hint: run ./nnlab setup"), e2.getMessage());
    }

    @Test
    @DisplayName("the real MNIST files, when ./nnlab setup has fetched them")
    void realFiles() {
        Path real = Path.of("/work/main/data/mnist");
        assumeTrue(Files.isRegularFile(real.resolve("t10k-labels-idx1-ubyte")), "no real MNIST files at " + real);
        Split split = Mnist.at(real).load(100, 100);
        assertArrayEquals(new long[] {100, 784}, split.train().features().shape());
        assertEquals(100, split.test().size());
        double max = split.train().features().maxNumber().doubleValue();
        assertTrue(max > 0.99 && max <= 1.0, "max pixel " + max);
        // the first training digit of MNIST is a 5, the first test digit a 7
        assertEquals(1.0, split.train().labels().getDouble(0, 5));
        assertEquals(1.0, split.test().labels().getDouble(0, 7));
    }
}
