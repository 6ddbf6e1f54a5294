package org.nnlab.grader;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.exercises.ExerciseSet;
import org.nnlab.grader.SubmissionReader.Source;

/**
 * Turns a submission into an implementation of each notebook's contract, and says per exercise what
 * went wrong. A submission is a notebook (.ipynb), a folder or a .zip holding notebooks and/or
 * completed starter classes ({@code exercises/.../starter/*Starter.java}).
 *
 * <p>A notebook's exercise cells (metadata {@code nnlab.exercise}) are pasted in order into
 * {@code public class Submission implements <Contract>} ({@link ClassSource}, the format of
 * tools/generate.py); a starter class is split back into cells at its {@code // Exercise N.k}
 * comments. Contract methods that no cell declares get a stub. When the class does not compile, each
 * cell with an error is replaced by stubs and the rest compiled again, so that one broken exercise
 * costs only its own points. Nothing here throws because of the submission. Reading the files (notebook
 * JSON, zips, folders, the choice among copies) is {@link SubmissionReader}'s part.
 */
public final class SubmissionLoader {

    /**
     * What became of one notebook's exercises: compiled classes for the worker, never an object here
     * (the judge's process never runs the submission's code).
     *
     * @param set      the notebook's exercises
     * @param compiled the compiled submission, or null (not submitted, does not compile)
     * @param problems per exercise, why its tests fail without running (a compile error, a missing cell)
     * @param source   what it was compiled from, to compile it again without some cells ({@link #without})
     */
    public record Part(ExerciseSet<?> set, Compiled compiled, Map<String, String> problems, Source source, List<String> classPath) {

        /**
         * This part compiled again without {@code cells} (their methods become stubs), each of which gets
         * {@code why} as its exercise's problem: a cell whose initialiser ended or stopped the worker.
         */
        public Part without(List<Cell> cells, String why) {
            Map<String, String> p = new LinkedHashMap<>(problems);
            cells.forEach(c -> p.put(c.exercise(), why.replace("CELL", "exercise " + c.exercise() + " (" + c.where() + ")")));
            List<Cell> kept = new ArrayList<>(source.cells());
            kept.removeAll(cells);
            Source s = new Source(source.rel(), kept, source.imports(), source.wholeClass());
            SubmissionLoader l = new SubmissionLoader();
            Compiled c = s.wholeClass() != null && !cells.isEmpty() ? null : l.compile(set, s, p, classPath);
            return new Part(set, c, p, s, classPath);
        }
    }

    /**
     * A compiled submission of one notebook.
     *
     * @param classes      binary name -> class file
     * @param main         the class implementing the contract
     * @param variants     per exercise, the class that grades it (the earlier exercises' methods from the
     *                     reference, see {@link ContractMethods#isolated}); none when there is no reference
     * @param initialising the cells with field or static initialisers or initialiser blocks, in order: the
     *                     code that runs when the worker creates the object
     */
    public record Compiled(Map<String, byte[]> classes, String main, Map<String, String> variants, List<Cell> initialising) {
    }

    /**
     * A new instance of the reference solution of {@code contract} ({@code org.nnlab.solutions.XSolution}
     * for {@code XExercises}, the generator's naming), or null when there is none. Only the judge has them.
     */
    static Object reference(Class<?> contract) {
        String name = "org.nnlab.solutions." + contract.getSimpleName().replaceAll("Exercises$", "") + "Solution";
        try {
            Object o = Class.forName(name, true, SubmissionLoader.class.getClassLoader()).getDeclaredConstructor().newInstance();
            return contract.isInstance(o) ? o : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Every graded notebook's part, and notes for the student that cost no points. */
    public record Loaded(List<Part> parts, List<String> notes) {
    }

    private final Map<String, Source> found = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, String>> problems = new LinkedHashMap<>();
    private String unreadable;   // why the whole submission could not be read, or null

    private SubmissionLoader() {
    }

    /**
     * Reads and compiles {@code submission} for the notebooks {@code sets}, against {@code classPath} (the
     * worker's: a submission that names a class only the judge has does not compile); never throws
     * because of its content.
     */
    public static Loaded load(Path submission, List<ExerciseSet<?>> sets, List<String> classPath) {
        SubmissionLoader l = new SubmissionLoader();
        try {
            l.read(submission);
        } catch (IOException | RuntimeException e) {
            l.unreadable = "could not read the submission: " + e.getMessage();
        }
        List<Part> parts = new ArrayList<>();
        for (ExerciseSet<?> set : sets) {
            Map<String, String> p = l.problems.computeIfAbsent(set.notebook(), s -> new LinkedHashMap<>());
            Source source = l.found.get(set.notebook());
            if (source == null) {
                String why = l.unreadable != null ? l.unreadable
                        : "not submitted: the submission has no notebook " + set.notebook() + " and no class implementing " + set.contract().getSimpleName();
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
                parts.add(new Part(set, null, p, null, classPath));
                continue;
            }
            parts.add(new Part(set, l.compile(set, source, p, classPath), p, source, classPath));
        }
        return new Loaded(parts, l.notes);
    }

    /** The notebooks (e.g. "01-rectangle") that {@code submission} has code for (cheap: no compiling). */
    public static Set<String> detect(Path submission) {
        SubmissionLoader l = new SubmissionLoader();
        try {
            l.read(submission);
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return new LinkedHashSet<>(l.found.keySet());
    }

    // ------------------------------------------------------------------ reading

    /** Reads {@code path} into this loader's sources, problems and notes ({@link SubmissionReader}: one source per notebook). */
    private void read(Path path) throws IOException {
        SubmissionReader.Read r = SubmissionReader.read(path);
        found.putAll(r.sources());
        r.problems().forEach((notebook, p) -> problems.computeIfAbsent(notebook, k -> new LinkedHashMap<>()).putAll(p));
        notes.addAll(r.notes());
        unreadable = r.unreadable();
    }

    // ------------------------------------------------------------------ compiling

    /** The package of the submission's classes. */
    static final String PACKAGE = "org.nnlab.submission";

    /**
     * Compiles {@code source}: each cell is first parsed alone (an unbalanced brace or a statement
     * outside a method costs that cell, not the ones after it), then the class is compiled and every cell
     * with an error dropped (its methods become stubs) until it compiles.
     */
    private Compiled compile(ExerciseSet<?> set, Source source, Map<String, String> p, List<String> classPath) {
        if (source.wholeClass() != null) {
            return compileWhole(set, source, p, classPath);
        }
        Map<Method, String> methods = ContractMethods.exercises(set);
        List<Cell> active = new ArrayList<>();
        for (Cell c : source.cells()) {
            List<String> errors = CellCheck.parseErrors(c);
            if (errors.isEmpty()) {
                active.add(c);
            } else {
                p.put(c.exercise(), "does not compile: " + String.join("\n", errors));
            }
        }
        boolean isolate = reference(set.contract()) != null;
        for (int round = 0; round <= source.cells().size() + 1; round++) {
            ClassSource src = classSource(set, source, active, methods);
            String text = src.text();
            Map<String, String> variants = new LinkedHashMap<>();
            if (isolate) {
                StringBuilder iso = new StringBuilder(text);
                for (String e : set.exercises()) {
                    variants.put(e, PACKAGE + "." + isolatedName(e));
                    iso.append('\n').append(ContractMethods.isolated(isolatedName(e), "Submission", set, methods, e));
                }
                text = iso.toString();
            }
            InMemoryCompiler.Result r = InMemoryCompiler.compile(PACKAGE + ".Submission", text, classPath);
            if (r.ok()) {
                List<Cell> initialising = active.stream().filter(CellCheck::initialises).toList();
                return new Compiled(r.classes(), PACKAGE + ".Submission", variants, initialising);
            }
            List<Cell> broken = brokenCells(src, r.errors(), active, p);
            if (broken == null && isolate) {
                notes.add("the exercises of " + set.notebook() + " are graded together (each with the submission's other methods): "
                        + "the classes that isolate them did not compile: " + tidy(r.errors().get(0).message()));
                isolate = false;
            } else if (broken == null) {
                String why = "the submission does not compile: " + r.errors().stream().limit(3).map(e -> src.locate(e.line()) + ": "
                        + tidy(e.message())).reduce((a, b) -> a + "\n" + b).orElse("");
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
                return null;
            } else {
                active.removeAll(broken);
            }
        }
        return null;
    }

    /** The class of the cells {@code active}, with stubs for the contract methods that none declares. */
    private static ClassSource classSource(ExerciseSet<?> set, Source source, List<Cell> active, Map<Method, String> methods) {
        ClassSource plain = ClassSource.of(PACKAGE, "Submission", set.contract().getName(), active, source.rel(),
                "A submission", source.imports(), List.of());
        List<String> declared = InMemoryCompiler.declaredMethods(plain.text());
        List<String> stubs = new ArrayList<>();
        methods.forEach((m, e) -> {
            if (!declared.contains(ContractMethods.signature(m))) {
                stubs.add(ContractMethods.stub(m, e));
            }
        });
        return ClassSource.of(PACKAGE, "Submission", set.contract().getName(), active, source.rel(), "A submission", source.imports(), stubs);
    }

    /** The cells that hold {@code errors} (each cell's exercise gets them as its problem), or null when none does. */
    private static List<Cell> brokenCells(ClassSource src, List<InMemoryCompiler.Error> errors, List<Cell> active, Map<String, String> p) {
        Map<Integer, List<String>> byCell = new LinkedHashMap<>();
        for (InMemoryCompiler.Error err : errors) {
            int k = src.cellAt(err.line());
            if (k >= 0) {
                byCell.computeIfAbsent(k, x -> new ArrayList<>()).add(src.locate(err.line()) + ": " + tidy(err.message()));
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        List<Cell> broken = new ArrayList<>();
        byCell.forEach((k, msgs) -> {
            Cell c = active.get(k);
            broken.add(c);
            p.put(c.exercise(), "does not compile: " + String.join("\n", msgs.subList(0, Math.min(3, msgs.size())))
                    + (msgs.size() > 3 ? "\n(and " + (msgs.size() - 3) + " more errors)" : ""));
        });
        return broken;
    }

    private Compiled compileWhole(ExerciseSet<?> set, Source source, Map<String, String> p, List<String> classPath) {
        String text = source.wholeClass();
        Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
        Matcher cls = Pattern.compile("(?m)^\\s*public\\s+class\\s+(\\w+)").matcher(text);
        String name = (pkg.find() ? pkg.group(1) + "." : "") + (cls.find() ? cls.group(1) : "Submission");
        InMemoryCompiler.Result r = InMemoryCompiler.compile(name, text, classPath);
        if (!r.ok()) {
            List<String> msgs = r.errors().stream().limit(3).map(e -> source.rel() + ", line " + e.line() + ": " + tidy(e.message())).toList();
            String why = "the submission does not compile: " + String.join("\n", msgs);
            set.exercises().forEach(e -> p.putIfAbsent(e, why));
            return null;
        }
        return new Compiled(r.classes(), name, Map.of(), List.of());
    }

    private static String isolatedName(String exercise) {
        return "Isolated_" + exercise.replace('.', '_');
    }

    /** javac's message without the generated class's name. */
    private static String tidy(String message) {
        return message.replace(PACKAGE + ".Submission", "your code").replace("class Submission", "your code").strip();
    }
}
