package org.nnlab.exercises;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;
import org.nnlab.nn.Sigmoid;

/**
 * The weights of the rectangle network (9 inputs, 2 hidden sigmoid neurons, 1 sigmoid output), in the
 * slides' layout: {@code w1} is 9 x 2 with one row per pixel, {@code b1} has 2 entries, {@code w2} is
 * 2 x 1, {@code b2} has 1 entry.
 */
public record RectangleWeights(double[][] w1, double[] b1, double[][] w2, double[] b2) {

    /** The trained weights the slides give. */
    public static RectangleWeights slides() {
        return new RectangleWeights(
                new double[][] {{2.8, 0.6}, {3.6, 5.2}, {11.8, -0.2}, {-3.8, 4.5}, {-6.4, 9.0},
                    {8.6, 3.9}, {-0.3, 3.3}, {1.8, 9.4}, {10.0, 3.7}},
                new double[] {-0.3, -7.8},
                new double[][] {{-3.3}, {-3.6}},
                new double[] {3.9});
    }

    /** A deep copy, to change without touching the original. */
    public RectangleWeights copy() {
        return new RectangleWeights(copy(w1), b1.clone(), copy(w2), b2.clone());
    }

    /**
     * The network as lib layers: {@code Linear(9 -> 2), Sigmoid, Linear(2 -> 1), Sigmoid}.
     *
     * @throws IllegalArgumentException when the shapes are not 9 x 2, 2, 2 x 1, 1
     */
    public Sequential model() {
        return Sequential.of(Linear.withWeights(w1, b1), new Sigmoid(), Linear.withWeights(w2, b2), new Sigmoid());
    }

    /** The network's output for one image {@code x} (9 pixels), computed by {@link #model()}. */
    public double output(double[] x) {
        INDArray batch = Nd4j.createFromArray(new double[][] {x});
        return model().forward(batch).getDouble(0, 0);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
