package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.Check;
import org.nnlab.exercises.CheckReport;
import org.nnlab.exercises.CheckResult;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;

/**
 * The checks judged on known submissions: the reference solutions (full marks), the generated
 * starter code (nothing, "not implemented yet", no crash) and the empty self-check adapter.
 * Each check becomes one JUnit test, as the autograder will make them.
 */
class SubmissionsTest {

    /** The reference class of a notebook's contract: org.nnlab.solutions.RectangleSolution for RectangleExercises. */
    static Object reference(ExerciseSet<?> set) {
        return instance("org.nnlab.solutions." + base(set) + "Solution");
    }

    static Object starter(ExerciseSet<?> set) {
        return instance("org.nnlab.exercises.starter." + base(set) + "Starter");
    }

    static String base(ExerciseSet<?> set) {
        return set.contract().getSimpleName().replaceFirst("Exercises$", "");
    }

    static Object instance(String className) {
        try {
            return Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create " + className + " (run ./nnlab generate?)", e);
        }
    }

    @SuppressWarnings("unchecked")
    static <C> CheckResult run(ExerciseCheck<C> check, Object implementation) {
        return Check.run(check, (C) implementation);
    }

    @TestFactory
    @DisplayName("the reference solution passes every check")
    Stream<DynamicTest> referencePassesEveryCheck() {
        return Catalog.sets().stream().flatMap(set -> {
            Object reference = reference(set);
            return set.checks().stream().map(check -> DynamicTest.dynamicTest(check.toString(), () -> {
                CheckResult r = run(check, reference);
                assertTrue(r.passed(), () -> check + ": " + r.message());
            }));
        });
    }

    @TestFactory
    @DisplayName("the starter code fails every check with 'Exercise N.k: not implemented yet'")
    Stream<DynamicTest> starterFailsEveryCheckAsNotImplemented() {
        return Catalog.sets().stream().flatMap(set -> {
            Object starter = starter(set);
            return set.checks().stream().map(check -> DynamicTest.dynamicTest(check.toString(), () -> {
                CheckResult r = run(check, starter);
                assertEquals(CheckResult.Status.NOT_IMPLEMENTED, r.status(), r.message());
                assertEquals("Exercise " + check.exercise() + ": not implemented yet", r.message());
            }));
        });
    }

    @Test
    @DisplayName("the reference scores full marks and the starter zero, exercise by exercise, through Check.exercise")
    void fullMarksAndZero() {
        for (ExerciseSet<?> set : Catalog.sets()) {
            for (String exercise : set.exercises()) {
                CheckReport full = Check.exercise(exercise, reference(set));
                assertTrue(full.passed(), full::toString);
                assertEquals(set.pointsByExercise().get(exercise), full.points());
                CheckReport none = Check.exercise(exercise, starter(set));
                assertEquals(0, none.points(), none::toString);
                assertTrue(none.toString().startsWith("Exercise " + exercise + ": not implemented yet"), none::toString);
            }
        }
    }

    @Test
    @DisplayName("an exercise's checks call only that exercise's methods: an empty adapter says which exercise is missing")
    void emptyAdapterNamesTheExercise() throws Exception {
        for (ExerciseSet<?> set : Catalog.sets()) {
            Object empty = set.contract().getMethod("with").invoke(null);
            for (ExerciseCheck<?> check : set.checks()) {
                CheckResult r = run(check, empty);
                assertEquals("Exercise " + check.exercise() + ": not implemented yet", r.message(), check::toString);
            }
        }
    }

    @Test
    @DisplayName("a check that runs past its time limit fails with a message, and the next check still runs")
    void timeLimit() {
        ExerciseCheck<Object> forever = ExerciseCheck.of("9.1", 1, "loops", impl -> {
            while (true) {
                Thread.onSpinWait();
            }
        });
        CheckResult r = Check.run(forever, new Object(), Duration.ofMillis(200));
        assertEquals(CheckResult.Status.FAILED, r.status());
        assertTrue(r.message().startsWith("still running after 0.2 s"), r.message());
        ExerciseCheck<Object> quick = ExerciseCheck.of("9.1", 1, "returns", impl -> { });
        assertTrue(Check.run(quick, new Object(), Duration.ofMillis(200)).passed());
    }

    @Test
    @DisplayName("a stack overflow and a runtime exception become FAIL lines that say what happened")
    void crashesBecomeMessages() {
        ExerciseCheck<Object> overflow = ExerciseCheck.of("9.1", 1, "recurses", impl -> recurse(1));
        assertEquals("threw StackOverflowError (does a method call itself without end?) (in recurse)",
                Check.run(overflow, new Object()).message());
        ExerciseCheck<Object> boom = ExerciseCheck.of("9.1", 1, "throws", impl -> {
            throw new IllegalStateException("boom");
        });
        assertEquals("threw java.lang.IllegalStateException: boom", Check.run(boom, new Object()).message());
    }

    private static int recurse(int n) {
        return recurse(n + 1) + 1;
    }
}
