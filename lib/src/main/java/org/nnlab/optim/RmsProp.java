package org.nnlab.optim;

import java.util.List;
import org.nnlab.nn.Parameter;

/**
 * RMSprop (the Keras form, used in the slides' MNIST MLP):
 * <pre>
 * s <- rho * s + (1 - rho) * g^2
 * w <- w - lr * g / (sqrt(s) + eps)
 * </pre>
 * s starts at 0; operations are element-wise, written below as a loop over the numbers (in double
 * for double parameters, in float otherwise; see {@link HostCopy} for why a loop).
 * Defaults as Keras: lr = 0.001, rho = 0.9, eps = 1e-7.
 */
public class RmsProp extends AbstractOptimizer {

    private final double rho;
    private final double eps;
    private final HostCopy[] host;

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
        this.host = new HostCopy[parameters.size()];
    }

    @Override
    protected void update(int index, Parameter p) {
        if (host[index] == null) {
            host[index] = new HostCopy(p, 1);
        }
        HostCopy c = host[index].read();
        if (c.isDouble()) {
            double[] w = c.w64(), g = c.g64(), s = c.state64(0);
            double lr = learningRate();
            for (int i = 0; i < w.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / (Math.sqrt(s[i]) + eps);
            }
        } else {
            float[] w = c.w32(), g = c.g32(), s = c.state32(0);
            float lr = (float) learningRate(), rho = (float) this.rho, eps = (float) this.eps;
            for (int i = 0; i < w.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / ((float) Math.sqrt(s[i]) + eps);
            }
        }
        c.writeValue();
    }

    @Override
    public String toString() {
        return "RmsProp(lr = " + learningRate() + ", rho = " + rho + ", eps = " + eps + ")";
    }
}
