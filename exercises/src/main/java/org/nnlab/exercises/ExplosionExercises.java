package org.nnlab.exercises;

import java.util.Objects;
import java.util.function.Supplier;
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

    /** An implementation made of the given functions, for the self-check cells; see {@link #with()}. */
    static Parts with() {
        return new Parts();
    }

    /** A two-argument function, for {@link Parts#firstDivergedStep}. */
    @FunctionalInterface
    interface FirstDivergedFn {
        int apply(double[] losses, double factor);
    }

    /** A three-argument function, for {@link Parts#scanRates}. */
    @FunctionalInterface
    interface ScanFn {
        int[] apply(double[] rates, long seed, int steps);
    }

    /** A three-argument function, for {@link Parts#plateaued}. */
    @FunctionalInterface
    interface PlateauFn {
        boolean apply(double[] losses, int window, double tolerance);
    }

    /** A two-argument function, for {@link Parts#edge}. */
    @FunctionalInterface
    interface EdgeFn {
        EdgeStyle apply(double weight, double maxAbsWeight);
    }

    /**
     * An {@link ExplosionExercises} built from functions, one per method (see
     * {@link RectangleExercises.Parts}); a method not given throws "not implemented yet". The
     * self-check cells pass the notebook's methods as lambdas:
     * {@code ExplosionExercises.with().firstDivergedStep((l, f) -> firstDivergedStep(l, f))}.
     */
    final class Parts implements ExplosionExercises {
        private FirstDivergedFn firstDivergedStep;
        private ScanFn scanRates;
        private Supplier<INDArray[]> exactWeights;
        private PlateauFn plateaued;
        private EdgeFn edge;

        private Parts() {
        }

        public Parts firstDivergedStep(FirstDivergedFn f) { firstDivergedStep = Objects.requireNonNull(f); return this; }
        public Parts scanRates(ScanFn f) { scanRates = Objects.requireNonNull(f); return this; }
        public Parts exactWeights(Supplier<INDArray[]> f) { exactWeights = Objects.requireNonNull(f); return this; }
        public Parts plateaued(PlateauFn f) { plateaued = Objects.requireNonNull(f); return this; }
        public Parts edge(EdgeFn f) { edge = Objects.requireNonNull(f); return this; }

        @Override public int firstDivergedStep(double[] losses, double factor) { return given(firstDivergedStep, "5.1").apply(losses, factor); }
        @Override public int[] scanRates(double[] rates, long seed, int steps) { return given(scanRates, "5.2").apply(rates, seed, steps); }
        @Override public INDArray[] exactWeights() { return given(exactWeights, "5.3").get(); }
        @Override public boolean plateaued(double[] losses, int window, double tolerance) { return given(plateaued, "5.4").apply(losses, window, tolerance); }
        @Override public EdgeStyle edge(double weight, double maxAbsWeight) { return given(edge, "5.5").apply(weight, maxAbsWeight); }
    }

    private static <F> F given(F f, String exercise) {
        if (f == null) {
            throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
        }
        return f;
    }
}
