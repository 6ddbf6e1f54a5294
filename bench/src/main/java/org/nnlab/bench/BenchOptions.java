package org.nnlab.bench;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./nnlab bench mlp|cnn}'s command line, parsed by picocli (which also writes the usage text);
 * {@link #options()} turns it into the {@link MnistBenchmark.Options} of a run.
 */
@Command(name = "./nnlab bench", sortOptions = false, usageHelpWidth = 110,
        description = {"Trains the slides' MNIST MLP or CNN and prints seconds, losses and accuracies per epoch and a summary."},
        footer = {"", "Examples:",
                "  ./nnlab bench mlp                    # 20 epochs, RmsProp (Keras defaults), goal 98.0%%",
                "  ./nnlab bench cnn --epochs 1 --train-limit 6000 --test-limit 1000"})
final class BenchOptions {

    static final int ALL_TRAIN = 60_000;
    static final int ALL_TEST = 10_000;

    @Parameters(index = "0", paramLabel = "MODEL", completionCandidates = Models.class, converter = ModelName.class,
            description = {"mlp: 784-512-512-10 with dropout 0.2, RmsProp (Keras defaults); goal 98.0%% in 20 epochs",
                "cnn: the slides' Conv32-Conv64-MaxPool-Dense128, Adam lr 0.001; goal 99.0%% in 12 epochs"})
    String model;

    @Option(names = "--epochs", paramLabel = "N", converter = Count.class,
            description = "epochs to train (default 20 for mlp, 12 for cnn)")
    Integer epochs;

    @Option(names = "--train-limit", paramLabel = "N", converter = TrainImages.class,
            description = "the first N of the 60000 training images (default all)")
    int trainLimit = ALL_TRAIN;

    @Option(names = "--test-limit", paramLabel = "N", converter = TestImages.class,
            description = "the first N of the 10000 test images (default all)")
    int testLimit = ALL_TEST;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the weights, dropout masks and shuffles (default ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--batch", paramLabel = "N", converter = Count.class, description = "mini-batch size (default ${DEFAULT-VALUE})")
    int batch = 128;

    @Option(names = "--dtype", paramLabel = "T", converter = Precision.class,
            description = "float (default: float32, as Keras and PyTorch train) or double (the library's default for"
                    + " models built without a type; gradient checks use it)")
    DataType dataType = DataType.FLOAT;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
    boolean help;

    /** The run these options describe. */
    MnistBenchmark.Options options() {
        int n = epochs != null ? epochs : model.equals("mlp") ? 20 : 12;
        return new MnistBenchmark.Options(model, n, trainLimit, testLimit, seed, batch, dataType);
    }

    /** A picocli command line for {@code options}. */
    static CommandLine commandLine(BenchOptions options) {
        return new CommandLine(options).setOverwrittenOptionsAllowed(true);
    }

    /** The usage text. */
    static String usage() {
        return commandLine(new BenchOptions()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** The model names, for the usage text. */
    static final class Models implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("mlp", "cnn").iterator();
        }
    }

    /** mlp or cnn. */
    static final class ModelName implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!List.of("mlp", "cnn").contains(value)) {
                throw new CommandLine.TypeConversionException("expected mlp or cnn, got '" + value
                        + "' (options come after the model, e.g. mlp --epochs 5)");
            }
            return value;
        }
    }

    /** A whole number between {@code min} and {@code max}: "expected a whole number, got 'five'". */
    abstract static class Bounded implements CommandLine.ITypeConverter<Integer> {
        private final int max;
        private final String hint;

        Bounded(int max, String hint) {
            this.max = max;
            this.hint = hint;
        }

        @Override
        public Integer convert(String value) {
            long n;
            try {
                n = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected a whole number, got '" + value + "' (" + hint + ")");
            }
            if (n < 1 || n > max) {
                String range = max == Integer.MAX_VALUE ? "of at least 1" : "between 1 and " + max;
                throw new CommandLine.TypeConversionException("expected a whole number " + range + ", got '" + value
                        + "' (" + hint + ")");
            }
            return (int) n;
        }
    }

    /** Epochs and batch sizes: at least 1. */
    static final class Count extends Bounded {
        Count() {
            super(Integer.MAX_VALUE, "e.g. 5 for a quick run");
        }
    }

    /** At most the 60000 training images. */
    static final class TrainImages extends Bounded {
        TrainImages() {
            super(ALL_TRAIN, "MNIST has 60000 training images; 6000 for a quick run");
        }
    }

    /** At most the 10000 test images. */
    static final class TestImages extends Bounded {
        TestImages() {
            super(ALL_TEST, "MNIST has 10000 test images; 1000 for a quick run");
        }
    }

    /** float or double. */
    static final class Precision implements CommandLine.ITypeConverter<DataType> {
        @Override
        public DataType convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "float" -> DataType.FLOAT;
                case "double" -> DataType.DOUBLE;
                default -> throw new CommandLine.TypeConversionException("expected float or double, got '" + value
                        + "' (float trains about twice as fast; double is what gradient checks use)");
            };
        }
    }
}
