package org.nnlab.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.check.Args;
import org.nnlab.plot.Displayable;

/**
 * A forward pass written out neuron by neuron (made by {@link Explain#forward}): in a notebook it
 * shows as LaTeX, the slides' three lines per neuron,
 * <pre>
 *   sum_j a_j^(0) W_j1^(1)         = 0 + 0 + 0 + (1 x (-3.8)) + 0 + 0 + (1 x (-0.3)) + 0 + 0 = -4.1
 *   sum_j a_j^(0) W_j1^(1) + b_1^(1) = -4.1 + (-0.3) = -4.4
 *   a_1^(1) = g(...)                = g(-4.4) = 1 / (1 + e^-(-4.4)) = 0.012
 * </pre>
 * with {@link #toString()} as its plain-text twin, one line per neuron.
 */
public final class Explanation implements Displayable {

    private final List<NeuronStep> steps;
    private final double[] output;
    private final Numbers numbers;

    Explanation(List<NeuronStep> steps, double[] output, Numbers numbers) {
        this.steps = List.copyOf(steps);
        this.output = output.clone();
        this.numbers = numbers;
    }

    /** Every neuron's computation, layer by layer, in order. */
    public List<NeuronStep> steps() {
        return steps;
    }

    /** The step of neuron i (from 1) of Linear layer L (from 1). */
    public NeuronStep step(int layer, int neuron) {
        return steps.stream().filter(s -> s.layer() == layer && s.neuron() == neuron).findFirst()
                .orElseThrow(() -> Args.fail("Explanation.step",
                        "a layer 1.." + steps.get(steps.size() - 1).layer() + " and one of its neurons (from 1)",
                        "layer " + layer + ", neuron " + neuron, "layers and neurons are counted from 1, as on the slides."));
    }

    /** The network's output a^(last), unrounded. */
    public double[] output() {
        return output.clone();
    }

    /** The three lines of one neuron in LaTeX (rows of an aligned environment, "&=" aligned). */
    public String latex(NeuronStep s) {
        String sum = "\\sum_{j} a_{j}^{(" + (s.layer() - 1) + ")} W_{j" + s.neuron() + "}^{(" + s.layer() + ")}";
        String biased = s.bias() == null ? sum : sum + " + b_{" + s.neuron() + "}^{(" + s.layer() + ")}";
        String a = "a_{" + s.neuron() + "}^{(" + s.layer() + ")}";
        String z = numbers.format(s.z());
        List<String> rows = new ArrayList<>();
        rows.add("&\\text{layer " + s.layer() + ", neuron " + s.neuron() + "}");
        rows.add(sum + " &= " + String.join(" + ", terms(s, " \\times ")) + " = " + numbers.format(s.sum()));
        if (s.bias() != null) {
            rows.add(biased + " &= " + numbers.format(s.sum()) + " + " + numbers.operand(s.bias()) + " = " + z);
        }
        rows.add(s.activation() == ActivationFunction.NONE ? a + " &= " + biased + " = " + numbers.format(s.value())
                : a + " &= g\\left(" + biased + "\\right) = g(" + z + ") = " + s.activation().latex(z) + " = "
                        + numbers.format(s.value()));
        return String.join(" \\\\\n", rows);
    }

    /** The whole forward pass in LaTeX, as display math: $$\begin{aligned} ... \end{aligned}$$. */
    public String latex() {
        List<String> blocks = new ArrayList<>();
        blocks.add("a_i^{(L)} &= g\\left(\\sum_j a_j^{(L-1)} W_{ji}^{(L)} + b_i^{(L)}\\right)");
        steps.forEach(s -> blocks.add(latex(s)));
        return "$$\\begin{aligned}\n" + String.join(" \\\\[1ex]\n", blocks) + "\n\\end{aligned}$$";
    }

    /** One neuron in plain text: "layer 1, neuron 1: 0 + ... = -4.1; -4.1 + (-0.3) = -4.4; g(-4.4) = 0.012". */
    public String text(NeuronStep s) {
        String z = numbers.format(s.z());
        StringBuilder line = new StringBuilder("layer " + s.layer() + ", neuron " + s.neuron() + ": ")
                .append(String.join(" + ", terms(s, " x "))).append(" = ").append(numbers.format(s.sum()));
        if (s.bias() != null) {
            line.append("; ").append(numbers.format(s.sum())).append(" + ").append(numbers.operand(s.bias()))
                    .append(" = ").append(z);
        }
        if (s.activation() != ActivationFunction.NONE) {
            line.append("; g(").append(z).append(") = ").append(s.activation().text(z)).append(" = ")
                    .append(numbers.format(s.value()));
        }
        return line.toString();
    }

    /** The terms a_j W_ji: "0" for an input of 0, "(1 x (-3.8))" otherwise. */
    private List<String> terms(NeuronStep s, String times) {
        List<String> terms = new ArrayList<>();
        for (int j = 0; j < s.inputs().length; j++) {
            terms.add(s.inputs()[j] == 0 ? "0"
                    : "(" + numbers.format(s.inputs()[j]) + times + numbers.operand(s.weights()[j]) + ")");
        }
        return terms;
    }

    /** One line per neuron, then the output. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        steps.forEach(s -> b.append(text(s)).append('\n'));
        b.append("output: [");
        for (int i = 0; i < output.length; i++) {
            b.append(i == 0 ? "" : ", ").append(numbers.format(output[i]));
        }
        return b.append(']').toString();
    }

    /** text/latex (typeset by JupyterLab's MathJax) and text/plain. */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/latex", latex());
        bundle.put("text/plain", toString());
        return bundle;
    }
}
