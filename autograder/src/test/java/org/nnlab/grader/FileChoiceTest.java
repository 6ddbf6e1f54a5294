package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which of several files is graded: the one named as expected over copies, else the newest, ties by name; always with a note. */
class FileChoiceTest {

    static FileChoice.Candidate<String> file(String name, long modified) {
        return new FileChoice.Candidate<>(name, name, modified);
    }

    static final java.util.function.Predicate<String> NOTEBOOK_01 = n -> n.endsWith("01-rectangle.ipynb");

    @Test
    @DisplayName("the copy suffixes of Jupyter, browsers and file managers come off; other names stay")
    void original() {
        assertEquals("01-rectangle", FileChoice.original("01-rectangle-Copy1"));
        assertEquals("01-rectangle", FileChoice.original("01-rectangle-Copy12"));
        assertEquals("01-rectangle", FileChoice.original("01-rectangle (1)"));
        assertEquals("01-rectangle", FileChoice.original("01-rectangle-Copy1 (2)"));
        assertEquals("alice", FileChoice.original("alice - Copy"));
        assertEquals("alice", FileChoice.original("alice copy"));
        assertEquals("alice", FileChoice.original("alice"));
        assertEquals("copy", FileChoice.original("copy"), "a name that is only a suffix stays");
        assertEquals("photocopy-notes", FileChoice.original("photocopy-notes"));
        assertEquals("01-rectangle (1)", FileChoice.stem("sub/01-rectangle (1).ipynb"));
        assertEquals("alice.smith", FileChoice.stem("alice.smith.zip"));
    }

    @Test
    @DisplayName("the file named as the notebook wins over a newer copy, and the note says which was graded and which ignored")
    void expectedNameWins() {
        var c = FileChoice.pick(List.of(file("01-rectangle-Copy1.ipynb", 2000), file("01-rectangle.ipynb", 1000),
                file("01-rectangle (1).ipynb", 3000)), NOTEBOOK_01, "notebook 01-rectangle");
        assertEquals("01-rectangle.ipynb", c.chosen().name());
        assertEquals(List.of("01-rectangle (1).ipynb", "01-rectangle-Copy1.ipynb"), c.ignored().stream().map(FileChoice.Candidate::name).toList());
        assertEquals("3 files for notebook 01-rectangle: graded 01-rectangle.ipynb (its name is the expected one); "
                + "ignored 01-rectangle (1).ipynb, 01-rectangle-Copy1.ipynb", c.note());
    }

    @Test
    @DisplayName("without the expected name, the newest; saved at the same time, the first by name; in any order given")
    void newestElseFirstByName() {
        var newest = FileChoice.pick(List.of(file("a-Copy1.ipynb", 1000), file("a-Copy2.ipynb", 5000)), NOTEBOOK_01, "notebook 01-rectangle");
        assertEquals("a-Copy2.ipynb", newest.chosen().name());
        assertTrue(newest.note().contains("graded a-Copy2.ipynb (the newest); ignored a-Copy1.ipynb"), newest.note());
        var tie = FileChoice.pick(List.of(file("alice.zip", 1000), file("alice.ipynb", 1000)), n -> true, "student alice");
        var again = FileChoice.pick(List.of(file("alice.ipynb", 1000), file("alice.zip", 1000)), n -> true, "student alice");
        assertEquals("alice.ipynb", tie.chosen().name());
        assertEquals(tie.note(), again.note(), "the same choice whatever the order the folder lists them in");
        assertTrue(tie.note().contains("the first by name of the newest files, saved at the same time"), tie.note());
        var both = FileChoice.pick(List.of(file("x/01-rectangle.ipynb", 1000), file("y/01-rectangle.ipynb", 2000)), NOTEBOOK_01, "notebook 01");
        assertEquals("y/01-rectangle.ipynb", both.chosen().name(), "two files of the expected name: the newer");
    }

    @Test
    @DisplayName("one file: chosen without a note; none: an error that says what was expected")
    void oneOrNone() {
        var one = FileChoice.pick(List.of(file("alice.ipynb", 1)), n -> true, "student alice");
        assertEquals("", one.note());
        assertEquals(List.of(), one.ignored());
        var e = assertThrows(IllegalArgumentException.class, () -> FileChoice.pick(List.<FileChoice.Candidate<String>>of(), n -> true, "student bob"));
        assertTrue(e.getMessage().contains("expected at least one file for student bob, got none"), e.getMessage());
    }
}
