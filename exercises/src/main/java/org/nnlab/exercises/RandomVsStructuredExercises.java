package org.nnlab.exercises;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.nn.Parameter;

/**
 * The exercises of notebook 04-random-vs-structured-data ("Technical introduction to Neural
 * Networks", learning random data vs structured data): the slides' network {@code relu(x w1) w2}
 * without biases, its squared-error cost, its gradients by hand, gradient descent, the test error
 * on a fresh set, and one gradient-descent step over every parameter of a network with biases. Each
 * method is what the student writes in the exercise cell with the same id; the Javadoc is the task.
 *
 * <p>Shapes: x {@code [n, in]} (one sample per row), w1 {@code [in, hidden]}, w2 {@code [hidden, out]},
 * y {@code [n, out]}. The slides' random data has in = 20, out = 1, n = 64; the structured data
 * in = 6, out = 2.
 */
public interface RandomVsStructuredExercises {

    /**
     * Exercise 4.1: the forward pass {@code y = relu(x w1) w2}, with {@code relu(z) = max(z, 0)} entry by entry.
     *
     * @param x  the inputs, {@code [n, in]}
     * @param w1 the first layer's weights, {@code [in, hidden]}
     * @param w2 the second layer's weights, {@code [hidden, out]}
     * @return the predictions, {@code [n, out]}; x, w1 and w2 unchanged
     */
    INDArray forward(INDArray x, INDArray w1, INDArray w2);

    /**
     * Exercise 4.2: the squared error {@code SE = sum over samples and outputs of (y_prediction - y_truth)^2}
     * (summed, no mean, no 1/2).
     *
     * @param prediction {@code [n, out]}
     * @param truth      the same shape
     */
    double cost(INDArray prediction, INDArray truth);

    /**
     * Exercise 4.3: the gradients of {@code L = SE(relu(x w1) w2, y)} by hand (backpropagation): with
     * {@code z = x w1}, {@code h = relu(z)}, {@code d = 2 (h w2 - y)}:
     * <pre>
     * dL/dw2 = h^T d                            [hidden, out]
     * dL/dw1 = x^T ((d w2^T) * relu'(z))        [in, hidden],  relu'(z) = 1 where z > 0, else 0
     * </pre>
     *
     * @return {@code {dL/dw1, dL/dw2}}, shaped like w1 and w2; the arguments unchanged
     */
    INDArray[] gradients(INDArray x, INDArray y, INDArray w1, INDArray w2);

    /**
     * Exercise 4.4: full-batch gradient descent, {@code steps} times: compute the cost and the
     * gradients at the current weights, then {@code w <- w - lr dL/dw} for w1 and w2.
     *
     * @param w1 updated in place
     * @param w2 updated in place
     * @return {@code steps} costs: entry t is the cost before update t + 1 (so entry 0 is the initial cost)
     */
    double[] train(INDArray x, INDArray y, INDArray w1, INDArray w2, double lr, int steps);

    /**
     * Exercise 4.5: train on {@code data.train()} ({@code steps} updates with learning rate lr, w1
     * and w2 updated in place), then measure the cost of the trained network on the training set and
     * on the fresh test set {@code data.test()}, which training never saw.
     *
     * @return {@code {training error, test error}}, both squared errors after training
     */
    double[] trainAndTest(Split data, INDArray w1, INDArray w2, double lr, int steps);

    /**
     * Exercise 4.6: one gradient-descent step over every parameter of a network (weights and
     * biases): {@code p <- p - lr dL/dp} in place, with dL/dp in {@code p.grad()} (filled by the
     * network's backward pass).
     *
     * @param parameters e.g. {@code model.parameters()}
     */
    void sgdStep(List<Parameter> parameters, double lr);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code RandomVsStructuredExercises.with().method((a, b) -> method(a, b))}; {@link RandomVsStructuredParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static RandomVsStructuredParts with() {
        return new RandomVsStructuredParts();
    }
}
