package org.nnlab.nn;

import org.nd4j.linalg.api.buffer.DataType;

/**
 * The slides' two MNIST networks, built from the library's layers, for the benchmark
 * ({@code org.nnlab.bench.MnistBenchmark}), tests and notebooks. Both end in logits: train them with
 * {@code SoftmaxCrossEntropy}, which applies the softmax itself (Keras's final {@code softmax}
 * activation lives in the loss here).
 *
 * <p>Weights start Glorot uniform (Keras's default) from one stream seeded with {@code seed}, biases at
 * zero; the dropout layers get seeds derived from {@code seed}, so the same seed builds the same model.
 *
 * <pre>{@code
 * var model = Models.mlp(42);
 * model.summary(784)          // 669,706 parameters, as Keras reports
 * }</pre>
 *
 * <p>Why here and not in the benchmark: only layers are involved, and the notebooks already import
 * {@code org.nnlab.nn.*}.
 */
public final class Models {

    /** Side of an MNIST image. */
    private static final int SIDE = 28;

    private Models() {
    }

    /**
     * The slides' multilayer perceptron, 784-512-512-10:
     * {@code Linear(784, 512) Relu Dropout(0.2) Linear(512, 512) Relu Dropout(0.2) Linear(512, 10)}.
     * Input {@code [batch, 784]}, output logits {@code [batch, 10]}; 669,706 parameters.
     */
    public static Sequential mlp(long seed) {
        return mlp(seed, Init.DTYPE);
    }

    /**
     * {@link #mlp(long)} with its parameters (and so its computations) in {@code type}: the same
     * initial numbers, rounded; {@code DataType.FLOAT} is how Keras and PyTorch train it, about twice as
     * fast as double. Feed it inputs of the same type (a double batch is converted on every call).
     */
    public static Sequential mlp(long seed, DataType type) {
        Init init = Init.glorotUniform(seed).withDataType(type);
        return Sequential.of(
                new Linear(SIDE * SIDE, 512, init), new Relu(), new Dropout(0.2, seed + 1),
                new Linear(512, 512, init), new Relu(), new Dropout(0.2, seed + 2),
                new Linear(512, 10, init));
    }

    /**
     * The slides' convolutional network (the Keras mnist_cnn example):
     * {@code Conv2d(1 -> 32, 3x3) Relu Conv2d(32 -> 64, 3x3) Relu MaxPool2d(2) Dropout(0.25) Flatten
     * Linear(9216, 128) Relu Dropout(0.5) Linear(128, 10)}.
     * Input {@code [batch, 1, 28, 28]}, shapes [b, 32, 26, 26] → [b, 64, 24, 24] → [b, 64, 12, 12] →
     * [b, 9216]; output logits {@code [batch, 10]}; 1,199,882 parameters.
     */
    public static Sequential cnn(long seed) {
        return cnn(seed, Init.DTYPE);
    }

    /**
     * {@link #cnn(long)} with its parameters in {@code type}; with {@code DataType.FLOAT} the
     * convolutions and the pooling run on ND4J's native operations (see {@link Conv2d}).
     */
    public static Sequential cnn(long seed, DataType type) {
        Init init = Init.glorotUniform(seed).withDataType(type);
        int pooled = (SIDE - 2 - 2) / 2;   // two 3x3 convolutions without padding, then 2x2 pooling
        return Sequential.of(
                new Conv2d(1, 32, 3, 1, 0, init), new Relu(),
                new Conv2d(32, 64, 3, 1, 0, init), new Relu(),
                new MaxPool2d(2), new Dropout(0.25, seed + 1), new Flatten(),
                new Linear(64L * pooled * pooled, 128, init), new Relu(), new Dropout(0.5, seed + 2),
                new Linear(128, 10, init));
    }
}
