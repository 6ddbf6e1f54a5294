package org.nnlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void printsLossAndAccuracyWhenThereIsOne() {
        assertEquals("loss 0.1235, accuracy 97.50%", new Evaluation(0.123456, 0.975).toString());
        assertEquals("loss 2.000", new Evaluation(2, Double.NaN).toString());
    }
}
