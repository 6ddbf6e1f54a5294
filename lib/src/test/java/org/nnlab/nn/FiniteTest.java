package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class FiniteTest {

    @Test
    @DisplayName("a layer on its own that blows up from finite values says so, with a hint")
    void aLayerOnItsOwnThatProducesInfinityIsReported() {
        Linear big = Linear.withWeights(new double[][] {{1e308, -1e308}, {1e308, 1e308}});
        var e = assertThrows(NonFiniteException.class, () -> big.forward(Nd4j.createFromArray(new double[][] {{10, 10}})));
        assertEquals("Linear(2 -> 2, no bias).forward: produced 0 NaN and 2 infinite values (shape [1, 2]) from finite"
                + " values.\nHint: the numbers blew up, usually because its parameters did (a training that diverged):"
                + " lower the learning rate or scale the inputs.", e.getMessage());
        assertEquals("forward", e.phase());
    }

    @Test
    @DisplayName("inside a Sequential the layers leave the checks to it: an unchecked model lets NaN through")
    void insideASequentialTheModelDecides() {
        Sequential unchecked = Sequential.of(new Linear(2, 2), new Sigmoid()).checked(false);
        double y = unchecked.forward(Nd4j.createFromArray(new double[][] {{Double.NaN, 1}})).getDouble(0);
        assertTrue(Double.isNaN(y), "checked(false) is obeyed by the model's layers");
        // and after the model's pass, the same layer on its own checks again
        var e = assertThrows(NonFiniteException.class,
                () -> new Sigmoid().forward(Nd4j.createFromArray(new double[][] {{Double.NaN}})));
        assertTrue(e.getMessage().startsWith("Sigmoid.forward: the input contains 1 NaN"), e.getMessage());
    }

    @Test
    @DisplayName("the counts read NaN and infinities apart")
    void counts() {
        assertEquals("2 NaN and 1 infinite values",
                Finite.counts(Nd4j.createFromArray(Double.NaN, 1.0, Double.NEGATIVE_INFINITY, Double.NaN)));
    }
}
