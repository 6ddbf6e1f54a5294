package org.nnlab.optim;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;

/**
 * Adam (Kingma and Ba, 2015), with bias correction; t counts the steps from 1:
 * <pre>
 * m <- beta1 * m + (1 - beta1) * g
 * v <- beta2 * v + (1 - beta2) * g^2
 * m^ = m / (1 - beta1^t),   v^ = v / (1 - beta2^t)
 * w <- w - lr * m^ / (sqrt(v^) + eps)
 * </pre>
 * m and v start at 0; operations are element-wise. Double parameters (the default) run the lines as
 * written below; float32 parameters run them fused in ND4J's native {@code adam_updater}.
 * Defaults: lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8. Thanks to the correction the first step moves every weight by about lr, whatever the
 * gradient's size.
 */
public class Adam extends AbstractOptimizer {

    private final double beta1;
    private final double beta2;
    private final double eps;
    private final INDArray[] m;
    private final INDArray[] v;
    private final INDArray[] scratch1;
    private final INDArray[] scratch2;

    /** lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    public Adam(List<Parameter> parameters) {
        this(parameters, 0.001);
    }

    /** beta1 = 0.9, beta2 = 0.999, eps = 1e-8. */
    public Adam(List<Parameter> parameters, double learningRate) {
        this(parameters, learningRate, 0.9, 0.999, 1e-8);
    }

    /** @throws IllegalArgumentException unless lr > 0, beta1 and beta2 in [0, 1), eps > 0 */
    public Adam(List<Parameter> parameters, double learningRate, double beta1, double beta2, double eps) {
        super(parameters, learningRate);
        checkUnitInterval("Adam", "beta1", beta1, "0.9 is the usual value.");
        checkUnitInterval("Adam", "beta2", beta2, "0.999 is the usual value.");
        Args.require(eps > 0, "Adam", "eps > 0", eps, "1e-8 avoids dividing by zero.");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new INDArray[parameters.size()];
        this.v = new INDArray[parameters.size()];
        this.scratch1 = new INDArray[parameters.size()];
        this.scratch2 = new INDArray[parameters.size()];
    }

    @Override
    protected void update(int index, Parameter p) {
        if (m[index] == null) {
            m[index] = zerosLike(p);
            v[index] = zerosLike(p);
            scratch1[index] = zerosLike(p);
            scratch2[index] = zerosLike(p);
        }
        INDArray g = p.grad();
        long t = steps();
        if (g.dataType() != DataType.DOUBLE) {
            // float32: the same four lines in one native pass (libnd4j's adam_updater, as DL4J trains). It computes
            // lr·sqrt(1-beta2^t)/(1-beta1^t) · m / (sqrt(v) + eps'), which with eps' = eps·sqrt(1-beta2^t) is exactly
            // lr · m^ / (sqrt(v^) + eps); its iteration counts from 0.
            double epsScaled = eps * Math.sqrt(1 - Math.pow(beta2, t));
            Nd4j.exec(new AdamUpdater(g, v[index], m[index], scratch1[index], v[index], m[index], learningRate(), beta1,
                    beta2, epsScaled, Math.toIntExact(t - 1)));
            p.value().subi(scratch1[index]);
            return;
        }
        INDArray a = scratch1[index];   // the temporaries live in arrays kept per parameter (same numbers)
        INDArray b = scratch2[index];
        m[index].muli(beta1).addi(a.assign(g).muli(1 - beta1));
        v[index].muli(beta2).addi(a.assign(g).muli(g).muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, t);
        double correction2 = 1 - Math.pow(beta2, t);
        INDArray mHat = a.assign(m[index]).divi(correction1);
        INDArray vHat = b.assign(v[index]).divi(correction2);
        p.value().subi(mHat.muli(learningRate()).divi(Transforms.sqrt(vHat, false).addi(eps)));
    }

    @Override
    public String toString() {
        return "Adam(lr = " + learningRate() + ", beta1 = " + beta1 + ", beta2 = " + beta2 + ", eps = " + eps + ")";
    }
}
