package org.nnlab.grader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.nnlab.exercises.ExerciseSet;

/**
 * Grading a folder of submissions ({@code ./nnlab grade FOLDER}): one row per student in
 * {@code OUT/gradebook.csv} and per student {@code OUT/<student>/results.json}, {@code feedback.md},
 * {@code feedback.html} and {@code grade.json} (written last: it marks the student graded, with the
 * submission's hash, so that a re-run skips it while the submission and the sandbox are the same).
 *
 * <p>A student is a folder entry's name without its extension and without a copy's suffix
 * ({@link FileChoice#original}): {@code alice.ipynb}, {@code alice.zip} and {@code alice-Copy1.ipynb}
 * are all alice's. When a student has several, one is graded ({@link FileChoice#pick}: the one not
 * named as a copy, else the newest) and the note that says which, and which were ignored, goes into
 * the student's feedback and the gradebook's notes column: never merged silently, the same choice on
 * every re-run.
 */
final class Batch {

    /** One student's submission: the file or folder graded and the note on those ignored ("" when none). */
    record Job(String student, Path submission, String note) {
    }

    private Batch() {
    }

    /** Grades every student's submission in {@code folder} into {@code out}; returns the exit code. */
    static int grade(Sandbox box, Path folder, Path out, int jobs, boolean force, List<String> notebooks) throws Exception {
        List<Job> work = jobs(folder);
        List<ExerciseSet<?>> sets = GradeMain.sets(notebooks, work.stream().map(Job::submission).toList());
        List<String> exercises = sets.stream().flatMap(s -> s.exercises().stream()).toList();
        Reports.createFolders(out);
        System.err.println("grade: " + work.size() + " submissions in " + folder + ", notebooks "
                + sets.stream().map(ExerciseSet::notebook).toList() + ", " + jobs + " workers, isolation: " + box.isolation());
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        List<Future<?>> futures = new ArrayList<>();
        for (Job job : work) {
            futures.add(pool.submit(() -> {
                if (!gradeOne(box, job, sets, out, force)) {
                    skipped.incrementAndGet();
                }
                int n = finished.incrementAndGet();
                synchronized (Batch.class) {
                    writeGradebook(out, exercises);
                    System.err.printf("\r[%d/%d] %s (%d skipped as already graded), %.0f s", n, work.size(), job.student(), skipped.get(),
                            (System.nanoTime() - start) / 1e9);
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
        System.out.println("graded " + (work.size() - skipped.get()) + ", skipped " + skipped.get() + " (already graded; --force regrades); gradebook: "
                + out.resolve("gradebook.csv"));
        return 0;
    }

    /** The students of {@code folder}, in name order, each with the one submission to grade. */
    static List<Job> jobs(Path folder) throws IOException {
        Map<String, List<FileChoice.Candidate<Path>>> byStudent = new LinkedHashMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.filter(Batch::isSubmission).sorted().toList()) {
                String name = p.getFileName().toString();
                byStudent.computeIfAbsent(studentOf(p), s -> new ArrayList<>()).add(new FileChoice.Candidate<>(p, name, modified(p)));
            }
        }
        List<Job> jobs = new ArrayList<>();
        byStudent.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            FileChoice.Choice<Path> c = FileChoice.pick(e.getValue(), name -> !isCopy(name), "student " + e.getKey());
            jobs.add(new Job(e.getKey(), c.chosen().item(), c.note()));
        });
        return jobs;
    }

    private static boolean isSubmission(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && (Files.isDirectory(p) || name.endsWith(".ipynb") || name.endsWith(".zip"));
    }

    /** The student of a folder entry: its name without extension (a folder's whole name) and without a copy's suffix. */
    static String studentOf(Path p) {
        return FileChoice.original(GradeMain.student(p));
    }

    private static boolean isCopy(String name) {
        String stem = name.endsWith(".ipynb") || name.endsWith(".zip") ? FileChoice.stem(name) : name;
        return !FileChoice.original(stem).equals(stem);
    }

    /** A file's modification time; a folder's is that of its newest file. */
    private static long modified(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return Files.getLastModifiedTime(p).toMillis();
        }
        try (Stream<Path> files = Files.walk(p)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
        }
    }

    /**
     * Grades one student unless {@code grade.json} shows the same submission graded in the same sandbox;
     * returns whether it graded. The hash covers the file graded and the names of those ignored, so that
     * a new or removed copy regrades.
     */
    private static boolean gradeOne(Sandbox box, Job job, List<ExerciseSet<?>> sets, Path out, boolean force) throws IOException {
        Path dir = out.resolve(job.student());
        String sha = GradeMain.sha256(job.submission()) + (job.note().isEmpty() ? "" : " " + Integer.toHexString(job.note().hashCode()));
        Path summary = dir.resolve("grade.json");
        if (!force && Files.exists(summary)) {
            Reports.Summary old = readSummary(summary);
            if (old != null && sha.equals(old.sha256()) && box.isolation().equals(old.sandbox())) {
                return false;
            }
        }
        Path scratch = Files.createTempDirectory("nnlab-grade-");
        try {
            Result r = box.grade(job.student(), job.submission(), sets, scratch);
            r = r.withNotes(job.note().isEmpty() ? List.of() : List.of(job.note()));
            Reports.writeAtomically(dir.resolve("results.json"), Reports.json(Reports.resultsJson(r)));
            Reports.writeAtomically(dir.resolve("feedback.md"), Reports.feedback(r));
            Reports.writeAtomically(dir.resolve("feedback.html"), Reports.feedbackHtml(r));
            Reports.writeAtomically(summary, Reports.json(Reports.summary(r, sha)));   // last: marks it graded
        } finally {
            GradeMain.deleteTree(scratch);
        }
        return true;
    }

    /** A grade.json, or null when it cannot be read (then the student is graded again). */
    static Reports.Summary readSummary(Path file) {
        try {
            return Reports.JSON.readValue(file.toFile(), Reports.Summary.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes {@code out/gradebook.csv} from the grade.json of every student folder in {@code out}. */
    static void writeGradebook(Path out, List<String> exercises) throws IOException {
        List<Reports.Summary> rows = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path g = d.resolve("grade.json");
                Reports.Summary s = Files.exists(g) ? readSummary(g) : null;
                if (s != null) {
                    rows.add(s);
                }
            }
        }
        Reports.writeAtomically(out.resolve("gradebook.csv"), Reports.gradebook(rows, exercises));
    }
}
