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
     * What became of one notebook's exercises.
     *
     * @param set            the notebook's exercises
     * @param implementation the submission as the contract, or null (not submitted, does not compile)
     * @param problems       per exercise, why its tests fail without running (a compile error, a missing cell)
     */
    public record Part(ExerciseSet<?> set, Object implementation, Map<String, String> problems, Map<String, Object> isolated) {
        /** The implementation to grade {@code exercise} on: its isolated variant when there is one. */
        public Object implementation(String exercise) {
            return isolated.getOrDefault(exercise, implementation);
        }
    }

    /** Where the reference solutions are loaded from ({@link #reference}); the worker sets it to its private loader. */
    private static volatile ClassLoader references = SubmissionLoader.class.getClassLoader();

    static void referencesFrom(ClassLoader loader) {
        references = loader;
    }

    /**
     * A new instance of the reference solution of {@code contract} ({@code org.nnlab.solutions.XSolution}
     * for {@code XExercises}, the generator's naming), or null when there is none.
     */
    static Object reference(Class<?> contract) {
        String name = "org.nnlab.solutions." + contract.getSimpleName().replaceAll("Exercises$", "") + "Solution";
        try {
            Object o = Class.forName(name, true, references).getDeclaredConstructor().newInstance();
            return contract.isInstance(o) ? o : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    /** Every graded notebook's part, and notes for the student that cost no points. */
    public record Loaded(List<Part> parts, List<String> notes) {
    }

    private final Map<String, List<Source>> found = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> isolated = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, String>> problems = new LinkedHashMap<>();
    private String unreadable;   // why the whole submission could not be read, or null

    private SubmissionLoader() {
    }

    /** Loads {@code submission} for the notebooks {@code sets}; never throws because of its content. */
    public static Loaded load(Path submission, List<ExerciseSet<?>> sets) {
        SubmissionLoader l = new SubmissionLoader();
        try {
            l.read(submission);
        } catch (IOException | RuntimeException e) {
            l.unreadable = "could not read the submission: " + e.getMessage();
        }
        List<Part> parts = new ArrayList<>();
        for (ExerciseSet<?> set : sets) {
            Map<String, String> p = l.problems.computeIfAbsent(set.notebook(), s -> new LinkedHashMap<>());
            List<Source> sources = l.found.getOrDefault(set.notebook(), List.of());
            Object impl = null;
            if (sources.isEmpty()) {
                String why = l.unreadable != null ? l.unreadable
                        : "not submitted: the submission has no notebook " + set.notebook() + " and no class implementing " + set.contract().getSimpleName();
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
            } else {
                if (sources.size() > 1) {
                    l.notes.add(sources.size() + " sources of " + set.notebook() + " were found (" + sources.stream().map(Source::rel).toList()
                            + "); graded the first");
                }
                impl = l.build(set, sources.get(0), p);
            }
            parts.add(new Part(set, impl, p, impl == null ? Map.of() : l.isolated.getOrDefault(set.notebook(), Map.of())));
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
        r.sources().forEach((notebook, source) -> found.put(notebook, new ArrayList<>(List.of(source))));
        r.problems().forEach((notebook, p) -> problems.computeIfAbsent(notebook, k -> new LinkedHashMap<>()).putAll(p));
        notes.addAll(r.notes());
        unreadable = r.unreadable();
    }

    // ------------------------------------------------------------------ compiling

    private static final String PACKAGE = "org.nnlab.submission";

    private Object build(ExerciseSet<?> set, Source source, Map<String, String> p) {
        if (source.wholeClass() != null) {
            return buildWhole(set, source, p);
        }
        Map<Method, String> methods = ContractMethods.exercises(set);
        List<Cell> active = new ArrayList<>(source.cells());
        Object ref = reference(set.contract());
        boolean isolate = ref != null;
        for (int round = 0; round <= source.cells().size(); round++) {
            ClassSource plain = ClassSource.of(PACKAGE, "Submission", set.contract().getName(), active, source.rel(),
                    "A submission", source.imports(), List.of());
            List<String> declared = InMemoryCompiler.declaredMethods(plain.text());
            List<String> stubs = new ArrayList<>();
            methods.forEach((m, e) -> {
                if (!declared.contains(ContractMethods.signature(m))) {
                    stubs.add(ContractMethods.stub(m, e));
                }
            });
            ClassSource src = ClassSource.of(PACKAGE, "Submission", set.contract().getName(), active, source.rel(),
                    "A submission", source.imports(), stubs);
            String text = src.text();
            if (isolate) {
                StringBuilder iso = new StringBuilder(text);
                for (String e : set.exercises()) {
                    iso.append('\n').append(ContractMethods.isolated(isolatedName(e), "Submission", set.contract(), methods, e));
                }
                text = iso.toString();
            }
            InMemoryCompiler.Result r = InMemoryCompiler.compile(PACKAGE + ".Submission", text);
            if (r.ok()) {
                Object impl = instantiate(set, r.loader(), PACKAGE + ".Submission", p);
                if (impl != null && isolate) {
                    isolated.put(set.notebook(), isolatedInstances(set, r.loader(), ref));
                }
                return impl;
            }
            Map<Integer, List<String>> byCell = new LinkedHashMap<>();
            List<String> outside = new ArrayList<>();
            for (InMemoryCompiler.Error err : r.errors()) {
                int k = src.cellAt(err.line());
                String msg = src.locate(err.line()) + ": " + tidy(err.message());
                (k < 0 ? outside : byCell.computeIfAbsent(k, x -> new ArrayList<>())).add(msg);
            }
            if (byCell.isEmpty() && isolate) {
                // the isolated variants do not compile (a final method, say): grade without them
                notes.add("the exercises of " + set.notebook() + " are graded together (each with the submission's other methods): "
                        + "the classes that isolate them did not compile: " + (outside.isEmpty() ? "" : outside.get(0)));
                isolate = false;
                round--;
                continue;
            }
            if (byCell.isEmpty()) {
                String why = "the submission does not compile: " + String.join("\n", outside.subList(0, Math.min(3, outside.size())));
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
                return null;
            }
            List<Cell> broken = new ArrayList<>();
            byCell.forEach((k, msgs) -> {
                Cell c = active.get(k);
                broken.add(c);
                p.put(c.exercise(), "does not compile: " + String.join("\n", msgs.subList(0, Math.min(3, msgs.size())))
                        + (msgs.size() > 3 ? "\n(and " + (msgs.size() - 3) + " more errors)" : ""));
            });
            active.removeAll(broken);
        }
        return null;
    }

    private Object buildWhole(ExerciseSet<?> set, Source source, Map<String, String> p) {
        String text = source.wholeClass();
        Matcher pkg = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;").matcher(text);
        Matcher cls = Pattern.compile("(?m)^\\s*public\\s+class\\s+(\\w+)").matcher(text);
        String name = (pkg.find() ? pkg.group(1) + "." : "") + (cls.find() ? cls.group(1) : "Submission");
        InMemoryCompiler.Result r = InMemoryCompiler.compile(name, text);
        if (!r.ok()) {
            List<String> msgs = r.errors().stream().limit(3).map(e -> source.rel() + ", line " + e.line() + ": " + tidy(e.message())).toList();
            String why = "the submission does not compile: " + String.join("\n", msgs);
            set.exercises().forEach(e -> p.putIfAbsent(e, why));
            return null;
        }
        return instantiate(set, r.loader(), name, p);
    }

    private static String isolatedName(String exercise) {
        return "Isolated_" + exercise.replace('.', '_');
    }

    /** Per exercise, the submission with the other exercises' methods from the reference {@code ref}; an exercise whose variant fails to build is left out. */
    private static Map<String, Object> isolatedInstances(ExerciseSet<?> set, ClassLoader loader, Object ref) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String e : set.exercises()) {
            try {
                var c = loader.loadClass(PACKAGE + "." + isolatedName(e)).getDeclaredConstructor(Object.class);
                c.setAccessible(true);
                out.put(e, c.newInstance(ref));
            } catch (Throwable t) {
                // graded on the plain submission
            }
        }
        return out;
    }

    private static Object instantiate(ExerciseSet<?> set, ClassLoader loader, String name, Map<String, String> p) {
        try {
            Object o = loader.loadClass(name).getDeclaredConstructor().newInstance();
            if (!set.contract().isInstance(o)) {
                String why = name + " does not implement " + set.contract().getSimpleName();
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
                return null;
            }
            return o;
        } catch (Throwable t) {
            Throwable c = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
            String why = "creating the submission's object failed (a field initialiser?): " + c;
            set.exercises().forEach(e -> p.putIfAbsent(e, why));
            return null;
        }
    }

    /** javac's message without the generated class's name. */
    private static String tidy(String message) {
        return message.replace(PACKAGE + ".Submission", "your code").replace("class Submission", "your code").strip();
    }
}
