package org.nnlab.exercises;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The notebook self-check: runs the visible checks of one exercise on the student's current code and
 * returns a {@link CheckReport}, one PASS/FAIL line per check with its message. It never throws
 * because of the student's code: a stub ("not implemented yet"), a wrong answer, an exception, an
 * infinite loop (stopped after {@link #TIME_LIMIT}) all become FAIL lines, so that a notebook with
 * untouched exercises still runs top to bottom.
 *
 * <pre>{@code
 * // the self-check cell under exercise 1.2 of 01-rectangle.ipynb
 * Check.exercise("1.2", RectangleExercises.with().sigmoid(z -> sigmoid(z)))
 * }</pre>
 *
 * The lambda {@code z -> sigmoid(z)} is written outside the adapter class, so it calls the
 * notebook's top-level {@code sigmoid}; see docs/exercises.md for why an anonymous class cannot.
 */
public final class Check {

    /** How long one check may run before it counts as failed (an infinite loop, say). */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(10);

    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "nnlab-self-check");
        t.setDaemon(true);  // a student's infinite loop must not keep the kernel from exiting
        return t;
    });

    private Check() {
    }

    /**
     * Runs every visible check of {@code exercise} on {@code implementation}.
     *
     * @param exercise       an exercise id such as {@code "1.2"}
     * @param implementation the contract of the exercise's notebook, e.g. a {@link RectangleExercises}
     * @throws IllegalArgumentException when the id is not an exercise of any notebook, or the
     *                                  implementation is of another notebook's contract
     */
    public static <C> CheckReport exercise(String exercise, C implementation) {
        ExerciseSet<?> set = Catalog.setOf(exercise);
        if (implementation != null && !set.contract().isInstance(implementation)) {
            throw new IllegalArgumentException("Check.exercise: exercise " + exercise + " checks a "
                    + set.contract().getSimpleName() + " but was given a " + implementation.getClass().getName());
        }
        return run(set, exercise, implementation);
    }

    private static <C> CheckReport run(ExerciseSet<C> set, String exercise, Object implementation) {
        C impl = set.contract().cast(implementation);
        List<CheckResult> results = new ArrayList<>();
        for (ExerciseCheck<C> check : set.checks(exercise)) {
            results.add(run(check, impl));
        }
        return new CheckReport(exercise, results);
    }

    /** Runs one check with the {@link #TIME_LIMIT}; whatever happens becomes a {@link CheckResult}. */
    public static <C> CheckResult run(ExerciseCheck<C> check, C implementation) {
        return run(check, implementation, TIME_LIMIT);
    }

    /** Runs one check with a time limit; whatever happens becomes a {@link CheckResult}. */
    public static <C> CheckResult run(ExerciseCheck<C> check, C implementation, Duration limit) {
        long start = System.nanoTime();
        if (implementation == null) {
            return CheckResult.failed(check, "no implementation was given (null)", 0);
        }
        Future<?> future = RUNNER.submit(() -> {
            check.body().run(implementation);
            return null;
        });
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return CheckResult.passed(check, System.nanoTime() - start);
        } catch (TimeoutException e) {
            future.cancel(true);
            return CheckResult.failed(check, "still running after " + Expect.fmt(limit.toMillis() / 1000.0)
                    + " s: stopped (is there a loop that never ends?)", System.nanoTime() - start);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return CheckResult.failed(check, "interrupted", System.nanoTime() - start);
        } catch (ExecutionException e) {
            return CheckResult.of(check, e.getCause(), System.nanoTime() - start);
        }
    }

    /**
     * True when {@code t} is a stub's "Exercise N.k: not implemented yet" (an
     * {@link UnsupportedOperationException} with that message).
     */
    public static boolean isNotImplemented(Throwable t) {
        return t instanceof UnsupportedOperationException && t.getMessage() != null
                && t.getMessage().endsWith("not implemented yet");
    }
}
