package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Datasets;
import org.nnlab.data.Split;
import org.nnlab.loss.BinaryCrossEntropy;
import org.nnlab.loss.MeanSquaredError;
import org.nnlab.nn.Init;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;
import org.nnlab.optim.Adam;
import org.nnlab.optim.Sgd;

class TrainerTest {

    private static Sequential linearModel(long seed) {
        return Sequential.of(new Linear(6, 2, Init.glorotUniform(seed)));
    }

    /** A layer computing {@code forward}, passing gradients through unchanged. */
    private static Layer layer(UnaryOperator<INDArray> forward) {
        return new Layer() {
            @Override
            public INDArray forward(INDArray input) {
                return forward.apply(input);
            }

            @Override
            public INDArray backward(INDArray gradOutput) {
                return gradOutput;
            }

            @Override
            public long[] outputShape(long[] inputShape) {
                return inputShape;
            }
        };
    }

    private static Trainer trainer(Layer model, double lr) {
        return new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), lr)).quiet();
    }

    @Test
    @DisplayName("a linear model learns the structured data: the loss falls, validation follows")
    void learnsStructuredData() {
        Split data = Datasets.structured(0.1, 1);
        History h = trainer(linearModel(1), 0.03).fit(data.train(), data.test(), 10, 32);
        assertEquals(10, h.epochs());
        assertEquals(10 * 2, h.steps());
        assertEquals(StopReason.COMPLETED, h.stopReason());
        assertTrue(h.lastTrainLoss() < h.trainLoss().get(0) / 100, h::toString);
        assertTrue(h.lastValidationLoss() < 0.1, h::toString);
        assertFalse(h.isClassification());
        assertTrue(Double.isNaN(h.lastTrainAccuracy()));
        assertEquals(List.of("epoch", "train_loss", "validation_loss"), h.toTable().columnNames());
    }

    @Test
    @DisplayName("accuracy is measured when the labels are classes")
    void classificationHasAccuracy() {
        // the first 64 rectangle images, labelled by their top-left pixel: one weight suffices
        Dataset images = Datasets.rectangles().slice(0, 64);
        INDArray pixel0 = images.features().getColumn(0).reshape(64, 1).dup();
        Dataset data = Dataset.of(images.features(), pixel0);
        var model = Sequential.of(new Linear(9, 1, Init.glorotUniform(3)), new Sigmoid());
        var t = new Trainer(model, new BinaryCrossEntropy(), new Adam(model.parameters(), 0.1)).quiet();
        History h = t.fit(data, data, 10, 16);
        assertTrue(h.isClassification());
        assertEquals(1.0, h.lastValidationAccuracy(), h::toString);
        assertTrue(h.trainAccuracy().get(0) < 1.0, h::toString);
        assertEquals(h.lastValidationAccuracy(), t.evaluate(data, 64).accuracy(), 1e-12);
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "train_accuracy", "validation_accuracy"),
                h.toTable().columnNames());
    }

    @Test
    @DisplayName("the same seeds give the same history")
    void deterministic() {
        Split data = Datasets.structured(0.5, 2);
        History a = trainer(linearModel(5), 0.005).seed(9).fit(data.train(), 2, 32);
        History b = trainer(linearModel(5), 0.005).seed(9).fit(data.train(), 2, 32);
        History c = trainer(linearModel(5), 0.005).seed(10).fit(data.train(), 2, 32);
        assertEquals(a.batchLosses(), b.batchLosses());
        assertNotEquals(a.batchLosses(), c.batchLosses());
    }

    /** Records, for every forward call, whether it ran in training mode and its first input value. */
    private static final class Spy implements Layer {
        final Linear inner = new Linear(6, 2, Init.glorotUniform(1));
        final List<Boolean> modes = new ArrayList<>();
        final List<Double> firstValues = new ArrayList<>();
        final List<Long> batchSizes = new ArrayList<>();
        boolean training;

        @Override
        public INDArray forward(INDArray input) {
            modes.add(training);
            firstValues.add(input.getDouble(0, 0));
            batchSizes.add(input.size(0));
            return inner.forward(input);
        }

        @Override
        public INDArray backward(INDArray gradOutput) {
            return inner.backward(gradOutput);
        }

        @Override
        public List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public void setTraining(boolean training) {
            this.training = training;
        }

        @Override
        public long[] outputShape(long[] inputShape) {
            return inner.outputShape(inputShape);
        }
    }

    @Test
    @DisplayName("training mode while training, evaluation mode for validation and after fit")
    void trainingAndEvaluationModes() {
        Split data = Datasets.structured(0.1, 3);
        Spy spy = new Spy();
        trainer(spy, 0.001).fit(data.train().slice(0, 10), data.test().slice(0, 4), 2, 4);
        // per epoch: 3 training batches (4, 4, 2), then 1 validation batch
        assertEquals(List.of(true, true, true, false, true, true, true, false), spy.modes);
        assertEquals(List.of(4L, 4L, 2L, 4L, 4L, 4L, 2L, 4L), spy.batchSizes);
        assertFalse(spy.training);
    }

    @Test
    @DisplayName("the batches are shuffled differently in each epoch")
    void shuffledEachEpoch() {
        Split data = Datasets.structured(0.1, 3);
        Spy spy = new Spy();
        trainer(spy, 0.001).fit(data.train(), 3, 64);
        assertEquals(3, spy.firstValues.size());
        assertEquals(3, spy.firstValues.stream().distinct().count());
    }

    @Test
    @DisplayName("a diverging loss stops with a message naming the epoch, the step and a smaller learning rate")
    void divergenceThrows() {
        Split data = Datasets.structured(0.1, 4);
        var e = assertThrows(TrainingDivergedException.class,
                () -> trainer(linearModel(2), 0.5).fit(data.train(), data.test(), 20, 8));
        assertTrue(e.getMessage().startsWith("Trainer.fit: the loss diverged at epoch 1, step "), e.getMessage());
        assertTrue(e.getMessage().contains("\nHint: use a smaller learning rate than 0.5, e.g. 0.05"),
                e.getMessage());
        assertTrue(e.history().diverged());
        assertEquals(1, e.history().stopEpoch());
    }

    @Test
    @DisplayName("allowDivergence records the blow-up and returns the history")
    void allowDivergenceRecords() {
        Split data = Datasets.structured(0.1, 4);
        History h = trainer(linearModel(2), 0.5).allowDivergence().fit(data.train(), data.test(), 20, 8);
        assertTrue(h.diverged());
        assertEquals(StopReason.DIVERGED, h.stopReason());
        assertEquals(h.steps(), h.stopStep());
        List<Double> losses = h.batchLosses();
        double last = losses.get(losses.size() - 1);
        assertTrue(!Double.isFinite(last) || last > 1e3 * losses.get(0), h::toString);
        assertTrue(h.toString().contains("diverged"), h::toString);
        assertTrue(Double.isNaN(h.lastValidationLoss()), "a diverged partial epoch is not validated");
    }

    @Test
    @DisplayName("an interrupted training stops cleanly and keeps the history so far")
    void interruption() {
        Split data = Datasets.structured(0.1, 5);
        Callback interruptAtStep3 = new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                if (step == 3) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        History h = trainer(linearModel(1), 0.001).addCallback(interruptAtStep3).fit(data.train(), 10, 16);
        assertEquals(StopReason.INTERRUPTED, h.stopReason());
        assertEquals(3, h.steps());
        assertEquals(1, h.epochs());
        assertFalse(Thread.currentThread().isInterrupted());
        assertTrue(h.stopMessage().contains("interrupted at epoch 1, step 3"), h.stopMessage());
    }

    @Test
    @DisplayName("an interrupt during a batch is taken before the callbacks, so output in them (which fails"
            + " on an interrupted thread in a notebook) neither throws nor swallows it")
    void interruptionDuringABatch() {
        Split data = Datasets.structured(0.1, 5);
        int[] forwards = {0};
        Layer interruptsInItsThirdForward = layer(input -> {
            if (++forwards[0] == 3) {
                Thread.currentThread().interrupt();   // "Interrupt kernel" while the batch runs
            }
            return input;
        });
        List<String> shown = new ArrayList<>();
        Callback printsLikeANotebook = new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                print("step " + step);
            }

            @Override
            public void onTrainEnd(Trainer trainer, History history) {
                print(history.stopReason().name());
            }

            private void print(String line) {
                if (Thread.interrupted()) {   // as JJava's ZeroMQ output does
                    throw new IllegalStateException("Errno 4 : Interrupted function");
                }
                shown.add(line);
            }
        };
        Sequential model = Sequential.of(new Linear(6, 2, Init.glorotUniform(1)), interruptsInItsThirdForward);
        History h = trainer(model, 0.001).addCallback(printsLikeANotebook).fit(data.train(), 10, 16);
        assertEquals(StopReason.INTERRUPTED, h.stopReason());
        assertEquals(3, h.steps());
        assertEquals(List.of("step 1", "step 2", "step 3", "INTERRUPTED"), shown);
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    @DisplayName("isRunning is true inside fit only")
    void runningInsideFitOnly() {
        Split data = Datasets.structured(0.1, 5);
        List<Boolean> seen = new ArrayList<>();
        Trainer t = trainer(linearModel(1), 0.001);
        t.addCallback(new Callback() {
            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                seen.add(trainer.isRunning());
            }
        });
        assertFalse(t.isRunning());
        t.fit(data.train(), 1, 16);
        assertTrue(!seen.isEmpty() && seen.stream().allMatch(b -> b), seen::toString);
        assertFalse(t.isRunning());
    }

    @Test
    @DisplayName("an installed InterruptHandling is told when fit begins and ends (also by an exception) and decides the stop")
    void installedInterruptHandling() {
        Split data = Datasets.structured(0.1, 5);
        List<String> events = new ArrayList<>();
        InterruptHandling stopsAtTheFifthQuestion = new InterruptHandling() {
            private int asked;

            @Override
            public boolean interrupted() {
                return ++asked == 5;
            }

            @Override
            public void fitBegins(Trainer trainer) {
                events.add("begins on " + Thread.currentThread().getName());
            }

            @Override
            public void fitEnds(Trainer trainer) {
                events.add("ends");
            }
        };
        Trainer.interruptHandling(stopsAtTheFifthQuestion);
        try {
            // asked after each batch and after its callbacks: the fifth question is after batch 3
            History h = trainer(linearModel(1), 0.001).fit(data.train(), 10, 16);
            assertEquals(StopReason.INTERRUPTED, h.stopReason());
            assertEquals(3, h.steps());
            Layer broken = layer(x -> {
                throw new IllegalStateException("broken");
            });
            assertThrows(IllegalStateException.class, () -> trainer(Sequential.of(new Linear(6, 2), broken), 0.1)
                    .fit(data.train(), 1, 16));
        } finally {
            Trainer.interruptHandling(InterruptHandling.THREAD_FLAG);
        }
        String me = Thread.currentThread().getName();
        assertEquals(List.of("begins on " + me, "ends", "begins on " + me, "ends"), events);
        var e = assertThrows(IllegalArgumentException.class, () -> Trainer.interruptHandling(null));
        assertTrue(e.getMessage().contains("\nHint: InterruptHandling.THREAD_FLAG is the default"), e.getMessage());
    }

    @Test
    @DisplayName("an integer overflow in the network surfaces as itself, not as a diverged loss")
    void arithmeticErrorsAreNotDivergence() {
        Split data = Datasets.structured(0.1, 5);
        Layer overflows = layer(x -> x.mul(Math.multiplyExact(Integer.MAX_VALUE, 2)));
        var e = assertThrows(ArithmeticException.class,
                () -> trainer(Sequential.of(new Linear(6, 2, Init.glorotUniform(1)), overflows), 0.1)
                        .allowDivergence().fit(data.train(), 1, 16));
        assertEquals("integer overflow", e.getMessage());
    }

    @Test
    @DisplayName("NaN found inside a checked network stops as a divergence, with the network's message and the hint")
    void nonFiniteInsideTheNetworkIsDivergence() {
        Split data = Datasets.structured(0.1, 5);
        Layer blowsUp = layer(x -> Nd4j.valueArrayOf(x.shape(), Double.NaN, x.dataType()));
        var e = assertThrows(TrainingDivergedException.class,
                () -> trainer(Sequential.of(new Linear(6, 2, Init.glorotUniform(1)), blowsUp), 0.1)
                        .fit(data.train(), 1, 16));
        assertTrue(e.getMessage().startsWith("Trainer.fit: the loss diverged at epoch 1, step 1: Sequential.forward"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\nHint: use a smaller learning rate than 0.1, e.g. 0.01"), e.getMessage());
    }

    @Test
    void callbacksSeeTheOrderAndCanStop() {
        Split data = Datasets.structured(0.1, 5);
        List<String> events = new ArrayList<>();
        Callback recorder = new Callback() {
            @Override
            public void onTrainBegin(Trainer trainer) {
                events.add("begin");
            }

            @Override
            public void onEpochBegin(Trainer trainer, int epoch) {
                events.add("epoch " + epoch);
            }

            @Override
            public void onBatchEnd(Trainer trainer, long step, double loss) {
                events.add("step " + step + " batch " + trainer.batch() + "/" + trainer.batchesPerEpoch());
            }

            @Override
            public void onEpochEnd(Trainer trainer, int epoch, History history) {
                events.add("end " + epoch + " (" + history.epochs() + ")");
                if (epoch == 2) {
                    trainer.requestStop(StopReason.REQUESTED, "enough");
                }
            }

            @Override
            public void onTrainEnd(Trainer trainer, History history) {
                events.add("done " + history.stopReason());
            }
        };
        History h = trainer(linearModel(1), 0.001).addCallback(recorder).fit(data.train(), 5, 40);
        assertEquals(List.of("begin", "epoch 1", "step 1 batch 1/2", "step 2 batch 2/2", "end 1 (1)", "epoch 2",
                "step 3 batch 1/2", "step 4 batch 2/2", "end 2 (2)", "done REQUESTED"), events);
        assertEquals("enough", h.stopMessage());
    }

    @Test
    void progressBarIsPrintedUnlessQuiet() {
        Split data = Datasets.structured(0.1, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var model = linearModel(1);
        new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), 0.001))
                .progressTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).fit(data.train(), data.test(), 2, 32);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\repoch 1/2 [####################] 2/2  loss "), out);
        assertTrue(out.contains("val_loss"), out);
        assertEquals(2, out.chars().filter(ch -> ch == '\n').count(), out);
    }

    @Test
    void invalidArgumentsAreExplained() {
        Split data = Datasets.structured(0.1, 5);
        Trainer t = trainer(linearModel(1), 0.001);
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(data.train(), data.test(), 0, 8));
        assertEquals("Trainer.fit: expected epochs > 0 but was 0.\nHint: one epoch is one pass over the training set.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(data.train(), data.test(), 1, -1));
        assertTrue(e.getMessage().startsWith("Trainer.fit: expected a batch size > 0 but was -1."));
        Dataset wrong = Datasets.random(8, 5, 2, 1);
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(data.train(), wrong, 1, 8));
        assertEquals("Trainer.fit: expected validation data shaped like the training data (features [n, 6], labels"
                + " [n, 2]) but was features [8, 5], labels [8, 2].\nHint: use the two parts of the same Split, e.g."
                + " split.train() and split.test().", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Trainer(linearModel(1), null, null));
        assertTrue(e.getMessage().startsWith("Trainer: expected a Loss but was null."));
    }

    @Test
    void evaluateGivesLossAndNoAccuracyForRegression() {
        Split data = Datasets.structured(0.0, 6);
        var model = linearModel(1);
        Evaluation ev = trainer(model, 0.01).evaluate(data.test(), 7);
        INDArray prediction = model.forward(data.test().features());
        double mse = prediction.sub(data.test().labels()).norm2Number().doubleValue();
        assertEquals(mse * mse / (32 * 2), ev.loss(), 1e-9 * ev.loss());
        assertTrue(Double.isNaN(ev.accuracy()));
        assertArrayEquals(new long[] {32, 2}, prediction.shape());
    }
}
