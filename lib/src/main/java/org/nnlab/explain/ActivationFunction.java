package org.nnlab.explain;

import org.nnlab.nn.Layer;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sigmoid;
import org.nnlab.nn.Tanh;

/** The activations that {@link Explain} writes out, with their formulas in LaTeX and in plain text. */
public enum ActivationFunction {
    /** g(z) = 1 / (1 + e^-z). */
    SIGMOID,
    /** g(z) = max(0, z). */
    RELU,
    /** g(z) = tanh(z). */
    TANH,
    /** No activation after the Linear layer: a = z. */
    NONE;

    /** The activation of a layer, or null when the layer is not one of these. */
    static ActivationFunction of(Layer layer) {
        if (layer instanceof Sigmoid) {
            return SIGMOID;
        }
        if (layer instanceof Relu) {
            return RELU;
        }
        return layer instanceof Tanh ? TANH : null;
    }

    /** g's definition applied to z, in LaTeX: \frac{1}{1 + e^{-(-4.4)}}, \max(0, -4.4), \tanh(-4.4). */
    String latex(String z) {
        return switch (this) {
            case SIGMOID -> "\\frac{1}{1 + e^{-" + (z.startsWith("-") ? "(" + z + ")" : z) + "}}";
            case RELU -> "\\max(0, " + z + ")";
            case TANH -> "\\tanh(" + z + ")";
            case NONE -> z;
        };
    }

    /** The same in plain text: 1 / (1 + e^-(-4.4)), max(0, -4.4), tanh(-4.4). */
    String text(String z) {
        return switch (this) {
            case SIGMOID -> "1 / (1 + e^-" + (z.startsWith("-") ? "(" + z + ")" : z) + ")";
            case RELU -> "max(0, " + z + ")";
            case TANH -> "tanh(" + z + ")";
            case NONE -> z;
        };
    }
}
