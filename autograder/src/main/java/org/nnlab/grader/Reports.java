package org.nnlab.grader;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outputs: a table for the terminal, Gradescope's results.json, feedback pages (Markdown, HTML), the gradebook CSV. */
public final class Reports {

    private Reports() {
    }

    /** A readable table: exercise, test, points, status, message. */
    public static String table(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-8s %-62s %7s  %-15s %s%n", "exercise", "test", "points", "status", "message"));
        for (Result.Outcome o : r.tests()) {
            String name = o.test().name() + (o.test().visibility().equals("visible") ? "" : " [" + o.test().visibility() + "]");
            String msg = o.message().replace("\n", " | ");
            b.append(String.format("%-8s %-62s %7s  %-15s %s%n", o.test().exercise(), cut(name, 62),
                    o.score() + "/" + o.test().points(), o.status().label(), cut(msg, 160)));
        }
        b.append(String.format(java.util.Locale.ROOT, "total: %d / %d points (%s, %.1f s, %d worker JVM%s, isolation: %s; JVM start %.2f s, "
                + "reading and compiling %.2f s, CPU %.2f s; %d calls and %d callbacks, %.2f s)%n",
                r.score(), r.maxScore(), r.status().label(), r.seconds(), r.jvms(), r.jvms() == 1 ? "" : "s", r.sandbox(), r.startSeconds(), r.loadSeconds(),
                r.cpuSeconds(), r.protocol().calls(), r.protocol().callbacks(), r.protocol().seconds()));
        if (r.unsandboxed()) {
            b.append(UNSANDBOXED_NOTE).append('\n');
        }
        r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    /**
     * Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/).
     *
     * @param score          the total
     * @param executionTime  seconds, rounded
     * @param output         the text above the tests: the total, the notes, how grading ended, whether it was sandboxed
     * @param tests          one per planned test
     */
    @JsonPropertyOrder({"score", "execution_time", "output", "visibility", "stdout_visibility", "tests"})
    public record GradescopeResults(double score, @JsonProperty("execution_time") long executionTime, String output, String visibility,
                                    @JsonProperty("stdout_visibility") String stdoutVisibility, List<GradescopeTest> tests) {
    }

    /** One test of results.json: Gradescope knows only the statuses passed and failed. */
    @JsonPropertyOrder({"name", "score", "max_score", "status", "output", "visibility"})
    public record GradescopeTest(String name, double score, @JsonProperty("max_score") double maxScore, String status, String output,
                                 String visibility) {
    }

    /** Gradescope's results.json of {@code r}; {@link #json} writes it. */
    public static GradescopeResults resultsJson(Result r) {
        StringBuilder out = new StringBuilder("Total: " + r.score() + " / " + r.maxScore() + " points.");
        r.notes().forEach(n -> out.append("\nNote: ").append(n));
        if (r.status() != Result.Ending.OK) {
            out.append("\nGrading ended early (").append(r.status().label()).append("): see the tests marked \"not run\".");
        }
        if (r.unsandboxed()) {
            out.append("\n").append(UNSANDBOXED_NOTE);
        }
        List<GradescopeTest> tests = new ArrayList<>();
        for (Result.Outcome o : r.tests()) {
            boolean passed = o.status() == Result.Status.PASSED;
            tests.add(new GradescopeTest(o.test().key(), o.score(), o.test().points(), passed ? "passed" : "failed",
                    o.message().isEmpty() ? o.status().label() : o.message(), o.test().visibility()));
        }
        return new GradescopeResults(r.score(), Math.round(r.seconds()), out.toString(), "visible", "hidden", tests);
    }

    /** What every output of a submission graded without a sandbox says. */
    public static final String UNSANDBOXED_NOTE = "Graded unsandboxed (--sandbox none, or no working bubblewrap): the submission's code "
            + "ran without isolation from the grader's files, processes and network.";

    /** {@code value} (a record, a list, a map) as indented JSON text ending in a newline, for files people read. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** The grader's JSON mapper (Jackson): indented output; unknown fields in files it reads are skipped (an older grade.json). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Feedback for the student in Markdown. */
    public static String feedback(Result r) {
        StringBuilder b = new StringBuilder("# Feedback: " + r.student() + "\n\n");
        b.append("**").append(r.score()).append(" / ").append(r.maxScore()).append(" points**");
        if (r.status() != Result.Ending.OK) {
            b.append(" (grading ended early: ").append(r.status().label()).append(")");
        }
        b.append("\n\n");
        if (r.unsandboxed()) {
            b.append("> ").append(UNSANDBOXED_NOTE).append("\n\n");
        }
        r.notes().forEach(n -> b.append("> Note: ").append(n).append("\n\n"));
        b.append("| exercise | test | points | result |\n| --- | --- | --- | --- |\n");
        for (Result.Outcome o : r.tests()) {
            if (o.test().visibility().equals("hidden")) {
                continue;
            }
            String msg = o.status() == Result.Status.PASSED ? "passed" : o.status().words() + ": " + o.message();
            b.append("| ").append(o.test().exercise()).append(" | ").append(md(o.test().name())).append(" | ")
                    .append(o.score()).append("/").append(o.test().points()).append(" | ").append(md(msg)).append(" |\n");
        }
        long hidden = r.tests().stream().filter(o -> o.test().visibility().equals("hidden")).count();
        if (hidden > 0) {
            b.append("\n").append(hidden).append(" hidden test").append(hidden == 1 ? "" : "s").append(" also counted.\n");
        }
        return b.toString();
    }

    private static final String HTML_STYLE = "body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n"
            + "table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\n"
            + "th{background:#f3f3f3}.passed{color:#137333}.failed{color:#b3261e}pre{white-space:pre-wrap;margin:0;font-size:.9em}\n"
            + ".note{background:#fff8e1;border-left:4px solid #f9a825;padding:.4em .8em;margin:.5em 0}\n";

    /**
     * Feedback for the student as one self-contained HTML page (no scripts, no external files): the
     * total, the notes, then per exercise its points and a table of its tests with pass/fail, points
     * and the message. Tests with visibility "hidden" are counted but not shown, as in {@link #feedback}.
     */
    public static String feedbackHtml(Result r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Feedback: ")
                .append(html(r.student())).append("</title>\n<style>\n").append(HTML_STYLE).append("</style>\n</head>\n<body>\n");
        b.append("<h1>Feedback: ").append(html(r.student())).append("</h1>\n<p class=\"total\"><strong>").append(r.score()).append(" / ")
                .append(r.maxScore()).append(" points</strong>");
        if (r.status() != Result.Ending.OK) {
            b.append(" (grading ended early: ").append(html(r.status().label())).append(")");
        }
        b.append("</p>\n");
        if (r.unsandboxed()) {
            b.append("<p class=\"note\">").append(html(UNSANDBOXED_NOTE)).append("</p>\n");
        }
        r.notes().forEach(n -> b.append("<p class=\"note\">Note: ").append(html(n)).append("</p>\n"));
        r.byExercise().forEach((exercise, points) -> exerciseHtml(b, r, exercise, points));
        return b.append("</body>\n</html>\n").toString();
    }

    /** One exercise's heading, its table of shown tests and how many hidden ones counted. */
    private static void exerciseHtml(StringBuilder b, Result r, String exercise, int[] points) {
        b.append("<h2 id=\"exercise-").append(html(exercise)).append("\">Exercise ").append(html(exercise)).append(": ")
                .append(points[0]).append(" / ").append(points[1]).append(" points</h2>\n");
        b.append("<table>\n<tr><th>test</th><th>result</th><th>points</th><th>message</th></tr>\n");
        int hidden = 0;
        for (Result.Outcome o : r.tests()) {
            if (!o.test().exercise().equals(exercise)) {
                continue;
            }
            if (o.test().visibility().equals("hidden")) {
                hidden++;
                continue;
            }
            boolean passed = o.status() == Result.Status.PASSED;
            String cls = passed ? "passed" : "failed";
            b.append("<tr class=\"").append(cls).append("\"><td>").append(html(o.test().name()))
                    .append("</td><td class=\"").append(cls).append("\">").append(passed ? "&#10003; " : "&#10007; ")
                    .append(o.status().words()).append("</td><td>").append(o.score()).append(" / ").append(o.test().points()).append("</td><td>")
                    .append(passed ? "" : "<pre>" + html(o.message()) + "</pre>").append("</td></tr>\n");
        }
        b.append("</table>\n");
        if (hidden > 0) {
            b.append("<p>").append(hidden).append(" hidden test").append(hidden == 1 ? "" : "s").append(" of this exercise also counted.</p>\n");
        }
    }

    /** {@code s} with HTML's special characters escaped. */
    static String html(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String md(String s) {
        return s.replace("|", "\\|").replace("\n", "<br>");
    }

    /**
     * One gradebook row, kept as grade.json beside the student's results: the scores, the times, how
     * grading ended and was isolated, the notes (which file was graded, which ignored), and the
     * submission's SHA-256, by which a re-run knows that it is graded already.
     */
    @JsonPropertyOrder({"student", "sha256", "exercises", "total", "max", "seconds", "status", "jvm_start_seconds", "load_seconds",
            "cpu_seconds", "jvms", "sandbox", "notes"})
    public record Summary(String student, String sha256, Map<String, Long> exercises, long total, long max, double seconds, String status,
                          @JsonProperty("jvm_start_seconds") Double jvmStartSeconds, @JsonProperty("load_seconds") Double loadSeconds,
                          @JsonProperty("cpu_seconds") double cpuSeconds, long jvms, String sandbox, List<String> notes,
                          Result.Protocol protocol) {
    }

    /** The gradebook row of {@code r}, whose submission's hash is {@code sha256}. */
    public static Summary summary(Result r, String sha256) {
        Map<String, Long> ex = new LinkedHashMap<>();
        r.byExercise().forEach((e, s) -> ex.put(e, (long) s[0]));
        return new Summary(r.student(), sha256, ex, r.score(), r.maxScore(), round(r.seconds(), 10), r.status().label(),
                Double.isNaN(r.startSeconds()) ? null : round(r.startSeconds(), 100), Double.isNaN(r.loadSeconds()) ? null : round(r.loadSeconds(), 100),
                round(r.cpuSeconds(), 100), r.jvms(), r.sandbox(), r.notes(), r.protocol());
    }

    private static double round(double x, int per) {
        return Math.round(x * per) / (double) per;
    }

    /**
     * The gradebook CSV of {@code summaries}, exercise columns in {@code exercises} order, then total,
     * max, seconds, status, sandbox ("none (unsandboxed)" when there was none) and the notes. Every
     * text cell is escaped against formula injection ({@link #csv}).
     */
    public static String gradebook(List<Summary> summaries, List<String> exercises) {
        StringBuilder b = new StringBuilder("student");
        exercises.forEach(e -> b.append(",ex").append(e));
        b.append(",total,max,seconds,status,sandbox,notes\n");
        for (Summary s : summaries) {
            b.append(csv(String.valueOf(s.student())));
            Map<String, Long> ex = s.exercises() == null ? Map.of() : s.exercises();
            exercises.forEach(e -> b.append(',').append(ex.containsKey(e) ? ex.get(e) : ""));
            String sandbox = s.sandbox() == null ? "" : Result.UNSANDBOXED.equals(s.sandbox()) ? "none (unsandboxed)" : s.sandbox();
            b.append(',').append(s.total()).append(',').append(s.max()).append(',').append(s.seconds())
                    .append(',').append(csv(String.valueOf(s.status()))).append(',').append(csv(sandbox))
                    .append(',').append(csv(s.notes() == null ? "" : String.join("; ", s.notes()))).append('\n');
        }
        return b.toString();
    }

    /**
     * A CSV cell: a text that a spreadsheet would run as a formula (it starts with {@code = + - @},
     * a tab or a carriage return) gets a single quote in front, as OWASP's "CSV injection" page
     * recommends; a cell with a comma, a quote, a line break or that quote is put in double quotes
     * (inner ones doubled).
     */
    static String csv(String s) {
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        String t = formula ? "'" + s : s;
        return formula || t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    /** rw-r--r--: the instructor (and the web server of a course page) reads the results. */
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    /** rwxr-xr-x for the folders of results. */
    static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    /**
     * Writes {@code text} to {@code file} atomically: a temporary file in the same folder, made
     * readable by all (0644; a temporary file is created 0600), then a rename. Missing folders are
     * created 0755 ({@link #createFolders}).
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        createFolders(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (posix(dir)) {
                Files.setPosixFilePermissions(tmp, FILE_MODE);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Creates {@code dir} and its missing parents, each 0755 whatever the umask; folders that exist are left as they are. */
    public static void createFolders(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) {
            return;
        }
        if (abs.getParent() != null) {
            createFolders(abs.getParent());
        }
        try {
            Files.createDirectory(abs);
            if (posix(abs)) {
                Files.setPosixFilePermissions(abs, FOLDER_MODE);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another worker thread at the same time
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
