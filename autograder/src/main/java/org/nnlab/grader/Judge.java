package org.nnlab.grader;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;

/**
 * Grades one submission: compiles it, has a sandboxed worker JVM hold its classes ({@link Session}),
 * and runs every graded test (the notebooks' visible checks and the hidden tests) here, in the judge,
 * on proxies whose calls the worker answers with data. Outcomes are decided only here, from what the
 * tests observe; nothing the worker prints or sends can become one. A test's time limit, the
 * submission's, and the worker's restarts after it ends or hangs are enforced here too.
 */
final class Judge {

    private static final ExecutorService TESTS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nnlab-judge-test");
        t.setDaemon(true);
        return t;
    });

    private final Sandbox sandbox;
    private final Sandbox.Options options;

    /** A graded test and how to run it on a submission. */
    private record GradedTest(Plan.Test test, int part, TestBody body) {
    }

    @FunctionalInterface
    private interface TestBody {
        void run(Object submission) throws Throwable;
    }

    Judge(Sandbox sandbox, Sandbox.Options options) {
        this.sandbox = sandbox;
        this.options = options;
    }

    Result grade(String student, Path submission, List<ExerciseSet<?>> sets, Path scratch) {
        long start = System.nanoTime();
        long cpuStart = threadCpu();
        long deadline = start + (long) (options.submissionSeconds() * 1e9);
        SubmissionLoader.Loaded loaded = SubmissionLoader.load(submission, sets, sandbox.workerClassPath());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Session session = new Session(sandbox, loaded.parts(), scratch, options.outputCap());
        Run run = new Run(session, deadline);
        try {
            new Initialisers(session, options.testSeconds()).check();
            for (GradedTest g : plan(session.parts())) {
                run.outcomes.add(run.outcome(g));
            }
        } finally {
            session.close();
        }
        // the CPU time of the submission: its workers', and the judge's (compiling, the tests) on this thread and the tests'
        double cpu = session.cpuSeconds() + (threadCpu() - cpuStart + run.testCpuNanos) / 1e9;
        return new Result(student, run.outcomes, loaded.notes(), run.status, session.printed(), (System.nanoTime() - start) / 1e9,
                session.jvms(), sandbox.isolation(), session.startSeconds(), loadSeconds, cpu, session.protocol());
    }

    private static long threadCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The graded tests of the parts, in order: each notebook's visible checks, then the hidden tests. */
    private static List<GradedTest> plan(List<SubmissionLoader.Part> parts) {
        List<GradedTest> tests = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            for (ExerciseCheck<?> c : parts.get(k).set().checks()) {
                @SuppressWarnings("unchecked")
                ExerciseCheck.Body<Object> body = (ExerciseCheck.Body<Object>) c.body();
                tests.add(new GradedTest(new Plan.Test(Plan.key(c.exercise(), c.name()), c.exercise(), c.name(), c.points(), "visible"),
                        k, body::run));
            }
        }
        for (Class<?> hidden : Plan.hiddenClasses()) {
            for (Method m : hidden.getDeclaredMethods()) {
                Plan.Test t = Plan.hidden(m);
                for (int k = 0; t != null && k < parts.size(); k++) {
                    if (parts.get(k).set().has(t.exercise())) {
                        tests.add(new GradedTest(t, k, submission -> hiddenTest(hidden, m)));
                    }
                }
            }
        }
        return tests;
    }

    /** Runs a hidden test method on a new instance of its class (whose field holds {@link Grading#implementation}). */
    private static void hiddenTest(Class<?> type, Method m) throws Throwable {
        try {
            var make = type.getDeclaredConstructor();
            make.setAccessible(true);
            Object test = make.newInstance();
            m.setAccessible(true);
            m.invoke(test);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The tests of one submission as they run: outcomes, exercises stopped by a worker's end, the status. */
    private final class Run {
        private final Session session;
        private final long deadline;
        private final List<Result.Outcome> outcomes = new ArrayList<>();
        private final Map<String, String> stopped = new LinkedHashMap<>();
        private Result.Ending status = Result.Ending.OK;
        private volatile long testCpuNanos;

        Run(Session session, long deadline) {
            this.session = session;
            this.deadline = deadline;
        }

        Result.Outcome outcome(GradedTest g) {
            Plan.Test t = g.test();
            SubmissionLoader.Part part = session.parts().get(g.part());
            String problem = part.problems().get(t.exercise());
            if (problem != null) {
                return new Result.Outcome(t, Result.Status.FAILED, problem, 0);
            }
            if (stopped.containsKey(t.exercise())) {
                return new Result.Outcome(t, Result.Status.NOT_RUN, stopped.get(t.exercise()), 0);
            }
            if (status != Result.Ending.OK) {
                return new Result.Outcome(t, Result.Status.NOT_RUN, notRun(), 0);
            }
            try {
                session.worker();   // started (or started again) before the test's time begins
            } catch (Session.Lost lost) {
                return lost(t, lost, 0);
            }
            long start = System.nanoTime();
            long testDeadline = Math.min(start + (long) (options.testSeconds() * 1e9), deadline);
            session.test(t.exercise(), testDeadline);
            Throwable failure = run(g, session, testDeadline, this);
            return judged(t, failure, (System.nanoTime() - start) / 1_000_000);
        }

        private String notRun() {
            return status == Result.Ending.TIMEOUT
                    ? "not run: grading this submission took longer than its limit of " + Sandbox.fmt(options.submissionSeconds()) + " s"
                    : "not run: the grading JVM ended " + session.jvms() + " times";
        }

        /** What the test's failure means for the student; null is a pass. */
        private Result.Outcome judged(Plan.Test t, Throwable f, long millis) {
            if (f == null) {
                return new Result.Outcome(t, Result.Status.PASSED, "", millis);
            }
            if (f instanceof Session.Lost lost) {
                return lost(t, lost, millis);
            }
            if (f instanceof Session.Threw th && th.notImplemented() || org.nnlab.exercises.Check.isNotImplemented(f)) {
                return new Result.Outcome(t, Result.Status.NOT_IMPLEMENTED, f.getMessage(), millis);
            }
            return new Result.Outcome(t, Result.Status.FAILED, message(f), millis);
        }

        private Result.Outcome lost(Plan.Test t, Session.Lost lost, long millis) {
            if (System.nanoTime() >= deadline) {
                status = Result.Ending.TIMEOUT;
                return new Result.Outcome(t, Result.Status.FAILED, "still running when the submission's time limit of "
                        + Sandbox.fmt(options.submissionSeconds()) + " s was reached: stopped", millis);
            }
            if (lost.why == Connection.End.TIMED_OUT) {
                return new Result.Outcome(t, Result.Status.FAILED, "still running after " + Sandbox.fmt(options.testSeconds())
                        + " s: stopped (is there a loop that never ends?)", millis);
            }
            if (lost.why == Connection.End.EXITED) {
                stopped.put(t.exercise(), "not run: an earlier test of exercise " + t.exercise() + " ended the grading JVM (" + lost.getMessage() + ")");
                if (session.exhausted()) {
                    status = Result.Ending.CRASHED;
                }
                return new Result.Outcome(t, Result.Status.FAILED, "the grading JVM ended during this test: " + lost.getMessage(), millis);
            }
            return new Result.Outcome(t, Result.Status.FAILED, lost.getMessage(), millis);
        }
    }

    /** Runs one test on its own thread until its deadline (and a second more for the judge's own code). */
    private static Throwable run(GradedTest g, Session session, long testDeadline, Run run) {
        Object submission = submission(session, g.part());
        Future<Throwable> f = TESTS.submit(() -> {
            long cpu = threadCpu();
            try {
                Grading.during(contract -> submission(session, g.part()), () -> g.body().run(submission));
                return null;
            } catch (Throwable t) {
                return t;
            } finally {
                run.testCpuNanos += threadCpu() - cpu;
            }
        });
        try {
            return f.get(Math.max(0, testDeadline - System.nanoTime()) + 1_000_000_000L, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Session.Lost(Connection.End.TIMED_OUT, "still running");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
    }

    /** The submission's part {@code part} as its contract: each abstract method is a call to the worker. */
    private static Object submission(Session session, int part) {
        Class<?> contract = session.parts().get(part).set().contract();
        return Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == a[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> "the submission as " + contract.getSimpleName();
                };
            }
            if (!Modifier.isAbstract(m.getModifiers())) {
                return java.lang.reflect.InvocationHandler.invokeDefault(p, m, a);
            }
            return session.call(part, m, a == null ? new Object[0] : a);
        });
    }

    /** A failed test's message for the student, in the words of the notebook's self-check. */
    static String message(Throwable f) {
        if (f instanceof AssertionError && f.getMessage() != null) {
            return f.getMessage();
        }
        for (Throwable s : f.getSuppressed()) {
            if (s instanceof Session.Threw th) {
                return message(th);   // an exception of the worker's, made again here as its class
            }
        }
        if (f instanceof Session.Threw th) {
            String type = th.type;
            if (type.equals(StackOverflowError.class.getName())) {
                return "threw StackOverflowError (does a method call itself without end?)" + (th.where.isEmpty() ? "" : " (in " + th.where + ")");
            }
            return "threw " + type + (th.getMessage().isEmpty() ? "" : ": " + th.getMessage())
                    + (th.where.isEmpty() ? "" : " (in " + th.where + ")");
        }
        return "threw " + f.getClass().getName() + (f.getMessage() == null ? "" : ": " + f.getMessage());
    }
}
