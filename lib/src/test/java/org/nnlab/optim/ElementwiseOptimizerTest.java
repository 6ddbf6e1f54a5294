package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.internal.ArrayChunks;

class ElementwiseOptimizerTest {

    /** w <- w - lr g, and a state that counts the steps: enough to see the copies in and out. */
    static final class CountingDescent extends ElementwiseOptimizer {
        CountingDescent(List<Parameter> parameters) {
            super(parameters, 0.5, 1);
        }

        @Override
        protected void update(double[] w, double[] g, double[][] state, int n) {
            for (int i = 0; i < n; i++) {
                state[0][i] += 1;
                w[i] -= learningRate() * g[i] * state[0][i];
            }
        }
    }

    @Test
    @DisplayName("the rule sees each parameter's value and gradient, keeps its state, and writes w back in its type")
    void rulesSeeTheNumbersAndKeepTheirState() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Parameter a = new Parameter("a", Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}}).castTo(type));
            Parameter b = new Parameter("b", Nd4j.createFromArray(10.0).reshape(1, 1).castTo(type));
            var opt = new CountingDescent(List.of(a, b));
            a.accumulate(Nd4j.ones(type, 2, 2));
            b.accumulate(Nd4j.ones(type, 1, 1).muli(2));
            opt.step();   // state 1: w - 0.5 g
            opt.step();   // state 2: w - 1.0 g
            assertArrayEquals(new double[] {-0.5, 0.5, 1.5, 2.5}, a.value().castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
            assertArrayEquals(new double[] {7}, b.value().castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
            assertEquals(type, a.value().dataType());
        }
    }

    @Test
    @DisplayName("a parameter of several chunks: every number is updated, with its own state")
    void everyChunkIsUpdated() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            int n = 2 * ArrayChunks.SIZE + 3;
            Parameter a = new Parameter("a", Nd4j.zeros(type, 1, n));
            var opt = new CountingDescent(List.of(a));
            a.accumulate(Nd4j.linspace(1, n, n, type).reshape(1, n));
            opt.step();   // w = -0.5 g
            opt.step();   // w = -0.5 g - 1.0 g
            double[] w = a.value().castTo(DataType.DOUBLE).data().asDouble();
            for (int i = 0; i < n; i++) {
                assertEquals(-1.5 * (i + 1), w[i], 1e-3, type + " element " + i);
            }
        }
    }
}
