package org.nnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise cells pasted into a class implementing a contract: the Java twin of {@code java_class} in
 * tools/generate.py, which writes the reference ({@code RectangleSolution}) and starter classes the
 * same way. The format, shared and tested byte for byte ({@code ClassSourceTest} compares this with
 * the generated files):
 * <pre>
 * // Generated from REL by tools/generate.py (./nnlab generate); do not edit.
 * package P;
 *
 * IMPORTS (the import lines of tools/kernel/startup.jshell)
 *
 * /**
 *  * WHAT: the exercise cells of REL as a class implementing
 *  * {&#64;link CONTRACT}. Not final, so that a grader can subclass it.
 *  *&#47;
 * public class NAME implements CONTRACT {
 *
 *     // Exercise N.k
 *     CELL TEXT, each line indented by 4 spaces, trailing blanks removed
 *     (a blank line between cells)
 * }
 * </pre>
 * The grader adds, before the closing brace, stubs for the contract's methods that no cell declares.
 * It remembers where each cell starts, so that a compiler message on a line of the class points back
 * at the student's cell and line ({@link #locate(long)}).
 */
public final class ClassSource {

    private static final String GENERATOR = "tools/generate.py (./nnlab generate)";

    private final String text;
    private final List<Cell> cells;
    private final List<int[]> spans;   // per cell: first class line, last class line (1-based)

    private ClassSource(String text, List<Cell> cells, List<int[]> spans) {
        this.text = text;
        this.cells = cells;
        this.spans = spans;
    }

    /**
     * The import lines of the kernel's start-up script (copied into the grader jar at build time), except
     * JJava's own notebook functions ({@code display}, {@code kernel}: {@code org.dflib.jjava}), which exist
     * only in the kernel (as tools/generate.py).
     */
    public static List<String> kernelImports() {
        try (InputStream in = ClassSource.class.getResourceAsStream("startup.jshell")) {
            if (in == null) {
                throw new IllegalStateException("startup.jshell is missing from the grader's resources (rebuild autograder)");
            }
            List<String> imports = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.strip().startsWith("import ") && !line.contains("org.dflib.jjava.")) {
                    imports.add(line.strip());
                }
            }
            return imports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The class, exactly as tools/generate.py writes it, plus {@code extra} members (stubs) at the end.
     *
     * @param imports import lines (usually {@link #kernelImports()}, plus a starter file's own)
     */
    public static ClassSource of(String pkg, String name, String contract, List<Cell> cells, String rel,
                                 String what, List<String> imports, List<String> extra) {
        StringBuilder b = new StringBuilder();
        b.append("// Generated from ").append(rel).append(" by ").append(GENERATOR).append("; do not edit.\n");
        b.append("package ").append(pkg).append(";\n\n").append(String.join("\n", imports)).append("\n\n");
        b.append("/**\n * ").append(what).append(": the exercise cells of ").append(rel).append(" as a class implementing\n");
        b.append(" * {@link ").append(contract).append("}. Not final, so that a grader can subclass it.\n */\n");
        b.append("public class ").append(name).append(" implements ").append(contract).append(" {\n\n");
        StringBuilder body = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        int line = lines(b) + 1;   // the class line the next body line lands on
        for (Cell cell : cells) {
            body.append("    // Exercise ").append(cell.exercise()).append('\n');
            line++;
            String[] cellLines = cell.text().split("\\R", -1);
            int n = cell.text().endsWith("\n") ? cellLines.length - 1 : cellLines.length;   // Python's splitlines()
            if (cell.text().isEmpty()) {
                n = 0;
            }
            spans.add(new int[] {line, line + n - 1});
            for (int k = 0; k < n; k++) {
                body.append(("    " + cellLines[k]).stripTrailing()).append('\n');
            }
            line += n;
            body.append('\n');
            line++;
        }
        for (String member : extra) {
            body.append(member).append("\n\n");
        }
        String inner = body.toString().replaceAll("\n+$", "");
        b.append(inner).append("\n}\n");
        return new ClassSource(b.toString(), List.copyOf(cells), spans);
    }

    private static int lines(CharSequence s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** The Java source. */
    public String text() {
        return text;
    }

    /** The cells, in order. */
    public List<Cell> cells() {
        return cells;
    }

    /** The index of the cell that holds class line {@code line} (1-based), or -1 (header, stubs). */
    public int cellAt(long line) {
        for (int k = 0; k < spans.size(); k++) {
            if (line >= spans.get(k)[0] && line <= spans.get(k)[1]) {
                return k;
            }
        }
        return -1;
    }

    /** "exercise 1.3 (cell 14), line 2" for class line {@code line}, or "line L of the class". */
    public String locate(long line) {
        int k = cellAt(line);
        return k < 0 ? "line " + line + " of the generated class" : cells.get(k).at((int) (line - spans.get(k)[0] + 1));
    }
}
