package org.nnlab.optim;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.nn.Parameter;

/**
 * RMSprop (the Keras form, used in the slides' MNIST MLP):
 * <pre>
 * s <- rho * s + (1 - rho) * g^2
 * w <- w - lr * g / (sqrt(s) + eps)
 * </pre>
 * s starts at 0; operations are element-wise. Defaults as Keras: lr = 0.001, rho = 0.9, eps = 1e-7.
 */
public class RmsProp extends AbstractOptimizer {

    private final double rho;
    private final double eps;
    private final INDArray[] meanSquare;

    /** lr = 0.001, rho = 0.9, eps = 1e-7. */
    public RmsProp(List<Parameter> parameters) {
        this(parameters, 0.001, 0.9, 1e-7);
    }

    /** @throws IllegalArgumentException unless lr > 0, 0 <= rho < 1 and eps > 0 */
    public RmsProp(List<Parameter> parameters, double learningRate, double rho, double eps) {
        super(parameters, learningRate);
        checkUnitInterval("RmsProp", "rho", rho, "0.9 is the usual value.");
        org.nnlab.check.Args.require(eps > 0, "RmsProp", "eps > 0", eps, "1e-7 avoids dividing by zero.");
        this.rho = rho;
        this.eps = eps;
        this.meanSquare = new INDArray[parameters.size()];
    }

    @Override
    protected void update(int index, Parameter p) {
        if (meanSquare[index] == null) {
            meanSquare[index] = zerosLike(p);
        }
        INDArray g = p.grad();
        INDArray s = meanSquare[index].muli(rho).addi(g.mul(g).muli(1 - rho));
        INDArray denominator = Transforms.sqrt(s, true).addi(eps);
        p.value().subi(g.mul(learningRate()).divi(denominator));
    }

    @Override
    public String toString() {
        return "RmsProp(lr = " + learningRate() + ", rho = " + rho + ", eps = " + eps + ")";
    }
}
