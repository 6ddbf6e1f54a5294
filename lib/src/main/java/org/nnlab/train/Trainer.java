package org.nnlab.train;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.check.Args;
import org.nnlab.data.Dataset;
import org.nnlab.loss.Loss;
import org.nnlab.metrics.Metrics;
import org.nnlab.nn.Layer;
import org.nnlab.nn.NonFiniteException;
import org.nnlab.nn.internal.StepScope;
import org.nnlab.optim.Optimizer;

/**
 * Mini-batch training: for each epoch, the training set is shuffled (with a seed derived from
 * {@link #seed(long)} and the epoch), and for each batch
 * <pre>
 * optimizer.zeroGrad();  prediction = model.forward(x);  loss.forward(prediction, y);
 * model.backward(loss.backward());  optimizer.step();
 * </pre>
 * with {@code model.setTraining(true)}, inside a {@link StepScope} (the step's arrays come from one reused
 * block of memory; the gradient for the data, which nobody reads, is skipped); after each epoch the validation set is evaluated with
 * {@code setTraining(false)} (the model is left in evaluation mode when fit returns).
 *
 * <p>Callbacks: a {@link ProgressBar} (unless {@link #quiet()}), a {@link DivergenceCheck} (always; it
 * throws {@link TrainingDivergedException} unless {@link #allowDivergence()}), and any added with
 * {@link #addCallback}. Interrupting the training thread stops after the current batch and returns the
 * history so far (stop reason INTERRUPTED; the interrupt flag is cleared, having been handled; see
 * {@link InterruptHandling}, which an environment can replace).
 *
 * <pre>{@code
 * var trainer = new Trainer(model, new SquaredError(), new Sgd(model.parameters(), 0.01));
 * History history = trainer.fit(data.train(), data.test(), 100, 16);
 * history.toTable()
 * }</pre>
 */
public final class Trainer {

    private static volatile InterruptHandling interruptHandling = InterruptHandling.THREAD_FLAG;
    private volatile boolean running;

    private final Layer model;
    private final Loss loss;
    private final Optimizer optimizer;
    private static volatile Supplier<? extends Callback> defaultProgress = ProgressBar::new;

    private final List<Callback> callbacks = new ArrayList<>();
    private Callback progress = defaultProgress.get();
    private DivergenceCheck divergence = new DivergenceCheck();
    private boolean allowDivergence;
    private long seed = 42;

    private History history;
    private int epoch;
    private int epochs;
    private int batch;
    private int batchesPerEpoch;
    private long step;
    private StopReason stopReason;
    private String stopMessage;

    /**
     * @param model     the network (e.g. a Sequential)
     * @param loss      the loss on the model's output
     * @param optimizer an optimiser over {@code model.parameters()}
     * @throws IllegalArgumentException when one is null
     */
    public Trainer(Layer model, Loss loss, Optimizer optimizer) {
        Args.require(model != null, "Trainer", "a model (Layer)", null, "e.g. Sequential.of(new Linear(9, 2), ...).");
        Args.require(loss != null, "Trainer", "a Loss", null, "e.g. new MeanSquaredError().");
        Args.require(optimizer != null, "Trainer", "an Optimizer", null, "e.g. new Sgd(model.parameters(), 0.1).");
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /**
     * What progress display new Trainers get: a terminal {@link ProgressBar} by default; an
     * environment with richer output (a notebook) installs its own.
     *
     * @throws IllegalArgumentException when null
     */
    public static void defaultProgress(Supplier<? extends Callback> factory) {
        Args.require(factory != null, "Trainer.defaultProgress", "a factory of progress callbacks", null,
                "e.g. Trainer.defaultProgress(ProgressBar::new).");
        defaultProgress = factory;
    }

    /**
     * How every fit from now on takes a request to stop: {@link InterruptHandling#THREAD_FLAG} by
     * default.
     *
     * @throws IllegalArgumentException when null
     */
    public static void interruptHandling(InterruptHandling handling) {
        Args.require(handling != null, "Trainer.interruptHandling", "an InterruptHandling", null,
                "InterruptHandling.THREAD_FLAG is the default: the thread's interrupt flag.");
        interruptHandling = handling;
    }

    /** Sets the seed of the per-epoch shuffles (default 42) and returns this. */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** No progress bar; returns this. */
    public Trainer quiet() {
        progress = null;
        return this;
    }

    /** The progress bar on another stream; returns this. */
    public Trainer progressTo(PrintStream out) {
        progress = new ProgressBar(out);
        return this;
    }

    /**
     * On divergence, stop and return the history (marked diverged) instead of throwing; for the
     * notebook that shows a blow-up. Returns this.
     */
    public Trainer allowDivergence() {
        allowDivergence = true;
        return this;
    }

    /** Replaces the divergence check's factor (default 1e3); returns this. */
    public Trainer divergenceFactor(double factor) {
        divergence = new DivergenceCheck(factor);
        return this;
    }

    /**
     * Adds a callback (e.g. {@link EarlyStopping}, {@link Snapshots}); returns this.
     *
     * @throws IllegalArgumentException when null
     */
    public Trainer addCallback(Callback callback) {
        Args.require(callback != null, "Trainer.addCallback", "a Callback", null, "e.g. new EarlyStopping(5).");
        callbacks.add(callback);
        return this;
    }

    /** Trains without a validation set; see {@link #fit(Dataset, Dataset, int, int)}. */
    public History fit(Dataset train, int epochs, int batchSize) {
        return fit(train, null, epochs, batchSize);
    }

    /**
     * Trains for {@code epochs} epochs of mini-batches of {@code batchSize} (the last batch of an epoch
     * may be smaller; {@code batchSize = train.size()} is full-batch gradient descent).
     *
     * @param validation evaluated after each epoch; may be null
     * @return the history, also when stopped early (early stopping, interruption, allowed divergence)
     * @throws IllegalArgumentException    for invalid arguments
     * @throws TrainingDivergedException   when the loss diverged and {@link #allowDivergence()} was not called
     */
    public History fit(Dataset train, Dataset validation, int epochs, int batchSize) {
        String where = "Trainer.fit";
        Args.require(train != null && train.size() > 0, where, "a non-empty training Dataset",
                train == null ? null : train.toString(), "e.g. Datasets.structured(0.1, 42).train().");
        Args.require(epochs > 0, where, "epochs > 0", epochs, "one epoch is one pass over the training set.");
        Args.require(batchSize > 0, where, "a batch size > 0", batchSize,
                "32 is common; train.size() gives full-batch gradient descent.");
        if (validation != null) {
            long[] t = Arrays.copyOfRange(train.features().shape(), 1, train.features().rank());
            long[] v = Arrays.copyOfRange(validation.features().shape(), 1, validation.features().rank());
            Args.require(Arrays.equals(t, v) && validation.labels().size(1) == train.labels().size(1), where,
                    "validation data shaped like the training data (features [n, " + join(t) + "], labels [n, "
                            + train.labels().size(1) + "])",
                    "features " + Args.shape(validation.features()) + ", labels " + Args.shape(validation.labels()),
                    "use the two parts of the same Split, e.g. split.train() and split.test().");
        }
        List<Callback> all = new ArrayList<>();
        if (progress != null) {
            all.add(progress);
        }
        all.add(divergence);
        all.addAll(callbacks);

        boolean classification = train.hasClassLabels();
        history = new History(classification, validation != null && validation.size() > 0);
        this.epochs = epochs;
        this.batchesPerEpoch = train.batchCount(batchSize);
        this.step = 0;
        this.epoch = 0;
        this.batch = 0;
        this.stopReason = null;
        this.stopMessage = "";
        InterruptHandling interrupts = interruptHandling;
        running = true;
        interrupts.fitBegins(this);
        try {
            try {
                all.forEach(c -> c.onTrainBegin(this));
                for (int e = 1; e <= epochs && stopReason == null; e++) {
                    epoch = e;
                    runEpoch(train, validation, batchSize, classification, all, interrupts);
                }
            } finally {
                model.setTraining(false);
            }
            if (stopReason != null) {
                history.stop(stopReason, stopMessage, epoch, step);
            }
            all.forEach(c -> c.onTrainEnd(this, history));
        } finally {
            running = false;
            interrupts.fitEnds(this);
            StepScope.release(model);   // the steps' memory goes back to the system when the training ends
        }
        if (stopReason == StopReason.DIVERGED && !allowDivergence) {
            throw new TrainingDivergedException(stopMessage, history);
        }
        return history;
    }

    /**
     * Whether {@link #fit} is running, on whatever thread: a fit asked to stop goes on until the end
     * of its current batch and callbacks.
     */
    public boolean isRunning() {
        return running;
    }

    private void runEpoch(Dataset train, Dataset validation, int batchSize, boolean classification,
            List<Callback> all, InterruptHandling interrupts) {
        for (Callback c : all) {
            c.onEpochBegin(this, epoch);
        }
        model.setTraining(true);
        double lossSum = 0;
        double correct = 0;
        int seen = 0;
        batch = 0;
        // each batch is gathered into the same arrays (read once, within the step)
        for (Dataset b : train.reusedBatches(batchSize, seed * 1_000_003L + epoch)) {
            batch++;
            step++;
            double batchLoss;
            // the step's arrays live in the step's memory; no input gradient needed: the input is data (see StepScope)
            try (StepScope scope = StepScope.open(model).withoutInputGradient()) {
                optimizer.zeroGrad();
                INDArray prediction = model.forward(b.features());
                batchLoss = loss.forward(prediction, b.labels());
                model.backward(loss.backward());
                optimizer.step();
                if (classification && Double.isFinite(batchLoss)) {
                    correct += Metrics.accuracy(prediction, b.labels()) * b.size();
                }
            } catch (NonFiniteException nonFinite) {
                // a checked Sequential found NaN/Inf inside the network before the loss could: its message says where
                batchLoss = Double.NaN;
                requestStop(StopReason.DIVERGED, DivergenceCheck.message(this, step, nonFinite.getMessage()));
            }
            lossSum += batchLoss * b.size();
            seen += b.size();
            history.addBatchLoss(batchLoss);
            stopIfInterrupted(interrupts);   // during the batch: taken before the callbacks, which then report the stop
            for (Callback c : all) {
                c.onBatchEnd(this, step, batchLoss);
            }
            stopIfInterrupted(interrupts);   // during the callbacks
            if (stopReason != null) {
                break;
            }
        }
        boolean complete = stopReason == null || batch == batchesPerEpoch && stopReason != StopReason.DIVERGED;
        Evaluation v = validation != null && validation.size() > 0 && complete
                ? evaluate(validation, batchSize) : new Evaluation(Double.NaN, Double.NaN);
        history.addEpoch(lossSum / seen, classification ? correct / seen : Double.NaN, v.loss(), v.accuracy());
        stopIfInterrupted(interrupts);   // during the validation
        for (Callback c : all) {
            c.onEpochEnd(this, epoch, history);
        }
    }

    /**
     * Takes a pending interrupt as a request to stop. Taken before the callbacks run, not after: output
     * on a thread whose interrupt flag is set may fail (and clear the flag), so a callback that prints
     * would both throw and swallow the interrupt.
     */
    private void stopIfInterrupted(InterruptHandling interrupts) {
        if (interrupts.interrupted()) {
            requestStop(StopReason.INTERRUPTED, "Trainer.fit: interrupted at epoch " + epoch + ", step " + step
                    + "; the history so far is kept.");
        }
    }

    /**
     * The loss and accuracy on a dataset, in evaluation mode, in batches of {@code batchSize}; the
     * accuracy is NaN when the labels are not classes.
     *
     * @throws IllegalArgumentException for an empty dataset or batchSize <= 0
     */
    public Evaluation evaluate(Dataset data, int batchSize) {
        Args.require(data != null && data.size() > 0, "Trainer.evaluate", "a non-empty Dataset",
                data == null ? null : data.toString(), "e.g. split.test().");
        model.setTraining(false);
        boolean classification = data.hasClassLabels();
        double lossSum = 0;
        double correct = 0;
        for (Dataset b : data.batches(batchSize)) {
            try (StepScope scope = StepScope.open(model)) {
                INDArray prediction = model.forward(b.features());
                lossSum += loss.forward(prediction, b.labels()) * b.size();
                if (classification) {
                    correct += Metrics.accuracy(prediction, b.labels()) * b.size();
                }
            }
        }
        return new Evaluation(lossSum / data.size(), classification ? correct / data.size() : Double.NaN);
    }

    /**
     * Asks training to stop after the current batch; the first request wins.
     *
     * @throws IllegalArgumentException when reason is null or COMPLETED
     */
    public void requestStop(StopReason reason, String message) {
        Args.require(reason != null && reason != StopReason.COMPLETED, "Trainer.requestStop",
                "a reason other than COMPLETED", reason, "callbacks usually pass StopReason.REQUESTED.");
        if (stopReason == null) {
            stopReason = reason;
            stopMessage = message == null ? "" : message;
        }
    }

    /** The model. */
    public Layer model() {
        return model;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The optimiser. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The current epoch, from 1 (during fit), or the last one (after). */
    public int epoch() {
        return epoch;
    }

    /** The number of epochs asked of the current or last fit. */
    public int epochs() {
        return epochs;
    }

    /** The current batch within the epoch, from 1. */
    public int batch() {
        return batch;
    }

    /** The number of batches per epoch, the tail batch included. */
    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** The global step (optimiser updates so far in this fit). */
    public long step() {
        return step;
    }

    /** The history of the current or last fit (null before the first). */
    public History history() {
        return history;
    }

    private static String join(long[] dims) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "Trainer(" + model + ", " + loss + ", " + optimizer + ")";
    }
}
