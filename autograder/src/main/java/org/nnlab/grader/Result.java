package org.nnlab.grader;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A graded submission.
 *
 * @param student   the name in the gradebook (file or folder name without extension)
 * @param tests     every planned test, in order, each with its outcome
 * @param notes     notes for the student that cost nothing (a duplicated cell, an ignored file)
 * @param status    how grading ended: {@link Ending#OK}, or what ended it early
 * @param output    what the submission printed (capped)
 * @param seconds   wall-clock time
 * @param jvms      how many grading JVMs it took (1 unless a test crashed or timed out)
 * @param sandbox   how the JVMs were isolated
 * @param startSeconds the first grading JVM's start cost: from starting the process (sandbox included)
 *                  to the worker's {@code main}; NaN when it never got there
 * @param loadSeconds  the time the first JVM took to read and compile the submission; NaN when unknown
 * @param cpuSeconds   the CPU time (user + system) of the grading JVMs that finished normally: what the
 *                  submission costs the machine whatever else runs on it
 * @param protocol  what the judge's calls into the worker cost
 */
public record Result(String student, List<Outcome> tests, List<String> notes, Ending status, String output,
                     double seconds, int jvms, String sandbox, double startSeconds, double loadSeconds, double cpuSeconds,
                     Protocol protocol) {

    /**
     * The cost of the call-by-call protocol for one submission.
     *
     * @param calls     contract methods the tests called in the worker
     * @param callbacks functions the worker called back (the reference, a test's functions)
     * @param bytes     bytes the worker sent
     * @param seconds   wall-clock time the tests waited for the worker's answers
     */
    public record Protocol(long calls, long callbacks, long bytes, double seconds) {
        static final Protocol NONE = new Protocol(0, 0, 0, 0);
    }

    /** A result without protocol figures (nothing was called). */
    public Result(String student, List<Outcome> tests, List<String> notes, Ending status, String output,
                  double seconds, int jvms, String sandbox, double startSeconds, double loadSeconds, double cpuSeconds) {
        this(student, tests, notes, status, output, seconds, jvms, sandbox, startSeconds, loadSeconds, cpuSeconds, Protocol.NONE);
    }

    /** What became of one test; written in lowercase ({@code not_implemented}), as in every output. */
    public enum Status {
        PASSED, FAILED, NOT_IMPLEMENTED, NOT_RUN;

        /** The name in files and messages: {@code passed}, {@code failed}, {@code not_implemented}, {@code not_run}. */
        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** As a student reads it: "passed", "not implemented", "not run", "failed". */
        public String words() {
            return label().replace('_', ' ');
        }
    }

    /** How grading a submission ended: every test ran, or the time limit or a crash stopped it. */
    public enum Ending {
        OK, TIMEOUT, CRASHED;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What {@link #sandbox} is when the grading JVMs ran without a sandbox. */
    public static final String UNSANDBOXED = "none";

    /** One test's outcome: status passed, failed, not_implemented or not_run ({@link Status#label}). */
    public record Outcome(Plan.Test test, Status status, String message, long millis) {

        public int score() {
            return status == Status.PASSED ? test.points() : 0;
        }
    }

    /** Whether the grading JVMs ran without a sandbox (the submission could read and write what the grader's user can). */
    public boolean unsandboxed() {
        return UNSANDBOXED.equals(sandbox);
    }

    /** This result with {@code more} notes after its own (a note about which file was graded, say). */
    public Result withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(more);
        return new Result(student, tests, List.copyOf(all), status, output, seconds, jvms, sandbox, startSeconds, loadSeconds, cpuSeconds,
                protocol);
    }

    public int score() {
        return tests.stream().mapToInt(Outcome::score).sum();
    }

    public int maxScore() {
        return tests.stream().mapToInt(o -> o.test().points()).sum();
    }

    /** Per exercise, in order: {score, max}. */
    public Map<String, int[]> byExercise() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Outcome o : tests) {
            int[] s = m.computeIfAbsent(o.test().exercise(), e -> new int[2]);
            s[0] += o.score();
            s[1] += o.test().points();
        }
        return m;
    }
}
