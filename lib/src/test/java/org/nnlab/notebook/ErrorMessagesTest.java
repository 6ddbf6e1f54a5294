package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    @DisplayName("ND4J's raw broadcast error names the student's operation, both shapes and a hint")
    void elementWiseShapesAreExplained() {
        String raw = "Cannot perform operation \"addi\" - shapes are not equal and are not broadcastable."
                + "first.shape=[3, 4], second.shape=[4, 3]";
        assertEquals("add: expected two arrays of the same shape (or shapes that broadcast: equal or 1 in each dimension,"
                + " e.g. [3, 4] with [1, 4]) but was [3, 4] and [4, 3].\n"
                + "Hint: the second is the first transposed: call .transpose() on one of them.",
                ErrorMessages.explain("java.lang.IllegalStateException", raw));
    }

    @Test
    @DisplayName("shapes that are not each other's transpose get the general hint")
    void otherShapesGetTheGeneralHint() {
        String raw = "Cannot perform operation \"muli\" - shapes are not equal and are not broadcastable."
                + "first.shape=[2, 3], second.shape=[2, 5]";
        String explained = ErrorMessages.explain("java.lang.IllegalStateException", raw);
        assertEquals("mul: expected two arrays of the same shape (or shapes that broadcast: equal or 1 in each dimension,"
                + " e.g. [3, 4] with [1, 4]) but was [2, 3] and [2, 5].\n"
                + "Hint: element-wise operations need equal shapes; look at both with .shape(), and use mmul for a matrix product.",
                explained);
    }

    @Test
    @DisplayName("a matrix product of mismatched shapes says which sizes differ")
    void mmulIsExplained() {
        String raw = "Cannot execute matrix multiplication: [3, 4]x[3, 4]: Column of left array 4 != rows of right 3";
        assertEquals("mmul: expected the left array's columns to equal the right array's rows ([n, k] x [k, m]) but was"
                + " [3, 4] x [3, 4] (4 columns, 3 rows).\nHint: transpose one of them (.transpose()), e.g. x.mmul(w.transpose()).",
                ErrorMessages.explain("org.nd4j.linalg.exception.ND4JIllegalStateException", raw));
    }

    @Test
    @DisplayName("a row vector of the wrong length is explained")
    void rowVectorIsExplained() {
        assertEquals("addRowVector (or sub/mul/divRowVector): expected a row vector with one value per column of the [3, 4]"
                + " array but was [1, 3].\nHint: the vector needs shape [1, columns]; use addColumnVector for one value per row.",
                ErrorMessages.explain("java.lang.IllegalStateException", "Mismatched shapes (shape = [3, 4], row vector shape =[1, 3])"));
    }

    @Test
    @DisplayName("a null pointer names the notebook variable, not JShell's synthetic class, and says what to do")
    void nullPointerNamesTheVariable() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null.\n"
                + "Hint: s has no value (null): assign it before this line, or run the cell that does.",
                ErrorMessages.explain("java.lang.NullPointerException",
                        "Cannot invoke \"String.length()\" because \"REPL.$JShell$48.s\" is null"));
    }

    @Test
    @DisplayName("JShell's class names are removed from any message; other messages stay as they are")
    void otherMessagesKeepTheirText() {
        assertEquals("class Box cannot be cast to class java.lang.String",
                ErrorMessages.explain("java.lang.ClassCastException", "class REPL.$JShell$12$Box cannot be cast to class java.lang.String"));
        assertEquals("Linear(2 -> 3).forward: expected ...", ErrorMessages.explain("java.lang.IllegalArgumentException",
                "Linear(2 -> 3).forward: expected ..."));
        assertEquals("", ErrorMessages.explain("java.lang.RuntimeException", null));
    }
}
