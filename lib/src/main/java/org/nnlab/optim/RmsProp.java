package org.nnlab.optim;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;

/**
 * RMSprop (the Keras form, used in the slides' MNIST MLP):
 * <pre>
 * s <- rho * s + (1 - rho) * g^2
 * w <- w - lr * g / (sqrt(s) + eps)
 * </pre>
 * s starts at 0; operations are element-wise. Double parameters (the default) run the two lines as
 * written below; float32 parameters run them fused in ND4J's native {@code rms_prop_updater}.
 * Defaults as Keras: lr = 0.001, rho = 0.9, eps = 1e-7.
 */
public class RmsProp extends AbstractOptimizer {

    private final double rho;
    private final double eps;
    private final INDArray[] meanSquare;
    private final INDArray[] scratch1;
    private final INDArray[] scratch2;

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
        this.scratch1 = new INDArray[parameters.size()];
        this.scratch2 = new INDArray[parameters.size()];
    }

    @Override
    protected void update(int index, Parameter p) {
        if (meanSquare[index] == null) {
            meanSquare[index] = zerosLike(p);
            scratch1[index] = zerosLike(p);
            scratch2[index] = zerosLike(p);
        }
        INDArray g = p.grad();
        if (g.dataType() != DataType.DOUBLE) {
            // float32: the same two lines in one native pass (libnd4j's rms_prop_updater, as DL4J trains)
            Nd4j.exec(new RmsPropUpdater(g, meanSquare[index], scratch1[index], meanSquare[index], learningRate(), rho,
                    eps));
            p.value().subi(scratch1[index]);
            return;
        }
        INDArray t = scratch1[index];   // the temporaries live in arrays kept per parameter (same numbers)
        INDArray s = meanSquare[index].muli(rho).addi(t.assign(g).muli(g).muli(1 - rho));   // += (1-rho) g²
        INDArray denominator = sqrtInto(s, scratch2[index]).addi(eps);
        p.value().subi(t.assign(g).muli(learningRate()).divi(denominator));
    }

    @Override
    public String toString() {
        return "RmsProp(lr = " + learningRate() + ", rho = " + rho + ", eps = " + eps + ")";
    }
}
