package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;

/**
 * A layer without parameters that maps its input elementwise (or row-wise, for {@link Softmax}),
 * keeping the shape. Subclasses give the function and its backward side by side:
 * {@link #apply(INDArray)} computes y = f(x), {@link #gradient(INDArray, INDArray, INDArray)} returns
 * dL/dx from g = dL/dy, x and y. This class does the caching and the checks.
 *
 * <p>Shapes: any input shape; the output and dL/dx have the input's shape.
 */
public abstract class Activation implements Layer {

    private INDArray input;
    private INDArray output;

    /** y = f(x), as a new array. */
    protected abstract INDArray apply(INDArray x);

    /** dL/dx, given g = dL/dy of shape y; x and y are the last forward's input and output. */
    protected abstract INDArray gradient(INDArray g, INDArray x, INDArray y);

    /** Checks the input; accepts any non-null array unless overridden. */
    protected void checkInput(String method, long[] shape) {
    }

    @Override
    public final INDArray forward(INDArray x) {
        if (x == null) {
            throw Args.fail(this + ".forward", "an input array", null, "pass an INDArray, e.g. the previous layer's output.");
        }
        checkInput("forward", x.shape());
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        input = x;
        output = apply(x);
        return Finite.requireOutput(this, "forward", output);
    }

    @Override
    public final INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, input);
        Shapes.requireSameShape(this, "gradOutput", output.shape(), gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        INDArray dx = gradient(gradOutput.castTo(output.dataType()), input, output);
        return Finite.requireOutput(this, "backward", dx);
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        checkInput("outputShape", inputShape);
        return inputShape.clone();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
