package org.nnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

/**
 * {@code ./nnlab grade SUBMISSION|FOLDER [--out DIR] [--jobs N] [--force] [--notebook NN]...
 * [--memory MB] [--test-timeout S] [--timeout S] [--sandbox auto|bwrap|unshare|none]}.
 *
 * <p>One submission (a notebook, a .zip, or a folder with .java files) prints a table and writes
 * {@code DIR/results.json} (default DIR: the current folder). A folder of submissions (each entry a
 * notebook, a .zip or a folder) writes {@code DIR/<student>/results.json}, {@code feedback.md}, {@code feedback.html} and
 * {@code grade.json} and {@code DIR/gradebook.csv} (default DIR: FOLDER-grades next to it); a re-run
 * skips students whose submission is unchanged since it was graded, unless {@code --force}.
 * {@code --bench N} runs {@link Bench}; {@code --gradescope-package OUT.zip} runs {@link GradescopePackage}.
 */
public final class GradeMain {

    private GradeMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        Path target = null;
        Path out = null;
        int jobs = 2;
        boolean force = false;
        List<String> notebooks = new ArrayList<>();
        Sandbox.Options o = Sandbox.Options.defaults();
        int memory = o.memoryMb();
        double testSeconds = o.testSeconds();
        double timeout = o.submissionSeconds();
        String sandbox = o.isolation();
        int bench = 0;
        Path gradescope = null;
        boolean one = false;
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            try {
                switch (args[i]) {
                    case "--one" -> one = true;
                    case "--out" -> out = Path.of(args[++i]);
                    case "--jobs" -> jobs = Integer.parseInt(args[++i]);
                    case "--force" -> force = true;
                    case "--notebook" -> notebooks.add(args[++i]);
                    case "--memory" -> memory = Integer.parseInt(args[++i]);
                    case "--test-timeout" -> testSeconds = Double.parseDouble(args[++i]);
                    case "--timeout" -> timeout = Double.parseDouble(args[++i]);
                    case "--sandbox" -> sandbox = args[++i];
                    case "--bench" -> bench = Integer.parseInt(args[++i]);
                    case "--gradescope-package" -> gradescope = Path.of(args[++i]);
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        return 0;
                    }
                    default -> {
                        if (args[i].startsWith("--") || target != null) {
                            System.err.println("grade: unexpected argument " + args[i] + "\n" + usage());
                            return 2;
                        }
                        target = Path.of(args[i]);
                    }
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                System.err.println("grade: " + opt + " expects " + (opt.equals("--test-timeout") || opt.equals("--timeout") ? "a number of seconds"
                        : opt.equals("--sandbox") ? "auto, bwrap, unshare or none" : opt.equals("--out") || opt.equals("--gradescope-package")
                        || opt.equals("--notebook") ? "a value" : "a whole number") + ", got " + (i < args.length ? "'" + args[i] + "'" : "nothing")
                        + "\n" + usage());
                return 2;
            }
        }
        if (gradescope != null) {
            return GradescopePackage.build(gradescope, notebooks);
        }
        if (bench > 0) {
            Sandbox box = new Sandbox(new Sandbox.Options(memory, testSeconds, timeout, 1 << 20, sandbox));
            Path work = out != null ? out : Files.createTempDirectory("nnlab-bench-");
            return Bench.run(box, bench, jobs, Path.of(System.getProperty("nnlab.root", ".")).toAbsolutePath(), work);
        }
        if (target == null || !Files.exists(target)) {
            System.err.println("grade: " + (target == null ? "no submission given" : "there is no file or folder " + target) + "\n" + usage());
            return 2;
        }
        Sandbox box = new Sandbox(new Sandbox.Options(memory, testSeconds, timeout, 1 << 20, sandbox));
        if (!one && isBatch(target)) {
            return batch(box, target, out == null ? target.toAbsolutePath().resolveSibling(target.getFileName() + "-grades") : out, jobs, force, notebooks);
        }
        List<ExerciseSet<?>> sets = sets(notebooks, List.of(target));
        Path dir = out == null ? Path.of(".") : out;
        Path scratch = Files.createTempDirectory("nnlab-grade-");
        try {
            Result r = box.grade(student(target), target, sets, scratch);
            System.out.print(Reports.table(r));
            Reports.writeAtomically(dir.resolve("results.json"), Json.pretty(Reports.resultsJson(r)));
            Reports.writeAtomically(dir.resolve("feedback.html"), Reports.feedbackHtml(r));
            System.out.println("wrote " + dir.resolve("results.json") + " and " + dir.resolve("feedback.html"));
        } finally {
            deleteTree(scratch);
        }
        return 0;
    }

    static String usage() {
        return "usage: ./nnlab grade SUBMISSION|FOLDER [--out DIR] [--jobs N] [--force] [--notebook NN]... [--memory MB]\n"
                + "                    [--test-timeout S] [--timeout S] [--sandbox auto|bwrap|unshare|none]\n"
                + "       --one: grade FOLDER as one submission (Gradescope's submission folder), not as a folder of submissions\n"
                + "       ./nnlab grade --bench N [--jobs N] [--out DIR]      (N notebook submissions made and graded; prints the times)\n"
                + "       ./nnlab grade --gradescope-package OUT.zip [--notebook NN]...   (a Gradescope autograder package)";
    }

    /**
     * A folder is a batch of submissions unless it is one starter-code submission: .java files directly
     * in it, or a source tree (a src, exercises or org folder) in it.
     */
    static boolean isBatch(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.noneMatch(p -> p.toString().endsWith(".java")
                    || (Files.isDirectory(p) && List.of("src", "exercises", "org").contains(p.getFileName().toString())));
        }
    }

    static String student(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isDirectory(p) || dot <= 0 ? name : name.substring(0, dot);
    }

    /** The notebooks to grade: those named, else those any submission has code for, else all. */
    static List<ExerciseSet<?>> sets(List<String> named, List<Path> submissions) {
        Set<String> chosen = new LinkedHashSet<>();
        for (ExerciseSet<?> s : Catalog.sets()) {
            if (named.stream().anyMatch(n -> s.notebook().equals(n) || s.notebook().startsWith(n + "-"))) {
                chosen.add(s.notebook());
            }
        }
        if (chosen.isEmpty()) {
            submissions.forEach(p -> chosen.addAll(SubmissionLoader.detect(p)));
        }
        List<ExerciseSet<?>> ordered = new ArrayList<>();
        for (ExerciseSet<?> s : Catalog.sets()) {
            if (chosen.isEmpty() || chosen.contains(s.notebook())) {
                ordered.add(s);
            }
        }
        return ordered;
    }

    static int batch(Sandbox box, Path folder, Path out, int jobs, boolean force, List<String> notebooks) throws Exception {
        List<Path> subs;
        try (Stream<Path> entries = Files.list(folder)) {
            subs = entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> Files.isDirectory(p) || p.toString().endsWith(".ipynb") || p.toString().endsWith(".zip"))
                    .sorted().toList();
        }
        List<ExerciseSet<?>> sets = sets(notebooks, subs);
        List<String> exercises = sets.stream().flatMap(s -> s.exercises().stream()).toList();
        Files.createDirectories(out);
        System.err.println("grade: " + subs.size() + " submissions in " + folder + ", notebooks "
                + sets.stream().map(ExerciseSet::notebook).toList() + ", " + jobs + " workers, isolation: " + box.isolation());
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<?>> futures = new ArrayList<>();
        for (Path sub : subs) {
            futures.add(pool.submit(() -> {
                String student = student(sub);
                Path dir = out.resolve(student);
                String sha = sha256(sub);
                Path summary = dir.resolve("grade.json");
                if (!force && Files.exists(summary) && sha.equals(((Map<?, ?>) Json.parse(Files.readString(summary))).get("sha256"))) {
                    skipped.incrementAndGet();
                } else {
                    Path scratch = Files.createTempDirectory("nnlab-grade-");
                    try {
                        Result r = box.grade(student, sub, sets, scratch);
                        Reports.writeAtomically(dir.resolve("results.json"), Json.pretty(Reports.resultsJson(r)));
                        Reports.writeAtomically(dir.resolve("feedback.md"), Reports.feedback(r));
                        Reports.writeAtomically(dir.resolve("feedback.html"), Reports.feedbackHtml(r));
                        Reports.writeAtomically(summary, Json.pretty(Reports.summary(r, sha)));   // last: marks it graded
                    } finally {
                        deleteTree(scratch);
                    }
                }
                int n = finished.incrementAndGet();
                synchronized (GradeMain.class) {
                    writeGradebook(out, exercises);
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf("\r[%d/%d] %s (%d skipped as already graded), %.0f s", n, subs.size(), student, skipped.get(), s);
                }
                return null;
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            f.get();
        }
        writeGradebook(out, exercises);
        System.err.println();
        System.out.println("graded " + (subs.size() - skipped.get()) + ", skipped " + skipped.get() + " (already graded; --force regrades); gradebook: "
                + out.resolve("gradebook.csv"));
        return 0;
    }

    private static void writeGradebook(Path out, List<String> exercises) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path g = d.resolve("grade.json");
                if (Files.exists(g)) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) Json.parse(Files.readString(g));
                    rows.add(row);
                }
            }
        }
        Reports.writeAtomically(out.resolve("gradebook.csv"), Reports.gradebook(rows, exercises));
    }

    static String sha256(Path p) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(p);
            }
            for (Path f : files) {
                md.update(p.relativize(f).toString().getBytes());
                try (InputStream in = Files.newInputStream(f)) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
