package org.nnlab.optim;

import java.util.List;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;

/**
 * RMSprop (the Keras form, used in the slides' MNIST MLP):
 * <pre>
 * s <- rho * s + (1 - rho) * g^2
 * w <- w - lr * g / (sqrt(s) + eps)
 * </pre>
 * s starts at 0; operations are element-wise, written below as a loop over the numbers (see
 * {@link ElementwiseOptimizer} for why a loop).
 * Defaults as Keras: lr = 0.001, rho = 0.9, eps = 1e-7.
 */
public class RmsProp extends ElementwiseOptimizer {

    final double rho;
    final double eps;

    /** lr = 0.001, rho = 0.9, eps = 1e-7. */
    public RmsProp(List<Parameter> parameters) {
        this(parameters, 0.001, 0.9, 1e-7);
    }

    /** @throws IllegalArgumentException unless lr > 0, 0 <= rho < 1 and eps > 0 */
    public RmsProp(List<Parameter> parameters, double learningRate, double rho, double eps) {
        super(parameters, learningRate, 1);
        checkUnitInterval("RmsProp", "rho", rho, "0.9 is the usual value.");
        Args.require(eps > 0, "RmsProp", "eps > 0", eps, "1e-7 avoids dividing by zero.");
        this.rho = rho;
        this.eps = eps;
    }

    @Override
    protected void update(double[] w, double[] g, double[][] state, int n) {
        double[] s = state[0];
        double lr = learningRate();
        for (int i = 0; i < n; i++) {
            s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
            w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public String toString() {
        return "RmsProp(lr = " + learningRate() + ", rho = " + rho + ", eps = " + eps + ")";
    }
}
