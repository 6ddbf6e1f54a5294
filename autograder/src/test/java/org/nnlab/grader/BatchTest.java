package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of submissions: one row per student, never merged silently, the same on re-runs, escaped, readable, sandboxed or said so. */
class BatchTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void root() {
        System.setProperty("nnlab.root", Fixtures.ROOT.toString());
    }

    @Test
    @DisplayName("alice.ipynb, alice.zip and alice-Copy1.ipynb are alice's: one submission graded, the others named in a note")
    void studentsAndTheirFiles() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("names"));
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("alice.ipynb"), 1_700_000_000L);
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("alice-Copy1.ipynb"), 1_700_000_900L);
        Files.setLastModifiedTime(Fixtures.zip(folder.resolve("alice.ipynb"), "01-rectangle.ipynb", folder.resolve("alice.zip")),
                java.nio.file.attribute.FileTime.fromMillis(1_700_000_500_000L));
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("bob.ipynb"), 1_700_000_000L);
        Files.createDirectories(folder.resolve(".hidden"));
        List<Batch.Job> jobs = Batch.jobs(folder);
        assertEquals(List.of("alice", "bob"), jobs.stream().map(Batch.Job::student).toList());
        assertEquals(folder.resolve("alice.zip"), jobs.get(0).submission(), "the newest of those not named as a copy");
        assertEquals("3 files for student alice: graded alice.zip (the newest); ignored alice-Copy1.ipynb, alice.ipynb", jobs.get(0).note());
        assertEquals("", jobs.get(1).note());
        assertEquals("01-rectangle", Batch.studentOf(Path.of("01-rectangle (1).ipynb")));
    }

    /** The gradebook's rows without the seconds column (it differs between runs). */
    static List<String> rowsWithoutSeconds(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.replaceFirst(",\\d+\\.\\d+,(ok|timeout|crashed),", ",S,$1,")).toList();
    }

    @Test
    @DisplayName("name.ipynb + name.zip: one row, the newest graded, the gradebook says which was ignored; re-runs give the same; "
            + "a '=cmd' name is escaped; results 0644 in 0755 folders")
    void carelessFolder() throws Throwable {
        Path folder = Files.createDirectories(tmp.resolve("class"));
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("alice.ipynb"), 1_700_000_000L);
        Path solved = Fixtures.copy(Fixtures.SOLUTION_01, tmp.resolve("alice-solved/01-rectangle.ipynb"), 1_700_000_500L);
        Files.setLastModifiedTime(Fixtures.zip(solved, "01-rectangle.ipynb", folder.resolve("alice.zip")),
                java.nio.file.attribute.FileTime.fromMillis(1_700_000_500_000L));
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("=cmd|' -C calc'!A0.ipynb"), 1_700_000_000L);
        Path out = tmp.resolve("class-grades");
        String[] args = {folder.toString(), "--out", out.toString(), "--jobs", "2", "--test-timeout", "5", "--notebook", "01"};
        Object[] r = GradeMainTest.grade(args);
        assertEquals(0, r[0], r[1] + "\n" + r[2]);
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("\"'=cmd|' -C calc'!A0\",0,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("alice,2,4,3,4,1,2,2,2,20,20,") && csv.get(2).endsWith(
                ",ok,bwrap,2 files for student alice: graded alice.zip (the newest); ignored alice.ipynb"), csv.get(2));
        assertTrue(Files.readString(out.resolve("alice/feedback.md")).contains("> Note: 2 files for student alice: graded alice.zip"));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("alice"))));
        for (String f : List.of("gradebook.csv", "alice/results.json", "alice/grade.json", "alice/feedback.md", "alice/feedback.html")) {
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))), f);
        }
        List<String> first = rowsWithoutSeconds(out.resolve("gradebook.csv"));
        String[] force = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--force")).toArray(String[]::new);
        for (String[] again : List.of(args, force)) {
            Object[] rerun = GradeMainTest.grade(again);
            assertEquals(0, rerun[0], (String) rerun[2]);
            assertEquals(first, rowsWithoutSeconds(out.resolve("gradebook.csv")), "a re-run gives the same rows: " + List.of(again));
        }
    }

    @Test
    @DisplayName("--sandbox none grades a folder, and the gradebook, results.json, feedback and table say it was unsandboxed")
    void unsandboxedFolder() throws Throwable {
        Path folder = Files.createDirectories(tmp.resolve("open"));
        Fixtures.copy(Fixtures.SOLUTION_01, folder.resolve("carol.ipynb"), 1_700_000_000L);
        Path out = tmp.resolve("open-grades");
        Object[] r = GradeMainTest.grade(folder.toString(), "--out", out.toString(), "--test-timeout", "5", "--notebook", "01", "--sandbox", "none");
        assertEquals(0, r[0], (String) r[2]);
        assertTrue(((String) r[2]).contains("Graded unsandboxed (--sandbox none, or no working bubblewrap)"), (String) r[2]);
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertTrue(csv.get(1).startsWith("carol,") && csv.get(1).contains(",20,20,") && csv.get(1).contains(",ok,none (unsandboxed),"), csv.get(1));
        assertTrue(Reports.JSON.readTree(out.resolve("carol/results.json").toFile()).get("output").textValue().contains("Graded unsandboxed"));
        assertTrue(Files.readString(out.resolve("carol/feedback.md")).contains("Graded unsandboxed"));
        assertTrue(Files.readString(out.resolve("carol/feedback.html")).contains("Graded unsandboxed"));
    }
}
