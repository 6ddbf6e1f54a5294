package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading submissions (no compiling, no grading JVM): copies, byte-order marks, size limits, broken files. */
class SubmissionReaderTest {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path tmp;

    /** The text of exercise 1.2's cell in what was read for notebook 01. */
    static String sigmoidCell(SubmissionReader.Read r) {
        return r.sources().get("01-rectangle").cells().stream().filter(c -> c.exercise().equals("1.2")).findFirst().orElseThrow().text();
    }

    static String referenceSigmoid() throws IOException {
        return sigmoidCell(SubmissionReader.read(Fixtures.SOLUTION_01));
    }

    @Test
    @DisplayName("a folder with the solved 01-rectangle.ipynb and a newer untouched copy (-Copy1, ' (1)'): the solved one is read, with a note")
    void namedFileWinsOverNewerCopies() throws IOException {
        Path folder = tmp.resolve("submission");
        Fixtures.copy(Fixtures.SOLUTION_01, folder.resolve("01-rectangle.ipynb"), 1_700_000_000L);
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("01-rectangle-Copy1.ipynb"), 1_700_000_500L);
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("01-rectangle (1).ipynb"), 1_700_000_900L);
        SubmissionReader.Read r = SubmissionReader.read(folder);
        assertEquals("01-rectangle.ipynb", r.sources().get("01-rectangle").rel());
        assertEquals(referenceSigmoid(), sigmoidCell(r));
        assertTrue(r.notes().contains("3 files for notebook 01-rectangle: graded 01-rectangle.ipynb (its name is the expected one); "
                + "ignored 01-rectangle (1).ipynb, 01-rectangle-Copy1.ipynb"), r.notes().toString());
        assertEquals(Map.of(), r.problems().get("01-rectangle"), "the copies' problems do not count");

        Path zip = Fixtures.zip(folder.resolve("01-rectangle-Copy1.ipynb"), "work/01-rectangle-Copy1.ipynb", tmp.resolve("copy-only.zip"));
        SubmissionReader.Read z = SubmissionReader.read(zip);
        assertEquals("work/01-rectangle-Copy1.ipynb", z.sources().get("01-rectangle").rel());
        assertTrue(z.notes().isEmpty(), "one file: no note " + z.notes());
    }

    @Test
    @DisplayName("in a zip too: the entry named as the notebook over a newer copy, and else the newest entry (the zip's own times)")
    void copiesInAZip() throws IOException {
        Path zip = tmp.resolve("work.zip");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Object[] e : new Object[][] {{"work/01-rectangle-Copy1.ipynb", Fixtures.STUDENT_01, 1_700_000_900L},
                    {"work/01-rectangle.ipynb", Fixtures.SOLUTION_01, 1_700_000_000L}}) {
                var entry = new java.util.zip.ZipEntry((String) e[0]);
                entry.setLastModifiedTime(java.nio.file.attribute.FileTime.fromMillis((long) e[2] * 1000));
                z.putNextEntry(entry);
                Files.copy((Path) e[1], z);
                z.closeEntry();
            }
        }
        SubmissionReader.Read r = SubmissionReader.read(zip);
        assertEquals("work/01-rectangle.ipynb", r.sources().get("01-rectangle").rel());
        assertEquals(referenceSigmoid(), sigmoidCell(r));
        assertTrue(r.notes().contains("2 files for notebook 01-rectangle: graded work/01-rectangle.ipynb (its name is the expected one); "
                + "ignored work/01-rectangle-Copy1.ipynb"), r.notes().toString());
    }

    @Test
    @DisplayName("without a file named as the notebook, the newest is read, with a note")
    void newestWithoutTheName() throws IOException {
        Path folder = tmp.resolve("submission");
        Fixtures.copy(Fixtures.STUDENT_01, folder.resolve("my-work-old.ipynb"), 1_700_000_000L);
        Fixtures.copy(Fixtures.SOLUTION_01, folder.resolve("my-work.ipynb"), 1_700_000_100L);
        SubmissionReader.Read r = SubmissionReader.read(folder);
        assertEquals("my-work.ipynb", r.sources().get("01-rectangle").rel());
        assertTrue(r.notes().contains("2 files for notebook 01-rectangle: graded my-work.ipynb (the newest); ignored my-work-old.ipynb"),
                r.notes().toString());
    }

    @Test
    @DisplayName("a UTF-8 byte-order mark is accepted in a notebook and in a starter class")
    void byteOrderMark() throws IOException {
        Path nb = tmp.resolve("bom.ipynb");
        Files.write(nb, concat(BOM, Files.readAllBytes(Fixtures.SOLUTION_01)));
        SubmissionReader.Read r = SubmissionReader.read(nb);
        assertNull(r.unreadable());
        assertEquals(referenceSigmoid(), sigmoidCell(r));

        Path starter = Files.createDirectories(tmp.resolve("ide")).resolve("RectangleStarter.java");
        Path original = Fixtures.ROOT.resolve("exercises/src/main/java/org/nnlab/exercises/starter/RectangleStarter.java");
        Files.write(starter, concat(BOM, Files.readAllBytes(original)));
        SubmissionReader.Read s = SubmissionReader.read(starter.getParent());
        SubmissionReader.Read plain = SubmissionReader.read(original.getParent());
        assertEquals(plain.sources().get("01-rectangle").cells(), s.sources().get("01-rectangle").cells());
        assertTrue(s.sources().get("01-rectangle").imports().stream().noneMatch(i -> i.contains("\uFEFF")));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** The reference notebook 01 with an output of about {@code megabytes} MB in its first code cell (a big figure, say). */
    static Path bigNotebook(Path file, int megabytes) throws IOException {
        ObjectNode nb = Fixtures.notebookWith(Fixtures.SOLUTION_01, Map.of());
        for (var cell : nb.withArray("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                ObjectNode out = ((ObjectNode) cell).withArray("outputs").addObject();
                out.put("output_type", "display_data");
                out.putObject("data").put("image/png", "iVBORw0KGgo".repeat(megabytes * (1 << 20) / 11));
                out.putObject("metadata");
                break;
            }
        }
        return Fixtures.write(nb, file);
    }

    @Test
    @DisplayName("a 55 MB notebook reads the same as .ipynb and zipped; over 100 MB the message states the limit")
    void largeNotebooks() throws IOException {
        Path big = bigNotebook(tmp.resolve("01-rectangle.ipynb"), 55);
        assertTrue(Files.size(big) > 55L << 20, "the fixture is over 55 MB: " + Files.size(big));
        Path zip = Fixtures.zip(big, "01-rectangle.ipynb", tmp.resolve("big.zip"));
        SubmissionReader.Read plain = SubmissionReader.read(big);
        SubmissionReader.Read zipped = SubmissionReader.read(zip);
        assertNull(plain.unreadable());
        assertNull(zipped.unreadable(), zipped.unreadable());
        assertEquals(plain.sources().get("01-rectangle").cells(), zipped.sources().get("01-rectangle").cells());
        assertEquals(referenceSigmoid(), sigmoidCell(zipped));
        Files.delete(big);

        Path huge = bigNotebook(tmp.resolve("huge.ipynb"), 101);
        String why = SubmissionReader.read(huge).unreadable();
        assertTrue(why.startsWith("huge.ipynb is 10") && why.contains("a notebook may be at most 100 MB") && why.contains("Clear Outputs"), why);
        Path hugeZip = Fixtures.zip(huge, "huge.ipynb", tmp.resolve("huge.zip"));
        SubmissionReader.Read z = SubmissionReader.read(hugeZip);
        assertTrue(z.notes().stream().anyMatch(n -> n.startsWith("huge.ipynb is over 100 MB unpacked; a notebook may be at most 100 MB")),
                z.notes().toString());
        assertTrue(z.unreadable().contains("found no notebook"), z.unreadable());
    }

    @Test
    @DisplayName("a file that is not JSON, JSON that is not a notebook, an empty folder: what was expected, what was found")
    void brokenFiles() throws IOException {
        Path notJson = Files.writeString(tmp.resolve("01-rectangle.ipynb"), "this is not { json");
        String why = SubmissionReader.read(notJson).unreadable();
        assertTrue(why.startsWith("01-rectangle.ipynb is not a notebook: not valid JSON: ") && why.contains("at line 1, column"), why);
        Path list = Files.writeString(tmp.resolve("list.ipynb"), "[1, 2]");
        assertTrue(SubmissionReader.read(list).unreadable().startsWith("list.ipynb is JSON but not a Jupyter notebook"));
        Path noCells = Files.writeString(tmp.resolve("nocells.ipynb"), "{\"metadata\": {}}", StandardCharsets.UTF_8);
        assertEquals("nocells.ipynb is JSON but not a Jupyter notebook (it has no \"cells\" list)", SubmissionReader.read(noCells).unreadable());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertTrue(SubmissionReader.read(empty).unreadable().startsWith("found no notebook with exercise cells and no starter class in empty"));
        assertEquals(List.of(), SubmissionReader.read(empty).notes());
    }
}
