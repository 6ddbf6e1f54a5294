package org.nnlab.optim;

import java.util.List;
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
 * m and v start at 0; operations are element-wise, written below as a loop over the numbers (see
 * {@link ElementwiseOptimizer} for why a loop).
 * Defaults: lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8. Thanks to the correction the first
 * step moves every weight by about lr, whatever the gradient's size.
 */
public class Adam extends ElementwiseOptimizer {

    final double beta1;
    final double beta2;
    final double eps;

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
        super(parameters, learningRate, 2);
        checkUnitInterval("Adam", "beta1", beta1, "0.9 is the usual value.");
        checkUnitInterval("Adam", "beta2", beta2, "0.999 is the usual value.");
        Args.require(eps > 0, "Adam", "eps > 0", eps, "1e-8 avoids dividing by zero.");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int n) {
        double[] m = state[0];
        double[] v = state[1];
        double lr = learningRate();
        double correction1 = 1 - Math.pow(beta1, steps());   // m^ = m / correction1
        double correction2 = 1 - Math.pow(beta2, steps());   // v^ = v / correction2
        for (int i = 0; i < n; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            w[i] -= lr * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + eps);
        }
    }

    @Override
    public String toString() {
        return "Adam(lr = " + learningRate() + ", beta1 = " + beta1 + ", beta2 = " + beta2 + ", eps = " + eps + ")";
    }
}
