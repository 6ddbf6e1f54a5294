package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    private static final ExerciseCheck<Object> CHECK = ExerciseCheck.of("1.2", 2, "sigmoid(0) is 0.5", e -> { });

    @Test
    @DisplayName("all checks passed on the latest code: passed, one line per check")
    void passedReport() {
        var report = new CheckReport("1.2", List.of(CheckResult.passed(CHECK, 0)));
        assertTrue(report.passed());
        assertEquals("Exercise 1.2: 1 of 1 checks passed, 2 of 2 points\n  PASS  sigmoid(0) is 0.5", report.toString());
    }

    @Test
    @DisplayName("checks that ran an older version are not reported as passing: NOT CHECKED, why, and what to do")
    void staleReportIsNotPassed() {
        var report = new CheckReport("1.2", List.of(CheckResult.passed(CHECK, 0)))
                .withNotes(List.of("the latest version of sigmoid did not compile (';' expected), so the checks ran the previous version"));
        assertFalse(report.passed());
        assertEquals("Exercise 1.2: NOT CHECKED: the latest version of sigmoid did not compile (';' expected), so the checks"
                + " ran the previous version.\nHint: fix the compile error shown under that cell and run it again.\n"
                + "The code the kernel still has: 1 of 1 checks passed, 2 of 2 points\n  PASS  sigmoid(0) is 0.5", report.toString());
    }
}
