package org.nnlab.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.check.Args;

/**
 * Inverted dropout. In training, each element is kept with probability 1 - p and scaled by 1 / (1 - p)
 * (so the expected output equals the input), otherwise set to 0: {@code y = x · m},
 * {@code m_i ∈ {0, 1/(1-p)}}; backward {@code dL/dx = g · m}. In evaluation it is the identity.
 *
 * <p>The mask is drawn by ND4J's native generator (a Bernoulli(1 - p) draw, then scaled), one generator
 * per layer seeded at construction, so a run is reproducible: the same seed gives the same masks in
 * float and double and for any number of threads. Each forward
 * call in training draws a new mask; a numerical gradient check of a model with dropout therefore
 * needs {@code eval()} mode (or p = 0).
 *
 * <p>Shapes: any; output and gradient have the input's shape.
 */
public final class Dropout implements Layer {

    private final double p;
    private final long seed;
    private final Random random;   // ND4J's native generator: the same masks for any thread count and type
    private boolean training = true;
    private long[] inputShape;   // cached by forward
    private INDArray mask;       // null in evaluation mode

    /** Dropout with drop probability p and a seed from the global stream ({@link Init#setGlobalSeed(long)}). */
    public Dropout(double p) {
        this(p, Init.nextGlobalSeed());
    }

    /**
     * @param p    probability of dropping an element, 0 <= p < 1
     * @param seed seed of the mask's random numbers
     */
    public Dropout(double p, long seed) {
        Args.require(p >= 0 && p < 1, "Dropout(p)", "0 <= p < 1", p, "p is the fraction dropped, e.g. 0.25 or 0.5.");
        this.p = p;
        this.seed = seed;
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    }

    @Override
    public INDArray forward(INDArray x) {
        if (x == null) {
            throw Args.fail(this + ".forward", "an input array", null, "pass an INDArray, e.g. the previous layer's output.");
        }
        Finite.requireInput(this, "forward", x);   // checked mode of a layer on its own (see Finite)
        inputShape = x.shape();
        if (!training || p == 0) {
            mask = null;
            return x.dup();
        }
        double keep = 1 - p;
        // m_i = 1/(1-p) with probability 1-p, else 0: a Bernoulli draw in the layer's own native generator
        mask = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, keep), random);
        mask.muli(1 / keep);
        return x.mul(mask);
    }

    @Override
    public INDArray backward(INDArray gradOutput) {
        Shapes.requireForwardCalled(this, inputShape);
        Shapes.requireSameShape(this, "gradOutput", inputShape, gradOutput);
        Finite.requireInput(this, "backward", gradOutput);
        if (mask == null) {
            return gradOutput.dup();
        }
        return gradOutput.mul(mask.castTo(gradOutput.dataType()));   // dL/dx = g * m
    }

    @Override
    public void setTraining(boolean training) {
        this.training = training;
    }

    /** Whether the layer drops (training) or passes everything through (evaluation). */
    public boolean isTraining() {
        return training;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }

    public double p() {
        return p;
    }

    /** The seed the masks' random numbers started from: a new Dropout(p(), seed()) draws the same masks. */
    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "Dropout(" + p + ")";
    }
}
