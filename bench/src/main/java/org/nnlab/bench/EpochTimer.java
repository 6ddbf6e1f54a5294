package org.nnlab.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnlab.train.Callback;
import org.nnlab.train.History;
import org.nnlab.train.Trainer;

/** Times each epoch's training (to its last batch) and test evaluation, and prints its line. */
final class EpochTimer implements Callback {
    private static final long REPORT_NANOS = 30_000_000_000L;
    private final PrintStream out;
    private final PrintStream progress;
    private long lastReport;
    private final List<Double> train = new ArrayList<>();
    private final List<Double> eval = new ArrayList<>();
    private final List<Double> loads = new ArrayList<>();
    private long begin;
    private long trained;

    EpochTimer(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    @Override
    public void onEpochBegin(Trainer trainer, int epoch) {
        begin = System.nanoTime();
        lastReport = begin;
        loads.add(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        trained = System.nanoTime();   // the last batch's time marks the end of training
        if (progress != null && trained - lastReport > REPORT_NANOS) {
            lastReport = trained;
            progress.printf(Locale.ROOT, "  epoch %d: batch %d/%d, %.0f s so far, batch loss %.4f%n",
                    trainer.epoch(), trainer.batch(), trainer.batchesPerEpoch(), MnistBenchmark.seconds(trained - begin), loss);
        }
    }

    @Override
    public void onEpochEnd(Trainer trainer, int epoch, History h) {
        long end = System.nanoTime();
        train.add(MnistBenchmark.seconds(trained - begin));
        eval.add(MnistBenchmark.seconds(end - trained));
        out.printf(Locale.ROOT, "epoch %2d/%d  %6.1f s (+ %.1f s test)  train loss %.4f  acc %6.2f%%"
                        + "  test loss %.4f  acc %6.2f%%  load %.1f%n", epoch, trainer.epochs(),
                MnistBenchmark.seconds(trained - begin), MnistBenchmark.seconds(end - trained), h.lastTrainLoss(), 100 * h.lastTrainAccuracy(),
                h.lastValidationLoss(), 100 * h.lastValidationAccuracy(), loads.get(loads.size() - 1));
        out.flush();
    }

    double[] train() {
        return train.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] eval() {
        return eval.stream().mapToDouble(Double::doubleValue).toArray();
    }

    double[] loads() {
        return loads.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
