package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The feedback pages and the gradebook summary, on a hand-made result (no grading JVM). */
class ReportsTest {

    static final Plan.Test SIG = new Plan.Test("1.2: sigmoid(0) is 0.5", "1.2", "sigmoid(0) is 0.5", 1, "visible");
    static final Plan.Test SIG2 = new Plan.Test("1.2: sigmoid is symmetric", "1.2", "sigmoid is symmetric", 2, "after_published");
    static final Plan.Test LAYER = new Plan.Test("1.4: a layer of 2 <neurons>", "1.4", "a layer of 2 <neurons>", 3, "visible");
    static final Plan.Test SECRET = new Plan.Test("1.4: the secret one", "1.4", "the secret one", 1, "hidden");

    static Result result() {
        return new Result("alice & bob", List.of(
                new Result.Outcome(SIG, "passed", "", 3),
                new Result.Outcome(SIG2, "failed", "sigmoid(-1) should be 0.269 but was 0.731\nHint: the minus sign", 2),
                new Result.Outcome(LAYER, "not_implemented", "Exercise 1.4: not implemented yet", 0),
                new Result.Outcome(SECRET, "failed", "the secret message", 0)),
                List.of("exercise 1.2 is in 2 cells: graded the last one"), "ok", "", 2.5, 1, "bwrap", 0.31, 0.9, 1.7);
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
    @DisplayName("the gradebook summary keeps the per-exercise scores and the JVM start and compile times")
    void summary() {
        var s = Reports.summary(result(), "abc");
        assertEquals(1L, ((java.util.Map<?, ?>) s.get("exercises")).get("1.2"));
        assertEquals(0.31, s.get("jvm_start_seconds"));
        assertEquals(0.9, s.get("load_seconds"));
        String csv = Reports.gradebook(List.of(s), List.of("1.2", "1.4"));
        assertEquals("student,ex1.2,ex1.4,total,max,seconds,status\nalice & bob,1,0,1,7,2.5,ok\n", csv);
    }
}
