package org.nnlab.grader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Flatten;
import org.nnlab.nn.Identity;
import org.nnlab.nn.Init;
import org.nnlab.nn.Layer;
import org.nnlab.nn.LeakyRelu;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;
import org.nnlab.nn.Softmax;
import org.nnlab.nn.Tanh;

/**
 * Models as data for {@link Values}: a model made of the library's layers crosses as the layers' kinds,
 * their settings and their parameters (value and gradient), and is built again on the other side. A
 * {@code Dropout} crosses with its seed, so the copy draws the masks a new layer of that seed draws.
 */
final class ModelValues {

    /** The layers without settings or parameters, by name. */
    private static final Map<String, Supplier<Layer>> PLAIN = Map.of(
            "Relu", Relu::new, "Sigmoid", Sigmoid::new, "Tanh", Tanh::new, "Identity", Identity::new,
            "Softmax", Softmax::new, "Flatten", Flatten::new);

    private ModelValues() {
    }

    /** Whether {@code layer} can cross: the library's layers that {@link #write} knows, in any nesting of Sequential. */
    static boolean copyable(Layer layer) {
        if (layer instanceof Sequential s) {
            return s.layers().stream().allMatch(ModelValues::copyable);
        }
        return layer instanceof Linear || layer instanceof Dropout || layer instanceof LeakyRelu
                || PLAIN.containsKey(layer.getClass().getSimpleName()) && layer.getClass().getPackageName().equals("org.nnlab.nn");
    }

    /** Why {@code v} cannot cross, for the student. */
    static String notCopyable(Object v) {
        String kinds = "Linear, Relu, Sigmoid, Tanh, Identity, Softmax, Flatten, LeakyRelu, Dropout and Sequential";
        if (v instanceof Sequential s) {
            for (Layer l : s.layers()) {
                if (!copyable(l)) {
                    return notCopyable(l);
                }
            }
        }
        if (v instanceof Layer) {
            return "the grader can pass on models made of the library's " + kinds + " layers, but this one has a "
                    + v.getClass().getName() + "; build the model from those layers";
        }
        return "the grader can pass on numbers, strings, arrays, lists, INDArrays, the course's records, Parameters, Datasets"
                + " and models of the library's layers, but got a " + v.getClass().getName();
    }

    static void write(Layer layer, Values.Writer out) throws IOException {
        String kind = layer.getClass().getSimpleName();
        out.writeString(kind);
        if (layer instanceof Sequential s) {
            out.writeInt(s.layers().size());
            for (Layer l : s.layers()) {
                write(l, out);
            }
            out.writeBoolean(s.isTraining());
        } else if (layer instanceof Linear l) {
            out.writeLong(l.inFeatures());
            out.writeLong(l.outFeatures());
            out.writeBoolean(l.hasBias());
            out.parameter(l.weight());
            if (l.hasBias()) {
                out.parameter(l.bias());
            }
        } else if (layer instanceof Dropout d) {
            out.writeDouble(d.p());
            out.writeLong(d.seed());
            out.writeBoolean(d.isTraining());
        } else if (layer instanceof LeakyRelu r) {
            out.writeDouble(r.alpha());
        }
    }

    static Layer read(Values.Reader in) throws IOException {
        String kind = in.readString();
        switch (kind) {
            case "Sequential": return sequential(in);
            case "Linear": return linear(in);
            case "Dropout": {
                double p = in.readDouble();
                long seed = in.readLong();
                boolean training = in.readBoolean();
                Dropout d = new Dropout(p, seed);
                d.setTraining(training);
                return d;
            }
            case "LeakyRelu": return new LeakyRelu(in.readDouble());
            default: break;
        }
        Supplier<Layer> plain = PLAIN.get(kind);
        if (plain == null) {
            throw new Values.BadValue("a layer of an unknown kind " + kind);
        }
        return plain.get();
    }

    private static Layer sequential(Values.Reader in) throws IOException {
        int n = in.count(1);
        List<Layer> layers = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            layers.add(read(in));
        }
        boolean training = in.readBoolean();
        if (layers.isEmpty()) {
            throw new Values.BadValue("a Sequential without layers");
        }
        Sequential s = new Sequential(layers);
        // the model's flag, then each Dropout's own (a layer may have been switched on its own)
        List<Boolean> dropoutModes = layers.stream().filter(l -> l instanceof Dropout).map(l -> ((Dropout) l).isTraining()).toList();
        s.setTraining(training);
        int k = 0;
        for (Layer l : layers) {
            if (l instanceof Dropout d) {
                d.setTraining(dropoutModes.get(k++));
            }
        }
        return s;
    }

    private static Layer linear(Values.Reader in) throws IOException {
        long inFeatures = in.readLong();
        long outFeatures = in.readLong();
        boolean withBias = in.readBoolean();
        Parameter weight = in.parameter();
        Parameter bias = withBias ? in.parameter() : null;
        if (inFeatures <= 0 || outFeatures <= 0 || inFeatures * outFeatures > 1L << 28) {
            throw new Values.BadValue("a Linear(" + inFeatures + " -> " + outFeatures + ")");
        }
        Linear l = new Linear(inFeatures, outFeatures, withBias, Init.zeros().withDataType(weight.value().dataType()));
        copy(weight, l.weight());
        if (withBias) {
            copy(bias, l.bias());
        }
        return l;
    }

    /** Copies value and gradient of {@code from} into {@code to}, which must have the same shape. */
    static void copy(Parameter from, Parameter to) throws Values.BadValue {
        if (!Arrays.equals(from.shape(), to.shape())) {
            throw new Values.BadValue(to.name() + " of shape " + Arrays.toString(from.shape()) + " instead of " + Arrays.toString(to.shape()));
        }
        INDArray value = from.value();
        to.value().assign(value.castTo(to.value().dataType()));
        to.grad().assign(from.grad().castTo(to.grad().dataType()));
    }
}
