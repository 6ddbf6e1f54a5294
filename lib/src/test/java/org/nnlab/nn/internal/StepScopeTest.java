package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StepScopeTest {

    @Test
    @DisplayName("arrays made in a step come from the model's workspace; arrays made outside do not")
    void stepArraysLiveInTheWorkspace() {
        Object model = new Object();
        INDArray outside = Nd4j.ones(2, 2);
        for (int step = 0; step < 3; step++) {
            try (StepScope scope = StepScope.open(model)) {
                INDArray made = outside.mul(2);
                assertTrue(made.isAttached(), "step " + step);
                assertEquals(8.0, made.sumNumber().doubleValue());
            }
        }
        assertFalse(outside.isAttached());
        assertFalse(Nd4j.ones(2).isAttached(), "after the steps, arrays are ordinary again");
        StepScope.release(model);
        try (StepScope scope = StepScope.open(model)) {
            assertEquals(8.0, outside.mul(2).sumNumber().doubleValue(), "a released model's next step makes its memory anew");
        }
        StepScope.release(model);
    }

    @Test
    @DisplayName("the input gradient is unread only inside a step that says so, and passes from model to first layer")
    void inputGradientUnread() {
        Object model = new Object();
        Object first = new Object();
        assertFalse(StepScope.inputGradientUnread(model));
        try (StepScope scope = StepScope.open(model)) {
            assertFalse(StepScope.inputGradientUnread(model), "an evaluation step says nothing");
        }
        try (StepScope scope = StepScope.open(model).withoutInputGradient()) {
            assertTrue(StepScope.inputGradientUnread(model));
            StepScope.passInputGradientUnread(model, first, List.of());
            assertTrue(StepScope.inputGradientUnread(first));
            assertFalse(StepScope.inputGradientUnread(model));
            try (StepScope nested = StepScope.open(first)) {
                assertTrue(StepScope.inputGradientUnread(first), "a nested scope keeps the outer step's state");
            }
            assertTrue(StepScope.inputGradientUnread(first));
        }
        assertFalse(StepScope.inputGradientUnread(first));
    }
}
