package org.nnlab.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Shapes;

/**
 * Saves and loads a model's parameters as numpy's {@code .npz}: a zip with one {@code .npy} file per
 * parameter, named by layer index and role: {@code 0.weight.npy}, {@code 0.bias.npy},
 * {@code 2.weight.npy}, ... ({@code numpy.load(path)["0.weight"]} in Python). Values are
 * little-endian float64 in C order (see {@link Npy}).
 *
 * <p>Only the parameters are stored, not the architecture: load into a model built with the same
 * layers. A mismatch is reported by parameter name with both shapes.
 */
public final class ModelIO {

    private ModelIO() {
    }

    /** The parameters of a model by key, {@code "0.weight"}, in layer order. */
    public static Map<String, Parameter> parametersByKey(Sequential model) {
        Map<String, Parameter> byKey = new LinkedHashMap<>();
        List<Layer> layers = model.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                byKey.put(i + "." + p.role(), p);
            }
        }
        return byKey;
    }

    /** Writes every parameter of {@code model} to {@code path} (an .npz file; parent folders are created). */
    public static void save(Sequential model, Path path) throws IOException {
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(path));
             ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, Parameter> e : parametersByKey(model).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                Npy.write(e.getValue().value(), zip);
                zip.closeEntry();
            }
        }
    }

    /** Reads all arrays of an .npz file, by name without ".npy". */
    public static Map<String, INDArray> readNpz(Path path) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path));
             ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName().endsWith(".npy")
                        ? entry.getName().substring(0, entry.getName().length() - 4) : entry.getName();
                arrays.put(name, Npy.read(zip));
            }
        }
        return arrays;
    }

    /**
     * Sets the parameters of {@code model} from a file written by {@link #save} (or numpy's
     * {@code savez} with the same keys); returns the model.
     *
     * @throws IllegalArgumentException when the file's parameters do not match the model's (names and
     *                                  shapes); nothing is changed then
     */
    public static Sequential load(Sequential model, Path path) throws IOException {
        Map<String, INDArray> arrays = readNpz(path);
        Map<String, Parameter> parameters = parametersByKey(model);
        String where = "ModelIO.load";
        String hint = "load into a model built with the same layers as the saved one; compare model.summary(...)"
                + " with the model that was saved.";
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            INDArray saved = arrays.get(e.getKey());
            Parameter p = e.getValue();
            Args.require(saved != null, where, "the model's parameter " + e.getKey() + " (" + p.name() + ", shape "
                    + Shapes.format(p.shape()) + ") in " + path, "only " + new TreeSet<>(arrays.keySet()), hint);
            Args.require(java.util.Arrays.equals(saved.shape(), p.shape()), where, "parameter " + e.getKey() + " ("
                    + p.name() + ") of shape " + Shapes.format(p.shape()) + ", as in the model", "shape "
                    + Shapes.format(saved.shape()) + " in " + path, hint);
        }
        TreeSet<String> extra = new TreeSet<>(arrays.keySet());
        extra.removeAll(parameters.keySet());
        Args.require(extra.isEmpty(), where, "only the model's arrays " + parameters.keySet() + " in " + path,
                "also " + extra, hint);
        parameters.forEach((key, p) -> p.set(arrays.get(key)));
        return model;
    }
}
