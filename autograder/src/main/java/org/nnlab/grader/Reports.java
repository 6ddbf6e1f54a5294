package org.nnlab.grader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                    o.score() + "/" + o.test().points(), o.status(), cut(msg, 160)));
        }
        b.append(String.format("total: %d / %d points (%s, %.1f s, %d JVM%s, isolation: %s; JVM start %.2f s, reading and compiling %.2f s, CPU %.2f s)%n",
                r.score(), r.maxScore(), r.status(), r.seconds(), r.jvms(), r.jvms() == 1 ? "" : "s", r.sandbox(), r.startSeconds(), r.loadSeconds(),
                r.cpuSeconds()));
        r.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3) + "...";
    }

    /** Gradescope's results.json (https://gradescope-autograders.readthedocs.io/en/latest/specs/). */
    public static Map<String, Object> resultsJson(Result r) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("score", (double) r.score());
        top.put("execution_time", Math.round(r.seconds()));
        StringBuilder out = new StringBuilder("Total: " + r.score() + " / " + r.maxScore() + " points.");
        r.notes().forEach(n -> out.append("\nNote: ").append(n));
        if (!r.status().equals("ok")) {
            out.append("\nGrading ended early (").append(r.status()).append("): see the tests marked \"not run\".");
        }
        top.put("output", out.toString());
        top.put("visibility", "visible");
        top.put("stdout_visibility", "hidden");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (Result.Outcome o : r.tests()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", o.test().key());
            t.put("score", (double) o.score());
            t.put("max_score", (double) o.test().points());
            t.put("status", o.status().equals("passed") ? "passed" : "failed");
            t.put("output", o.message().isEmpty() ? (o.status().equals("passed") ? "passed" : o.status()) : o.message());
            t.put("visibility", o.test().visibility());
            tests.add(t);
        }
        top.put("tests", tests);
        return top;
    }

    /** Feedback for the student in Markdown. */
    public static String feedback(Result r) {
        StringBuilder b = new StringBuilder("# Feedback: " + r.student() + "\n\n");
        b.append("**").append(r.score()).append(" / ").append(r.maxScore()).append(" points**");
        if (!r.status().equals("ok")) {
            b.append(" (grading ended early: ").append(r.status()).append(")");
        }
        b.append("\n\n");
        r.notes().forEach(n -> b.append("> Note: ").append(n).append("\n\n"));
        b.append("| exercise | test | points | result |\n| --- | --- | --- | --- |\n");
        for (Result.Outcome o : r.tests()) {
            if (o.test().visibility().equals("hidden")) {
                continue;
            }
            String msg = o.status().equals("passed") ? "passed" : o.status().replace('_', ' ') + ": " + o.message();
            b.append("| ").append(o.test().exercise()).append(" | ").append(md(o.test().name())).append(" | ")
                    .append(o.score()).append("/").append(o.test().points()).append(" | ").append(md(msg)).append(" |\n");
        }
        long hidden = r.tests().stream().filter(o -> o.test().visibility().equals("hidden")).count();
        if (hidden > 0) {
            b.append("\n").append(hidden).append(" hidden test").append(hidden == 1 ? "" : "s").append(" also counted.\n");
        }
        return b.toString();
    }

    /**
     * Feedback for the student as one self-contained HTML page (no scripts, no external files): the
     * total, the notes, then per exercise its points and a table of its tests with pass/fail, points
     * and the message. Tests with visibility "hidden" are counted but not shown, as in {@link #feedback}.
     */
    public static String feedbackHtml(Result r) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Feedback: ")
                .append(html(r.student())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222}\n")
                .append("table{border-collapse:collapse;width:100%;margin-bottom:1.5em}th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#f3f3f3}.passed{color:#137333}.failed{color:#b3261e}pre{white-space:pre-wrap;margin:0;font-size:.9em}\n")
                .append(".note{background:#fff8e1;border-left:4px solid #f9a825;padding:.4em .8em;margin:.5em 0}\n</style>\n</head>\n<body>\n");
        b.append("<h1>Feedback: ").append(html(r.student())).append("</h1>\n<p class=\"total\"><strong>").append(r.score()).append(" / ")
                .append(r.maxScore()).append(" points</strong>");
        if (!r.status().equals("ok")) {
            b.append(" (grading ended early: ").append(html(r.status())).append(")");
        }
        b.append("</p>\n");
        r.notes().forEach(n -> b.append("<p class=\"note\">Note: ").append(html(n)).append("</p>\n"));
        Map<String, int[]> byExercise = r.byExercise();
        for (Map.Entry<String, int[]> e : byExercise.entrySet()) {
            b.append("<h2 id=\"exercise-").append(html(e.getKey())).append("\">Exercise ").append(html(e.getKey())).append(": ")
                    .append(e.getValue()[0]).append(" / ").append(e.getValue()[1]).append(" points</h2>\n");
            b.append("<table>\n<tr><th>test</th><th>result</th><th>points</th><th>message</th></tr>\n");
            int hidden = 0;
            for (Result.Outcome o : r.tests()) {
                if (!o.test().exercise().equals(e.getKey())) {
                    continue;
                }
                if (o.test().visibility().equals("hidden")) {
                    hidden++;
                    continue;
                }
                boolean passed = o.status().equals("passed");
                String result = passed ? "passed" : o.status().equals("not_implemented") ? "not implemented"
                        : o.status().equals("not_run") ? "not run" : "failed";
                b.append("<tr class=\"").append(passed ? "passed" : "failed").append("\"><td>").append(html(o.test().name()))
                        .append("</td><td class=\"").append(passed ? "passed" : "failed").append("\">").append(passed ? "&#10003; " : "&#10007; ")
                        .append(result).append("</td><td>").append(o.score()).append(" / ").append(o.test().points()).append("</td><td>")
                        .append(passed ? "" : "<pre>" + html(o.message()) + "</pre>").append("</td></tr>\n");
            }
            b.append("</table>\n");
            if (hidden > 0) {
                b.append("<p>").append(hidden).append(" hidden test").append(hidden == 1 ? "" : "s").append(" of this exercise also counted.</p>\n");
            }
        }
        return b.append("</body>\n</html>\n").toString();
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

    /** One gradebook row's values: student, each exercise's score, total, max, seconds, status. */
    public static Map<String, Object> summary(Result r, String sha256) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("student", r.student());
        m.put("sha256", sha256);
        Map<String, Object> ex = new LinkedHashMap<>();
        r.byExercise().forEach((e, s) -> ex.put(e, (long) s[0]));
        m.put("exercises", ex);
        m.put("total", (long) r.score());
        m.put("max", (long) r.maxScore());
        m.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        m.put("status", r.status());
        m.put("jvm_start_seconds", Double.isNaN(r.startSeconds()) ? null : Math.round(r.startSeconds() * 100) / 100.0);
        m.put("load_seconds", Double.isNaN(r.loadSeconds()) ? null : Math.round(r.loadSeconds() * 100) / 100.0);
        m.put("cpu_seconds", Math.round(r.cpuSeconds() * 100) / 100.0);
        m.put("jvms", (long) r.jvms());
        return m;
    }

    /** The gradebook CSV of {@code summaries} (as {@link #summary} writes them), exercise columns in {@code exercises} order. */
    public static String gradebook(List<Map<String, Object>> summaries, List<String> exercises) {
        StringBuilder b = new StringBuilder("student");
        exercises.forEach(e -> b.append(",ex").append(e));
        b.append(",total,max,seconds,status\n");
        for (Map<String, Object> s : summaries) {
            b.append(csv(String.valueOf(s.get("student"))));
            Map<?, ?> ex = (Map<?, ?>) s.get("exercises");
            exercises.forEach(e -> b.append(',').append(ex.containsKey(e) ? ex.get(e) : ""));
            b.append(',').append(s.get("total")).append(',').append(s.get("max")).append(',').append(s.get("seconds"))
                    .append(',').append(csv(String.valueOf(s.get("status")))).append('\n');
        }
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** Writes {@code text} to {@code file} atomically: a temporary file in the same folder, then a rename. */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
