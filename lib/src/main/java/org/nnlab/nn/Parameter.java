package org.nnlab.nn;

import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;
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
    private boolean gradIsZero;     // set by zeroGrad(): the zeros are written only when needed (see zeroGrad)

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
        this.grad = value.ulike();
        this.grad.assign(0);
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
        if (gradIsZero) {
            grad.assign(0);
            gradIsZero = false;
        }
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
        if (!Arrays.equals(delta.shape(), value.shape())) {
            throw Args.fail(name + ".accumulate", "a gradient of shape " + Arrays.toString(value.shape()),
                    delta.shape(), "a parameter's gradient always has the parameter's own shape.");
        }
        if (gradIsZero) {
            grad.assign(delta.castTo(grad.dataType()));   // 0 + delta
            gradIsZero = false;
        } else {
            grad.addi(delta.castTo(grad.dataType()));
        }
    }

    /**
     * {@code grad += op(a) · op(b)}, a gradient that is a matrix product, e.g. a Linear weight's
     * {@code dL/dW = xᵀ g}: inside a {@link Buffers} scope one gemm straight into the gradient (with
     * β = 0 after {@link #zeroGrad()}, so no zeros are written first), outside {@code accumulate} of
     * the product.
     *
     * @throws IllegalArgumentException when the product does not have the parameter's shape
     */
    public void accumulateProduct(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        long[] product = {transposeA ? a.size(1) : a.size(0), transposeB ? b.size(0) : b.size(1)};
        if (!Arrays.equals(product, value.shape())) {
            throw Args.fail(name + ".accumulateProduct", "a product of shape " + Arrays.toString(value.shape()),
                    product, "a parameter's gradient always has the parameter's own shape.");
        }
        Buffers.addMatmul(grad, a, transposeA, b, transposeB, !gradIsZero);
        gradIsZero = false;
    }

    /**
     * {@code grad += Σ_rows g}, the sums of g's columns {@code [1, n]}: the gradient of a bias that was
     * broadcast over the rows of a batch. Inside a {@link Buffers} scope one gemm with a column of ones
     * ({@code 1ᵀ g}) straight into the gradient; outside {@code accumulate(g.sum(true, 0))}.
     *
     * @throws IllegalArgumentException when g does not have one column per number of this parameter
     */
    public void accumulateColumnSums(INDArray g) {
        if (g.rank() != 2 || value.length() != g.size(1) || value.rank() != 2 || value.size(0) != 1) {
            throw Args.fail(name + ".accumulateColumnSums", "a matrix [rows, " + value.length() + "] for a parameter"
                    + " of shape [1, n]", g.shape(), "a bias [1, out] sums the gradient of the output [batch, out].");
        }
        if (!Buffers.reusing()) {
            accumulate(g.sum(true, 0));
            return;
        }
        Buffers.addMatmul(grad, Buffers.onesColumn(g.dataType(), g.size(0)), true, g, false, !gradIsZero);
        gradIsZero = false;
    }

    /**
     * Sets the gradient to zero, before the next forward/backward pass. Inside a {@link Buffers} scope
     * (the Trainer's steps) the zeros are only noted and written when the gradient is next read or
     * added to, and a gradient that is a product ({@link #accumulateProduct}) is then written without
     * them (saves a pass over the array, ~0.6 ms per step of the MNIST MLP); outside one they are
     * written at once, so an array obtained from {@link #grad()} before reads zeros too.
     */
    public void zeroGrad() {
        if (Buffers.reusing()) {
            gradIsZero = true;
        } else {
            grad.assign(0);
            gradIsZero = false;
        }
    }

    /**
     * Replaces the value by hand (e.g. the rectangle net's published weights), keeping the array.
     *
     * @throws IllegalArgumentException when {@code newValue} has another shape
     */
    public void set(INDArray newValue) {
        if (!Arrays.equals(newValue.shape(), value.shape())) {
            throw Args.fail(name + ".set", "a value of shape " + Arrays.toString(value.shape()), newValue.shape(),
                    "weights of a Linear(in -> out) layer have shape [in, out].");
        }
        value.assign(newValue.castTo(value.dataType()));
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(value.shape());
    }
}
