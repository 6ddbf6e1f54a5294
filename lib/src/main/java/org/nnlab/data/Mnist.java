package org.nnlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * MNIST (handwritten digits) or Fashion-MNIST (clothes) from the four uncompressed IDX files
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte} of one folder.
 *
 * <p>Features are in [0, 1], {@code [n, 784]} by default or {@code [n, 1, 28, 28]} after
 * {@link #asImages()}; labels are one-hot {@code [n, 10]}. A limit loads only the first N samples,
 * for quick runs.
 *
 * <p>Where the files are: in the data folder named by the environment variable {@code NNLAB_DATA}
 * (as {@code ./nnlab setup} uses it; the "Java (nnlab)" kernel sets it), else in the project's
 * {@code data/} folder, found by walking up from the working directory to the first folder that
 * holds an {@code nnlab} script or a {@code pom.xml}, and a {@code data/} folder. {@link #digits()}
 * reads its {@code mnist/} subfolder, {@link #fashion()} its {@code fashion-mnist/}.
 *
 * <pre>{@code
 * Split mnist = Mnist.digits().load(10_000, 2_000);
 * Dataset test = Mnist.digits().asImages().test(100);   // [100, 1, 28, 28]
 * }</pre>
 */
public final class Mnist {

    /** Side of an image. */
    public static final int SIDE = 28;
    /** Number of classes. */
    public static final int CLASSES = 10;

    private final Path directory;
    private final boolean images;

    private Mnist(Path directory, boolean images) {
        this.directory = directory;
        this.images = images;
    }

    /** MNIST digits from {@code $NNLAB_DATA/mnist} or the project's {@code data/mnist}. */
    public static Mnist digits() {
        return new Mnist(locate("Mnist.digits", "NNLAB_DATA", "mnist", System.getenv(), Path.of("")), false);
    }

    /** Fashion-MNIST from {@code $NNLAB_DATA/fashion-mnist} or the project's {@code data/fashion-mnist}. */
    public static Mnist fashion() {
        return new Mnist(locate("Mnist.fashion", "NNLAB_DATA", "fashion-mnist", System.getenv(), Path.of("")),
                false);
    }

    /**
     * The four files of a given folder.
     *
     * @throws IllegalArgumentException when {@code directory} is null or not a folder
     */
    public static Mnist at(Path directory) {
        Args.require(directory != null, "Mnist.at", "the folder holding the four IDX files", null,
                "e.g. Mnist.at(Path.of(\"data/mnist\")).");
        Args.require(Files.isDirectory(directory), "Mnist.at", "an existing folder", directory,
                "run ./nnlab setup to download the data.");
        return new Mnist(directory, false);
    }

    /** The same files, features shaped {@code [n, 1, 28, 28]} for convolutional layers. */
    public Mnist asImages() {
        return new Mnist(directory, true);
    }

    /** The same files, features flattened to {@code [n, 784]} (the default). */
    public Mnist flattened() {
        return new Mnist(directory, false);
    }

    /** The folder read from. */
    public Path directory() {
        return directory;
    }

    /** The first {@code limit} of the 60000 training samples. */
    public Dataset train(int limit) {
        return read("train", limit);
    }

    /** The first {@code limit} of the 10000 test samples. */
    public Dataset test(int limit) {
        return read("t10k", limit);
    }

    /** The first {@code trainLimit} training and {@code testLimit} test samples. */
    public Split load(int trainLimit, int testLimit) {
        return new Split(train(trainLimit), test(testLimit));
    }

    private Dataset read(String part, int limit) {
        Path imageFile = directory.resolve(part + "-images-idx3-ubyte");
        Path labelFile = directory.resolve(part + "-labels-idx1-ubyte");
        INDArray x = Idx.readImages(imageFile, limit);
        int[] y = Idx.readLabels(labelFile, limit);
        String where = "Mnist." + ("train".equals(part) ? "train" : "test");
        Args.require(x.size(1) == (long) SIDE * SIDE, where, "28x28 images in " + imageFile.getFileName(),
                "images of " + x.size(1) + " pixels", "this is not an MNIST file; run ./nnlab setup again.");
        int images = Idx.count(imageFile, Idx.IMAGES_MAGIC);
        int labels = Idx.count(labelFile, Idx.LABELS_MAGIC);
        Args.require(images == labels, where, "as many labels as images (" + images + ")", labels + " labels",
                "the two files come from different downloads; run ./nnlab setup again.");
        for (int i = 0; i < y.length; i++) {
            if (y[i] >= CLASSES) {
                throw Args.fail(where, "labels 0 to 9 in " + labelFile.getFileName(),
                        "label " + y[i] + " at index " + i, "the file is corrupt; run ./nnlab setup again.");
            }
        }
        INDArray features = this.images ? x.reshape('c', x.size(0), 1, SIDE, SIDE) : x;
        return new Dataset(features, Datasets.oneHot(y, CLASSES));
    }

    /**
     * The data folder: {@code env[variable]} if set, else {@code <project>/data/<subfolder>} of the first
     * folder above {@code start} that holds an {@code nnlab} script or a {@code pom.xml}, and a
     * {@code data} folder.
     *
     * @throws IllegalArgumentException when neither exists
     */
    static Path locate(String where, String variable, String subfolder, Map<String, String> env, Path start) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path dir = Path.of(fromEnv).resolve(subfolder);
            Args.require(Files.isDirectory(dir), where, "$" + variable + "/" + subfolder + " to be a folder", dir,
                    "run ./nnlab setup (it fetches the data into $" + variable + "), or unset " + variable
                            + " to use the project's data/ folder.");
            return dir;
        }
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            boolean project = Files.isRegularFile(dir.resolve("nnlab")) || Files.isRegularFile(dir.resolve("pom.xml"));
            if (project && Files.isDirectory(dir.resolve("data"))) {
                Path data = dir.resolve("data").resolve(subfolder);
                Args.require(Files.isDirectory(data), where, "the folder " + data, "missing",
                        "run ./nnlab setup in " + dir + " to download the data.");
                return data;
            }
        }
        throw Args.fail(where, "a data folder: $" + variable + " or data/" + subfolder + " in the nnlab project",
                "neither (searched upwards from " + start.toAbsolutePath().normalize() + ")",
                "run ./nnlab setup in the project folder, or set " + variable
                        + " to the data folder that holds " + subfolder + "/.");
    }

    @Override
    public String toString() {
        return "Mnist(" + directory + (images ? ", images [n, 1, 28, 28]" : ", flattened [n, 784]") + ")";
    }
}
