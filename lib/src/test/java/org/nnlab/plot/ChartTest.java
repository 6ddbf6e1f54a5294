package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.functions.Functions;
import org.nnlab.functions.Minimizer;

class ChartTest {

    static Chart twoLines() {
        return Chart.of("t", "x", "y", List.of(
                new Series.Line("a", new double[] {1, 2, 3}, new double[] {4, 5, 6}, Series.Mode.LINES, "#1f77b4", false),
                new Series.Line("b", new double[] {1, 2, 3}, new double[] {6, Double.NaN, 4}, Series.Mode.MARKERS,
                        "#ff7f0e", true)));
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty("nnlab.plotly.js");
        PlotlyJs.resend();
    }

    @Test
    @DisplayName("the Plotly figure has one trace per series, with the series' values")
    void plotlyHasTheTraces() {
        String js = twoLines().plotlyJavascript("d");
        assertTrue(js.contains("var trace0 ="), js);
        assertTrue(js.contains("var trace1 ="), js);
        assertTrue(js.contains("[trace0,trace1]"), js);
        assertTrue(js.contains("\"4.0\",\"5.0\",\"6.0\""), js);
        assertEquals(2, twoLines().figure().getTraces().length);
    }

    @Test
    @DisplayName("tablesaw names contour traces 0 whatever their index; the chart renames them")
    void contourTracesAreNumberedInOrder() {
        Chart chart = Plots.descent(Functions.f1(), new Minimizer(0.05, 50).minimize(Functions.f1(), 1, 1));
        String js = chart.plotlyJavascript("d");
        assertTrue(js.contains("var trace0 =") && js.contains("var trace1 ="), js);
        assertTrue(js.contains("type: 'contour'") && js.contains("colorscale:'Viridis'"), js);
    }

    @Test
    @DisplayName("the static SVG draws every series: a path per line, circles per marker, a raster per grid")
    void svgIsNotBlank() {
        String svg = twoLines().svg();
        assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
        assertEquals(1, count(svg, "<path d=\"M"));
        assertEquals(2, count(svg, "<circle"), "the NaN point has no marker");
        String contour = Plots.contours(Functions.f1(), -1, 1, -1, 1).svg();
        assertEquals(1, count(contour, "<image "));
        String bars = Plots.probabilities(new double[] {0.2, 0.8}).svg();
        assertTrue(bars.contains("fill=\"#ff7f0e\""), "the most probable bar is highlighted");
    }

    @Test
    @DisplayName("the bundle has HTML, SVG and text; the HTML shows the SVG until Plotly draws")
    void bundle() {
        Map<String, String> bundle = twoLines().mimeBundle();
        assertEquals(List.of("text/html", "image/svg+xml", "text/plain"), List.copyOf(bundle.keySet()));
        String html = bundle.get("text/html");
        assertTrue(html.contains("data-nnlab-traces=\"2\""), html);
        assertTrue(html.contains("<div class=\"nnlab-static\"><svg"), html);
        assertFalse(html.contains("require("), "JupyterLab has no require");
        assertFalse(html.contains("cdn"), "nothing from a CDN");
        assertTrue(bundle.get("text/plain").contains("line \"a\" (3 points)"));
    }

    @Test
    @DisplayName("plotly.js goes into the first figure of a session only, guarded and with define hidden")
    void plotlyOnce(@TempDir Path dir) throws Exception {
        Path js = dir.resolve("plotly.min.js");
        Files.writeString(js, "window.Plotly={newPlot:function(){}};");
        System.setProperty("nnlab.plotly.js", js.toString());
        PlotlyJs.resend();
        String first = twoLines().html();
        String second = twoLines().html();
        assertTrue(first.contains("if(!window.Plotly){\nwindow.Plotly={newPlot"), first);
        assertTrue(first.contains("window.define=undefined"), first);
        assertFalse(second.contains("window.Plotly={newPlot"), second);
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
