package org.nnlab.data;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * The workshop's datasets, all double precision and all drawn from a seed.
 *
 * <ul>
 *   <li>{@link #rectangles()}: the 512 binary 3x3 images, labelled 1 when they show one filled rectangle.</li>
 *   <li>{@link #random(long)}: inputs and targets that are independent noise: nothing to learn.</li>
 *   <li>{@link #structured(double, long)}: targets that are a linear function of the inputs plus noise.</li>
 *   <li>{@link #xor(int, double, long)}, {@link #moons(int, double, long)}, {@link #spirals(int, double, long)}:
 *   two inputs, two classes, as in TensorFlow Playground: a plane a network can colour.</li>
 *   <li>{@link #mnist(int, int)}, {@link #fashionMnist(int, int)}: the IDX files prepared by {@code ./nnlab setup}.</li>
 * </ul>
 *
 * <p>Random numbers come from {@link java.util.Random} with the given seed (its Gaussian is specified by
 * the JDK), so the same seed gives the same data on every machine, independently of ND4J's generator.
 */
public final class Datasets {

    /** Samples of {@link #random(long)} in each part, as in the slides (x: 64x20, y: 64x1). */
    public static final int RANDOM_SAMPLES = 64;
    /** Inputs of {@link #random(long)}. */
    public static final int RANDOM_INPUTS = 20;
    /** Standard deviation of the inputs of {@link #structured}: {@code x ~ N(0, 5^2)}. */
    public static final double STRUCTURED_INPUT_STD = 5.0;

    private Datasets() {
    }

    /**
     * All 512 binary 3x3 images: image i has pixel j (row-major, j = 3*row + col) set to bit j of i.
     *
     * <p>Features {@code [512, 9]} (row i is image i), labels {@code [512, 1]}: 1 when the filled pixels
     * form exactly one solid axis-aligned rectangle of at least one pixel, else 0. There are
     * C(4,2)^2 = 36 such rectangles in a 3x3 grid.
     */
    public static Dataset rectangles() {
        double[] x = new double[512 * 9];
        double[] y = new double[512];
        for (int i = 0; i < 512; i++) {
            for (int j = 0; j < 9; j++) {
                x[9 * i + j] = (i >> j) & 1;
            }
            y[i] = isRectangle(i) ? 1 : 0;
        }
        return new Dataset(Nd4j.create(x, new long[] {512, 9}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {512, 1}, DataType.DOUBLE));
    }

    /** True when the bits of {@code mask} (3x3, row-major) form one solid rectangle of at least one pixel. */
    static boolean isRectangle(int mask) {
        if (mask == 0) {
            return false;
        }
        int top = 3;
        int bottom = -1;
        int left = 3;
        int right = -1;
        for (int j = 0; j < 9; j++) {
            if (((mask >> j) & 1) == 1) {
                top = Math.min(top, j / 3);
                bottom = Math.max(bottom, j / 3);
                left = Math.min(left, j % 3);
                right = Math.max(right, j % 3);
            }
        }
        // solid: the bounding box holds as many pixels as are set
        return Integer.bitCount(mask) == (bottom - top + 1) * (right - left + 1);
    }

    /**
     * Random data as in the slides: train and test each have x ~ N(0,1) of {@code [64, 20]} and
     * y ~ N(0,1) of {@code [64, 1]}, all independent, so a network can memorise the training set but
     * cannot generalise. The test set is a fresh draw from the same seed.
     */
    public static Split random(long seed) {
        Dataset all = random(2 * RANDOM_SAMPLES, RANDOM_INPUTS, 1, seed);
        return new Split(all.slice(0, RANDOM_SAMPLES), all.slice(RANDOM_SAMPLES, 2 * RANDOM_SAMPLES));
    }

    /**
     * n samples of independent noise: x ~ N(0,1) of {@code [n, inputs]}, y ~ N(0,1) of {@code [n, outputs]}.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static Dataset random(int n, int inputs, int outputs, long seed) {
        Args.require(n > 0 && inputs > 0 && outputs > 0, "Datasets.random", "positive sizes n, inputs, outputs",
                "n = " + n + ", inputs = " + inputs + ", outputs = " + outputs, "the slides use 64, 20, 1.");
        Random random = new Random(seed);
        double[] x = gaussians(random, n * inputs, 1.0);
        double[] y = gaussians(random, n * outputs, 1.0);
        return new Dataset(Nd4j.create(x, new long[] {n, inputs}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {n, outputs}, DataType.DOUBLE));
    }

    /**
     * Structured data as in the slides, 64 training and 32 test samples: see
     * {@link #structured(int, double, long)}.
     */
    public static Split structured(double noiseStd, long seed) {
        Dataset all = structured(96, noiseStd, seed);
        return new Split(all.slice(0, 64), all.slice(64, 96));
    }

    /**
     * n samples of a linear function plus noise. Six inputs {@code x_i ~ N(0, 5^2)} (5 is the standard
     * deviation, as numpy's {@code np.random.normal(0, 5, ...)} of the workshop's script), two outputs
     * <pre>
     * y0 = x3 - x1 + 2 x4 + e0
     * y1 = 7 x0 - 4 x2 + x5 + e1,   e ~ N(0, noiseStd^2)
     * </pre>
     * Features {@code [n, 6]}, labels {@code [n, 2]}.
     *
     * @throws IllegalArgumentException when n <= 0 or noiseStd < 0
     */
    public static Dataset structured(int n, double noiseStd, long seed) {
        Args.require(n > 0, "Datasets.structured", "a number of samples n > 0", n, "the slides use 64 + 32.");
        Args.require(noiseStd >= 0 && Double.isFinite(noiseStd), "Datasets.structured",
                "a noise standard deviation >= 0", noiseStd, "0 gives exact targets; try 0.1 or 1.");
        Random random = new Random(seed);
        double[] x = gaussians(random, n * 6, STRUCTURED_INPUT_STD);
        double[] y = new double[n * 2];
        for (int i = 0; i < n; i++) {
            int r = 6 * i;
            y[2 * i] = x[r + 3] - x[r + 1] + 2 * x[r + 4] + noiseStd * random.nextGaussian();
            y[2 * i + 1] = 7 * x[r] - 4 * x[r + 2] + x[r + 5] + noiseStd * random.nextGaussian();
        }
        return new Dataset(Nd4j.create(x, new long[] {n, 6}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {n, 2}, DataType.DOUBLE));
    }

    /** Turns of each arm of {@link #spirals}: 1.75, as in TensorFlow Playground. */
    public static final double SPIRAL_TURNS = 1.75;

    /**
     * The XOR problem: n points (x, y) uniform in the square [-1, 1]^2, class 1 when exactly one
     * coordinate is positive ({@code x * y < 0}), else 0; then Gaussian noise N(0, noise^2) is added to
     * both coordinates (the label stays the clean point's). No straight line separates the classes: a
     * network needs a hidden layer.
     *
     * <p>Features {@code [n, 2]}, labels {@code [n, 1]} in {0, 1}.
     *
     * @param noise the standard deviation of the noise on each coordinate, >= 0 (0.1 is a little)
     * @throws IllegalArgumentException when n <= 0 or noise < 0
     */
    public static Dataset xor(int n, double noise, long seed) {
        checkPlane("Datasets.xor", n, noise);
        Random random = new Random(seed);
        double[] xy = new double[2 * n];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            label[i] = x * y < 0 ? 1 : 0;
            xy[2 * i] = x + noise * random.nextGaussian();
            xy[2 * i + 1] = y + noise * random.nextGaussian();
        }
        return plane(xy, label);
    }

    /**
     * Two interleaving half circles ("two moons", as scikit-learn's {@code make_moons}): sample i has
     * class {@code i % 2} and an angle t uniform in [0, pi]; class 0 lies on the upper half circle
     * {@code (cos t, sin t)}, class 1 on the lower one shifted right and down, {@code (1 - cos t, 0.5 - sin t)};
     * then Gaussian noise N(0, noise^2) is added to both coordinates.
     *
     * <p>Features {@code [n, 2]}, labels {@code [n, 1]} in {0, 1}; half of each class (class 0 gets
     * the odd one out).
     *
     * @param noise the standard deviation of the noise on each coordinate, >= 0 (0.1 is a little)
     * @throws IllegalArgumentException when n <= 0 or noise < 0
     */
    public static Dataset moons(int n, double noise, long seed) {
        checkPlane("Datasets.moons", n, noise);
        Random random = new Random(seed);
        double[] xy = new double[2 * n];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            double t = Math.PI * random.nextDouble();
            label[i] = i % 2;
            xy[2 * i] = (i % 2 == 0 ? Math.cos(t) : 1 - Math.cos(t)) + noise * random.nextGaussian();
            xy[2 * i + 1] = (i % 2 == 0 ? Math.sin(t) : 0.5 - Math.sin(t)) + noise * random.nextGaussian();
        }
        return plane(xy, label);
    }

    /**
     * Two intertwined spirals, as in TensorFlow Playground: sample i has class {@code c = i % 2} and a
     * radius r uniform in [0, 1); it lies at angle {@code theta = 2 pi 1.75 r + pi c}, i.e.
     * {@code (r cos theta, r sin theta)}: each arm turns 1.75 times ({@link #SPIRAL_TURNS}) and the two arms
     * are half a turn apart. Then Gaussian noise N(0, noise^2) is added to both coordinates.
     *
     * <p>Features {@code [n, 2]} in about [-1, 1]^2, labels {@code [n, 1]} in {0, 1}.
     *
     * @param noise the standard deviation of the noise on each coordinate, >= 0 (0.05 is a little)
     * @throws IllegalArgumentException when n <= 0 or noise < 0
     */
    public static Dataset spirals(int n, double noise, long seed) {
        checkPlane("Datasets.spirals", n, noise);
        Random random = new Random(seed);
        double[] xy = new double[2 * n];
        double[] label = new double[n];
        for (int i = 0; i < n; i++) {
            double r = random.nextDouble();
            double theta = 2 * Math.PI * SPIRAL_TURNS * r + Math.PI * (i % 2);
            label[i] = i % 2;
            xy[2 * i] = r * Math.cos(theta) + noise * random.nextGaussian();
            xy[2 * i + 1] = r * Math.sin(theta) + noise * random.nextGaussian();
        }
        return plane(xy, label);
    }

    private static void checkPlane(String where, int n, double noise) {
        Args.require(n > 0, where, "a number of points n > 0", n, "e.g. 200.");
        Args.require(noise >= 0 && Double.isFinite(noise), where, "a noise standard deviation >= 0", noise,
                "0 puts every point on its curve; 0.1 blurs the classes a little.");
    }

    private static Dataset plane(double[] xy, double[] label) {
        return new Dataset(Nd4j.create(xy, new long[] {label.length, 2}, DataType.DOUBLE),
                Nd4j.create(label, new long[] {label.length, 1}, DataType.DOUBLE));
    }

    /**
     * MNIST digits from the project's data folder (see {@link Mnist#digits()}), flattened to
     * {@code [n, 784]} in [0, 1], one-hot labels {@code [n, 10]}; only the first {@code trainLimit} and
     * {@code testLimit} samples are read.
     */
    public static Split mnist(int trainLimit, int testLimit) {
        return Mnist.digits().load(trainLimit, testLimit);
    }

    /** Fashion-MNIST, as {@link #mnist(int, int)}; see {@link Mnist#fashion()}. */
    public static Split fashionMnist(int trainLimit, int testLimit) {
        return Mnist.fashion().load(trainLimit, testLimit);
    }

    /**
     * One-hot rows: row i has a 1 in column {@code classes[i]}. Shape {@code [n, numClasses]}.
     *
     * @throws IllegalArgumentException when a class is outside {@code [0, numClasses)}
     */
    public static INDArray oneHot(int[] classes, int numClasses) {
        Args.require(classes != null, "Datasets.oneHot", "an array of class indices", null, "e.g. new int[] {3, 0}.");
        Args.require(numClasses > 0, "Datasets.oneHot", "numClasses > 0", numClasses, "MNIST has 10 classes.");
        double[] data = new double[classes.length * numClasses];
        for (int i = 0; i < classes.length; i++) {
            int c = classes[i];
            Args.require(c >= 0 && c < numClasses, "Datasets.oneHot", "class indices in [0, " + numClasses + ")",
                    "classes[" + i + "] = " + c, "class indices start at 0.");
            data[i * numClasses + c] = 1;
        }
        return Nd4j.create(data, new long[] {classes.length, numClasses}, DataType.DOUBLE);
    }

    private static double[] gaussians(Random random, int count, double std) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = std * random.nextGaussian();
        }
        return values;
    }
}
