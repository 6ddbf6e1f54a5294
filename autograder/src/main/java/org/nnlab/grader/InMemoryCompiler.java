package org.nnlab.grader;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one Java source in memory (javax.tools) against this JVM's class path and loads it in its
 * own class loader, which prefers the compiled classes (a student's {@code RectangleStarter} wins
 * over the one in the exercises jar).
 */
public final class InMemoryCompiler {

    /** A compiler error: the class line (1-based) and the message. */
    public record Error(long line, String message) {
    }

    /** The outcome: the class files when it compiled (binary name -> bytes), else the errors. */
    public record Result(Map<String, byte[]> classes, List<Error> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private InMemoryCompiler() {
    }

    private static JavaCompiler compiler() {
        JavaCompiler c = ToolProvider.getSystemJavaCompiler();
        if (c == null) {
            throw new IllegalStateException("no Java compiler in this JVM: the grader needs a JDK, not a JRE");
        }
        return c;
    }

    private static JavaFileObject source(String className, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + className.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /**
     * Compiles {@code text}, the source of {@code className} (fully qualified), against {@code classPath}
     * (no annotation processing: compiling runs none of the submission's code).
     */
    public static Result compile(String className, String text, List<String> classPath) {
        JavaCompiler javac = compiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager std = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        JavaFileManager files = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String name, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".class"), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(name, out);
                        return out;
                    }
                };
            }
        };
        List<String> options = List.of("-classpath", String.join(java.io.File.pathSeparator, classPath), "-proc:none",
                "-g", "-Xlint:none", "-nowarn", "-encoding", "UTF-8");
        boolean ok = javac.getTask(null, files, diagnostics, options, null, List.of(source(className, text))).call();
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new Error(d.getLineNumber(), d.getMessage(Locale.ROOT)));
            }
        }
        if (!ok && errors.isEmpty()) {
            errors.add(new Error(-1, "the compiler failed without a message"));
        }
        if (!ok) {
            return new Result(null, errors);
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
        return new Result(bytes, List.of());
    }

    /**
     * The methods that the top-level class of {@code text} declares, as "name(Type1,Type2)" with
     * simple type names without generics (parsed, not compiled: works on code with errors too).
     */
    public static List<String> declaredMethods(String text) {
        JavacTask task = (JavacTask) compiler().getTask(null, null, d -> { }, List.of("-proc:none"), null,
                List.of(source("Parse", text)));
        List<String> found = new ArrayList<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree c) {
                        for (Tree member : c.getMembers()) {
                            if (member instanceof MethodTree m) {
                                List<String> params = new ArrayList<>();
                                for (VariableTree p : m.getParameters()) {
                                    params.add(simpleType(String.valueOf(p.getType())));
                                }
                                found.add(m.getName() + "(" + String.join(",", params) + ")");
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** "java.util.List<String>[]" -> "List[]"; "double ..." -> "double[]". */
    static String simpleType(String type) {
        String t = type.replaceAll("<.*>", "").replace("...", "[]").replace(" ", "");
        int dims = t.indexOf('[');
        String base = dims < 0 ? t : t.substring(0, dims);
        String arrays = dims < 0 ? "" : t.substring(dims);
        return base.substring(base.lastIndexOf('.') + 1) + arrays;
    }

    /** Child-first for the compiled classes, the parent for everything else (the worker loads a submission with it). */
    static final class MemoryLoader extends ClassLoader {
        private final Map<String, byte[]> bytes;

        MemoryLoader(Map<String, byte[]> bytes, ClassLoader parent) {
            super("submission", parent);
            this.bytes = bytes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && bytes.containsKey(name)) {
                    byte[] b = bytes.get(name);
                    c = defineClass(name, b, 0, b.length);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
