package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import jdk.jshell.spi.SPIResolutionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    @DisplayName("a check that never returns is stopped at the limit and leaves no thread running")
    void anEndlessCheckLeavesNoThreadRunning() throws InterruptedException {
        ExerciseCheck<Object> endless = ExerciseCheck.of("1.2", 1, "never returns", e -> {
            long n = 0;
            while (n >= 0) {   // ignores interrupts, like a student's endless loop
                n = (n + 1) % 1_000_000;
            }
        });

        CheckResult result = Check.run(endless, new Object(), Duration.ofMillis(300));

        assertEquals(CheckResult.Status.FAILED, result.status());
        assertEquals("still running after 0.3 s: stopped (is there a loop that never ends?)", result.message());
        Thread.sleep(100);
        assertEquals(0, runningCheckThreads(), "a self-check thread still runs after it was stopped");
    }

    @Test
    @DisplayName("an unknown exercise number and another notebook's contract are refused with what was expected, received and a hint")
    void wrongExerciseOrContractIsNamed() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Check.exercise("9.9", new Object()));
        assertTrue(unknown.getMessage().startsWith("Check.exercise: expected one of the notebooks' exercises [0.1, "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().contains("but was \"9.9\".\nHint: "), unknown.getMessage());

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> Check.exercise("4.2", ExplosionExercises.with()));
        assertTrue(other.getMessage().startsWith("Check.exercise: expected exercise 4.2 to be given a RandomVsStructuredExercises"
                + " but was a org.nnlab.exercises.ExplosionParts.\nHint: "), other.getMessage());
    }

    @Test
    @DisplayName("a check that ends within the limit passes and its thread is not touched")
    void aQuickCheckPasses() {
        CheckResult result = Check.run(ExerciseCheck.of("1.2", 1, "quick", e -> { }), new Object(), Duration.ofSeconds(5));
        assertTrue(result.passed(), result.message());
    }

    @Test
    @DisplayName("a method with an undeclared name (JShell's resolution exception) gets a sentence and a hint")
    void anUnresolvedNameWithoutAShellIsExplained() {
        ExerciseCheck<Object> unresolved = ExerciseCheck.of("1.2", 1, "calls neuron", e -> {
            throw new SPIResolutionException(7);
        });
        CheckResult result = Check.run(unresolved, new Object(), Duration.ofSeconds(5));
        assertEquals(CheckResult.Status.FAILED, result.status());
        assertTrue(result.message().startsWith("uses a name that is not declared"), result.message());
        assertTrue(result.message().contains("Hint: declare it"), result.message());
    }

    private static long runningCheckThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("nnlab-self-check") && t.getState() == Thread.State.RUNNABLE)
                .count();
    }
}
