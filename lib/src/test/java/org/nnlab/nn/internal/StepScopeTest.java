package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.exception.ND4JIllegalStateException;
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

    private static ProfilingMode nd4jMode() {
        return Nd4j.getExecutioner().getProfilingMode();
    }

    @Test
    @DisplayName("ND4J's workspace check is off while a step runs, on again after it: an array kept from a step still fails")
    void workspaceCheckOffDuringSteps() {
        Object model = new Object();
        assertEquals(ProfilingMode.SCOPE_PANIC, nd4jMode(), "ND4J's default");
        INDArray kept;
        try (StepScope scope = StepScope.open(model)) {
            assertEquals(ProfilingMode.DISABLED, nd4jMode());
            try (StepScope nested = StepScope.open(model)) {
                assertEquals(ProfilingMode.DISABLED, nd4jMode());
            }
            assertEquals(ProfilingMode.DISABLED, nd4jMode(), "a nested scope's end is not the step's end");
            kept = Nd4j.ones(2, 2).mul(2);
        }
        assertEquals(ProfilingMode.SCOPE_PANIC, nd4jMode());
        INDArray stale = kept;
        ND4JIllegalStateException e = assertThrows(ND4JIllegalStateException.class, () -> stale.mul(3));
        assertTrue(e.getMessage().contains("nnlab-step-"), e.getMessage());   // ND4J names the step's workspace
        StepScope.release(model);
    }

    @Test
    @DisplayName("the check stays off until the last step running on any thread ends")
    void workspaceCheckAcrossThreads() throws Exception {
        Object model = new Object();
        Object other = new Object();
        try (StepScope scope = StepScope.open(model)) {
            CompletableFuture.runAsync(() -> {
                try (StepScope step = StepScope.open(other)) {
                    Nd4j.ones(2).mul(2);
                }
                StepScope.release(other);
            }).get();
            assertEquals(ProfilingMode.DISABLED, nd4jMode(), "another thread's step ended, this one runs");
        }
        assertEquals(ProfilingMode.SCOPE_PANIC, nd4jMode());
        StepScope.release(model);
    }

    @Test
    @DisplayName("a profiling mode the user chose is left as it is")
    void userProfilingModeKept() {
        Object model = new Object();
        Nd4j.getExecutioner().setProfilingMode(ProfilingMode.OPERATIONS);
        try {
            try (StepScope scope = StepScope.open(model)) {
                assertEquals(ProfilingMode.OPERATIONS, nd4jMode());
            }
            assertEquals(ProfilingMode.OPERATIONS, nd4jMode());
        } finally {
            Nd4j.getExecutioner().setProfilingMode(ProfilingMode.SCOPE_PANIC);
            StepScope.release(model);
        }
    }
}
