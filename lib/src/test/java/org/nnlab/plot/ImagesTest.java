package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.train.Snapshots;

class ImagesTest {

    /** Four 2x2 "digits" of classes 0..3, one-hot labels. */
    static Dataset tiny() {
        return new Dataset(Nd4j.create(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, new long[] {4, 4},
                DataType.DOUBLE), Nd4j.eye(4).castTo(DataType.DOUBLE));
    }

    @Test
    @DisplayName("predictions: wrong ones are captioned true -> predicted and drawn in red")
    void predictionsMarkWrongOnes() {
        // the identity network predicts pixel k for image k; swap two columns to get two wrong
        double[][] w = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}};
        Picture p = Images.predictions(Linear.withWeights(w), tiny(), 4);
        assertEquals(List.of("0", "1", "2 -> 3", "3 -> 2"), p.captions());
        assertEquals(4, count(p.svg(), "<image "));
        assertEquals(2, count(p.svg(), "stroke=\"#d62728\""));
        assertTrue(p.toString().contains("2 wrong"), p.toString());
    }

    @Test
    void templatesOnePerUnitWithAColourBar() {
        Linear layer = new Linear(4, 3);
        Picture p = Images.templates(layer, "class");
        assertEquals(List.of("class 0", "class 1", "class 2"), p.captions());
        assertEquals(3 + 1, count(p.svg(), "<image "), "3 templates and the colour bar");
        assertTrue(p.toString().startsWith("Weights as images: class 0 to 2, 3 images of 2x2"), p.toString());
        Picture one = Images.weights(new Linear(4, 1).weight().value(), "hidden unit");
        assertTrue(one.toString().startsWith("Weights as images: hidden unit 0, 1 image of 2x2"), one.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> Images.templates(new Linear(3, 2), "unit"));
        assertTrue(e.getMessage().contains("square images"), e.getMessage());
    }

    @Test
    void topActivationsAreSortedByActivation() {
        Sequential hidden = Sequential.of(Linear.withWeights(new double[][] {{0}, {1}, {3}, {2}}), new Relu());
        Picture p = Images.topActivations(hidden, tiny(), 0, 3);
        assertEquals(List.of("2 (3.00)", "3 (2.00)", "1 (1.00)"), p.captions());
    }

    @Test
    void rectanglesAsTextAndPictures() {
        Dataset rects = Datasets.rectangles();
        assertEquals("###\n___\n___\n", Images.asText(rects.features().getRow(7)));
        Picture p = Images.rectangles(rects, 0, 7);
        assertEquals(List.of("#0: no", "#7: yes"), p.captions());
        assertTrue(p.toString().contains("#7: yes\n###\n___\n___\n"), p.toString());
        assertEquals(3, count(p.svg(), "fill=\"#222\" stroke"), "image 7 has three filled pixels");
    }

    @Test
    @DisplayName("the network drawing has one edge per weight, coloured by sign, and the snapshot's box")
    void networkDrawing() {
        var model = Sequential.of(Linear.withWeights(new double[][] {{1, -2}, {0.5, 3}}), new Relu(),
                Linear.withWeights(new double[][] {{-1}, {1}}));
        Picture p = NetworkDrawing.draw(model);
        assertEquals(4 + 2, count(p.svg(), "<line x1"));
        assertEquals(2 + 2 + 1, count(p.svg(), "<circle"));
        assertEquals(4, count(p.svg(), "stroke=\"#d62728\" stroke-width"), "four positive weights (1, 0.5, 3, 1) in red");
        var snapshots = new Snapshots(1);
        snapshots.onTrainBegin(new org.nnlab.train.Trainer(model, new org.nnlab.loss.MeanSquaredError(),
                new org.nnlab.optim.Sgd(model.parameters(), 0.1)));
        Picture s = NetworkDrawing.series(List.of(snapshots.list().get(0), snapshots.list().get(0)));
        assertEquals(2, s.panels());
        assertTrue(s.captions().get(0).startsWith("initial network, loss not measured yet, learning rate 0.1"),
                s.captions().get(0));
        for (String label : List.of(">input</text>", ">hidden</text>", ">output</text>")) {
            assertEquals(2, count(s.svg(), label), label + " under its layer, in each panel");
        }
    }

    @Test
    @DisplayName("five snapshots stand in one row (no second row), at most a notebook's width")
    void networkSeriesInOneRow() {
        var model = Sequential.of(Linear.withWeights(new double[][] {{1, -2}, {0.5, 3}}));
        var snapshots = new Snapshots(1);
        snapshots.onTrainBegin(new org.nnlab.train.Trainer(model, new org.nnlab.loss.MeanSquaredError(),
                new org.nnlab.optim.Sgd(model.parameters(), 0.1)));
        var five = java.util.Collections.nCopies(5, snapshots.list().get(0));
        String svg = NetworkDrawing.series(five).svg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "width=\"1000\" height=\"320\""), svg.substring(0, 160));
    }

    @Test
    @DisplayName("weight templates too narrow for \"hidden unit 10\" are numbered, the title says what the numbers are")
    void templateLabelsDoNotRunTogether() {
        Picture p = Images.weights(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 16, 12),
                "hidden unit");
        assertTrue(p.svg().contains("Weights as images: 12 x hidden unit (numbered 0 to 11)"), p.svg().substring(0, 400));
        assertEquals(0, count(p.svg(), ">hidden unit 10</text>"));
        assertEquals(1, count(p.svg(), ">10</text>"));
        assertEquals("hidden unit 10", p.captions().get(10), "the captions keep the full name");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
