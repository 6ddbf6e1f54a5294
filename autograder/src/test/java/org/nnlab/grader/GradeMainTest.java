package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./nnlab grade's command line (usage, bad values, the refusal to grade a folder without a sandbox) and
 * careless single submissions graded through it in the sandbox: copies beside the notebook, a 55 MB
 * notebook as .ipynb and zipped, a byte-order mark.
 */
class GradeMainTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void root() {
        System.setProperty("nnlab.root", Fixtures.ROOT.toString());   // as ./nnlab grade sets it
    }

    /** Runs ./nnlab grade ARGS; returns {exit code, stdout, stderr}. */
    static Object[] grade(String... args) throws Throwable {
        int[] code = new int[1];
        String[] err = new String[1];
        String out = BenchTest.captured(System::setOut, System.out,
                () -> err[0] = BenchTest.captured(System::setErr, System.err, () -> code[0] = GradeMain.run(args)));
        return new Object[] {code[0], out, err[0]};
    }

    @Test
    @DisplayName("the usage text comes from picocli and has every option, --one and the sandbox values included")
    void usage() throws Throwable {
        String usage = GradeMain.usage();
        for (String option : new String[] {"--one", "--out=DIR", "--jobs=N", "--force", "--notebook=NN", "--memory=MB", "--test-timeout=S",
                "--timeout=S", "--sandbox=MODE", "--bench=N", "--gradescope-package=OUT.zip", "auto, bwrap, none"}) {
            assertTrue(usage.contains(option), option + " in:\n" + usage);
        }
        Object[] help = grade("--help");
        assertEquals(0, help[0]);
        assertEquals(usage, help[1]);
    }

    @Test
    @DisplayName("bad values exit 2 with 'grade: ' the error and the usage")
    void badValues() throws Throwable {
        Object[] r = grade("x.ipynb", "--jobs", "two");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).startsWith("grade: Invalid value for option '--jobs': expected a whole number, got 'two'\nUsage: ./nnlab grade"),
                (String) r[2]);
        Object[] s = grade("x.ipynb", "--sandbox", "unshare");
        assertEquals(2, s[0]);
        assertTrue(((String) s[2]).contains("'unshare' was removed"), (String) s[2]);
        Object[] missing = grade(tmp.resolve("nothing-here.ipynb").toString());
        assertEquals(2, missing[0]);
        assertTrue(((String) missing[2]).startsWith("grade: there is no file or folder "), (String) missing[2]);
    }

    @Test
    @DisplayName("a folder is not graded without a working sandbox unless --sandbox none; the message says how to install bubblewrap")
    void refusal() {
        String why = GradeMain.refusal(GradeOptions.SandboxMode.AUTO, "none", true);
        assertTrue(why.contains("no working sandbox here") && why.contains("apt-get install bubblewrap") && why.contains("--sandbox none"), why);
        assertTrue(GradeMain.refusal(GradeOptions.SandboxMode.AUTO, "unshare -rn", true).contains("got isolation 'unshare -rn'"));
        assertTrue(GradeMain.refusal(GradeOptions.SandboxMode.BWRAP, "none", false).contains("no working sandbox"), "bwrap asked for: refused");
        assertNull(GradeMain.refusal(GradeOptions.SandboxMode.NONE, "none", true), "--sandbox none: graded, and the results say so");
        assertNull(GradeMain.refusal(GradeOptions.SandboxMode.AUTO, "bwrap", true));
        assertNull(GradeMain.refusal(GradeOptions.SandboxMode.AUTO, "none", false), "one submission: graded, and the results say so");
    }

    /** Grades {@code submission} as one submission (notebook 01) into a new folder; returns its results.json. */
    static JsonNode gradeOne(Path submission, String... extra) throws Throwable {
        Path out = Files.createTempDirectory(tmp, "out");
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(submission.toString(), "--out", out.toString(),
                "--notebook", "01", "--test-timeout", "5"), java.util.Arrays.stream(extra)).toArray(String[]::new);
        Object[] r = grade(args);
        assertEquals(0, r[0], r[1] + "\n" + r[2]);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("results.json"))));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("feedback.html"))));
        return Reports.JSON.readTree(out.resolve("results.json").toFile());
    }

    @Test
    @DisplayName("the solved 01-rectangle.ipynb beside a newer untouched 01-rectangle-Copy1.ipynb: 20/20, with a note naming both")
    void solvedBesideCopy() throws Throwable {
        Path folder = tmp.resolve("gradescope-submission");
        Fixtures.copy(Fixtures.SOLUTION_01, folder.resolve("01-rectangle.ipynb"), 1_700_000_000L);
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("01-rectangle-Copy1.ipynb"), 1_700_000_600L);
        JsonNode r = gradeOne(folder, "--one");
        assertEquals(20.0, r.get("score").doubleValue(), r.toPrettyString());
        assertTrue(r.get("output").textValue().contains("Note: 2 files for notebook 01-rectangle: graded 01-rectangle.ipynb "
                + "(its name is the expected one); ignored 01-rectangle-Copy1.ipynb"), r.get("output").textValue());
    }

    @Test
    @DisplayName("a 55 MB notebook scores the same as .ipynb and zipped (20/20); a notebook with a byte-order mark is graded (20/20)")
    void largeAndBom() throws Throwable {
        Path big = SubmissionReaderTest.bigNotebook(tmp.resolve("big/01-rectangle.ipynb"), 55);
        Path zip = Fixtures.zip(big, "01-rectangle.ipynb", tmp.resolve("big.zip"));
        JsonNode plain = gradeOne(big);
        JsonNode zipped = gradeOne(zip);
        assertEquals(20.0, plain.get("score").doubleValue(), plain.get("output").textValue());
        assertEquals(20.0, zipped.get("score").doubleValue(), zipped.get("output").textValue());
        Files.delete(big);

        Path bom = tmp.resolve("bom.ipynb");
        Files.write(bom, SubmissionReaderTest.concat(SubmissionReaderTest.BOM, Files.readAllBytes(Fixtures.SOLUTION_01)));
        JsonNode b = gradeOne(bom);
        assertEquals(20.0, b.get("score").doubleValue(), b.toPrettyString());
    }
}
