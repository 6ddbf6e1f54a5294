package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;

class NetworkDrawingTest {

    private static final Sequential MODEL = Sequential.of(Linear.withWeights(new double[][] {{1, -2}, {0.5, 4}}), new Relu(),
            Linear.withWeights(new double[][] {{-1}, {0}}));

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @DisplayName("the slides' rule: red for w >= 0, blue for w < 0, widths from MIN_WIDTH to MAX_WIDTH by |w| / max |w|")
    void slidesRule() {
        assertEquals(new EdgeStyle(EdgeStyle.RED, EdgeStyle.MAX_WIDTH), NetworkDrawing.SLIDES.edge(4, 4));
        assertEquals(new EdgeStyle(EdgeStyle.BLUE, 0.3 + 3.7 / 2), NetworkDrawing.SLIDES.edge(-2, 4));
        assertEquals(new EdgeStyle(EdgeStyle.RED, EdgeStyle.MIN_WIDTH), NetworkDrawing.SLIDES.edge(0, 4));
        assertEquals(new EdgeStyle(EdgeStyle.RED, EdgeStyle.MIN_WIDTH), NetworkDrawing.SLIDES.edge(0, 0), "all weights 0: no NaN");
    }

    @Test
    @DisplayName("the default drawing asks the slides' rule with the largest |w| of the whole network (here 4)")
    void defaultRuleWithTheNetworksLargestWeight() {
        String svg = NetworkDrawing.draw(MODEL).svg();
        assertEquals(6, count(svg, "<line x1"));
        assertEquals(4, count(svg, "stroke=\"#d62728\""), "1, 0.5, 4 and 0 in red");
        assertEquals(1, count(svg, "stroke=\"#d62728\" stroke-width=\"4\""), "4 is the widest");
        assertEquals(1, count(svg, "stroke=\"#1f77b4\" stroke-width=\"2.15\""), "-2 is half as wide above the minimum");
    }

    @Test
    @DisplayName("a rule of one's own styles every edge, and is given each weight with the largest |w|")
    void ownRule() {
        List<String> asked = new java.util.ArrayList<>();
        String svg = NetworkDrawing.draw(MODEL, (w, maxAbs) -> {
            asked.add(w + "/" + maxAbs);
            return new EdgeStyle("green", 1);
        }).svg();
        assertEquals(6, count(svg, "stroke=\"green\" stroke-width=\"1\""));
        assertEquals(List.of("1.0/4.0", "-2.0/4.0", "0.5/4.0", "4.0/4.0", "-1.0/4.0", "0.0/4.0"), asked);
    }

    @Test
    @DisplayName("a NaN or infinite weight (an exploded network) is grey and widest; the others keep the finite maximum")
    void notFiniteWeights() {
        var exploded = Sequential.of(Linear.withWeights(new double[][] {{Double.NaN, 2}, {Double.POSITIVE_INFINITY, -1}}));
        String svg = NetworkDrawing.draw(exploded).svg();
        assertEquals(2, count(svg, "stroke=\"#999999\" stroke-width=\"4\""));
        assertEquals(1, count(svg, "stroke=\"#d62728\" stroke-width=\"4\""), "2 is the largest finite |w|");
    }

    @Test
    @DisplayName("a rule that returns null and a missing rule each say what was expected")
    void badRules() {
        var nullStyle = assertThrows(IllegalArgumentException.class, () -> NetworkDrawing.draw(MODEL, (w, m) -> null));
        assertTrue(nullStyle.getMessage().contains("expected an EdgeStyle from the edge rule but was null"), nullStyle.getMessage());
        var noRule = assertThrows(IllegalArgumentException.class, () -> NetworkDrawing.draw(MODEL, null));
        assertTrue(noRule.getMessage().contains("Hint: pass NetworkDrawing.SLIDES"), noRule.getMessage());
    }
}
