package org.nnlab.exercises;

import java.util.List;

/**
 * The self-check of one exercise: one line per check. Its {@link #toString()} is what the notebook
 * shows, e.g.
 * <pre>
 * Exercise 1.2: 2 of 3 checks passed, 1 of 2 points
 *   PASS  sigmoid(0) is 0.5
 *   FAIL  sigmoid(-4.4) is 0.012 as on the slides: expected 0.01216 (± 0.0001) but was 0.9878
 * </pre>
 * When the checks ran an older version of the student's code (its latest version did not compile,
 * see {@link Definitions}), the report says so first and does not count as passed.
 *
 * @param notes why the checks did not run the latest code; empty when they did
 */
public record CheckReport(String exercise, List<CheckResult> results, List<String> notes) {

    public CheckReport {
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** A report of checks that ran the latest code. */
    public CheckReport(String exercise, List<CheckResult> results) {
        this(exercise, results, List.of());
    }

    /** This report with {@code notes} on why the checks did not run the latest code. */
    public CheckReport withNotes(List<String> notes) {
        return new CheckReport(exercise, results, notes);
    }

    /** True when every check passed on the latest code. */
    public boolean passed() {
        return notes.isEmpty() && results.stream().allMatch(CheckResult::passed);
    }

    /** The points earned. */
    public int points() {
        return results.stream().mapToInt(CheckResult::points).sum();
    }

    /** The points available. */
    public int maxPoints() {
        return results.stream().mapToInt(r -> r.check().points()).sum();
    }

    /** The number of checks that passed. */
    public long passedCount() {
        return results.stream().filter(CheckResult::passed).count();
    }

    @Override
    public String toString() {
        boolean untouched = !results.isEmpty()
                && results.stream().allMatch(r -> r.status() == CheckResult.Status.NOT_IMPLEMENTED);
        StringBuilder b = new StringBuilder("Exercise ").append(exercise).append(": ");
        if (!notes.isEmpty()) {
            b.append("NOT CHECKED: ").append(String.join("; ", notes)).append(".\n")
                    .append("Hint: fix the compile error shown under that cell and run it again.\n")
                    .append("The code the kernel still has: ");
        }
        if (untouched) {
            b.append("not implemented yet");
        } else {
            b.append(passedCount()).append(" of ").append(results.size()).append(" checks passed");
        }
        b.append(", ").append(points()).append(" of ").append(maxPoints()).append(maxPoints() == 1 ? " point" : " points");
        for (CheckResult r : results) {
            b.append("\n  ").append(r.passed() ? "PASS  " : "FAIL  ").append(r.check().name());
            if (!r.passed()) {
                b.append(": ").append(r.message().replace("\n", "\n        "));
            }
        }
        return b.toString();
    }
}
