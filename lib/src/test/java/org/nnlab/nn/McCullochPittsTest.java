package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class McCullochPittsTest {

    @Test
    @DisplayName("AND, OR and NOT truth tables")
    void logicGates() {
        McCullochPitts and = McCullochPitts.and(2);
        McCullochPitts or = McCullochPitts.or(2);
        int[][] inputs = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] andOut = {0, 0, 0, 1};
        int[] orOut = {0, 1, 1, 1};
        for (int i = 0; i < 4; i++) {
            assertEquals(andOut[i], and.output(inputs[i]), "AND" + java.util.Arrays.toString(inputs[i]));
            assertEquals(orOut[i], or.output(inputs[i]), "OR" + java.util.Arrays.toString(inputs[i]));
        }
        assertEquals(1, McCullochPitts.not().output(0));
        assertEquals(0, McCullochPitts.not().output(1));
    }

    @Test
    @DisplayName("fires exactly when the weighted sum reaches the threshold")
    void threshold() {
        McCullochPitts n = new McCullochPitts(new double[] {2, -1, 1}, 2);
        assertEquals(2.0, n.weightedSum(1, 0, 0));
        assertEquals(1, n.output(1, 0, 0));
        assertEquals(0, n.output(1, 1, 0));
        assertEquals("McCullochPitts(w=[2.0, -1.0, 1.0], θ=2.0)", n.toString());
    }

    @Test
    @DisplayName("non-binary inputs and wrong input counts are explained")
    void errors() {
        var e = assertThrows(IllegalArgumentException.class, () -> McCullochPitts.and(2).output(1, 2));
        assertEquals("McCullochPitts(w=[1.0, 1.0], θ=2.0).output: expected binary inputs (0 or 1) but was [1, 2].\n"
                + "Hint: a McCulloch-Pitts neuron only sees on/off signals.", e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> McCullochPitts.and(2).output(1));
        assertEquals("McCullochPitts(w=[1.0, 1.0], θ=2.0).output: expected 2 inputs but was 1 [1].\n"
                + "Hint: one input per weight.", e2.getMessage());
    }
}
