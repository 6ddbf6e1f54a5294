package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader pastes cells into a class exactly as tools/generate.py does: one format, two writers, compared here. */
class ClassSourceTest {

    static List<Cell> cells(Path notebook) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (var c : Reports.JSON.readTree(notebook.toFile()).path("cells")) {
            var id = c.path("metadata").path("nnlab").path("exercise");
            if (id.isTextual()) {
                StringBuilder source = new StringBuilder();
                c.path("source").forEach(line -> source.append(line.asText()));
                cells.add(new Cell(id.asText(), source.toString(), "cell", 1));
            }
        }
        return cells;
    }

    @Test
    @DisplayName("the reference classes that tools/generate.py wrote are what ClassSource writes for the same cells")
    void sameFormatAsTheGenerator() throws IOException {
        Path root = GraderTest.ROOT;
        for (Path nb : List.of(root.resolve("solutions/notebooks/01-rectangle.ipynb"), root.resolve("solutions/notebooks/00-vectors-and-matrices.ipynb"))) {
            String contract = nb.toString().contains("01-") ? "Rectangle" : "Vectors";
            String rel = root.relativize(nb).toString();
            ClassSource src = ClassSource.of("org.nnlab.solutions", contract + "Solution", contract + "Exercises", cells(nb), rel,
                    "The reference solution, verbatim", ClassSource.kernelImports(), List.of());
            assertEquals(Files.readString(root.resolve("solutions/src/main/java/org/nnlab/solutions/" + contract + "Solution.java")), src.text());
        }
    }

    @Test
    @DisplayName("a class line maps back to the cell and its line")
    void linesMapBackToCells() {
        ClassSource src = ClassSource.of("p", "S", "C", List.of(new Cell("1.1", "int a() {\n  return 1;\n}\n", "cell 4", 1),
                new Cell("1.2", "int b() {\n  return x;\n}\n", "cell 9", 1)), "nb", "w", List.of("import java.util.*;"), List.of());
        String[] lines = src.text().split("\n");
        int line = List.of(lines).indexOf("      return x;") + 1;
        assertEquals("exercise 1.2 (cell 9), line 2", src.locate(line));
        assertTrue(src.locate(1).startsWith("line 1 of"));
    }
}
