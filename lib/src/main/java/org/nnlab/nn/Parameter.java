package org.nnlab.nn;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * A trainable tensor: its current {@link #value()} and the gradient of the loss with respect to it,
 * {@link #grad()}, of the same shape.
 *
 * <p>Layers add to the gradient in {@code backward} with {@link #accumulate(INDArray)}
 * ({@code grad += dL/dvalue}); optimisers read it in {@code step()} and clear it with
 * {@link #zeroGrad()}. Gradients accumulate, as in micrograd and PyTorch, so that a parameter used
 * twice receives both contributions.
 */
public final class Parameter {

    private final String name;
    private final String role;
    private final INDArray value;
    private final INDArray grad;

    /**
     * @param name  a readable name such as {@code "Linear(9 -> 2).weight"}, used in error messages
     * @param value the initial value; kept by reference, so updates made in place are seen by the layer
     */
    public Parameter(String name, INDArray value) {
        this(name, name, value);
    }

    /**
     * A parameter owned by a layer: its name is {@code owner + "." + role}, e.g.
     * {@code "Linear(9 -> 2).weight"}.
     *
     * @param owner the layer (its {@code toString()} names it)
     * @param role  the parameter's short name within the layer, e.g. {@code "weight"} or {@code "bias"};
     *              used as the key when a model is saved ({@code "0.weight"})
     */
    public Parameter(Object owner, String role, INDArray value) {
        this(owner + "." + role, role, value);
    }

    private Parameter(String name, String role, INDArray value) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        this.value = Objects.requireNonNull(value, "value of parameter " + name);
        this.grad = Nd4j.createUninitializedDetached(value.dataType(), 'c', value.shape()).assign(0);   // lives on
    }

    /** The readable name of this parameter, e.g. {@code "Linear(9 -> 2).weight"}. */
    public String name() {
        return name;
    }

    /** The short name within the owning layer, e.g. {@code "weight"}; the full name when there is no owner. */
    public String role() {
        return role;
    }

    /** The current value (the array the layer computes with; optimisers update it in place). */
    public INDArray value() {
        return value;
    }

    /** dL/dvalue accumulated since the last {@link #zeroGrad()}; same shape as {@link #value()}. */
    public INDArray grad() {
        return grad;
    }

    /** The shape of the value, e.g. {@code [9, 2]}. */
    public long[] shape() {
        return value.shape();
    }

    /** The number of scalars in this parameter. */
    public long size() {
        return value.length();
    }

    /**
     * Adds a gradient contribution: {@code grad += delta}.
     *
     * @throws IllegalArgumentException when {@code delta} does not have the parameter's shape
     */
    public void accumulate(INDArray delta) {
        if (delta == null || !Arrays.equals(delta.shape(), value.shape())) {
            throw Args.fail(name + ".accumulate", "a gradient of shape " + Arrays.toString(value.shape()),
                    delta == null ? null : delta.shape(), "a parameter's gradient always has the parameter's own shape.");
        }
        grad.addi(delta.castTo(grad.dataType()));
    }

    /** Sets the gradient to zero: {@code grad = 0}, before the next forward/backward pass. */
    public void zeroGrad() {
        Nd4j.getMemoryManager().memset(grad);   // grad = 0, as one native memset (assign(0) is an OpenMP loop)
    }

    /**
     * Replaces the value by hand (e.g. the rectangle net's published weights), keeping the array.
     *
     * @throws IllegalArgumentException when {@code newValue} has another shape
     */
    public void set(INDArray newValue) {
        if (newValue == null || !Arrays.equals(newValue.shape(), value.shape())) {
            throw Args.fail(name + ".set", "a value of shape " + Arrays.toString(value.shape()),
                    newValue == null ? null : newValue.shape(), "the new value replaces " + name + " in place, so it"
                            + " keeps its shape " + Arrays.toString(value.shape()) + ".");
        }
        value.assign(newValue.castTo(value.dataType()));
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(value.shape());
    }
}
