package org.nnlab.train;

import org.nnlab.loss.MeanSquaredError;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.optim.Sgd;

/** A small quiet trainer for callback tests. */
final class TrainTesting {

    private TrainTesting() {
    }

    static Trainer linearTrainer(double lr) {
        var model = Sequential.of(new Linear(6, 2, Init.glorotUniform(7)));
        return new Trainer(model, new MeanSquaredError(), new Sgd(model.parameters(), lr)).quiet();
    }
}
