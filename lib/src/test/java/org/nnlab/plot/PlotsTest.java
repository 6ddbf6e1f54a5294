package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.functions.Functions;
import org.nnlab.functions.Minimizer;
import org.nnlab.functions.MinimizerResult;
import org.nnlab.loss.MeanSquaredError;
import org.nnlab.metrics.ConfusionMatrix;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;
import org.nnlab.optim.Sgd;
import org.nnlab.train.History;
import org.nnlab.train.Trainer;

class PlotsTest {

    static Dataset corners() {
        double[] x = {0, 0, 0, 1, 1, 0, 1, 1};
        double[] y = {0, 1, 1, 1};
        return new Dataset(Nd4j.create(x, new long[] {4, 2}, DataType.DOUBLE),
                Nd4j.create(y, new long[] {4, 1}, DataType.DOUBLE));
    }

    static History history(int epochs) {
        Dataset data = corners();
        var model = Sequential.of(new Linear(2, 1), new Sigmoid());
        return new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.5)).quiet()
                .fit(data, data, epochs, 2);
    }

    @Test
    @DisplayName("the loss chart holds the history's train and validation losses per epoch")
    void lossHoldsTheHistory() {
        History h = history(5);
        Chart chart = Plots.loss(h);
        assertEquals(2, chart.series().size());
        var train = (Series.Line) chart.series().get(0);
        var validation = (Series.Line) chart.series().get(1);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, train.x());
        assertArrayEquals(h.trainLoss().stream().mapToDouble(Double::doubleValue).toArray(), train.y());
        assertArrayEquals(h.validationLoss().stream().mapToDouble(Double::doubleValue).toArray(), validation.y());
        assertTrue(validation.dashed());
    }

    @Test
    void accuracyHoldsTheAccuraciesAndRefusesRegression() {
        History h = history(3);
        var train = (Series.Line) Plots.accuracy(h).series().get(0);
        assertArrayEquals(h.trainAccuracy().stream().mapToDouble(Double::doubleValue).toArray(), train.y());
        Dataset regression = new Dataset(Nd4j.rand(DataType.DOUBLE, 4, 2), Nd4j.rand(DataType.DOUBLE, 4, 1).mul(3));
        var model = new Linear(2, 1);
        History r = new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.01)).quiet()
                .fit(regression, 1, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.accuracy(r));
        assertTrue(e.getMessage().contains("Plots.loss(history)"), e.getMessage());
    }

    @Test
    @DisplayName("the 1-D descent chart holds the curve of f and the path with its values")
    void descent1d() {
        var f = Functions.parabola();
        MinimizerResult r = new Minimizer(0.1, 30).minimize(f, 4.0);
        Chart chart = Plots.descent(f, r);
        var curve = (Series.Line) chart.series().get(0);
        var path = (Series.Line) chart.series().get(1);
        for (int i = 0; i < curve.x().length; i++) {
            assertEquals(f.value(curve.x()[i]), curve.y()[i], 1e-12);
        }
        assertEquals(r.path().size(), path.x().length);
        assertEquals(4.0, path.x()[0]);
        assertEquals(r.value(), path.y()[path.y().length - 1], 1e-12);
    }

    @Test
    @DisplayName("the 2-D descent chart holds the contours of f and one path per start")
    void descent2dSeveralStarts() {
        var f = Functions.f2();
        var gd = new Minimizer(0.1, 300);
        MinimizerResult a = gd.minimize(f, 5, 5);
        MinimizerResult b = gd.minimize(f, -5, -5);
        Chart chart = Plots.descent(f, a, b);
        assertEquals(3, chart.series().size());
        var contour = assertInstanceOf(Series.Contour.class, chart.series().get(0));
        assertEquals(f.value(contour.x()[3], contour.y()[7]), contour.z()[7][3], 1e-12);
        var second = (Series.Line) chart.series().get(2);
        assertEquals("from (-5, -5)", second.name());
        assertEquals(b.path().get(b.path().size() - 1)[1], second.y()[second.y().length - 1], 1e-12);
        // the box holds every path
        assertTrue(contour.x()[0] < -5 && contour.x()[contour.x().length - 1] > 5);
    }

    @Test
    @DisplayName("a path of tens of thousands of steps is drawn with at most 400 points, from its start to its end")
    void longPathsAreThinned() {
        var f = Functions.f2();
        MinimizerResult r = new Minimizer(1e-3, 200_000).minimize(f, -20, 20);
        assertTrue(r.path().size() > 50_000, "steps: " + r.path().size());
        var path = (Series.Line) Plots.descent(f, r).series().get(1);
        assertTrue(path.x().length <= Plots.MAX_PATH_POINTS, "drawn: " + path.x().length);
        assertTrue(path.x().length > 50, "drawn: " + path.x().length);
        assertEquals(-20, path.x()[0]);
        assertEquals(20, path.y()[0]);
        assertEquals(r.x(), path.x()[path.x().length - 1]);
        assertEquals(r.y(), path.y()[path.y().length - 1]);
        var line = (Series.Line) Plots.descent(Functions.parabola(),
                new Minimizer(1e-4, 100_000).tolerance(1e-12).minimize(Functions.parabola(), 5.0)).series().get(1);
        assertTrue(line.x().length <= Plots.MAX_PATH_POINTS, "drawn: " + line.x().length);
        assertEquals(5.0, line.x()[0]);
    }

    @Test
    void contoursCoverTheBox() {
        Chart chart = Plots.contours(Functions.f1(), -1, 1, -2, 2);
        var contour = (Series.Contour) chart.series().get(0);
        assertEquals(-1, contour.x()[0]);
        assertEquals(2, contour.y()[contour.y().length - 1]);
        assertThrows(IllegalArgumentException.class, () -> Plots.contours(Functions.f1(), 1, -1, 0, 1));
    }

    @Test
    @DisplayName("the decision boundary holds the model's output on a grid and the points by class")
    void decisionBoundary() {
        Dataset data = corners();
        var model = Sequential.of(Linear.withWeights(new double[][] {{1}, {1}}, new double[] {-0.5}), new Sigmoid());
        Chart chart = Plots.decisionBoundary(model, data);
        var map = (Series.Heatmap) chart.series().get(0);
        double x = map.x()[10];
        double y = map.y()[20];
        assertEquals(1 / (1 + Math.exp(-(x + y - 0.5))), map.z()[20][10], 1e-6);
        var class0 = (Series.Line) chart.series().get(1);
        var class1 = (Series.Line) chart.series().get(2);
        assertArrayEquals(new double[] {0}, class0.x());
        assertEquals(3, class1.x().length);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.decisionBoundary(model, new Dataset(Nd4j.zeros(2, 3), Nd4j.zeros(2, 1))));
        assertTrue(e.getMessage().contains("[n, 2]"), e.getMessage());
    }

    @Test
    void probabilitiesHighlightPredictedAndTrueClass() {
        Chart chart = Plots.probabilities(new double[] {0.1, 0.7, 0.2}, new String[] {"a", "b", "c"}, 2);
        var bars = (Series.Bars) chart.series().get(0);
        assertArrayEquals(new double[] {0.1, 0.7, 0.2}, bars.values());
        assertArrayEquals(new String[] {Colors.series(0), Colors.series(1), Colors.series(2)}, bars.colors());
        assertTrue(chart.title().contains("predicted b, true c"), chart.title());
    }

    @Test
    @DisplayName("the confusion matrix: correct counts on the diagonal, errors in their own series, zero errors empty")
    void confusionHoldsTheCounts() {
        ConfusionMatrix cm = ConfusionMatrix.of(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}, 3);
        var correct = (Series.Heatmap) Plots.confusion(cm).series().get(0);
        var errors = (Series.Heatmap) Plots.confusion(cm).series().get(1);
        assertEquals(1, errors.z()[2][1]);
        assertTrue(Double.isNaN(errors.z()[1][2]), "no error: an empty cell");
        assertTrue(Double.isNaN(errors.z()[0][0]), "the diagonal is not an error");
        assertEquals(1, correct.z()[0][0]);
        assertTrue(Double.isNaN(correct.z()[2][1]));
        assertEquals("Greens", correct.colors());
        assertEquals("Reds", errors.colors());
        assertTrue(correct.showValues() && errors.showValues(), "the counts are written in the cells");
    }

    @Test
    @DisplayName("every class of a 10-class confusion matrix is labelled on both axes, with its counts in the SVG")
    void confusionLabelsEveryClass() {
        int[] truth = new int[100];
        int[] predicted = new int[100];
        for (int i = 0; i < 100; i++) {
            truth[i] = i % 10;
            predicted[i] = i % 17 == 0 ? (i + 3) % 10 : i % 10;
        }
        Chart chart = Plots.confusion(ConfusionMatrix.of(predicted, truth, 10));
        String json = chart.plotlyJson();
        assertTrue(json.contains("\"xaxis\":{\"title\":{\"text\":\"predicted\"},\"tickmode\":\"linear\",\"tick0\":0,\"dtick\":1"), json);
        assertTrue(json.contains("\"texttemplate\":\"%{z}\""), json);
        String svg = chart.svg();
        for (int c = 0; c < 10; c++) {
            assertEquals(1, count(svg, "text-anchor=\"middle\" font-size=\"11\" fill=\"#444\">" + c + "</text>"),
                    "class " + c + " under the x axis");
            assertEquals(1, count(svg, "text-anchor=\"end\" font-size=\"11\" fill=\"#444\">" + c + "</text>"),
                    "class " + c + " left of the y axis");
        }
        assertTrue(svg.contains(">correct</text>") && svg.contains(">errors</text>"), "both colour bars are titled");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    @DisplayName("descent paths and decision-boundary classes use the palette: no white series")
    void noWhiteSeries() {
        Chart paths = Plots.descent(Functions.f1(), new Minimizer(0.05, 20).minimize(Functions.f1(), 1, 1),
                new Minimizer(0.05, 20).minimize(Functions.f1(), -1, 1));
        for (Series s : paths.series()) {
            if (s instanceof Series.Line l) {
                assertTrue(Colors.contrast(l.color(), "#ffffff") >= 3, l.name() + " in " + l.color());
            }
        }
        assertFalse(paths.svg().contains("stroke=\"#ffffff\" stroke-width=\"3\""), "a white legend swatch");
    }

    @Test
    void seriesCheckTheirShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Series.Line("l", new double[2], new double[3], Series.Mode.LINES, "#000", false));
        assertTrue(e.getMessage().contains("2 x and 3 y"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Series.Contour("c", new double[2], new double[3], new double[2][2]));
        assertEquals(List.of(), Chart.of("t", "x", "y", List.of()).series());
    }
}
