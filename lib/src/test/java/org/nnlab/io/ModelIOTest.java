package org.nnlab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Conv2d;
import org.nnlab.nn.Flatten;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;

class ModelIOTest {

    @TempDir
    Path dir;

    static Sequential model(long seed) {
        return Sequential.of(new Conv2d(1, 2, 3, 1, 0, Init.glorotUniform(seed)), new Relu(), new Flatten(),
                new Linear(8, 3, Init.glorotUniform(seed + 1)), new Sigmoid());
    }

    @Test
    @DisplayName("save then load into a fresh model of the same layers reproduces its outputs")
    void roundTrip() throws IOException {
        Sequential original = model(1);
        original.layer(3).parameters().get(1).set(Init.uniform(-1, 1, 9).create(1, 3));
        Path file = dir.resolve("model.npz");
        ModelIO.save(original, file);
        Sequential copy = model(2);
        INDArray x = Init.uniform(0, 1, 3).create(2, 1, 4, 4);
        assertNotEquals(original.forward(x), copy.forward(x));
        ModelIO.load(copy, file);
        assertEquals(original.forward(x), copy.forward(x));
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias"), List.copyOf(ModelIO.readNpz(file).keySet()));
    }

    @Test
    @DisplayName("loading into another architecture names the parameter and both shapes")
    void wrongArchitecture() throws IOException {
        Path file = dir.resolve("m.npz");
        ModelIO.save(Sequential.of(new Linear(9, 2), new Sigmoid(), new Linear(2, 1)), file);
        Sequential other = Sequential.of(new Linear(9, 3), new Sigmoid(), new Linear(3, 1));
        var e = assertThrows(IllegalArgumentException.class, () -> ModelIO.load(other, file));
        assertTrue(e.getMessage().startsWith("ModelIO.load: expected parameter 0.weight (Linear(9 -> 3).weight) of shape"
                + " [9, 3], as in the model but was shape [9, 2] in " + file
                + ".\nHint: load into a model built with the same layers"), e.getMessage());

        var e2 = assertThrows(IllegalArgumentException.class,
                () -> ModelIO.load(Sequential.of(new Linear(9, 2), new Sigmoid(), new Linear(2, 1, false)), file));
        assertTrue(e2.getMessage().startsWith("ModelIO.load: expected only the model's arrays [0.weight, 0.bias, 2.weight] in "
                + file + " but was also [2.bias]"),
                e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> ModelIO.load(Sequential.of(new Linear(9, 2), new Linear(2, 1)), file));
        assertTrue(e3.getMessage().startsWith("ModelIO.load: expected the model's parameter 1.weight (Linear(2 -> 1)"
                + ".weight, shape [2, 1]) in"), e3.getMessage());
    }

    @Test
    @DisplayName("numpy reads the file: keys, shapes, dtype float64 and values")
    void numpyReadsTheFile() throws Exception {
        // ./nnlab test names the project's Python (which has numpy, see requirements.txt): there the
        // test must run; a bare `mvn test` without it skips when no python3 with numpy is found.
        String required = System.getProperty("nnlab.python");
        String python = required != null ? required
                : List.of("../.venv/bin/python", "python3", "/usr/bin/python3").stream()
                        .filter(ModelIOTest::hasNumpy).findFirst().orElse(null);
        assumeTrue(python != null, "python3 with numpy is not installed");
        Sequential m = Sequential.of(Linear.withWeights(new double[][] {{1.5, -2}, {0.25, 3}, {4, 5}}, new double[] {7, 8}));
        Path file = dir.resolve("w.npz");
        ModelIO.save(m, file);
        String out = run(python, "-c", "import numpy as np; d = np.load(r'" + file + "');"
                + " w = d['0.weight']; print(sorted(d.files), w.dtype, w.shape, w[0, 1], w[2, 0], d['0.bias'].tolist())");
        assertEquals("['0.bias', '0.weight'] float64 (3, 2) -2.0 4.0 [[7.0, 8.0]]", out.trim());
    }

    private static boolean hasNumpy(String python) {
        try {
            return run(python, "-c", "import numpy").isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + out);
        }
        return out;
    }
}
