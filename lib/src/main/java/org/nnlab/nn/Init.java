package org.nnlab.nn;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * Seeded weight initialisers. Every initialiser owns a {@link SplittableRandom} made from its seed,
 * so the same seed gives the same numbers on every machine; one initialiser shared by several layers
 * gives each layer the next numbers of its stream (deterministic, not equal).
 *
 * <ul>
 *   <li>{@link #zeros()}: all 0</li>
 *   <li>{@link #uniform(double, double, long)}: U(lo, hi)</li>
 *   <li>{@link #normal(double, double, long)}: N(mean, std²)</li>
 *   <li>{@link #glorotUniform(long)} (= {@link #xavier(long)}): U(-l, l), l = sqrt(6 / (fanIn + fanOut)),
 *       Keras's default; suits sigmoid and tanh, and is the default of {@link Linear} and {@link Conv2d}</li>
 *   <li>{@link #heNormal(long)}: N(0, 2 / fanIn), for ReLU networks (a plain normal, not Keras's truncated one)</li>
 * </ul>
 *
 * <p>Layers built without an initialiser use {@link #defaultInit()}: Glorot uniform with a seed taken
 * from a global stream, which {@link #setGlobalSeed(long)} restarts (like {@code torch.manual_seed}).
 * All arrays are {@link DataType#DOUBLE} unless {@link #withDataType(DataType)} says otherwise.
 */
public interface Init {

    /** The data type of every array the library creates: double, so that gradient checks are exact. */
    DataType DTYPE = DataType.DOUBLE;

    /**
     * A new array of the given shape.
     *
     * @param shape  e.g. {@code [in, out]} for a Linear weight
     * @param fanIn  inputs per output unit (Linear: in; Conv2d: inChannels * k * k)
     * @param fanOut outputs per input unit (Linear: out; Conv2d: outChannels * k * k)
     */
    INDArray create(long[] shape, long fanIn, long fanOut);

    /** A new array of the given shape, taking fanIn = shape[0] and fanOut = shape[1] (as for {@code [in, out]}). */
    default INDArray create(long... shape) {
        return create(shape, shape[0], shape.length > 1 ? shape[1] : shape[0]);
    }

    /**
     * This initialiser with its arrays in another data type, e.g.
     * {@code Init.glorotUniform(42).withDataType(DataType.FLOAT)} for float32 training (as Keras and
     * PyTorch train): the same numbers are drawn (in double) and rounded to the type. Layers give their
     * bias the weight's type, and compute in it. Gradient checks need double (the default).
     *
     * @throws IllegalArgumentException unless the type is a floating-point type
     */
    default Init withDataType(DataType type) {
        Args.require(type != null && type.isFPType(), "Init.withDataType", "a floating-point type (DOUBLE, FLOAT, HALF)",
                type, "DataType.FLOAT trains about twice as fast as DOUBLE.");
        Init self = this;
        return new Init() {
            @Override
            public INDArray create(long[] shape, long fanIn, long fanOut) {
                return self.create(shape, fanIn, fanOut).castTo(type);
            }

            @Override
            public String toString() {
                return self + " as " + type;
            }
        };
    }

    /** All zeros (biases; never for weights, whose units would then stay identical). */
    static Init zeros() {
        return new Seeded("zeros", 0, rng -> (fanIn, fanOut) -> () -> 0.0);
    }

    /** Uniform on [lo, hi). */
    static Init uniform(double lo, double hi, long seed) {
        Args.require(lo < hi, "Init.uniform", "lo < hi", "lo = " + lo + ", hi = " + hi, "e.g. Init.uniform(-0.1, 0.1, 42).");
        return new Seeded("uniform(" + lo + ", " + hi + ")", seed,
                rng -> (fanIn, fanOut) -> () -> lo + (hi - lo) * rng.nextDouble());
    }

    /** Normal with the given mean and standard deviation. */
    static Init normal(double mean, double std, long seed) {
        Args.require(std >= 0, "Init.normal", "std >= 0", std, "std is a standard deviation, e.g. 0.01.");
        return new Seeded("normal(" + mean + ", " + std + ")", seed,
                rng -> (fanIn, fanOut) -> () -> mean + std * rng.nextGaussian());
    }

    /** Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)). */
    static Init glorotUniform(long seed) {
        return new Seeded("glorotUniform", seed, rng -> (fanIn, fanOut) -> {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            return () -> -limit + 2 * limit * rng.nextDouble();
        });
    }

    /** Same as {@link #glorotUniform(long)}. */
    static Init xavier(long seed) {
        return glorotUniform(seed);
    }

    /** He normal: N(0, std²) with std = sqrt(2 / fanIn). */
    static Init heNormal(long seed) {
        return new Seeded("heNormal", seed, rng -> (fanIn, fanOut) -> {
            double std = Math.sqrt(2.0 / fanIn);
            return () -> std * rng.nextGaussian();
        });
    }

    /** Glorot uniform with the next seed of the global stream (see {@link #setGlobalSeed(long)}). */
    static Init defaultInit() {
        return glorotUniform(Seeded.nextGlobalSeed());
    }

    /** The next seed of the global stream, for layers such as Dropout made without a seed. */
    static long nextGlobalSeed() {
        return Seeded.nextGlobalSeed();
    }

    /** Restarts the global seed stream, so that layers built afterwards without a seed are reproducible. */
    static void setGlobalSeed(long seed) {
        Seeded.setGlobalSeed(seed);
    }

    /** The implementation behind the factories: a named rule drawing from one seeded stream. */
    final class Seeded implements Init {
        private static SplittableRandom global = new SplittableRandom(42);

        /** For a (fanIn, fanOut), a source of numbers. */
        interface Rule {
            DoubleSupplier sampler(long fanIn, long fanOut);
        }

        private final String name;
        private final long seed;
        private final Rule rule;

        private Seeded(String name, long seed, Function<SplittableRandom, Rule> rule) {
            this.name = name;
            this.seed = seed;
            this.rule = rule.apply(new SplittableRandom(seed));
        }

        static synchronized long nextGlobalSeed() {
            return global.nextLong();
        }

        static synchronized void setGlobalSeed(long seed) {
            global = new SplittableRandom(seed);
        }

        @Override
        public synchronized INDArray create(long[] shape, long fanIn, long fanOut) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            Args.require(n <= Integer.MAX_VALUE, "Init.create", "a shape of at most 2^31 - 1 numbers", Shapes.format(shape),
                    "split the parameter into smaller ones.");
            DoubleSupplier next = rule.sampler(fanIn, fanOut);
            double[] values = new double[(int) n];
            for (int i = 0; i < values.length; i++) {
                values[i] = next.getAsDouble();
            }
            return Nd4j.create(values, shape, 'c').castTo(DTYPE);
        }

        @Override
        public String toString() {
            return name.equals("zeros") ? name : name + " (seed " + seed + ")";
        }
    }
}
