package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Linear;
import org.nnlab.nn.McCullochPitts;

/**
 * The exercises of notebook 03-neurons-and-backprop (the general neural-network lecture and the
 * backpropagation part of "Technical introduction to Neural Networks"): McCulloch-Pitts units, the
 * perceptron rule, why stacked linear layers stay linear, the sigmoid's derivative and the
 * backpropagation deltas and gradients of a 2-layer sigmoid network. Each method is what the student
 * writes in the exercise cell with the same id; the Javadoc is the task.
 *
 * <p>Matrices follow the library's convention: a batch of inputs has one row per sample,
 * {@code x: [batch, in]}, and a layer computes {@code x W + b} with {@code W: [in, out]} and
 * {@code b: [1, out]}.
 */
public interface NeuronsExercises {

    /**
     * Exercise 3.1: a McCulloch-Pitts unit (fires, output 1, when {@code Σ w_i x_i >= θ}) with weights
     * and threshold chosen by hand for the logic gate {@code name}:
     * <ul>
     *   <li>{@code "AND"}, {@code "OR"}, {@code "NAND"}, {@code "NOR"}: two inputs;</li>
     *   <li>{@code "NOT"}: one input;</li>
     *   <li>{@code "AND-NOT"}: two inputs, fires for {@code x1 AND NOT x2};</li>
     *   <li>{@code "MAJORITY"}: three inputs, fires when at least two of them are 1.</li>
     * </ul>
     *
     * @return e.g. {@code new McCullochPitts(new double[] {1, 1}, 2)} for AND
     */
    McCullochPitts gate(String name);

    /**
     * Exercise 3.2: one step of the perceptron rule. The perceptron outputs
     * {@code o = +1 if w0 + w1 x1 + ... + wn xn > 0, else -1}; the rule moves every weight by
     * {@code Δw_i = η (t - o) x_i}, with {@code x_0 = 1} for the bias w0.
     *
     * @param w   the weights {@code (w0, w1, ..., wn)}, w0 the bias: n + 1 numbers, not modified
     * @param x   one sample {@code (x1, ..., xn)}
     * @param t   its target, +1 or -1
     * @param eta the learning rate η > 0
     * @return the new weights, n + 1 numbers (the same values when the sample is classified right)
     */
    double[] perceptronStep(double[] w, double[] x, int t, double eta);

    /**
     * Exercise 3.3: the perceptron learning algorithm. Start from all-zero weights (n + 1 of them) and
     * pass over the samples in order, applying {@link #perceptronStep} to each; stop after the first
     * pass (epoch) in which no weight changed, or after {@code maxEpochs} passes.
     *
     * @param xs        the samples, one row of n numbers each
     * @param ts        their targets, +1 or -1
     * @param eta       the learning rate η > 0
     * @param maxEpochs the most passes to make, >= 1
     * @return the final weights {@code (w0, w1, ..., wn)}
     */
    double[] trainPerceptron(double[][] xs, int[] ts, double eta, int maxEpochs);

    /**
     * Exercise 3.4: two stacked linear layers are one linear layer. Return the single layer that
     * computes {@code second.forward(first.forward(x))}: since {@code (x W1 + b1) W2 + b2 =
     * x (W1 W2) + (b1 W2 + b2)}, its weights are {@code W = W1 W2}, {@code [in, out]}, and its bias
     * {@code b = b1 W2 + b2}, {@code [1, out]}.
     *
     * @param first  {@code Linear(in -> hidden)}, with bias
     * @param second {@code Linear(hidden -> out)}, with bias
     * @return a new {@code Linear(in -> out)}, e.g. made with {@link Linear#withWeights(double[][], double[])}
     */
    Linear collapse(Linear first, Linear second);

    /**
     * Exercise 3.5: the derivative of the sigmoid {@code σ(z) = 1 / (1 + e^-z)}:
     * {@code σ'(z) = σ(z) (1 - σ(z))}.
     */
    double sigmoidPrime(double z);

    /**
     * Exercise 3.6: the output deltas of a sigmoid output layer with the cost
     * {@code C = ½ Σ (y - t)²}: {@code δ2 = ∂C/∂z2 = (y - t) ⊙ y ⊙ (1 - y)}, entry by entry
     * (z2 is the output layer's input, y = σ(z2)).
     *
     * @param y the network's outputs, {@code [batch, out]}, not modified
     * @param t the targets, {@code [batch, out]}, not modified
     * @return δ2, {@code [batch, out]}
     */
    INDArray outputDelta(INDArray y, INDArray t);

    /**
     * Exercise 3.7: the hidden deltas, the output deltas sent back through the weights:
     * {@code δ1 = (δ2 W2ᵀ) ⊙ h ⊙ (1 - h)}, i.e. {@code δ1_j = h_j (1 - h_j) Σ_k W2_jk δ2_k} for each sample.
     *
     * @param delta2 the output deltas δ2, {@code [batch, out]}, not modified
     * @param w2     the output layer's weights W2, {@code [hidden, out]}, not modified
     * @param h      the hidden layer's outputs h = σ(x W1 + b1), {@code [batch, hidden]}, not modified
     * @return δ1, {@code [batch, hidden]}
     */
    INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h);

    /**
     * Exercise 3.8: backpropagation in the 2-layer sigmoid network {@code h = σ(x W1 + b1)},
     * {@code y = σ(h W2 + b2)} with the cost {@code C = ½ Σ (y - t)²} summed over the batch: the
     * forward pass, the deltas ({@link #outputDelta}, {@link #hiddenDelta}), then
     * {@code ∂C/∂W2 = hᵀ δ2}, {@code ∂C/∂b2 = Σ_samples δ2}, {@code ∂C/∂W1 = xᵀ δ1},
     * {@code ∂C/∂b1 = Σ_samples δ1}.
     *
     * @param net the network (not modified)
     * @param x   the inputs, {@code [batch, in]}
     * @param t   the targets, {@code [batch, out]}
     * @return the gradient as a {@link TwoLayerNet} of the same shapes: {@code new TwoLayerNet(dW1, db1, dW2, db2)}
     */
    TwoLayerNet gradients(TwoLayerNet net, INDArray x, INDArray t);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code NeuronsExercises.with().method((a, b) -> method(a, b))}; {@link NeuronsParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static NeuronsParts with() {
        return new NeuronsParts();
    }
}
