package org.nnlab.grader;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * One exercise cell on its own, parsed (never run): whether it is well-formed as class members (so an
 * unbalanced brace costs its own exercise, not the cells after it, whose errors it would otherwise
 * cause) and whether it holds code that runs when the object is created (field initialisers,
 * initialiser blocks).
 */
final class CellCheck {

    private CellCheck() {
    }

    /** The cell as the body of a class of its own: line k of the cell is line k + 1. */
    private static JavaFileObject wrapped(Cell cell) {
        String text = "class Cell {\n" + cell.text() + "\n}\n";
        return new SimpleJavaFileObject(URI.create("string:///Cell.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    private static List<? extends CompilationUnitTree> parse(Cell cell, DiagnosticCollector<JavaFileObject> diagnostics) {
        JavacTask task = (JavacTask) ToolProvider.getSystemJavaCompiler().getTask(null, null, diagnostics,
                List.of("-proc:none"), null, List.of(wrapped(cell)));
        try {
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The syntax errors of {@code cell} alone, each as "exercise 1.2 (cell 12), line 3: message", with
     * a hint for a brace too many or too few, and {@link CompileHints}' for a statement outside a method.
     * Empty when it parses.
     */
    static List<String> parseErrors(Cell cell) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        parse(cell, diagnostics);
        int lines = (int) cell.text().lines().count();
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && errors.size() < 3) {
                int line = (int) Math.max(1, Math.min(Math.max(lines, 1), d.getLineNumber() - 1));
                String message = CompileHints.explainCompileError(d.getMessage(Locale.ROOT).strip(), cell.text(), line);
                errors.add(cell.at(line) + ": " + message + braceHint(message, d.getLineNumber() - 1 > lines));
            }
        }
        return errors;
    }

    /** A word on braces, when the message is javac's for a cell that ends inside a block or closes its class. */
    private static String braceHint(String message, boolean atTheEnd) {
        if (atTheEnd || message.contains("reached end of file")) {
            return " (a '{' without its '}': the cell ends inside a method or class)";
        }
        if (message.contains("class, interface, enum, or record expected")) {
            return " (one '}' too many: it closes the class, so what follows is outside it)";
        }
        return "";
    }

    /** Whether {@code cell} (which parses) has a field initialiser or an initialiser block, static or not. */
    static boolean initialises(Cell cell) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        for (CompilationUnitTree unit : parse(cell, diagnostics)) {
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree c) {
                    for (Tree member : c.getMembers()) {
                        if (member instanceof BlockTree || member instanceof VariableTree v && v.getInitializer() != null) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
