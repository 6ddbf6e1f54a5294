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
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.JShell;
import jdk.jshell.spi.SPIResolutionException;
import org.nnlab.check.Args;

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

    /** How long a check stopped by the time limit may take to end by itself before it is stopped hard. */
    static final Duration STOP_GRACE = Duration.ofMillis(200);

    private static volatile Definitions definitions;

    private Check() {
    }

    /**
     * Lets the self-checks read the notebook's declarations from {@code shell}: a check then says
     * when it ran an older version of a method whose latest version did not compile, and names the
     * undeclared variable a method uses. The kernel's start-up calls it; without it the checks work
     * as before.
     */
    public static void watch(JShell shell) {
        definitions = new Definitions(shell);
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
            throw Args.fail("Check.exercise", "exercise " + exercise + " to be given a " + set.contract().getSimpleName(),
                    "a " + implementation.getClass().getName(),
                    "pass " + set.contract().getSimpleName() + ".with()... or this notebook's own class.");
        }
        CheckReport report = run(set, exercise, implementation);
        Definitions d = definitions;
        return d == null ? report : report.withNotes(d.staleNotes());
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

    /**
     * Runs one check with a time limit; whatever happens becomes a {@link CheckResult}. A check
     * still running at the limit is stopped: interrupted, and after {@link #STOP_GRACE} stopped
     * with {@link Thread#stop()} (a loop that never ends never looks at the interrupt; left alone it
     * would keep a core busy until the kernel restarts).
     */
    public static <C> CheckResult run(ExerciseCheck<C> check, C implementation, Duration limit) {
        long start = System.nanoTime();
        if (implementation == null) {
            return CheckResult.failed(check, "no implementation was given (null)", 0);
        }
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<?> future = RUNNER.submit(() -> {
            runner.set(Thread.currentThread());
            try {
                check.body().run(implementation);
            } finally {
                runner.set(null);   // ended: nothing to stop
            }
            return null;
        });
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return CheckResult.passed(check, System.nanoTime() - start);
        } catch (TimeoutException e) {
            future.cancel(true);
            String stopped = stop(runner) ? "stopped (is there a loop that never ends?)"
                    : "it could not be stopped and keeps a core busy.\nHint: restart the kernel (Kernel > Restart),"
                    + " then look for a loop that never ends";
            return CheckResult.failed(check, "still running after " + Expect.fmt(limit.toMillis() / 1000.0)
                    + " s: " + stopped, System.nanoTime() - start);
        } catch (InterruptedException e) {
            future.cancel(true);
            stop(runner);
            Thread.currentThread().interrupt();
            return CheckResult.failed(check, "interrupted", System.nanoTime() - start);
        } catch (ExecutionException e) {
            Definitions d = definitions;
            if (e.getCause() instanceof SPIResolutionException r) {
                String why = d == null ? Definitions.unresolvedWithoutShell() : d.explain(r);
                return CheckResult.failed(check, why, System.nanoTime() - start);
            }
            return CheckResult.of(check, e.getCause(), System.nanoTime() - start);
        }
    }

    /** Ends the check running on {@code runner} (null once it ended) if it ignores its interrupt; false when this JDK cannot. */
    @SuppressWarnings({"deprecation", "removal"})
    static boolean stop(AtomicReference<Thread> runner) {
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            while (runner.get() != null && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread thread = runner.get();
            if (thread == null) {
                return true;
            }
            thread.stop();   // Java 17-19; later JDKs throw UnsupportedOperationException
            thread.join(STOP_GRACE.toMillis());
            return runner.get() == null;
        } catch (UnsupportedOperationException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
