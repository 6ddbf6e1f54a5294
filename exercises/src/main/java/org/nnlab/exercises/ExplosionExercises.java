package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.plot.EdgeStyle;

/**
 * The exercises of notebook 05-explosion-and-local-minima ("Technical introduction to Neural
 * Networks": make it explode, find a local minimum that is not global, observe the network): telling
 * from a loss history whether and when training diverged, scanning learning rates, weights with
 * which 4 hidden ReLU units fit the structured data exactly (and why 2 cannot), telling when a
 * loss has stopped falling, and drawing a weight as an edge of the network. Each method is what the
 * student writes in the exercise cell with the same id; the Javadoc is the task.
 */
public interface ExplosionExercises {

    /**
     * Exercise 5.1: the index of the first loss that shows the training diverged: a loss that is
     * NaN or infinite, or larger than {@code factor} times the first loss {@code losses[0]}.
     *
     * @param losses the loss after each step, at least one
     * @param factor e.g. 1000: a loss a thousand times the first one means an explosion
     * @return the index of the first such loss, or -1 when training did not diverge
     */
    int firstDivergedStep(double[] losses, double factor);

    /**
     * Exercise 5.2: for each learning rate, train the notebook's random-data network
     * ({@link ExplosionChecks#randomNetwork(long)}: {@code relu(x w1) w2}, 20-30-1, no biases,
     * N(0, 1) weights from {@code seed}) on {@code Datasets.random(seed).train()} with the library's
     * {@code Trainer} (SquaredError, Sgd, full batch of 64, {@code steps} steps, divergence allowed),
     * and report {@link #firstDivergedStep} of its batch losses with factor 1000.
     *
     * @return one index per rate, -1 where the training did not diverge
     */
    int[] scanRates(double[] rates, long seed, int steps);

    /**
     * Exercise 5.3: weights with which the network {@code y = relu(x w1 + b1) w2 + b2} with 4 hidden
     * units reproduces the structured data without noise exactly:
     * {@code y0 = x3 - x1 + 2 x4}, {@code y1 = 7 x0 - 4 x2 + x5}, for every input x.
     *
     * @return {@code {w1 [6, 4], b1 [1, 4], w2 [4, 2], b2 [1, 2]}}
     */
    INDArray[] exactWeights();

    /**
     * Exercise 5.4: whether training has stopped making progress: the loss fell by less than the
     * fraction {@code tolerance} over the last {@code window} steps,
     * {@code (losses[n-1-window] - losses[n-1]) < tolerance * losses[n-1-window]} with n = losses.length.
     *
     * @param window how many steps to look back, 1 <= window < losses.length
     */
    boolean plateaued(double[] losses, int window, double tolerance);

    /**
     * Exercise 5.5: the edge of one weight in the drawing of the network, as the slides'
     * {@code show_net} draws it: colour {@link EdgeStyle#RED} for {@code weight >= 0} and
     * {@link EdgeStyle#BLUE} for {@code weight < 0}; width
     * {@code MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * |weight| / maxAbsWeight} (from {@link EdgeStyle#MIN_WIDTH}
     * for 0 to {@link EdgeStyle#MAX_WIDTH} for the largest |weight|), and {@code MIN_WIDTH} when
     * {@code maxAbsWeight} is 0 (a network whose weights are all 0).
     *
     * @param weight       a finite weight w
     * @param maxAbsWeight the largest |w| of the network drawn, >= |weight|
     */
    EdgeStyle edge(double weight, double maxAbsWeight);

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code ExplosionExercises.with().method((a, b) -> method(a, b))}; {@link ExplosionParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static ExplosionParts with() {
        return new ExplosionParts();
    }
}
