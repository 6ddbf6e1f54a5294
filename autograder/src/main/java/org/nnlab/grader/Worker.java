package org.nnlab.grader;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

/**
 * The grading JVM: loads one submission, runs the graded tests with the JUnit launcher and appends one
 * JSON line per event to the results file, flushed at once, so that the parent ({@link Sandbox})
 * knows how far it got when this JVM dies (System.exit, a crash, a kill at the time limit):
 * <pre>
 * {"event":"loaded","problems":{"1.3":"..."},"notes":[...],"main_epoch_ms":1700000000000,"load_ms":800}
 * {"event":"start","key":"1.2: sigmoid(0) is 0.5"}
 * {"event":"result","key":"...","status":"passed|failed|not_implemented","message":"...","millis":3}
 * {"event":"done","cpu_ms":2100}
 * </pre>
 * {@code main_epoch_ms} is the wall clock when {@code main} began (the parent subtracts the time it
 * started the process: the JVM's start cost), {@code load_ms} the time to read and compile the submission, {@code cpu_ms} the CPU time
 * (user + system, all threads) the JVM used.
 * After a test that ran out of time (its thread may loop on) it exits with {@link #RESTART} so that
 * the parent starts a fresh JVM for the remaining tests. It ends with {@code Runtime.halt}, so threads
 * that the submission left running do not keep it alive.
 *
 * <p>Stdin: the hidden tests and reference solutions as {@link Secrets#write} writes them (read first,
 * then stdin is empty for the submission).
 *
 * <p>Arguments: {@code SUBMISSION RESULTS SETS TEST_SECONDS SKIP_FILE OUTPUT_CAP_BYTES}, SETS the
 * notebooks joined by commas (e.g. {@code 01-rectangle}), SKIP_FILE holding keys of tests already done
 * and lines {@code exercise N.k} for exercises not to run any more
 * (an earlier test of theirs ended a JVM).
 */
public final class Worker {

    /** Exit code: a test ran out of time; start a new JVM for the rest. */
    public static final int RESTART = 75;

    private final PrintStream results;

    private Worker(PrintStream results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        long mainEpochMs = System.currentTimeMillis();
        Path submission = Path.of(args[0]);
        PrintStream results = new PrintStream(new FileOutputStream(args[1], true), true, StandardCharsets.UTF_8);
        List<String> names = List.of(args[2].split(","));
        Duration limit = Duration.ofMillis((long) (Double.parseDouble(args[3]) * 1000));
        Set<String> skip = new HashSet<>();
        Map<String, String> stopped = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[4]))) {
            if (line.startsWith("exercise ")) {
                stopped.put(line.substring("exercise ".length()).strip(), "");
            } else if (!line.isBlank()) {
                skip.add(line);
            }
        }
        // the hidden tests and the reference solutions: bytes on stdin, defined by a private loader
        // (Secrets); the class path has none of them, so the submission's code cannot find them
        Secrets.Loader secrets = new Secrets.Loader(Secrets.read(System.in), Worker.class.getClassLoader());
        Plan.hiddenClasses(secrets.hiddenTests());
        SubmissionLoader.referencesFrom(secrets);
        long cap = Long.parseLong(args[5]);
        OutputStream out = new CappedStream(new FileOutputStream(java.io.FileDescriptor.out), cap);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setIn(java.io.InputStream.nullInputStream());

        List<ExerciseSet<?>> sets = new ArrayList<>();
        for (ExerciseSet<?> s : Catalog.sets()) {
            if (names.contains(s.notebook())) {
                sets.add(s);
            }
        }
        long loadStart = System.nanoTime();
        SubmissionLoader.Loaded loaded = SubmissionLoader.load(submission, sets);
        Map<String, Object> problems = new LinkedHashMap<>();
        loaded.parts().forEach(p -> problems.putAll(p.problems()));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "loaded");
        event.put("problems", problems);
        event.put("notes", loaded.notes());
        event.put("main_epoch_ms", mainEpochMs);
        event.put("load_ms", (System.nanoTime() - loadStart) / 1_000_000);
        results.println(Json.write(event));

        Grading.set(loaded, skip, stopped.keySet(), limit);
        new Worker(results).run(sets, limit);
        long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
        results.println("{\"event\":\"done\",\"cpu_ms\":" + cpuMs + "}");
        results.flush();
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private void run(List<ExerciseSet<?>> sets, Duration limit) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        selectors.add(selectClass(VisibleChecks.class));
        Plan.hiddenClasses().forEach(c -> selectors.add(selectClass(c)));
        PostDiscoveryFilter filter = descriptor -> {
            Method m = descriptor.getSource().orElse(null) instanceof MethodSource ms ? Plan.hiddenMethod(ms.getClassName(), ms.getMethodName()) : null;
            if (m != null && m.isAnnotationPresent(Graded.class)) {
                Plan.Test t = Plan.hidden(m);
                boolean graded = sets.stream().anyMatch(s -> s.has(t.exercise()));
                return FilterResult.includedIf(graded && !Grading.skipped(t.key()), () -> "graded", () -> "not graded or already done");
            }
            return FilterResult.included("container or visible checks");
        };
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(filter)
                .configurationParameter("junit.jupiter.execution.timeout.testable.method.default", limit.toMillis() + " ms")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, new Listener());
    }

    private String keyOf(TestIdentifier id) {
        if (id.getSource().orElse(null) instanceof MethodSource ms && Plan.hiddenMethod(ms.getClassName(), ms.getMethodName()) != null) {
            Plan.Test t = Plan.hidden(Plan.hiddenMethod(ms.getClassName(), ms.getMethodName()));
            if (t != null) {
                return t.key();
            }
        }
        return id.getDisplayName();
    }

    private final class Listener implements TestExecutionListener {
        private long started;

        @Override
        public void executionStarted(TestIdentifier id) {
            if (id.isTest()) {
                started = System.nanoTime();
                String key = keyOf(id);
                Grading.current(key.contains(":") ? key.substring(0, key.indexOf(':')) : "");
                results.println(Json.write(Map.of("event", "start", "key", keyOf(id))));
            }
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                return;
            }
            String key = keyOf(id);
            Throwable t = result.getThrowable().orElse(null);
            String status = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "passed"
                    : t instanceof VisibleChecks.NotImplemented || (t instanceof UnsupportedOperationException u
                    && String.valueOf(u.getMessage()).endsWith("not implemented yet")) ? "not_implemented" : "failed";
            String message = t == null ? "" : (t instanceof AssertionError || "not_implemented".equals(status)) && t.getMessage() != null ? t.getMessage()
                    : t instanceof TimeoutException ? "still running after " + Grading.testLimit().toMillis() / 1000.0 + " s: stopped (is there a loop that never ends?)"
                    : t instanceof StackOverflowError ? "threw StackOverflowError (does a method call itself without end?)"
                    : "threw " + t;
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("event", "result");
            event.put("key", key);
            event.put("status", status);
            event.put("message", message);
            event.put("millis", (System.nanoTime() - started) / 1_000_000);
            results.println(Json.write(event));
            boolean timedOut = t instanceof VisibleChecks.TimedOut || t instanceof TimeoutException;
            if (timedOut) {
                results.flush();
                Runtime.getRuntime().halt(RESTART);
            }
        }
    }

    /** Passes the first {@code cap} bytes, then drops the rest and says so once. */
    static final class CappedStream extends OutputStream {
        private final OutputStream out;
        private final long cap;
        private long written;

        CappedStream(OutputStream out, long cap) {
            this.out = out;
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (written < cap) {
                int n = (int) Math.min(len, cap - written);
                out.write(b, off, n);
                if (written + len >= cap) {
                    out.write(("\n[output truncated at " + cap + " bytes]\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            written += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
