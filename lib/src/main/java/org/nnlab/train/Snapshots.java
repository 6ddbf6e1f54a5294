package org.nnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nnlab.check.Args;
import org.nnlab.nn.Parameter;

/**
 * Records a {@link Snapshot} (copies of all parameters, step, loss, learning rate) before training
 * and every {@code every} steps, e.g. to draw the network after 25000 and 45000 steps as in the slides.
 *
 * <pre>{@code
 * var snapshots = new Snapshots(1000);
 * trainer.addCallback(snapshots).fit(train, test, 50, 16);
 * snapshots.list()   // step 0, 1000, 2000, ...
 * }</pre>
 */
public final class Snapshots implements Callback {

    private final long every;
    private final List<Snapshot> snapshots = new ArrayList<>();

    /** @throws IllegalArgumentException when {@code every <= 0} */
    public Snapshots(long every) {
        Args.require(every > 0, "Snapshots", "a number of steps > 0", every, "e.g. 1000: a copy every 1000 steps.");
        this.every = every;
    }

    /** The snapshots taken so far, oldest first. */
    public List<Snapshot> list() {
        return Collections.unmodifiableList(snapshots);
    }

    @Override
    public void onTrainBegin(Trainer trainer) {
        snapshots.clear();
        take(trainer, 0, 0, Double.NaN);
    }

    @Override
    public void onBatchEnd(Trainer trainer, long step, double loss) {
        if (step % every == 0) {
            take(trainer, step, trainer.epoch(), loss);
        }
    }

    private void take(Trainer trainer, long step, int epoch, double loss) {
        List<String> names = new ArrayList<>();
        List<org.nd4j.linalg.api.ndarray.INDArray> values = new ArrayList<>();
        for (Parameter p : trainer.optimizer().parameters()) {
            names.add(p.name());
            values.add(p.value().dup());
        }
        snapshots.add(new Snapshot(step, epoch, loss, trainer.optimizer().learningRate(), List.copyOf(names),
                List.copyOf(values)));
    }

    @Override
    public String toString() {
        return "Snapshots(every " + every + " steps, " + snapshots.size() + " taken)";
    }
}
