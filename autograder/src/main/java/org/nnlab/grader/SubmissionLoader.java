package org.nnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

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
 * costs only its own points. Nothing here throws because of the submission.
 */
public final class SubmissionLoader {

    /** Zip limits: a zip bomb costs the submission, not the grader. */
    static final long MAX_UNZIPPED = 50L << 20;
    static final int MAX_ENTRIES = 5000;

    private static final Pattern EXERCISE_COMMENT = Pattern.compile("^\\s*// Exercise (\\d+\\.\\d+)\\s*$");
    private static final Pattern CLASS_LINE = Pattern.compile("^\\s*public\\s+class\\s+(\\w+)\\s+implements\\s+([\\w.]+)\\s*\\{\\s*$");

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

    private final Map<String, List<Source>> found = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, Map<String, String>> problems = new LinkedHashMap<>();
    private String unreadable;   // why the whole submission could not be read, or null

    /** One source of one notebook's exercises: cells, imports and where they came from. */
    record Source(String rel, List<Cell> cells, List<String> imports, String wholeClass) {
    }

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
            List<Source> sources = l.found.getOrDefault(set.notebook(), List.of());
            if (sources.isEmpty()) {
                String why = l.unreadable != null ? l.unreadable
                        : "not submitted: the submission has no notebook " + set.notebook() + " and no class implementing " + set.contract().getSimpleName();
                set.exercises().forEach(e -> p.putIfAbsent(e, why));
                parts.add(new Part(set, null, p, null, classPath));
                continue;
            }
            if (sources.size() > 1) {
                l.notes.add(sources.size() + " sources of " + set.notebook() + " were found (" + sources.stream().map(Source::rel).toList()
                        + "); graded the first");
            }
            parts.add(new Part(set, l.compile(set, sources.get(0), p, classPath), p, sources.get(0), classPath));
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

    private void read(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path, 8)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = path.relativize(f).toString();
                    if (rel.contains(".ipynb_checkpoints") || rel.contains("__MACOSX")) {
                        continue;
                    }
                    if (rel.endsWith(".ipynb") || rel.endsWith(".java")) {
                        file(rel, Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            }
        } else if (name.endsWith(".zip")) {
            readZip(path);
        } else if (Files.isRegularFile(path)) {
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            if (name.endsWith(".java")) {
                file(name, text);
            } else {
                notebook(name, text, true);
            }
        } else {
            unreadable = "there is no file or folder " + path;
        }
        if (found.isEmpty() && unreadable == null) {
            unreadable = "found no notebook with exercise cells and no starter class in " + name;
        }
    }

    private void readZip(Path zip) throws IOException {
        long total = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    unreadable = "the zip has more than " + MAX_ENTRIES + " entries";
                    return;
                }
                String rel = e.getName();
                if (e.isDirectory() || rel.contains(".ipynb_checkpoints") || rel.contains("__MACOSX")
                        || !(rel.endsWith(".ipynb") || rel.endsWith(".java"))) {
                    continue;
                }
                byte[] bytes = readLimited(in, MAX_UNZIPPED - total);
                if (bytes == null) {
                    unreadable = "the zip unpacks to more than " + (MAX_UNZIPPED >> 20) + " MB";
                    return;
                }
                total += bytes.length;
                file(rel, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            unreadable = "the file is not a readable zip: " + e.getMessage();
        }
    }

    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return b.length > limit ? null : b;
    }

    private void file(String rel, String text) {
        if (rel.endsWith(".ipynb")) {
            notebook(rel, text, false);
        } else {
            starter(rel, text);
        }
    }

    private static String str(Object o) {
        if (o instanceof List<?> l) {
            StringBuilder b = new StringBuilder();
            l.forEach(b::append);
            return b.toString();
        }
        return o == null ? "" : o.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    /** A notebook's exercise cells; {@code only} when it is the whole submission (then every problem is reported). */
    private void notebook(String rel, String text, boolean only) {
        Object json;
        try {
            json = Json.parse(text);
        } catch (IllegalArgumentException e) {
            if (only) {
                unreadable = rel + " is not a notebook: " + e.getMessage();
            } else {
                notes.add(rel + " is not a notebook (" + e.getMessage() + "): ignored");
            }
            return;
        }
        if (!(json instanceof Map<?, ?>) || !(map(json).get("cells") instanceof List<?> cells)) {
            String why = rel + " is JSON but not a Jupyter notebook (it has no \"cells\" list)";
            if (only) {
                unreadable = why;
            } else {
                notes.add(why + ": ignored");
            }
            return;
        }
        String contract = str(map(map(map(json).get("metadata")).get("nnlab")).get("contract"));
        List<Cell> marked = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, Object> cell = map(cells.get(i));
            Object id = map(map(cell.get("metadata")).get("nnlab")).get("exercise");
            if (id != null && "code".equals(cell.get("cell_type"))) {
                marked.add(new Cell(str(id), str(cell.get("source")), "cell " + (i + 1), 1));
            }
        }
        ExerciseSet<?> set = null;
        for (ExerciseSet<?> s : Catalog.sets()) {
            if (s.contract().getSimpleName().equals(contract)
                    || (contract.isEmpty() && Path.of(rel).getFileName().toString().startsWith(s.notebook().substring(0, 3)))) {
                set = s;
            }
        }
        for (int k = 0; set == null && k < marked.size(); k++) {
            for (ExerciseSet<?> s : Catalog.sets()) {
                if (s.has(marked.get(k).exercise())) {
                    set = s;
                }
            }
        }
        if (set == null) {
            if (only) {
                unreadable = rel + " is not one of the course notebooks (no contract in its metadata, no exercise cells)";
            } else if (!marked.isEmpty() || !contract.isEmpty()) {
                notes.add(rel + ": not one of the course notebooks: ignored");
            }
            return;
        }
        found.computeIfAbsent(set.notebook(), s -> new ArrayList<>()).add(new Source(rel, resolve(set, rel, marked), ClassSource.kernelImports(), null));
    }

    /** The cells to grade: unknown ids dropped, the last of duplicates kept, each with a note. */
    private List<Cell> resolve(ExerciseSet<?> set, String rel, List<Cell> marked) {
        Map<String, Cell> byId = new LinkedHashMap<>();
        Map<String, List<String>> places = new LinkedHashMap<>();
        for (Cell c : marked) {
            if (!set.has(c.exercise())) {
                notes.add(rel + ", " + c.where() + ": marked as exercise \"" + c.exercise() + "\", which " + set.notebook()
                        + " does not have (its exercises are " + set.exercises() + "): ignored");
                continue;
            }
            places.computeIfAbsent(c.exercise(), e -> new ArrayList<>()).add(c.where());
            byId.remove(c.exercise());
            byId.put(c.exercise(), c);
        }
        Map<String, String> p = problems.computeIfAbsent(set.notebook(), s -> new LinkedHashMap<>());
        for (String e : set.exercises()) {
            if (!byId.containsKey(e)) {
                p.put(e, "exercise " + e + ": " + rel + " has no cell for it (was the exercise cell deleted, or its metadata "
                        + "{\"nnlab\": {\"exercise\": \"" + e + "\"}} changed?)");
            } else if (places.get(e).size() > 1) {
                notes.add("exercise " + e + " is in " + places.get(e).size() + " cells (" + String.join(", ", places.get(e))
                        + "): graded the last one, " + byId.get(e).where() + ", as the notebook would run it");
            }
        }
        List<Cell> ordered = new ArrayList<>();
        for (Cell c : marked) {
            if (byId.get(c.exercise()) == c) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    /** A completed starter class: split at its "// Exercise N.k" comments, or kept whole when they are gone. */
    private void starter(String rel, String text) {
        String[] lines = text.split("\\R", -1);
        int classLine = -1;
        ExerciseSet<?> set = null;
        for (int i = 0; i < lines.length && classLine < 0; i++) {
            Matcher m = CLASS_LINE.matcher(lines[i]);
            if (m.matches()) {
                String iface = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
                for (ExerciseSet<?> s : Catalog.sets()) {
                    if (s.contract().getSimpleName().equals(iface)) {
                        set = s;
                        classLine = i;
                    }
                }
            }
        }
        if (set == null) {
            return;   // not a starter class (a helper file, say): compiled only if a starter uses it... not supported
        }
        List<String> imports = new ArrayList<>(ClassSource.kernelImports());
        for (int i = 0; i < classLine; i++) {
            String l = lines[i].strip();
            if (l.startsWith("import ") && !imports.contains(l)) {
                imports.add(l);
            }
        }
        int end = lines.length - 1;
        while (end > classLine && !lines[end].strip().equals("}")) {
            end--;
        }
        String file = Path.of(rel).getFileName().toString();
        List<Cell> cells = new ArrayList<>();
        String exercise = null;
        int start = -1;
        for (int i = classLine + 1; i <= end; i++) {
            Matcher m = EXERCISE_COMMENT.matcher(lines[i]);
            if (m.matches() || i == end) {
                if (exercise != null) {
                    cells.add(new Cell(exercise, dedent(lines, start, i), file, start + 1));
                }
                if (m.matches()) {
                    exercise = m.group(1);
                    start = i + 1;
                }
            }
        }
        if (cells.isEmpty()) {
            found.computeIfAbsent(set.notebook(), s -> new ArrayList<>()).add(new Source(rel, List.of(), imports, text));
            notes.add(file + ": no \"// Exercise N.k\" comments, so the class is compiled whole (a compile error then costs every exercise)");
        } else {
            found.computeIfAbsent(set.notebook(), s -> new ArrayList<>()).add(new Source(rel, resolve(set, file, cells), imports, null));
        }
    }

    private static String dedent(String[] lines, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(lines[i].startsWith("    ") ? lines[i].substring(4) : lines[i].stripLeading()).append('\n');
        }
        return b.toString().replaceAll("\n+$", "\n");
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
