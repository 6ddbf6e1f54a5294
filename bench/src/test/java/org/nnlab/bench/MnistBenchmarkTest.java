package org.nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nnlab.bench.MnistBenchmark.Options;
import org.nnlab.data.Mnist;
import org.nnlab.nn.Conv2d;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Flatten;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.MaxPool2d;
import org.nnlab.nn.Models;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.optim.Adam;
import org.nnlab.optim.RmsProp;
import picocli.CommandLine;

class MnistBenchmarkTest {

    @Nested
    @DisplayName("parse")
    class Parse {

        @Test
        @DisplayName("defaults: 20 epochs for mlp, 12 for cnn, all data, seed 42, batch 128")
        void defaults() {
            assertEquals(new Options("mlp", 20, 60_000, 10_000, 42, 128), MnistBenchmark.parse("mlp"));
            assertEquals(new Options("cnn", 12, 60_000, 10_000, 42, 128), MnistBenchmark.parse("cnn"));
        }

        @Test
        void readsEveryOption() {
            assertEquals(new Options("cnn", 1, 6000, 1000, -7, 64), MnistBenchmark.parse("cnn", "--epochs", "1",
                    "--train-limit", "6000", "--test-limit", "1000", "--seed", "-7", "--batch", "64"));
        }

        @Test
        @DisplayName("--dtype: float by default (as Keras and PyTorch), double on request")
        void dataType() {
            assertEquals(DataType.FLOAT, MnistBenchmark.parse("mlp").dataType());
            assertEquals(DataType.DOUBLE, MnistBenchmark.parse("mlp", "--dtype", "double").dataType());
            assertEquals(DataType.DOUBLE, MnistBenchmark.model(MnistBenchmark.parse("cnn", "--dtype", "double"))
                    .parameters().get(0).value().dataType());
            assertEquals(DataType.FLOAT, MnistBenchmark.model(MnistBenchmark.parse("mlp")).parameters().get(5)
                    .value().dataType());
        }

        @Test
        void helpGivesNull() {
            assertNull(MnistBenchmark.parse("mlp", "--help"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "''                      | Missing required parameter: 'MODEL'",
            "rnn                     | Invalid value for positional parameter at index 0 (MODEL): expected mlp or cnn, got 'rnn'",
            "--epochs 3              | Missing required parameter: 'MODEL'",
            "mlp --epoch 3           | Unknown options: '--epoch', '3'",
            "mlp --dtype half        | Invalid value for option '--dtype': expected float or double, got 'half'",
            "mlp --dtype             | Missing required parameter for option '--dtype' (T)",
            "mlp --epochs five       | Invalid value for option '--epochs': expected a whole number, got 'five' (e.g. 5 for a quick run)",
            "mlp --epochs 0          | Invalid value for option '--epochs': expected a whole number of at least 1, got '0'",
            "mlp --train-limit 60001 | Invalid value for option '--train-limit': expected a whole number between 1 and 60000, got '60001'",
            "mlp --test-limit -1     | Invalid value for option '--test-limit': expected a whole number between 1 and 10000, got '-1'",
            "mlp --batch 1.5         | Invalid value for option '--batch': expected a whole number, got '1.5'",
        })
        void badArgumentsAreExplained(String args, String expected) {
            String[] argv = args.isBlank() ? new String[0] : args.trim().split(" +");
            var e = assertThrows(CommandLine.ParameterException.class, () -> MnistBenchmark.parse(argv));
            assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        }

        @Test
        @DisplayName("the usage text lists the models and every option")
        void usage() {
            String usage = BenchOptions.usage();
            for (String s : List.of("./nnlab bench", "MODEL", "mlp", "cnn", "--epochs", "--train-limit", "--test-limit",
                    "--seed", "--batch", "--dtype", "--help")) {
                assertTrue(usage.contains(s), s + " in\n" + usage);
            }
        }
    }

    @Nested
    @DisplayName("models")
    class ModelFactories {

        @Test
        @DisplayName("mlp: Linear-Relu-Dropout(0.2) twice, then Linear(512, 10); 669,706 parameters as Keras")
        void mlpStructure() {
            Sequential mlp = Models.mlp(1);
            assertEquals(List.of(Linear.class, Relu.class, Dropout.class, Linear.class, Relu.class, Dropout.class,
                    Linear.class), types(mlp));
            assertEquals(669_706, mlp.parameterCount());
            assertEquals(0.2, ((Dropout) mlp.layer(2)).p());
            assertArrayEquals(new long[] {5, 10}, mlp.outputShape(new long[] {5, 784}));
        }

        @Test
        @DisplayName("cnn: Conv32-Conv64-MaxPool-Dropout(0.25)-Flatten-Dense128-Dropout(0.5)-Dense10; 1,199,882 parameters")
        void cnnStructure() {
            Sequential cnn = Models.cnn(1);
            assertEquals(List.of(Conv2d.class, Relu.class, Conv2d.class, Relu.class, MaxPool2d.class, Dropout.class,
                    Flatten.class, Linear.class, Relu.class, Dropout.class, Linear.class), types(cnn));
            assertEquals(1_199_882, cnn.parameterCount());
            assertArrayEquals(new long[] {5, 64, 12, 12}, cnn.layer(5).outputShape(
                    cnn.layer(4).outputShape(new long[] {5, 64, 24, 24})));
            assertArrayEquals(new long[] {5, 10}, cnn.outputShape(new long[] {5, 1, 28, 28}));
        }

        @Test
        void theSameSeedBuildsTheSameWeights() {
            var a = Models.mlp(7).parameters();
            var b = Models.mlp(7).parameters();
            var c = Models.mlp(8).parameters();
            assertEquals(a.get(0).value(), b.get(0).value());
            assertTrue(!a.get(0).value().equals(c.get(0).value()), "another seed gives other weights");
        }

        @Test
        @DisplayName("optimisers: RmsProp (Keras defaults) for mlp, Adam for cnn")
        void optimisers() {
            assertTrue(MnistBenchmark.optimizer(MnistBenchmark.parse("mlp"), Models.mlp(1)) instanceof RmsProp);
            assertTrue(MnistBenchmark.optimizer(MnistBenchmark.parse("cnn"), Models.cnn(1)) instanceof Adam);
        }

        private List<Class<?>> types(Sequential model) {
            return model.layers().stream().<Class<?>>map(Layer::getClass).collect(Collectors.toList());
        }
    }

    @Test
    @DisplayName("missing MNIST files: the message names the file and says to run ./nnlab setup")
    void missingDataIsExplained(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> MnistBenchmark.requireFiles(Mnist.at(dir)));
        assertTrue(e.getMessage().startsWith("MnistBenchmark: expected the MNIST file "
                + dir.resolve("train-images-idx3-ubyte") + " but was missing."), e.getMessage());
        assertTrue(e.getMessage().contains("run ./nnlab setup"), e.getMessage());
    }

    @Test
    @DisplayName("FLOPs of an MLP epoch: 2·in·out per product; forward, dW, and dx except for the first layer")
    void trainingFlops() {
        double perSample = 2.0 * (784 * 512 + 512 * 512 + 512 * 10) * 2 + 2.0 * (512 * 512 + 512 * 10);
        assertEquals(perSample * 60_000, MnistBenchmark.trainingFlops(Models.mlp(1), 60_000), 1);
        assertEquals(192.553e9, MnistBenchmark.trainingFlops(Models.mlp(1), 60_000), 1e6);
        assertEquals(0, MnistBenchmark.trainingFlops(Models.cnn(1), 60_000), "not counted for convolutions");
        assertTrue(Machine.peakGflops(DataType.FLOAT) > 0 || Double.isNaN(Machine.peakGflops(DataType.FLOAT)));
    }

    @Test
    void medianAndMin() {
        assertEquals(2.0, MnistBenchmark.median(new double[] {3, 1, 2}));
        assertEquals(2.5, MnistBenchmark.median(new double[] {4, 1, 2, 3}));
        assertEquals(1.0, MnistBenchmark.min(new double[] {3, 1, 2}));
    }

    @Test
    @Timeout(60)
    @DisplayName("a tiny MLP run on the real MNIST prints a line per epoch and the summary")
    void tinyRunPrintsTheSummary() {
        Mnist mnist;
        try {
            mnist = MnistBenchmark.mnist();
        } catch (IllegalArgumentException e) {
            assumeTrue(false, "MNIST is not set up (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return;
        }
        var bytes = new ByteArrayOutputStream();
        var result = MnistBenchmark.run(MnistBenchmark.parse("mlp", "--train-limit", "512", "--test-limit", "256",
                "--epochs", "1"), mnist, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("MNIST mlp: 669,706 parameters"), out);
        assertTrue(out.contains("epoch  1/1"), out);
        assertTrue(out.contains("seconds per epoch (training): min "), out);
        assertTrue(out.contains("test accuracy: final "), out);
        assertTrue(out.contains("goal (test accuracy >= 98.0% within 20 epochs): not reached in the 1 epoch run"
                + " (the goal allows 20) (a reduced run"), out);
        assertTrue(out.contains("(a reduced run"), out);
        assertTrue(out.contains("data type FLOAT"), out);
        assertTrue(out.contains("GFLOP per epoch"), out);
        assertTrue(out.contains("json {\"impl\": \"nnlab\", \"model\": \"mlp\", \"dtype\": \"float\""), out);
        assertEquals(1, result.trainSeconds().length);
        // 512 images, one epoch: far from the goal but well above chance
        assertTrue(result.history().lastValidationAccuracy() > 0.5, out);
    }
}
