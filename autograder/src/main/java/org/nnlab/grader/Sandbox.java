package org.nnlab.grader;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.nnlab.exercises.ExerciseSet;

/**
 * Grades one submission in its own JVM(s) ({@link Worker}): a heap cap, a time limit per test (in the
 * worker) and per submission (the process tree is killed), an output cap, stdin empty, and on Linux,
 * where it works, no network and no writes outside the scratch folder:
 * <ul>
 * <li>{@code bwrap} (Debian's bubblewrap), when it runs: the whole file system read-only, the scratch
 *     folder writable, a private /tmp, no network, own PID namespace, dies with the grader;</li>
 * <li>else {@code unshare -rmn} (util-linux): user, mount and network namespaces: no network, the files
 *     of the hidden tests and reference solutions covered ({@link #HIDE}); writes are limited only by
 *     the user's file permissions;</li>
 * <li>else {@code unshare -rn}: no network; writes are
 *     limited only by the user's file permissions;</li>
 * <li>else nothing (logged once).</li>
 * </ul>
 * When a JVM dies in a test (System.exit, a native crash) that test fails with what happened, the rest
 * of its exercise is not run, and a new JVM grades the remaining tests; after a test's time-out the
 * worker asks for a new JVM (its thread may loop on). The submission's time limit covers all of them.
 */
public final class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());
    private static final int MAX_JVMS = 8;

    /** Limits and isolation of the grading JVMs. */
    public record Options(int memoryMb, double testSeconds, double submissionSeconds, long outputCap, String isolation) {
        public static Options defaults() {
            return new Options(512, 10, 300, 1 << 20, "auto");
        }
    }

    /**
     * Run by {@code sh} in {@code unshare -rmn}: covers each path before {@code --} (a folder with an
     * empty tmpfs, a file with /dev/null), then runs the command after it.
     */
    static final String HIDE = "while [ \"$1\" != -- ]; do if [ -d \"$1\" ]; then mount -t tmpfs tmpfs \"$1\"; "
            + "else mount --bind /dev/null \"$1\"; fi || exit 70; shift; done; shift; exec \"$@\"";

    private final Options options;
    private final List<String> prefix;
    private final String isolation;
    private final Path archive;       // the AppCDS archive of the grading JVMs, or null (disabled)
    private final Secrets.Split secrets;   // the grading JVMs' class path, without what they must not read
    private final List<Path> hidden;       // hidden from the grading JVMs under bwrap
    private boolean dumping;          // a JVM is writing the archive

    /**
     * Where the grading JVMs' class-data-sharing archive lives: the system property
     * {@code nnlab.grader.cds} (a file; {@code off} disables it), else a file in java.io.tmpdir named
     * after a hash of the JVM and of the class path's files (names, sizes, times), so that a rebuilt
     * jar gets a new archive instead of a mismatched one.
     */
    static Path archivePath() {
        String p = System.getProperty("nnlab.grader.cds", "");
        if (p.equals("off")) {
            return null;
        }
        if (!p.isBlank()) {
            return Path.of(p).toAbsolutePath();
        }
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append(System.getProperty("java.vm.version"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            key.append('|').append(f.getAbsolutePath()).append(':').append(f.length()).append(':').append(f.lastModified());
            if (f.isDirectory()) {
                try (var files = Files.walk(f.toPath())) {
                    key.append(':').append(files.mapToLong(x -> x.toFile().lastModified()).max().orElse(0));
                } catch (IOException e) {
                    key.append(":?");
                }
            }
        }
        String hash = Integer.toHexString(key.toString().hashCode()) + Integer.toHexString(key.reverse().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "nnlab-grader-" + hash + ".jsa").toAbsolutePath();
    }

    public Sandbox(Options options) {
        this.options = options;
        String mode = options.isolation();
        List<String> p = List.of();
        String used = "none";
        if (mode.equals("auto") || mode.equals("bwrap")) {
            if (works(List.of("bwrap", "--ro-bind", "/", "/", "--unshare-net", "true"))) {
                p = List.of("bwrap");
                used = "bwrap";
            }
        }
        if (used.equals("none") && (mode.equals("auto") || mode.equals("unshare"))) {
            if (works(List.of("unshare", "-rmn", "sh", "-c", "mount -t tmpfs tmpfs /mnt"))) {
                // + a mount namespace: the files that hold hidden tests and solutions are covered (HIDE)
                p = List.of("unshare", "-rmn", "sh", "-c", HIDE, "sh");
                used = "unshare -rmn";
            } else if (works(List.of("unshare", "-rn", "true"))) {
                p = List.of("unshare", "-rn");
                used = "unshare -rn";
            }
        }
        if (used.equals("none") && !mode.equals("none")) {
            LOG.warning("grade: neither bwrap nor 'unshare -rn' works here: submissions run without network or file-system isolation "
                    + "(still in their own JVM with heap, time and output limits)");
        }
        this.prefix = p;
        this.isolation = used;
        this.archive = archivePath();
        Path cache = archive != null ? archive.getParent() : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            this.secrets = Secrets.split(List.of(System.getProperty("java.class.path").split(File.pathSeparator)), cache);
        } catch (IOException e) {
            throw new UncheckedIOException("grade: could not separate the hidden tests from the grader's class path: " + e.getMessage(), e);
        }
        // also hidden: the project's sources of the reference solutions and hidden tests, and Maven's copies
        List<Path> h = new ArrayList<>(secrets.hide());
        String root = System.getProperty("nnlab.root", "");
        Path project = root.isBlank() ? null : Path.of(root).toAbsolutePath().normalize();
        if (project != null) {
            h.add(project.resolve("solutions"));
            h.add(project.resolve("autograder/src"));
            h.add(project.resolve("autograder/target"));
            h.add(project.resolve("build/grader/jars"));
        }
        h.add(Path.of(System.getProperty("user.home"), ".m2/repository/org/nnlab/nnlab-solutions"));
        h.add(Path.of(System.getProperty("user.home"), ".m2/repository/org/nnlab/nnlab-autograder"));
        this.hidden = h.stream().filter(Files::exists).distinct().toList();
    }

    /** The grading JVMs' class path: the grader's without the hidden tests and the reference solutions. */
    public List<String> workerClassPath() {
        return secrets.classPath();
    }

    /**
     * The class-data-sharing options of the next grading JVM: use the archive when it exists; else
     * the first JVM to ask writes it at its exit into its scratch folder ({@code dumpTo}), and
     * {@link #archiveWritten} moves it into place. The archive holds the classes of the JDK, JUnit,
     * javac and ND4J that a grading JVM loads (not the submission's): ~30 MB, ~1 s less per JVM.
     */
    private synchronized List<String> cdsOptions(Path dumpTo) {
        if (archive == null) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        if (dumping) {
            return List.of();
        }
        dumping = true;
        return List.of("-XX:ArchiveClassesAtExit=" + dumpTo, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After a JVM that was told to write the archive to {@code dumped}: move it into place, atomically. */
    private synchronized void archiveWritten(Path dumped) {
        dumping = false;
        try {
            if (Files.isRegularFile(dumped) && Files.size(dumped) > 0) {
                Files.createDirectories(archive.getParent());
                Path tmp = Files.createTempFile(archive.getParent(), ".nnlab-grader", ".jsa.tmp");
                Files.copy(dumped, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(dumped);
        } catch (IOException e) {
            LOG.warning("grade: could not keep the class-data archive " + archive + ": " + e.getMessage()
                    + " (grading works without it, each JVM starts ~1 s slower)");
        }
    }

    /** The class-data-sharing archive used, or null when disabled. */
    public Path archive() {
        return archive;
    }

    /** How the JVMs are isolated: "bwrap", "unshare -rmn", "unshare -rn" or "none". */
    public String isolation() {
        return isolation;
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Grades {@code submission} on the notebooks {@code sets}, using {@code scratch} as the JVMs' only writable folder. */
    public Result grade(String student, Path submission, List<ExerciseSet<?>> sets, Path scratch) throws IOException {
        long start = System.nanoTime();
        long deadline = start + (long) (options.submissionSeconds() * 1e9);
        Files.createDirectories(scratch);
        Path abs = submission.toAbsolutePath().normalize();
        if (!isolation.equals("none") && !isolation.equals("unshare -rn") && hidden.stream().anyMatch(abs::startsWith)) {
            // it lies where the grading JVM sees nothing (a reference notebook graded as a test): a copy
            Path copy = scratch.resolve("submission").resolve(abs.getFileName().toString());
            copyTree(abs, copy);
            submission = copy;
        }
        Path results = scratch.resolve("results.jsonl");
        Path skipFile = scratch.resolve("skip.txt");
        List<Plan.Test> plan = Plan.of(sets);
        Map<String, Result.Outcome> done = new LinkedHashMap<>();
        Set<String> stoppedExercises = new LinkedHashSet<>();
        Map<String, String> notRun = new LinkedHashMap<>();   // exercise -> why
        Map<String, Object> problems = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        StringBuilder output = new StringBuilder();
        String status = "ok";
        int jvms = 0;
        double startSeconds = Double.NaN;
        double loadSeconds = Double.NaN;
        double cpuSeconds = 0;
        String names = String.join(",", sets.stream().map(ExerciseSet::notebook).toList());
        while (true) {
            List<String> skip = new ArrayList<>(done.keySet());
            stoppedExercises.forEach(e -> skip.add("exercise " + e));
            Files.write(skipFile, skip, StandardCharsets.UTF_8);
            Files.deleteIfExists(results);
            Path dumpTo = scratch.resolve("worker.jsa");
            List<String> cds = cdsOptions(dumpTo);
            List<String> cmd = new ArrayList<>(prefix);
            if (isolation.equals("bwrap")) {
                cmd.addAll(List.of("--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"));
                // /tmp is emptied (other submissions may sit there); what the grading JVM needs from it
                // comes back read-only: the submission itself and any class path entry under /tmp
                for (Path needed : neededUnderTmp(submission, cds.stream().anyMatch(o -> o.startsWith("-XX:Shared")) ? archive : null,
                        secrets.classPath())) {
                    cmd.addAll(List.of("--ro-bind", needed.toString(), needed.toString()));
                }
                // ND4J's natives, unpacked once into ~/.javacpp/cache: JavaCPP wants a writable cache folder and,
                // on a read-only one, unpacks all of them again (~400 MB, seconds of CPU) into the scratch folder
                // at every start. A tmpfs makes the folder writable, the unpacked libraries come back read-only
                // (a submission cannot plant a library that a later JVM would load).
                Path javacpp = Path.of(System.getProperty("user.home"), ".javacpp", "cache");
                if (Files.isDirectory(javacpp)) {
                    cmd.addAll(List.of("--tmpfs", javacpp.getParent().toString()));
                    try (var dirs = Files.list(javacpp)) {
                        for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                            cmd.addAll(List.of("--ro-bind", d.toString(), d.toString()));
                        }
                    }
                }
                // what the submission must not read: folders become empty, files empty ones
                for (Path h : hidden) {
                    if (Files.isDirectory(h)) {
                        cmd.addAll(List.of("--tmpfs", h.toString()));
                    } else {
                        cmd.addAll(List.of("--ro-bind", "/dev/null", h.toString()));
                    }
                }
                cmd.addAll(List.of("--bind", scratch.toString(), scratch.toString(), "--unshare-net", "--unshare-pid",
                        "--die-with-parent", "--chdir", scratch.toString()));
            }
            if (isolation.equals("unshare -rmn")) {
                hidden.forEach(h -> cmd.add(h.toString()));
                cmd.add("--");
            }
            cmd.addAll(List.of(javaBin(), "-Xmx" + options.memoryMb() + "m", "-Xss1m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData", "-XX:+DisableAttachMechanism"));
            cmd.addAll(cds);
            // extra options for experiments (e.g. -XX:TieredStopAtLevel=4), after ours so that they win
            for (String o : System.getProperty("nnlab.grader.jvm-options", "").split("\\s+")) {
                if (!o.isBlank()) {
                    cmd.add(o);
                }
            }
            cmd.addAll(List.of("-Djava.io.tmpdir=" + scratch,
                    "-Dorg.bytedeco.javacpp.maxbytes=" + options.memoryMb() + "m",
                    "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (3L * options.memoryMb() + 256) + "m",
                    "-cp", String.join(File.pathSeparator, secrets.classPath()), Worker.class.getName(),
                    submission.toAbsolutePath().toString(), results.toString(), names,
                    String.valueOf(options.testSeconds()), skipFile.toString(), String.valueOf(options.outputCap())));
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratch.toFile()).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", "1");
            boolean dumps = cds.stream().anyMatch(o -> o.startsWith("-XX:Archive"));
            long spawnEpochMs = System.currentTimeMillis();
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                if (dumps) {
                    archiveWritten(dumpTo);
                }
                throw e;
            }
            jvms++;
            try (var stdin = process.getOutputStream()) {
                Secrets.write(secrets.classes(), stdin);
            } catch (IOException e) {
                // the JVM ended before reading them: what it did is read below
            }
            Capture capture = new Capture(process.getInputStream(), options.outputCap());
            capture.start();
            boolean finished;
            try {
                finished = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                kill(process);
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (!finished) {
                kill(process);
            }
            if (dumps) {
                archiveWritten(dumpTo);
            }
            try {
                capture.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (output.length() < options.outputCap()) {
                output.append(capture.text(), 0, (int) Math.min(capture.text().length(), options.outputCap() - output.length()));
            }
            if (capture.dropped() > 0) {
                output.append("\n[output truncated: ").append(capture.dropped()).append(" more bytes]\n");
            }
            // what the worker reported
            String running = null;
            boolean complete = false;
            int before = done.size();
            for (String line : Files.exists(results) ? Files.readAllLines(results, StandardCharsets.UTF_8) : List.<String>of()) {
                Map<?, ?> ev;
                try {
                    ev = (Map<?, ?>) Json.parse(line);
                } catch (RuntimeException e) {
                    continue;   // a line cut short by a kill
                }
                switch (String.valueOf(ev.get("event"))) {
                    case "loaded" -> {
                        if (jvms == 1 && ev.get("main_epoch_ms") instanceof Number m && ev.get("load_ms") instanceof Number l) {
                            startSeconds = (m.longValue() - spawnEpochMs) / 1000.0;
                            loadSeconds = l.longValue() / 1000.0;
                        }
                        if (problems.isEmpty() && notes.isEmpty()) {
                            problems.putAll((Map<String, Object>) ev.get("problems"));
                            ((List<?>) ev.get("notes")).forEach(n -> notes.add(String.valueOf(n)));
                        }
                    }
                    case "start" -> running = String.valueOf(ev.get("key"));
                    case "result" -> {
                        String key = String.valueOf(ev.get("key"));
                        Plan.Test t = plan.stream().filter(x -> x.key().equals(key)).findFirst().orElse(null);
                        if (t != null) {
                            done.put(key, new Result.Outcome(t, String.valueOf(ev.get("status")), String.valueOf(ev.get("message")),
                                    ((Number) ev.get("millis")).longValue()));
                        }
                        running = null;
                    }
                    case "done" -> {
                        complete = true;
                        if (ev.get("cpu_ms") instanceof Number c && c.longValue() >= 0) {
                            cpuSeconds += c.longValue() / 1000.0;
                        }
                    }
                    default -> { }
                }
            }
            if (complete) {
                break;
            }
            if (!finished) {
                status = "timeout";
                String why = "not run: grading this submission took longer than its limit of " + fmt(options.submissionSeconds()) + " s";
                if (running != null) {
                    fail(plan, done, running, "still running when the submission's time limit of " + fmt(options.submissionSeconds())
                            + " s was reached: stopped");
                }
                plan.forEach(t -> notRun.putIfAbsent(t.exercise(), why));
                break;
            }
            int code = process.exitValue();
            if (code == Worker.RESTART && done.size() > before) {
                continue;
            }
            String what = describeExit(code, capture.text());
            if (running != null) {
                fail(plan, done, running, "the grading JVM ended during this test: " + what);
                String exercise = running.substring(0, running.indexOf(':'));
                stoppedExercises.add(exercise);
                notRun.put(exercise, "not run: an earlier test of exercise " + exercise + " ended the grading JVM (" + what + ")");
            }
            if ((running == null && done.size() == before) || jvms >= MAX_JVMS) {
                status = "crashed";
                String why = "not run: the grading JVM ended " + (jvms >= MAX_JVMS ? jvms + " times" : "before running the tests") + ": " + what;
                plan.forEach(t -> notRun.putIfAbsent(t.exercise(), why));
                break;
            }
        }
        List<Result.Outcome> outcomes = new ArrayList<>();
        for (Plan.Test t : plan) {
            Result.Outcome o = done.get(t.key());
            if (o == null) {
                o = new Result.Outcome(t, "not_run", notRun.getOrDefault(t.exercise(), "not run"), 0);
            }
            Object problem = problems.get(t.exercise());
            if (problem != null && !o.status().equals("passed")) {
                o = new Result.Outcome(t, "failed", String.valueOf(problem), o.millis());
            }
            outcomes.add(o);
        }
        return new Result(student, outcomes, notes, status, output.toString(), (System.nanoTime() - start) / 1e9, jvms, isolation,
                startSeconds, loadSeconds, cpuSeconds);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.createDirectories(t.getParent());
                    Files.copy(f, t);
                }
            }
        }
    }

    private static void fail(List<Plan.Test> plan, Map<String, Result.Outcome> done, String key, String message) {
        plan.stream().filter(t -> t.key().equals(key)).findFirst()
                .ifPresent(t -> done.put(key, new Result.Outcome(t, "failed", message, 0)));
    }

    private String describeExit(int code, String output) {
        if (output.contains("OutOfMemoryError")) {
            return "it ran out of memory (heap limit " + options.memoryMb() + " MB)";
        }
        if (code == 137 || code == 9) {
            return "it was killed (exit code " + code + ", perhaps by the system for using too much memory)";
        }
        if (code == 134 || code == 139) {
            return "the JVM crashed (exit code " + code + ")";
        }
        return "exit code " + code + " (did the code call System.exit(" + code + ")?)";
    }

    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a child's output to the end, keeping the first {@code cap} bytes. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final long cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        Capture(InputStream in, long cap) {
            this.in = in;
            this.cap = cap;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    int keep = (int) Math.max(0, Math.min(n, cap - kept.size()));
                    kept.write(buf, 0, keep);
                    dropped += n - keep;
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        long dropped() {
            return dropped;
        }
    }

    /** The submission, the class-data archive (when used) and the class path entries that lie under /tmp, which bwrap replaces by an empty tmpfs. */
    private static List<Path> neededUnderTmp(Path submission, Path archive, List<String> classPath) {
        List<Path> needed = new ArrayList<>();
        if (archive != null && archive.startsWith(Path.of("/tmp"))) {
            needed.add(archive);
        }
        Path tmp = Path.of("/tmp");
        Path sub = submission.toAbsolutePath().normalize();
        if (sub.startsWith(tmp)) {
            needed.add(sub);
        }
        for (String entry : classPath) {
            Path p = Path.of(entry).toAbsolutePath().normalize();
            if (!entry.isBlank() && p.startsWith(tmp) && Files.exists(p)) {
                needed.add(p);
            }
        }
        return needed;
    }
}
