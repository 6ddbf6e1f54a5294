package org.nnlab.explain;

/**
 * One neuron's computation in the slides' notation, for layer {@code L} and neuron {@code i}
 * (both counted from 1):
 * <pre>
 *   s = sum_j a_j^(L-1) W_ji^(L)      (the weighted sum, term by term)
 *   z = s + b_i^(L)                   (plus the bias, when the layer has one)
 *   a_i^(L) = g(z)                    (the activation, or a = z when none follows)
 * </pre>
 *
 * @param layer      L, the number of the Linear layer (1 = the first after the input)
 * @param neuron     i, counted from 1
 * @param inputs     a^(L-1), the inputs of the layer (the image x for L = 1)
 * @param weights    W_.i^(L), the weights into this neuron, one per input
 * @param sum        s
 * @param bias       b_i^(L), or null when the layer has no bias
 * @param z          s + b (s when there is no bias)
 * @param activation the activation g, or {@link ActivationFunction#NONE}
 * @param value      a_i^(L), as the network's own activation layer computes it
 */
public record NeuronStep(int layer, int neuron, double[] inputs, double[] weights, double sum, Double bias,
        double z, ActivationFunction activation, double value) {
}
