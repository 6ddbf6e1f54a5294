package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Sequential;

/**
 * The exercises of notebook 07-mnist (the slides' Keras MLP and CNN on MNIST): counting a network's
 * parameters, building the MLP, predicted classes from logits, the test accuracy, the confusion
 * matrix, the list of mistakes and the output size of a convolution. Each method is what the student
 * writes in the exercise cell with the same id; the Javadoc is the task.
 */
public interface MnistExercises {

    /**
     * Exercise 7.1: the number of parameters of a fully connected network with layer sizes
     * {@code n_0, n_1, ..., n_L} (input first): each layer {@code n_{l-1} -> n_l} has a weight matrix
     * {@code [n_{l-1}, n_l]} and a bias of {@code n_l}, so the count is
     * {@code sum_l (n_{l-1} n_l + n_l)}; 669,706 for the slides' 784-512-512-10.
     *
     * @param sizes the layer sizes, input first, at least two
     */
    long parameterCount(int[] sizes);

    /**
     * Exercise 7.2: the slides' MLP as a {@link Sequential}, ending in logits:
     * {@code Linear(784, 512) Relu Dropout(0.2) Linear(512, 512) Relu Dropout(0.2) Linear(512, 10)}.
     * Input {@code [batch, 784]}, output {@code [batch, 10]}; 669,706 parameters.
     *
     * @param seed the seed of the weights' initialisation and of the dropout masks
     */
    Sequential mlp(long seed);

    /**
     * Exercise 7.3: the predicted class of each sample, the index of the largest entry of its row of
     * logits {@code [n, 10]} (the first one on ties): {@code argmax_k logits[i, k]}.
     *
     * @return n class indices
     */
    int[] predictions(INDArray logits);

    /**
     * Exercise 7.4: the model's accuracy on the <b>test</b> part of {@code data}: the fraction of test
     * samples whose predicted class (argmax of the output) is the label's (argmax of the one-hot row),
     * computed in evaluation mode ({@code model.setTraining(false)}, so that dropout is off).
     *
     * @param model a trained classifier, output {@code [n, classes]}
     * @param data  train and test sets with one-hot labels
     * @return a number in [0, 1]
     */
    double testAccuracy(Layer model, Split data);

    /**
     * Exercise 7.5: the confusion matrix: {@code counts[a][p]} is the number of samples of actual class
     * {@code a} predicted as {@code p} (rows actual, columns predicted; the diagonal holds the correct ones).
     *
     * @param predicted the predicted classes, in [0, classes)
     * @param actual    the true classes, as many
     * @param classes   the number of classes
     * @return a {@code classes x classes} matrix of counts
     */
    long[][] confusion(int[] predicted, int[] actual, int classes);

    /**
     * Exercise 7.6: the mistakes: the indices {@code i} where {@code predicted[i] != actual[i]}, in
     * increasing order (an empty array when there are none).
     */
    int[] mistakes(int[] predicted, int[] actual);

    /**
     * Exercise 7.7: the side of a convolution's output for a square input: a {@code k x k} filter moved by
     * {@code stride} over an input of side {@code n} with {@code padding} zeros on each border fits
     * {@code (n + 2 padding - k) / stride + 1} times (integer division); 28 - 3 + 1 = 26 for the CNN's
     * first 3x3 convolution.
     */
    int convOutputSide(int side, int kernel, int padding, int stride);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code MnistExercises.with().method((a, b) -> method(a, b))}; {@link MnistParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static MnistParts with() {
        return new MnistParts();
    }
}
