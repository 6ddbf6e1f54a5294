package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table, results.json, the feedback pages, grade.json and the gradebook CSV, on a hand-made result (no grading JVM). */
class ReportsTest {

    static final Plan.Test SIG = new Plan.Test("1.2: sigmoid(0) is 0.5", "1.2", "sigmoid(0) is 0.5", 1, "visible");
    static final Plan.Test SIG2 = new Plan.Test("1.2: sigmoid is symmetric", "1.2", "sigmoid is symmetric", 2, "after_published");
    static final Plan.Test LAYER = new Plan.Test("1.4: a layer of 2 <neurons>", "1.4", "a layer of 2 <neurons>", 3, "visible");
    static final Plan.Test SECRET = new Plan.Test("1.4: the secret one", "1.4", "the secret one", 1, "hidden");

    static Result result() {
        return new Result("alice & bob", List.of(
                new Result.Outcome(SIG, Result.Status.PASSED, "", 3),
                new Result.Outcome(SIG2, Result.Status.FAILED, "sigmoid(-1) should be 0.269 but was 0.731\nHint: the minus sign", 2),
                new Result.Outcome(LAYER, Result.Status.NOT_IMPLEMENTED, "Exercise 1.4: not implemented yet", 0),
                new Result.Outcome(SECRET, Result.Status.FAILED, "the secret message", 0)),
                List.of("exercise 1.2 is in 2 cells: graded the last one"), Result.Ending.OK, "", 2.5, 1, "bwrap", 0.31, 0.9, 1.7);
    }

    @Test
    @DisplayName("the HTML feedback shows per exercise its points and per test pass/fail, points and the message, escaped")
    void htmlFeedback() {
        String html = Reports.feedbackHtml(result());
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</html>\n"), html);
        assertTrue(html.contains("<title>Feedback: alice &amp; bob</title>"), html);
        assertTrue(html.contains("<strong>1 / 7 points</strong>"), html);
        assertTrue(html.contains("Exercise 1.2: 1 / 3 points</h2>"), html);
        assertTrue(html.contains("Exercise 1.4: 0 / 4 points</h2>"), html);
        assertTrue(html.contains("<td>sigmoid(0) is 0.5</td><td class=\"passed\">&#10003; passed</td><td>1 / 1</td><td></td>"), html);
        assertTrue(html.contains("&#10007; failed</td><td>0 / 2</td><td><pre>sigmoid(-1) should be 0.269 but was 0.731\nHint: the minus sign</pre>"), html);
        assertTrue(html.contains("<td>a layer of 2 &lt;neurons&gt;</td><td class=\"failed\">&#10007; not implemented</td><td>0 / 3</td>"), html);
        assertTrue(html.contains("Note: exercise 1.2 is in 2 cells"), html);
        assertFalse(html.contains("secret"), "a hidden test's name and message are not shown");
        assertTrue(html.contains("1 hidden test of this exercise also counted."), html);
        assertFalse(html.contains("<script"), "no scripts");
        // every table row has four cells
        Matcher rows = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        int n = 0;
        while (rows.find()) {
            assertEquals(4, rows.group(1).split("</t[dh]>", -1).length - 1, rows.group());
            n++;
        }
        assertEquals(2 + 3, n, "a header per exercise and a row per shown test");
    }

    @Test
    @DisplayName("the Markdown feedback hides hidden tests and escapes table pipes")
    void markdownFeedback() {
        String md = Reports.feedback(result());
        assertTrue(md.contains("**1 / 7 points**"), md);
        assertTrue(md.contains("| 1.2 | sigmoid is symmetric | 0/2 | failed: sigmoid(-1) should be 0.269 but was 0.731<br>Hint: the minus sign |"), md);
        assertFalse(md.contains("secret"), md);
        assertTrue(md.contains("1 hidden test also counted."), md);
    }

    @Test
    @DisplayName("the gradebook summary keeps the per-exercise scores, the JVM start and compile times, the sandbox and the notes")
    void summary() throws Exception {
        Reports.Summary s = Reports.summary(result(), "abc");
        assertEquals(1L, s.exercises().get("1.2"));
        assertEquals(0.31, s.jvmStartSeconds());
        assertEquals(0.9, s.loadSeconds());
        String csv = Reports.gradebook(List.of(s), List.of("1.2", "1.4"));
        assertEquals("student,ex1.2,ex1.4,total,max,seconds,status,sandbox,notes\n"
                + "alice & bob,1,0,1,7,2.5,ok,bwrap,exercise 1.2 is in 2 cells: graded the last one\n", csv);
        // grade.json: written with Jackson in snake_case and read back the same
        String json = Reports.json(s);
        assertTrue(json.contains("\"jvm_start_seconds\" : 0.31") && json.contains("\"cpu_seconds\" : 1.7"), json);
        assertTrue(json.indexOf("\"student\"") < json.indexOf("\"sha256\"") && json.indexOf("\"jvms\"") < json.indexOf("\"notes\""), json);
        assertEquals(s, Reports.JSON.readValue(json, Reports.Summary.class));
        // a grade.json of an older grader (no sandbox, no notes) still reads
        Reports.Summary old = Reports.JSON.readValue("{\"student\":\"x\",\"sha256\":\"1\",\"exercises\":{\"1.2\":1},\"total\":1,\"max\":7,"
                + "\"seconds\":2.5,\"status\":\"ok\",\"jvm_start_seconds\":null,\"load_seconds\":0.9,\"cpu_seconds\":1.7,\"jvms\":1,\"extra\":2}",
                Reports.Summary.class);
        assertEquals("student,ex1.2,total,max,seconds,status,sandbox,notes\nx,1,1,7,2.5,ok,,\n", Reports.gradebook(List.of(old), List.of("1.2")));
    }

    @Test
    @DisplayName("results.json: Gradescope's fields and types, the statuses passed and failed, the notes in the output")
    void resultsJson() throws Exception {
        JsonNode json = Reports.JSON.readTree(Reports.json(Reports.resultsJson(result())));
        assertEquals(List.of("score", "execution_time", "output", "visibility", "stdout_visibility", "tests"), fieldNames(json));
        assertEquals(1.0, json.get("score").doubleValue());
        assertEquals(3, json.get("execution_time").longValue());
        assertEquals("Total: 1 / 7 points.\nNote: exercise 1.2 is in 2 cells: graded the last one", json.get("output").textValue());
        JsonNode layer = json.get("tests").get(2);
        assertEquals(List.of("name", "score", "max_score", "status", "output", "visibility"), fieldNames(layer));
        assertEquals("failed", layer.get("status").textValue(), "not_implemented is 'failed' for Gradescope");
        assertEquals(3.0, layer.get("max_score").doubleValue());
        assertEquals("passed", json.get("tests").get(0).get("status").textValue());
        assertEquals("passed", json.get("tests").get(0).get("output").textValue(), "an empty message says the status");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @DisplayName("a result graded without a sandbox says so in the table, results.json, both feedback pages and the gradebook")
    void unsandboxedSaysSo() {
        Result r = result();
        Result open = new Result(r.student(), r.tests(), r.notes(), r.status(), r.output(), r.seconds(), r.jvms(), "none", 0.3, 0.9, 1.7);
        assertTrue(open.unsandboxed());
        for (String text : List.of(Reports.table(open), Reports.resultsJson(open).output(), Reports.feedback(open), Reports.feedbackHtml(open))) {
            assertTrue(text.contains("Graded unsandboxed (--sandbox none, or no working bubblewrap)"), text);
        }
        for (String text : List.of(Reports.table(r), Reports.resultsJson(r).output(), Reports.feedback(r), Reports.feedbackHtml(r))) {
            assertFalse(text.contains("unsandboxed"), text);
        }
        String csv = Reports.gradebook(List.of(Reports.summary(open, "x")), List.of());
        assertTrue(csv.contains(",ok,none (unsandboxed),"), csv);
    }

    @Test
    @DisplayName("CSV cells that a spreadsheet would run as a formula (= + - @ tab CR) get a quote in front, names included (OWASP)")
    void csvEscapesFormulas() {
        assertEquals("\"'=cmd|' /C calc'!A0\"", Reports.csv("=cmd|' /C calc'!A0"));
        assertEquals("\"'+1\"", Reports.csv("+1"));
        assertEquals("\"'-2+3\"", Reports.csv("-2+3"));
        assertEquals("\"'@SUM(A1)\"", Reports.csv("@SUM(A1)"));
        assertEquals("\"'\tx\"", Reports.csv("\tx"));
        assertEquals("\"'\rx\"", Reports.csv("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Reports.csv("=HYPERLINK(\"http://x\")"));
        assertEquals("alice", Reports.csv("alice"));
        assertEquals("a=b", Reports.csv("a=b"), "only the first character matters");
        assertEquals("\"a,b\"", Reports.csv("a,b"));
        Result r = result();
        Result evil = new Result("=cmd|' /C calc'!A0", r.tests(), List.of("-1+1"), r.status(), r.output(), r.seconds(), r.jvms(), r.sandbox(),
                0.3, 0.9, 1.7);
        String csv = Reports.gradebook(List.of(Reports.summary(evil, "x")), List.of("1.2"));
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.startsWith("\"'=cmd|' /C calc'!A0\",1,") && row.endsWith(",\"'-1+1\""), row);
    }

    @Test
    @DisplayName("results are written 0644 (not the 0600 of a temporary file) in folders made 0755: the instructor can read them")
    void resultsAreReadable(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("a/b/results.json");
        Reports.writeAtomically(file, "{}\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("a/b"))));
        Reports.writeAtomically(file, "{\"again\": 1}\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), "a rewrite too");
        try (var s = Files.list(tmp.resolve("a/b"))) {
            assertEquals(List.of(file), s.toList(), "no temporary file left");
        }
    }
}
