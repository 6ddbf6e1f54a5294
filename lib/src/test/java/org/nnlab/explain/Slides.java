package org.nnlab.explain;

import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;

/** The rectangle workshop's 9-2-1 network and input, with the weights the slides give. */
final class Slides {

    static final double[] X = {0, 0, 0, 1, 0, 0, 1, 0, 0};

    private Slides() {
    }

    static Sequential rectangleNet() {
        double[][] w1 = {{2.8, 0.6}, {3.6, 5.2}, {11.8, -0.2}, {-3.8, 4.5}, {-6.4, 9.0}, {8.6, 3.9}, {-0.3, 3.3},
            {1.8, 9.4}, {10.0, 3.7}};
        return Sequential.of(Linear.withWeights(w1, new double[] {-0.3, -7.8}), new Sigmoid(),
                Linear.withWeights(new double[][] {{-3.3}, {-3.6}}, new double[] {3.9}), new Sigmoid());
    }
}
