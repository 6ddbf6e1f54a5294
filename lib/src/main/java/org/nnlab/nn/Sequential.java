package org.nnlab.nn;

import com.google.common.base.Strings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.internal.HostArrays;
import org.nnlab.nn.internal.StepScope;

/**
 * Layers applied one after another: {@code y = f_n(... f_1(x))}; backward runs them in reverse,
 * each turning dL/d(its output) into dL/d(its input) and accumulating its parameter gradients.
 *
 * <p>Checked mode (on by default, {@link #checked(boolean)}): after every layer, forward and backward,
 * the model verifies that no NaN or infinity appeared and otherwise throws a
 * {@link NonFiniteException} naming the layer and the pass. It costs one pass over each layer's
 * output, a maximum of absolute values.
 *
 * <pre>
 * var model = Sequential.of(new Linear(9, 2), new Sigmoid(), new Linear(2, 1), new Sigmoid());
 * model.summary(9)
 * </pre>
 */
public final class Sequential implements Layer {

    private final List<Layer> layers;
    private boolean training = true;
    private boolean checked = true;
    private long forwardPasses;
    private long backwardPasses;
    private long[] outputShape;   // of the last forward, checked by backward

    /** A model of the given layers, in order. */
    public Sequential(List<? extends Layer> layers) {
        Args.require(layers != null && !layers.isEmpty(), "Sequential", "at least one layer", "none",
                "e.g. Sequential.of(new Linear(9, 2), new Sigmoid()).");
        for (int i = 0; i < layers.size(); i++) {
            Args.require(layers.get(i) != null, "Sequential", "layers without null", "null at index " + i,
                    "check that every layer was created before the model.");
        }
        this.layers = List.copyOf(layers);
    }

    /** A model of the given layers, in order. */
    public static Sequential of(Layer... layers) {
        return new Sequential(Arrays.asList(layers));
    }

    /** Runs the layers in order on a batch. */
    @Override
    public INDArray forward(INDArray x) {
        long pass = ++forwardPasses;
        if (checked) {
            requireFinite(x, -1, "forward", pass);
        }
        Finite.enterSequential();   // its layers leave the NaN checks to it
        try {
            for (int i = 0; i < layers.size(); i++) {
                x = layers.get(i).forward(x);
                if (checked) {
                    requireFinite(x, i, "forward", pass);
                }
            }
        } finally {
            Finite.leaveSequential();
        }
        outputShape = x.shape();
        return x;
    }

    /** Runs the layers' backward in reverse order; returns dL/dx for the model's input. */
    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled("Sequential", outputShape);
        Shapes.requireSameShape("Sequential", "gradOutput", outputShape, gradOutput);
        long pass = ++backwardPasses;
        if (checked) {
            requireFinite(gradOutput, layers.size(), "backward", pass);
        }
        Layer first = layers.get(0);
        boolean unread = StepScope.inputGradientUnread(this);   // a training step does not read dL/dx of its data
        StepScope.passInputGradientUnread(this, first, first.parameters().stream().map(Parameter::value).toList());
        INDArray g = gradOutput;
        Finite.enterSequential();
        try {
            for (int i = layers.size() - 1; i >= 0; i--) {
                g = layers.get(i).backward(g);
                if (checked && (i > 0 || !unread)) {
                    requireFinite(g, i, "backward", pass);
                }
            }
        } finally {
            Finite.leaveSequential();
        }
        return g;
    }

    /** All layers' parameters, layer by layer. */
    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        layers.forEach(l -> all.addAll(l.parameters()));
        return all;
    }

    /** Sets every parameter's gradient to zero. */
    public void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    /** The layers, in order (unmodifiable). */
    public List<Layer> layers() {
        return layers;
    }

    /** The layer at {@code index}. */
    public Layer layer(int index) {
        return layers.get(index);
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
        layers.forEach(l -> l.setTraining(training));
    }

    /** Training mode (Dropout drops); returns this. */
    public Sequential train() {
        setTraining(true);
        return this;
    }

    /** Evaluation mode (Dropout passes everything); returns this. */
    public Sequential eval() {
        setTraining(false);
        return this;
    }

    public boolean isTraining() {
        return training;
    }

    /** Turns the NaN/infinity check after every layer on or off (on by default); returns this. */
    public Sequential checked(boolean on) {
        this.checked = on;
        return this;
    }

    public boolean isChecked() {
        return checked;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] shape = inputShape;
        for (Layer layer : layers) {
            shape = layer.outputShape(shape);
        }
        return shape;
    }

    /** The number of scalars in all parameters. */
    public long parameterCount() {
        return parameters().stream().mapToLong(Parameter::size).sum();
    }

    /**
     * A table in the style of Keras's {@code model.summary()}: each layer with its output shape and
     * parameter count, then the total.
     *
     * @param inputFeatureShape the shape of one sample, without the batch: {@code summary(9)},
     *                          {@code summary(1, 28, 28)}
     * @throws IllegalArgumentException when a layer does not accept its input shape
     */
    public String summary(long... inputFeatureShape) {
        List<String[]> rows = summaryRows(inputFeatureShape);
        rows.add(0, new String[] {"Layer (type)", "Output Shape", "Param #"});
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0) + 3;
        int w1 = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0) + 3;
        int w2 = Math.max(rows.stream().mapToInt(r -> r[2].length()).max().orElse(0), 7);
        String thick = "=".repeat(w0 + w1 + w2) + "\n";
        StringBuilder sb = new StringBuilder("Model: Sequential\n").append(thick);
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            sb.append(Strings.padEnd(row[0], w0, ' ')).append(Strings.padEnd(row[1], w1, ' '))
                    .append(Strings.padStart(row[2], w2, ' ')).append('\n');
            if (r == 0) {
                sb.append(thick);
            }
        }
        long total = parameterCount();
        sb.append(thick)
                .append(String.format("Total params: %,d (%s)%n", total, bytes(total * 8)))
                .append(String.format("Trainable params: %,d%n", total));
        return sb.toString();
    }

    /**
     * The rows of {@link #summary}: the input, then each layer with its output shape and parameter
     * count, as a Tablesaw table (a notebook shows it as an HTML table).
     */
    public tech.tablesaw.api.Table summaryTable(long... inputFeatureShape) {
        List<String[]> rows = summaryRows(inputFeatureShape);
        var layer = tech.tablesaw.api.StringColumn.create("layer");
        var output = tech.tablesaw.api.StringColumn.create("output shape");
        var params = tech.tablesaw.api.StringColumn.create("parameters");
        for (String[] row : rows) {
            layer.append(row[0]);
            output.append(row[1]);
            params.append(row[2]);
        }
        return tech.tablesaw.api.Table.create(String.format("Sequential: %,d parameters", parameterCount()),
                layer, output, params);
    }

    private List<String[]> summaryRows(long... inputFeatureShape) {
        long[] shape = new long[inputFeatureShape.length + 1];
        shape[0] = -1;
        System.arraycopy(inputFeatureShape, 0, shape, 1, inputFeatureShape.length);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"input", Shapes.format(shape), ""});
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            shape = layer.outputShape(shape);
            long count = layer.parameters().stream().mapToLong(Parameter::size).sum();
            rows.add(new String[] {i + ": " + layer, Shapes.format(shape), String.format("%,d", count)});
        }
        return rows;
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1024 * 1024 ? String.format("%.2f KB", n / 1024.0)
                : String.format("%.2f MB", n / (1024.0 * 1024));
    }

    private void requireFinite(INDArray a, int index, String phase, long pass) {
        if (HostArrays.allFinite(a)) {
            return;
        }
        String who = index < 0 ? "the input" : index >= layers.size() ? "the gradient passed to backward"
                : "layer " + index + " (" + layers.get(index) + ")";
        String what = index < 0 || index >= layers.size() ? " contains " : " produced ";
        String hint = index < 0
                ? "check the data: a NaN in the input spreads to every output (e.g. a division by a zero standard deviation)."
                : "the numbers blew up, usually because training diverged: lower the learning rate, scale the inputs"
                        + " (e.g. to [0, 1]), or use SoftmaxCrossEntropy on logits instead of Softmax followed by a log.";
        throw new NonFiniteException("Sequential." + phase + ": " + who + what + Finite.counts(a)
                + " (shape " + Shapes.format(a.shape()) + ") in " + phase + " pass " + pass
                + ".\nHint: " + hint + " Turn this check off with model.checked(false).", index, phase, pass);
    }

    /** The layers, one per line, numbered as in {@link #summary(long...)} and in saved files. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential(\n");
        for (int i = 0; i < layers.size(); i++) {
            sb.append("  (").append(i).append("): ").append(layers.get(i)).append('\n');
        }
        return sb.append(')').toString();
    }
}
