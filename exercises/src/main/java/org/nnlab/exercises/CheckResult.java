package org.nnlab.exercises;

/**
 * The outcome of one {@link ExerciseCheck} on one implementation.
 *
 * @param check   the check
 * @param status  passed, failed (wrong answer, exception, time limit) or not implemented (a stub)
 * @param message for a failure, what the student should read; empty when passed
 * @param nanos   how long it ran
 */
public record CheckResult(ExerciseCheck<?> check, Status status, String message, long nanos) {

    /** How a check ended. */
    public enum Status { PASSED, FAILED, NOT_IMPLEMENTED }

    /** True when the check passed. */
    public boolean passed() {
        return status == Status.PASSED;
    }

    /** The points earned: all of the check's points when it passed, else none. */
    public int points() {
        return passed() ? check.points() : 0;
    }

    static CheckResult passed(ExerciseCheck<?> check, long nanos) {
        return new CheckResult(check, Status.PASSED, "", nanos);
    }

    static CheckResult failed(ExerciseCheck<?> check, String message, long nanos) {
        return new CheckResult(check, Status.FAILED, message, nanos);
    }

    /** The result of a check whose body threw {@code thrown}. */
    static CheckResult of(ExerciseCheck<?> check, Throwable thrown, long nanos) {
        if (Check.isNotImplemented(thrown)) {
            return new CheckResult(check, Status.NOT_IMPLEMENTED, thrown.getMessage(), nanos);
        }
        if (thrown instanceof AssertionError && thrown.getMessage() != null) {
            return failed(check, thrown.getMessage(), nanos);
        }
        String where = whereInStudentCode(thrown);
        String message = thrown instanceof StackOverflowError
                ? "threw StackOverflowError (does a method call itself without end?)"
                : "threw " + thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return failed(check, message + where, nanos);
    }

    /** " (in layer)" for the innermost frame outside the JDK and the checks, or "". */
    private static String whereInStudentCode(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
                    && !c.startsWith("org.nnlab.exercises.") && !c.startsWith("org.nd4j.")
                    && !e.getMethodName().startsWith("lambda$")) {
                return " (in " + e.getMethodName() + ")";
            }
        }
        return "";
    }
}
