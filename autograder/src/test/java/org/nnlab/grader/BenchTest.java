package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's submissions, statistics and printout (on 2 submissions). */
class BenchTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("makeSubmissions writes N distinct notebooks cycling through the variants, each with its cells replaced")
    void submissions() throws Exception {
        List<Path> made = Bench.makeSubmissions(tmp.resolve("s"), 8, ROOT.resolve("solutions/notebooks/01-rectangle.ipynb"),
                ROOT.resolve("notebooks/01-rectangle.ipynb"));
        assertEquals(8, made.size());
        assertEquals("000-reference.ipynb", made.get(0).getFileName().toString());
        assertEquals("006-reference.ipynb", made.get(6).getFileName().toString());
        Set<String> texts = new HashSet<>();
        for (Path p : made) {
            texts.add(Files.readString(p));
        }
        assertEquals(8, texts.size(), "no two submissions are the same file");
        String wrong = Files.readString(made.get(2));
        assertTrue(wrong.contains("Math.exp(z)") && wrong.contains("// submission 2 (wrong-sigmoid)"), wrong);
        assertTrue(Files.readString(made.get(1)).contains("not implemented yet"), "the untouched variant is the student notebook");
        Map<?, ?> nb = Reports.JSON.readValue(made.get(4).toFile(), Map.class);
        assertTrue(nb.containsKey("cells") && nb.containsKey("metadata"), "still a notebook");
    }

    @Test
    @DisplayName("mean and nearest-rank percentiles")
    void statistics() {
        double[] xs = {1, 2, 3, 4, 10};
        assertEquals(4.0, Bench.mean(xs), 1e-12);
        assertEquals(3.0, Bench.pct(xs, 50));
        assertEquals(10.0, Bench.pct(xs, 90));
        assertEquals(1.0, Bench.pct(xs, 0));
        assertTrue(Double.isNaN(Bench.pct(new double[0], 50)));
    }

    @Test
    @DisplayName("a 2-submission run prints a row per submission, the JVM start, CPU, the protocol's calls and the projection to 300")
    void run() throws Throwable {
        String out = captured(System::setOut, System.out,
                () -> Bench.run(new Sandbox(new Sandbox.Options(512, 10, 300, 1 << 20, "auto")), 2, 2, ROOT, tmp.resolve("b")));
        System.out.println(out);
        assertTrue(out.contains("000-reference") && out.contains(" 20/20 ") && out.contains("001-untouched") && out.contains("  0/20 "), out);
        assertTrue(out.matches("(?s).*JVM start \\(process start to the worker's main\\): mean \\d+\\.\\d\\d s.*"), out);
        assertTrue(out.matches("(?s).*CPU per submission .*: mean \\d+\\.\\d\\d s.*300 would take \\d+\\.\\d min.*"), out);
        assertTrue(out.contains("load average before: ") && out.contains("load average after: "), out);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("the call-by-call protocol: mean (\\d+) calls and callbacks").matcher(out);
        assertTrue(m.find() && Integer.parseInt(m.group(1)) > 0, "the reference's tests call the worker: " + out);
    }

    @Test
    @DisplayName("a bad package name or notebook says what was expected and what was received")
    void badPackageOptions() throws Throwable {
        String err = captured(System::setErr, System.err, () -> {
            assertEquals(2, GradescopePackage.build(tmp.resolve("gs.tar"), List.of()));
            assertEquals(2, GradescopePackage.build(tmp.resolve("gs.zip"), List.of("42")));
        });
        assertTrue(err.contains("expected a file name ending in .zip, got "), err);
        assertTrue(err.contains("no notebook matches --notebook 42; the graded notebooks are ["), err);
    }

    /** What {@code body} prints to a standard stream: {@code captured(System::setOut, System.out, body)}. */
    static String captured(Consumer<PrintStream> setStream, PrintStream original, Executable body)
            throws Throwable {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        setStream.accept(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            body.execute();
        } finally {
            setStream.accept(original);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
