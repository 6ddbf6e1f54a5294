package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CellCheckTest {

    static Cell cell(String text) {
        return new Cell("1.2", text, "cell 12", 1);
    }

    @Test
    @DisplayName("a well-formed cell has no errors; braces off by one either way, and a statement, are named with the cell's line")
    void parseErrors() {
        assertEquals(List.of(), CellCheck.parseErrors(cell("double sigmoid(double z) {\n    return z;\n}\n")));
        List<String> extra = CellCheck.parseErrors(cell("double f() {\n    return 1;\n}\n}\ndouble g() { return 2; }\n"));
        assertTrue(extra.get(0).startsWith("exercise 1.2 (cell 12), line ") && extra.get(0).contains("one '}' too many"), extra.toString());
        List<String> missing = CellCheck.parseErrors(cell("double f() {\n    return 1;\n"));
        assertTrue(missing.get(0).contains("a '{' without its '}'"), missing.toString());
        List<String> statement = CellCheck.parseErrors(cell("System.out.println(1);\ndouble f() { return 1; }\n"));
        assertTrue(statement.get(0).startsWith("exercise 1.2 (cell 12), line 1: ") && statement.get(0).contains("declarations only"),
                statement.toString());
    }

    @Test
    @DisplayName("field initialisers and initialiser blocks are found; methods and plain fields are not")
    void initialises() {
        assertTrue(CellCheck.initialises(cell("static { System.exit(0); }\n")));
        assertTrue(CellCheck.initialises(cell("{ x = 1; }\nint x;\n")));
        assertTrue(CellCheck.initialises(cell("long[] big = new long[9];\n")));
        assertFalse(CellCheck.initialises(cell("int x;\ndouble f() { int y = 2; return y; }\n")));
    }
}
