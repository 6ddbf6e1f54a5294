package org.nnlab.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Known answers: the rectangle workshop's slides (deck 000), written neuron by neuron. */
class ExplanationTest {

    private final Explanation slide = Explain.forward(Slides.rectangleNet(), Slides.X);

    @Test
    @DisplayName("layer 1, neuron 1 in LaTeX is the slide's three lines, term by term")
    void firstHiddenNeuronAsTheSlideWritesIt() {
        assertEquals(String.join(" \\\\\n",
                "&\\text{layer 1, neuron 1}",
                "\\sum_{j} a_{j}^{(0)} W_{j1}^{(1)} &= 0 + 0 + 0 + (1 \\times (-3.8)) + 0 + 0 + (1 \\times (-0.3)) + 0 + 0 = -4.1",
                "\\sum_{j} a_{j}^{(0)} W_{j1}^{(1)} + b_{1}^{(1)} &= -4.1 + (-0.3) = -4.4",
                "a_{1}^{(1)} &= g\\left(\\sum_{j} a_{j}^{(0)} W_{j1}^{(1)} + b_{1}^{(1)}\\right) = g(-4.4) = \\frac{1}{1 + e^{-(-4.4)}} = 0.012"),
                slide.latex(slide.step(1, 1)));
    }

    @Test
    @DisplayName("in plain text: 0 + 0 + 0 + (1 x (-3.8)) + ... = -4.1; -4.1 + (-0.3) = -4.4; g(-4.4) = ... = 0.012")
    void plainTextOfTheSlide() {
        assertEquals(List.of(
                "layer 1, neuron 1: 0 + 0 + 0 + (1 x (-3.8)) + 0 + 0 + (1 x (-0.3)) + 0 + 0 = -4.1; -4.1 + (-0.3) = -4.4; g(-4.4) = 1 / (1 + e^-(-4.4)) = 0.012",
                "layer 1, neuron 2: 0 + 0 + 0 + (1 x 4.5) + 0 + 0 + (1 x 3.3) + 0 + 0 = 7.8; 7.8 + (-7.8) = 0; g(0) = 1 / (1 + e^-0) = 0.5",
                "layer 2, neuron 1: (0.012 x (-3.3)) + (0.5 x (-3.6)) = -1.8; -1.8 + 3.9 = 2.1; g(2.1) = 1 / (1 + e^-2.1) = 0.89",
                "output: [0.89]"), List.of(slide.toString().split("\n")));
    }

    @Test
    @DisplayName("the output neuron: (0.012 x (-3.3)) + (0.5 x (-3.6)) = -1.8; -1.8 + 3.9 = 2.1; g(2.1) = 0.89")
    void outputNeuronAsTheSlideWritesIt() {
        String latex = slide.latex(slide.step(2, 1));
        assertTrue(latex.contains("\\sum_{j} a_{j}^{(1)} W_{j1}^{(2)} &= (0.012 \\times (-3.3)) + (0.5 \\times (-3.6)) = -1.8"), latex);
        assertTrue(latex.contains("&= -1.8 + 3.9 = 2.1"), latex);
        assertTrue(latex.endsWith("= g(2.1) = \\frac{1}{1 + e^{-2.1}} = 0.89"), latex);
    }

    @Test
    @DisplayName("the notebook gets text/latex (display math for MathJax) and text/plain")
    void mimeBundle() {
        var bundle = slide.mimeBundle();
        assertEquals(List.of("text/latex", "text/plain"), List.copyOf(bundle.keySet()));
        String latex = bundle.get("text/latex");
        assertTrue(latex.startsWith("$$\\begin{aligned}\n") && latex.endsWith("\n\\end{aligned}$$"), latex);
        assertTrue(latex.contains(slide.latex(slide.step(1, 2))));
        assertEquals(slide.toString(), bundle.get("text/plain"));
    }

    @Test
    @DisplayName("a neuron that does not exist: a clear error")
    void unknownNeuron() {
        var e = assertThrows(IllegalArgumentException.class, () -> slide.step(3, 1));
        assertTrue(e.getMessage().contains("layer 3, neuron 1") && e.getMessage().contains("Hint"), e.getMessage());
    }
}
