package org.nnlab.plot;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.data.Dataset;
import org.nnlab.metrics.Metrics;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;

/**
 * Pictures of images and weights, as in "How neural networks see": MNIST digits with their labels,
 * weights as templates, the inputs a hidden unit likes most, the 3x3 rectangles.
 */
public final class Images {

    private static final int CELL = 56;

    private Images() {
    }

    /** The first {@code count} images of a dataset (square images, e.g. MNIST) with their labels. */
    public static Picture digits(Dataset data, int count) {
        requireData(data, "Images.digits");
        int n = Math.min(count, data.size());
        return grid("Digits", data.features(), classes(data.labels()), null, n, 10);
    }

    /**
     * The first {@code count} test images with true and predicted labels; wrong predictions in red,
     * captioned "true -> predicted".
     */
    public static Picture predictions(Layer model, Dataset data, int count) {
        requireData(data, "Images.predictions");
        Args.require(model != null, "Images.predictions", "a model", null, "the trained network.");
        int n = Math.min(count, data.size());
        Dataset head = data.slice(0, n);
        model.setTraining(false);
        int[] predicted = Metrics.predictedClasses(model.forward(head.features()));
        return grid("Predictions", head.features(), classes(head.labels()), predicted, n, 10);
    }

    /**
     * Images with their true and (optionally, may be null) predicted classes.
     *
     * @param images [n, side*side] or [n, 1, side, side]
     */
    public static Picture grid(String title, INDArray images, int[] labels, int[] predicted, int count,
            int columns) {
        Args.requireArray(images, "Images.grid", "images [n, pixels]");
        int n = (int) Math.min(count, images.size(0));
        double[][] pixels = rows(images, n);
        int side = side(pixels[0].length, "Images.grid");
        int cols = Math.min(columns, n);
        int rowsN = (n + cols - 1) / cols;
        Svg svg = new Svg(cols * (CELL + 8) + 8, rowsN * (CELL + 24) + 36);
        svg.text(svg.width() / 2.0, 20, title, "middle", 14, "#222");
        List<String> captions = new ArrayList<>();
        int wrong = 0;
        for (int i = 0; i < n; i++) {
            double x = 8 + (i % cols) * (CELL + 8);
            double y = 30 + (i / cols) * (CELL + 24);
            svg.image(raster(pixels[i], side, side, Colors::grey), x, y, CELL, CELL);
            String caption = labels == null ? "" : String.valueOf(labels[i]);
            boolean bad = predicted != null && labels != null && predicted[i] != labels[i];
            if (predicted != null) {
                caption = labels == null ? String.valueOf(predicted[i])
                        : bad ? labels[i] + " -> " + predicted[i] : String.valueOf(labels[i]);
            }
            wrong += bad ? 1 : 0;
            if (bad) {
                svg.rect(x - 2, y - 2, CELL + 4, CELL + 4, "none", "#d62728");
            }
            svg.text(x + CELL / 2.0, y + CELL + 15, caption, "middle", 12, bad ? "#d62728" : "#222");
            captions.add(caption);
        }
        String text = String.format(Locale.ROOT, "%s: %d images%s", title, n,
                predicted == null ? "" : ", " + wrong + " wrong (red: true -> predicted)");
        return new Picture(title, svg.toString(), captions, text);
    }

    /**
     * The weights of a Linear layer as images, one per output unit: column k of W [in, out] reshaped to
     * a square; blue negative, red positive, white 0, with a colour bar. For the 0-hidden-layer model
     * these are the class templates; for the first layer of a 1-hidden-layer model the K hidden units.
     */
    public static Picture templates(Linear layer, String unitName) {
        Args.require(layer != null, "Images.templates", "a Linear layer", null, "e.g. (Linear) model.layer(0).");
        return weights(layer.weight().value(), unitName == null ? "unit" : unitName);
    }

    /** Columns of a weight matrix [pixels, units] as square images with a diverging colour map. */
    public static Picture weights(INDArray w, String unitName) {
        Args.requireArray(w, "Images.weights", "weights [pixels, units]");
        Args.require(w.rank() == 2, "Images.weights", "a matrix [pixels, units]", Args.shape(w),
                "pass layer.weight().value() of a Linear layer.");
        double[][] columns = rows(w.transpose(), (int) w.size(1));
        int side = side(columns[0].length, "Images.weights");
        double max = Arrays.stream(columns).flatMapToDouble(Arrays::stream).map(Math::abs).max().orElse(1);
        double scale = max > 0 ? max : 1;
        int n = columns.length;
        int cols = Math.min(n, 10);
        int rowsN = (n + cols - 1) / cols;
        int cell = 64;
        int barWidth = 70;
        Svg svg = new Svg(cols * (cell + 8) + 8 + barWidth, Math.max(rowsN * (cell + 24) + 36, 200));
        // "hidden unit 10" is wider than a tile: then each tile shows its number and the title the name
        boolean fits = (unitName + " " + (n - 1)).length() * 6.2 <= cell + 4;
        svg.text((svg.width() - barWidth) / 2.0, 20, "Weights as images: " + n + " x " + unitName
                + (fits ? "" : " (numbered 0 to " + (n - 1) + ")"), "middle", 14, "#222");
        List<String> captions = new ArrayList<>();
        DoubleToIntFunction color = v -> Colors.diverging(0.5 + v / (2 * scale));
        for (int k = 0; k < n; k++) {
            double x = 8 + (k % cols) * (cell + 8);
            double y = 30 + (k / cols) * (cell + 24);
            svg.image(raster(columns[k], side, side, color), x, y, cell, cell);
            svg.rect(x, y, cell, cell, "none", "#ccc");
            String caption = unitName + " " + k;
            svg.text(x + cell / 2.0, y + cell + 15, fits ? caption : String.valueOf(k), "middle", 11, "#222");
            captions.add(caption);
        }
        colorBar(svg, svg.width() - barWidth + 14, 34, 16, svg.height() - 60, -scale, scale);
        return new Picture("weights", svg.toString(), captions,
                String.format(Locale.ROOT, "Weights as images: %s, %d image%s of %dx%d, |w| <= %.4g",
                        n == 1 ? unitName + " 0" : unitName + " 0 to " + (n - 1), n, n == 1 ? "" : "s", side, side, max));
    }

    /**
     * The {@code count} inputs that make hidden unit {@code unit} most active: {@code hidden} maps the
     * inputs to the hidden layer (e.g. {@code Sequential.of(model.layer(0), model.layer(1))}).
     */
    public static Picture topActivations(Layer hidden, Dataset data, int unit, int count) {
        requireData(data, "Images.topActivations");
        Args.require(hidden != null, "Images.topActivations", "the layers up to the hidden layer", null,
                "e.g. Sequential.of(model.layer(0), model.layer(1)).");
        hidden.setTraining(false);
        INDArray a = hidden.forward(data.features());
        Args.require(unit >= 0 && unit < a.size(1), "Images.topActivations", "a unit in [0, " + a.size(1) + ")", unit,
                "the hidden layer has " + a.size(1) + " units.");
        double[] act = a.getColumn(unit).dup().castTo(DataType.DOUBLE).toDoubleVector();
        int[] order = IntStream.range(0, act.length).boxed().sorted((i, j) -> Double.compare(act[j], act[i]))
                .mapToInt(Integer::intValue).limit(Math.min(count, act.length)).toArray();
        Dataset top = data.select(order);
        Picture p = grid("Inputs that activate hidden unit " + unit + " most", top.features(), classes(top.labels()),
                null, order.length, 10);
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            captions.add(String.format(Locale.ROOT, "%s (%.2f)", p.captions().get(i), act[order[i]]));
        }
        return new Picture(p.title(), p.svg(), captions, p + String.format(Locale.ROOT,
                ", activations %.3g .. %.3g", act[order[0]], act[order[order.length - 1]]));
    }

    /** A 3x3 (or any square) binary image as text: {@code #} for 1, {@code _} for 0, one line per row. */
    public static String asText(INDArray image) {
        Args.requireArray(image, "Images.asText", "one image");
        double[] v = image.dup().castTo(DataType.DOUBLE).data().asDouble();
        int side = side(v.length, "Images.asText");
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                s.append(v[r * side + c] >= 0.5 ? '#' : '_');
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * The rectangle images at the given rows of the dataset (e.g. {@code Datasets.rectangles()}), as
     * pictures captioned with the label, and as {@code #}/{@code _} text in {@code toString()}.
     */
    public static Picture rectangles(Dataset data, int... rows) {
        requireData(data, "Images.rectangles");
        Args.require(rows != null && rows.length > 0, "Images.rectangles", "some row indices", null,
                "e.g. Images.rectangles(Datasets.rectangles(), 0, 7, 56, 511).");
        Dataset chosen = data.select(rows);
        double[][] pixels = rows(chosen.features(), rows.length);
        int side = side(pixels[0].length, "Images.rectangles");
        double[] labels = chosen.labels().dup().castTo(DataType.DOUBLE).data().asDouble();
        int cell = 48;
        int gap = 40;
        int cols = Math.min(rows.length, 8);
        Svg svg = new Svg(cols * (cell + gap) + gap, ((rows.length + cols - 1) / cols) * (cell + 40) + 30);
        svg.text(svg.width() / 2.0, 18, "3x3 images", "middle", 13, "#222");
        List<String> captions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.length; i++) {
            double x = gap + (i % cols) * (cell + gap);
            double y = 28 + (i / cols) * (cell + 40);
            double c = (double) cell / side;
            for (int r = 0; r < side; r++) {
                for (int k = 0; k < side; k++) {
                    svg.rect(x + k * c, y + r * c, c, c, pixels[i][r * side + k] >= 0.5 ? "#222" : "#fff", "#999");
                }
            }
            String caption = "#" + rows[i] + (labels[i] >= 0.5 ? ": yes" : ": no");
            svg.text(x + cell / 2.0, y + cell + 15, caption, "middle", 11, "#222");
            captions.add(caption);
            text.append(caption).append('\n').append(asText(chosen.features().getRow(i)));
        }
        return new Picture("3x3 images", svg.toString(), captions, text.toString());
    }

    static void colorBar(Svg svg, double x, double y, double w, double h, double lo, double hi) {
        colorBar(svg, x, y, w, h, lo, hi, Colors::diverging);
    }

    /** A vertical colour bar for values lo (bottom) to hi (top), coloured by {@code color} of t in [0, 1]. */
    static void colorBar(Svg svg, double x, double y, double w, double h, double lo, double hi,
            java.util.function.DoubleToIntFunction color) {
        BufferedImage bar = new BufferedImage(1, 100, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 100; i++) {
            bar.setRGB(0, i, color.applyAsInt(1 - i / 99.0));
        }
        svg.image(bar, x, y, w, h);
        svg.rect(x, y, w, h, "none", "#888");
        for (double t : new double[] {0, 0.5, 1}) {
            double v = hi - t * (hi - lo);
            svg.text(x + w + 4, y + t * h + 4, StaticChart.label(v), "start", 10, "#333");
        }
    }

    static BufferedImage raster(double[] pixels, int width, int height, DoubleToIntFunction color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                image.setRGB(c, r, color.applyAsInt(pixels[r * width + c]));
            }
        }
        return image;
    }

    private static double[][] rows(INDArray images, int n) {
        INDArray flat = images.reshape('c', images.size(0), images.length() / images.size(0))
                .castTo(DataType.DOUBLE);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = flat.getRow(i).dup().data().asDouble();
        }
        return rows;
    }

    private static int side(int pixels, String where) {
        int side = (int) Math.round(Math.sqrt(pixels));
        Args.require(side * side == pixels, where, "square images (pixels = side * side)", pixels + " pixels",
                "MNIST has 784 = 28 * 28 pixels, the rectangles 9 = 3 * 3.");
        return side;
    }

    private static int[] classes(INDArray labels) {
        return labels.size(1) == 1
                ? Arrays.stream(labels.dup().castTo(DataType.DOUBLE).data().asDouble()).mapToInt(v -> (int) Math.round(v))
                        .toArray()
                : Metrics.argmax(labels);
    }

    private static void requireData(Dataset data, String where) {
        Args.require(data != null && data.size() > 0, where, "a non-empty Dataset", data,
                "e.g. Datasets.mnist(1000, 100).test().");
    }
}
