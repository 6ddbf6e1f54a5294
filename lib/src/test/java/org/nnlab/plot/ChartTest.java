package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.functions.Functions;
import org.nnlab.functions.Minimizer;

class ChartTest {

    static Chart twoLines() {
        return Chart.of("t", "x", "y", List.of(
                new Series.Line("a", new double[] {1, 2, 3}, new double[] {4, 5, 6}, Series.Mode.LINES, "#1f77b4", false),
                new Series.Line("b", new double[] {1, 2, 3}, new double[] {6, Double.NaN, 4}, Series.Mode.MARKERS,
                        "#ff7f0e", true)));
    }

    @Test
    @DisplayName("Plotly's figure JSON has one trace per series, with the series' values; NaN becomes null")
    void plotlyHasTheTraces() {
        String json = twoLines().plotlyJson();
        assertTrue(json.startsWith("{\"data\":[{\"name\":\"a\",\"type\":\"scatter\",\"mode\":\"lines\""), json);
        assertTrue(json.contains("\"y\":[6,null,4]"), json);
        assertTrue(json.contains("\"dash\":\"dash\""), json);
        assertTrue(json.contains("\"config\":{"), json);
        assertEquals(2, count(json, "\"type\":\"scatter\""));
    }

    @Test
    @DisplayName("contours carry their name, colour scale and a titled colour bar")
    void contourTraces() {
        Chart chart = Plots.descent(Functions.f1(), new Minimizer(0.05, 50).minimize(Functions.f1(), 1, 1));
        String json = chart.plotlyJson();
        assertTrue(json.contains("\"type\":\"contour\""), json);
        assertTrue(json.contains("\"colorscale\":\"Viridis\""), json);
        assertTrue(json.contains("\"colorbar\":{\"title\":{\"text\":\"f(x, y)\"}"), "the colour bar is titled");
        assertTrue(json.contains("\"scaleanchor\":\"x\""), "equal axes");
        assertTrue(json.contains("\"zeroline\":false"), "no zero line across the grid");
    }

    @Test
    @DisplayName("an axis of whole numbers (epochs) ticks at whole numbers: dtick >= 1, tickformat d; others are left to Plotly")
    void integerAxes() {
        Chart epochs = Chart.of("t", "epoch", "loss", List.of(new Series.Line("l", new double[] {1, 2, 3},
                new double[] {0.5, 0.25, 0.125}, Series.Mode.LINES, null, false)));
        String json = epochs.plotlyJson();
        assertTrue(json.contains("\"xaxis\":{\"title\":{\"text\":\"epoch\"},\"tickmode\":\"linear\",\"tick0\":0,"
                + "\"dtick\":1.0,\"tickformat\":\"d\"}"), json);
        assertTrue(json.contains("\"y\":[0.5,0.25,0.125]"), json);
        assertTrue(json.contains("\"yaxis\":{\"title\":{\"text\":\"loss\"}}"), json);
        String svg = epochs.svg();
        assertFalse(svg.contains(">1.5</text>") || svg.contains(">1.2</text>"), "no fractional epoch ticks");
        assertTrue(svg.contains(">2</text>"), svg);
    }

    @Test
    @DisplayName("a long title is wrapped at spaces (left-aligned, clear of Plotly's mode bar) in both the SVG and Plotly")
    void longTitlesWrap() {
        String title = "Gradient descent on f(x) = (x-1)^2 + 3.5 (alpha = 0.1, 83 steps) and a little more";
        Chart chart = Chart.of(title, "x", "y", twoLines().series());
        List<String> lines = chart.titleLines();
        assertTrue(lines.size() == 2 && lines.stream().allMatch(l -> l.length() <= Chart.TITLE_LINE), lines.toString());
        assertEquals(title, String.join(" ", lines));
        assertTrue(chart.plotlyJson().contains(String.join("<br>", lines)), chart.plotlyJson());
        assertTrue(chart.plotlyJson().contains("\"xanchor\":\"left\""));
        assertTrue(chart.svg().contains(">" + lines.get(0) + "</text>"));
    }

    @Test
    @DisplayName("the static SVG draws every series: a path per line, circles per marker, a raster per grid")
    void svgIsNotBlank() {
        String svg = twoLines().svg();
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertEquals(1, count(svg, "<path d=\"M"));
        assertEquals(2, count(svg, "<circle"), "the NaN point has no marker");
        String contour = Plots.contours(Functions.f1(), -1, 1, -1, 1).svg();
        assertEquals(2, count(contour, "<image "), "the contours and their colour bar");
        assertTrue(contour.contains(">f(x, y)</text>"), "the colour bar is titled");
        String bars = Plots.probabilities(new double[] {0.2, 0.8}).svg();
        assertTrue(bars.contains("fill=\"" + Colors.series(1) + "\""), "the most probable bar is highlighted");
    }

    @Test
    @DisplayName("the bundle: Plotly's JSON, the SVG as an HTML image, the SVG, text; no script anywhere")
    void bundle() {
        Map<String, String> bundle = twoLines().mimeBundle();
        assertEquals(List.of("application/vnd.plotly.v1+json", "text/html", "image/svg+xml", "text/plain"),
                List.copyOf(bundle.keySet()));
        String html = bundle.get("text/html");
        assertTrue(html.startsWith("<div class=\"nnlab-figure\"><img class=\"nnlab-static\" width=\"640\" alt=\"t\" "
                + "src=\"data:image/svg+xml;base64,"), html);
        String src = html.substring(html.indexOf("base64,") + 7, html.indexOf("\"/>"));
        assertEquals(bundle.get("image/svg+xml"), new String(java.util.Base64.getDecoder().decode(src),
                java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(String.join("", bundle.values()).contains("<script"), "nothing needs trust");
        assertTrue(bundle.get("text/plain").contains("line \"a\" (3 points)"));
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
