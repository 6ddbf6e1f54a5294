package org.nnlab.grader;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nnlab.exercises.Check;
import org.nnlab.exercises.CheckResult;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;
import org.opentest4j.AssertionFailedError;

/**
 * The visible graded tests: one JUnit {@link DynamicTest} per {@link ExerciseCheck} of every graded
 * notebook (the checks the notebook's self-check runs), worth the check's points, run by
 * {@link Check#run} with {@link Grading#testLimit()}. The test's display name is its
 * {@link Plan.Test#key()}.
 */
public class VisibleChecks {

    /** Thrown for a stub: the exercise is not implemented yet. */
    public static final class NotImplemented extends AssertionFailedError {
        public NotImplemented(String message) {
            super(message);
        }
    }

    /** Thrown when a check ran out of time (its thread may still be running). */
    public static final class TimedOut extends AssertionFailedError {
        public TimedOut(String message) {
            super(message);
        }
    }

    @TestFactory
    List<DynamicTest> visibleChecks() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ExerciseSet<?> set : Grading.sets()) {
            add(tests, set);
        }
        return tests;
    }

    private static <C> void add(List<DynamicTest> tests, ExerciseSet<C> set) {
        for (ExerciseCheck<C> check : set.checks()) {
            String key = Plan.key(check.exercise(), check.name());
            if (!Grading.skipped(key)) {
                tests.add(DynamicTest.dynamicTest(key, () -> run(check, Grading.implementation(set.contract(), check.exercise()))));
            }
        }
    }

    private static <C> void run(ExerciseCheck<C> check, C impl) {
        CheckResult r = Check.run(check, impl, Grading.testLimit());
        switch (r.status()) {
            case PASSED -> { }
            case NOT_IMPLEMENTED -> throw new NotImplemented(r.message());
            default -> throw r.message().startsWith("still running after") ? new TimedOut(r.message()) : new AssertionFailedError(r.message());
        }
    }
}
