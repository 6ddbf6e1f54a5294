package org.nnlab.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.loss.SoftmaxCrossEntropy;
import org.nnlab.nn.Models;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.internal.StepScope;
import org.nnlab.optim.Optimizer;
import org.nnlab.optim.RmsProp;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where an MLP training step's time goes: {@code ./nnlab bench steps} runs the slides' MLP (784-512-512-10,
 * RmsProp, batch 128) on random images for a few rounds of steps, each step as {@code Trainer.fit} runs it
 * (one {@link StepScope}, checked mode on), and prints per round the milliseconds per step of each phase:
 * zeroing the gradients, forward, loss (forward and gradient), backward, the optimiser's step.
 *
 * <p>The first round includes the JIT's warm-up; compare the later ones. Compare two builds or options
 * in one sitting, alternating the runs (the machine's load moves the figures). {@code --workspace-check}
 * times each round a second time with ND4J's check of every operation's arrays against their workspaces
 * on, as it is outside training steps (see {@link StepScope}): what that check costs, side by side.
 */
@Command(name = "./nnlab bench steps", sortOptions = false, usageHelpWidth = 110,
        description = {"Times the phases of the MNIST MLP's training step (ms per step, per round of steps)."},
        footer = {"", "Example:", "  ./nnlab bench steps --rounds 5 --steps 300"})
public final class StepPhases implements Callable<Integer> {

    static final String[] PHASES = {"zero", "forward", "loss", "backward", "step"};

    @Option(names = "--rounds", paramLabel = "N", converter = BenchOptions.Count.class,
            description = "rounds of steps, a line each (default ${DEFAULT-VALUE})")
    int rounds = 4;

    @Option(names = "--steps", paramLabel = "N", converter = BenchOptions.Count.class,
            description = "steps per round (default ${DEFAULT-VALUE})")
    int steps = 300;

    @Option(names = "--batch", paramLabel = "N", converter = BenchOptions.Count.class,
            description = "mini-batch size (default ${DEFAULT-VALUE})")
    int batch = 128;

    @Option(names = "--dtype", paramLabel = "T", converter = BenchOptions.Precision.class,
            description = "float (default) or double")
    DataType dataType = DataType.FLOAT;

    @Option(names = "--workspace-check", description = {"also time each round with ND4J's workspace check on, as outside",
            "training steps: a second line per round, marked 'check'"})
    boolean workspaceCheck;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
    boolean help;

    PrintStream out = System.out;

    public static void main(String... args) {
        Machine.withoutResidentMemoryCheck();   // before ND4J loads, as for the benchmark's training
        System.exit(new CommandLine(new StepPhases()).execute(args));
    }

    @Override
    public Integer call() {
        Sequential model = Models.mlp(42, dataType);
        model.setTraining(true);
        Optimizer optimizer = new RmsProp(model.parameters());
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Nd4j.getRandom().setSeed(42);
        INDArray x = Nd4j.rand(dataType, batch, 784);
        INDArray y = Nd4j.zeros(dataType, batch, 10);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % 10, 1);
        }
        out.printf(Locale.ROOT, "MNIST MLP step, batch %d, %s, %s; ms per step:%n", batch, dataType, optimizer);
        out.println(header());
        for (int round = 1; round <= rounds; round++) {
            out.println(row(String.valueOf(round), timeRound(model, optimizer, loss, x, y, false)));
            if (workspaceCheck) {
                out.println(row(round + " check", timeRound(model, optimizer, loss, x, y, true)));
            }
        }
        return 0;
    }

    /** Nanoseconds spent in each phase over one round of steps, with ND4J's workspace check on or (as in training) off. */
    private long[] timeRound(Sequential model, Optimizer optimizer, SoftmaxCrossEntropy loss, INDArray x, INDArray y,
            boolean check) {
        long[] nanos = new long[PHASES.length];
        for (int s = 0; s < steps; s++) {
            try (StepScope scope = StepScope.open(model).withoutInputGradient()) {
                if (check) {   // back on for this step; the step's end leaves it on, as it found it
                    Nd4j.getExecutioner().setProfilingMode(ProfilingMode.SCOPE_PANIC);
                }
                long t0 = System.nanoTime();
                optimizer.zeroGrad();
                long t1 = System.nanoTime();
                INDArray prediction = model.forward(x);
                long t2 = System.nanoTime();
                loss.forward(prediction, y);
                INDArray gradient = loss.backward();
                long t3 = System.nanoTime();
                model.backward(gradient);
                long t4 = System.nanoTime();
                optimizer.step();
                long t5 = System.nanoTime();
                long[] ends = {t1, t2, t3, t4, t5};
                long start = t0;
                for (int p = 0; p < ends.length; p++) {
                    nanos[p] += ends[p] - start;
                    start = ends[p];
                }
            }
        }
        return nanos;
    }

    static String header() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", "round"));
        for (String p : PHASES) {
            b.append(String.format(Locale.ROOT, " %9s", p));
        }
        return b.append(String.format(Locale.ROOT, " %9s", "total")).toString();
    }

    /** One line: the round and each phase's ms per step, then their total. */
    String row(String round, long[] nanos) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-8s", round));
        for (long n : nanos) {
            b.append(String.format(Locale.ROOT, " %9.3f", n / 1e6 / steps));
        }
        return b.append(String.format(Locale.ROOT, " %9.3f", Arrays.stream(nanos).sum() / 1e6 / steps)).toString();
    }
}
