package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The hint for a statement outside any method, on javac's own messages (the cell compiled as a class body, as the grader does). */
class CompileHintsTest {

    /** javac's first error for {@code cell} pasted into a class body whose first line is line 2: {message, line in the cell}. */
    static Object[] javacError(String cell) {
        String text = "public class Cell {\n" + cell + "\ndouble sigmoid(double z) { return 1 / (1 + Math.exp(-z)); }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> d = new DiagnosticCollector<>();
        var source = new SimpleJavaFileObject(java.net.URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        javac.getTask(null, null, d, List.of("-proc:none", "-d", System.getProperty("java.io.tmpdir")), null, List.of(source)).call();
        Diagnostic<? extends JavaFileObject> first = d.getDiagnostics().stream().filter(x -> x.getKind() == Diagnostic.Kind.ERROR)
                .findFirst().orElseThrow(() -> new AssertionError("no compile error for: " + cell));
        return new Object[] {first.getMessage(Locale.ROOT), (int) first.getLineNumber() - 1};
    }

    static String explained(String cell) {
        Object[] e = javacError(cell);
        return CompileHints.explainCompileError((String) e[0], cell, (int) e[1]);
    }

    @Test
    @DisplayName("System.out.println(1); after a field gets javac's '<identifier> expected' and that cells hold declarations")
    void printlnAfterAField() {
        String cell = "double x = sigmoid(0);\nSystem.out.println(x);\n";
        String m = explained(cell);
        assertTrue(m.startsWith("<identifier> expected"), m);
        assertTrue(m.contains("exercise cells hold declarations only (methods, fields, classes), but line 2, `System.out.println(x);`, "
                + "is a statement outside any method. Move it into a method, or into another cell"), m);
    }

    @Test
    @DisplayName("calls, assignments, increments, if/for/return and a declaration-then-statement line all get the hint")
    void statements() {
        for (String cell : List.of("sigmoid(0);", "x = 5;", "counter++;", "display(sigmoid(0));", "for (int i = 0; i < 3; i++) { }",
                "if (true) { }", "return 1;", "int[] a = {1}; a[0] = 2;", "new StringBuilder();", "throw new RuntimeException();")) {
            String body = "int x, counter;\nvoid display(double d) { }\n" + cell;
            String m = explained(body);
            assertTrue(m.contains("is a statement outside any method"), cell + " -> " + m);
        }
    }

    @Test
    @DisplayName("var in a class body: a field needs its type")
    void varField() {
        String m = explained("var y = 2;");
        assertTrue(m.startsWith("'var' is not allowed here") && m.contains("a field of an exercise cell needs its type"), m);
    }

    @Test
    @DisplayName("other errors, and statements inside a method, keep javac's message unchanged")
    void otherErrorsUnchanged() {
        String inMethod = "double f() {\n    return zz;\n}\n";
        Object[] e = javacError(inMethod);
        assertEquals(e[0], CompileHints.explainCompileError((String) e[0], inMethod, (int) e[1]));
        assertTrue(((String) e[0]).startsWith("cannot find symbol"), (String) e[0]);
        String missingSemicolon = "double f() {\n    return 1\n}\n";
        Object[] s = javacError(missingSemicolon);
        assertEquals(s[0], CompileHints.explainCompileError((String) s[0], missingSemicolon, (int) s[1]), "depth 1: inside a method");
        assertEquals("<identifier> expected", CompileHints.explainCompileError("<identifier> expected", "double f(int) { }", 1),
                "a declaration that is wrong is not called a statement");
        assertEquals("x", CompileHints.explainCompileError("x", "", 5), "a line outside the cell");
    }

    @Test
    @DisplayName("braces in strings and comments do not count; declarations are not statements")
    void depthAndDeclarations() {
        String[] lines = {"String s = \"{\"; // {", "/* { */ void f() {", "  g();", "}", "h();"};
        assertEquals(0, CompileHints.depthBefore(lines, 2));
        assertEquals(1, CompileHints.depthBefore(lines, 3));
        assertEquals(0, CompileHints.depthBefore(lines, 5));
        for (String declaration : List.of("double x = sigmoid(0);", "int[] a = {1};", "public double f(double z) {", "Cell() {",
                "static final int N = 3;", "@Override", "class Helper { }")) {
            assertFalse(CompileHints.isStatement(declaration), declaration);
        }
    }
}
