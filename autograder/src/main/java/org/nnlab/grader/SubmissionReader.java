package org.nnlab.grader;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

/**
 * The reading side of a submission: a notebook (.ipynb), a folder or a .zip (holding notebooks and/or
 * completed starter classes, {@code exercises/.../starter/*Starter.java}) turned into one source of
 * exercise cells per course notebook, with per exercise what is missing and notes for the student.
 * Compiling them is {@link SubmissionLoader}'s part. Nothing here throws because of the submission.
 *
 * <p>A notebook's exercise cells are its code cells with metadata {@code nnlab.exercise}; a starter
 * class is split back into cells at its {@code // Exercise N.k} comments. When a submission holds
 * several files for one notebook, {@link FileChoice} picks one: the file named as the notebook
 * ({@code 01-rectangle.ipynb}, {@code RectangleStarter.java}) over copies, else the newest, with a note.
 * A UTF-8 byte-order mark is accepted. Every notebook may be up to {@link #MAX_NOTEBOOK_BYTES}, in a
 * zip as on its own.
 */
public final class SubmissionReader {

    /** The largest notebook (or starter class) read: 100 MB, room for many figures in a notebook's outputs. */
    public static final long MAX_NOTEBOOK_BYTES = 100L << 20;
    /** A zip may unpack to one largest notebook per course notebook: it is limited by what the notebooks may be, not less. */
    static final long MAX_UNZIPPED = MAX_NOTEBOOK_BYTES * Catalog.sets().size();
    static final int MAX_ENTRIES = 5000;

    private static final Pattern EXERCISE_COMMENT = Pattern.compile("^\\s*// Exercise (\\d+\\.\\d+)\\s*$");
    private static final Pattern CLASS_LINE = Pattern.compile("^\\s*public\\s+class\\s+(\\w+)\\s+implements\\s+([\\w.]+)\\s*\\{\\s*$");
    private static final String BOM = "\uFEFF";

    /** One source of one notebook's exercises: cells (or a whole class when it has no exercise comments), imports, where it came from. */
    public record Source(String rel, List<Cell> cells, List<String> imports, String wholeClass) {
    }

    /**
     * What was read.
     *
     * @param sources    per notebook ("01-rectangle"), the source to grade
     * @param problems   per notebook, per exercise: why it cannot be graded (no cell for it)
     * @param notes      for the student, costing nothing: the files chosen and ignored, duplicated cells
     * @param unreadable why nothing could be read, or null
     */
    public record Read(Map<String, Source> sources, Map<String, Map<String, String>> problems, List<String> notes, String unreadable) {
    }

    /** A notebook's JSON as far as grading needs it; the rest (outputs: the bulk of a big notebook) is skipped unread. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NotebookJson(List<CellJson> cells, JsonNode metadata) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CellJson(@JsonProperty("cell_type") String cellType, JsonNode source, JsonNode metadata) {
    }

    /** One source before the choice: its own problems and notes count only if it is the one graded. */
    private record Parsed(Source source, Map<String, String> problems, List<String> notes) {
    }

    private final Map<String, List<FileChoice.Candidate<Parsed>>> found = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String unreadable;

    private SubmissionReader() {
    }

    /** Reads {@code submission}: never throws because of its content. */
    public static Read read(Path submission) {
        SubmissionReader r = new SubmissionReader();
        try {
            r.readPath(submission);
        } catch (IOException | RuntimeException e) {
            r.unreadable = "could not read the submission: " + e.getMessage();
        }
        return r.choose();
    }

    private Read choose() {
        Map<String, Source> sources = new LinkedHashMap<>();
        Map<String, Map<String, String>> problems = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(notes);
        for (Map.Entry<String, List<FileChoice.Candidate<Parsed>>> e : found.entrySet()) {
            ExerciseSet<?> set = Catalog.sets().stream().filter(s -> s.notebook().equals(e.getKey())).findFirst().orElseThrow();
            FileChoice.Choice<Parsed> c = FileChoice.pick(e.getValue(), name -> expectedName(set, name), "notebook " + set.notebook());
            Parsed p = c.chosen().item();
            sources.put(e.getKey(), p.source());
            problems.put(e.getKey(), p.problems());
            all.addAll(p.notes());
            if (!c.note().isEmpty()) {
                all.add(c.note());
            }
        }
        return new Read(sources, problems, List.copyOf(all), unreadable);
    }

    /** Whether {@code rel}'s file name is the notebook's own ({@code 01-rectangle.ipynb}) or its starter class's ({@code RectangleStarter.java}). */
    static boolean expectedName(ExerciseSet<?> set, String rel) {
        String file = rel.substring(Math.max(rel.lastIndexOf('/'), rel.lastIndexOf('\\')) + 1);
        return file.equals(set.notebook() + ".ipynb") || file.equals(set.contract().getSimpleName().replaceAll("Exercises$", "") + "Starter.java");
    }

    // ------------------------------------------------------------------ files, folders, zips

    private void readPath(Path path) throws IOException {
        String name = path.getFileName().toString();
        if (Files.isDirectory(path)) {
            readFolder(path);
        } else if (name.endsWith(".zip")) {
            readZip(path);
        } else if (Files.isRegularFile(path)) {
            if (Files.size(path) > MAX_NOTEBOOK_BYTES) {
                unreadable = tooLarge(name, megabytes(Files.size(path)));
                return;
            }
            byte[] bytes = Files.readAllBytes(path);
            long modified = Files.getLastModifiedTime(path).toMillis();
            if (name.endsWith(".java")) {
                starter(name, text(bytes), modified);
            } else {
                notebook(name, bytes, true, modified);
            }
        } else {
            unreadable = "there is no file or folder " + path;
        }
        if (found.isEmpty() && unreadable == null) {
            unreadable = "found no notebook with exercise cells and no starter class in " + name
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        }
    }

    private void readFolder(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path, 8)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = path.relativize(f).toString();
                if (skipped(rel)) {
                    continue;
                }
                if (Files.size(f) > MAX_NOTEBOOK_BYTES) {
                    notes.add(tooLarge(rel, megabytes(Files.size(f))) + ": ignored");
                    continue;
                }
                file(rel, Files.readAllBytes(f), Files.getLastModifiedTime(f).toMillis());
            }
        }
    }

    private static boolean skipped(String rel) {
        return rel.contains(".ipynb_checkpoints") || rel.contains("__MACOSX") || !(rel.endsWith(".ipynb") || rel.endsWith(".java"));
    }

    /** "X is 120.5 MB; a notebook may be at most 100 MB (...)". */
    static String tooLarge(String rel, String size) {
        return rel + " is " + size + "; a notebook may be at most " + (MAX_NOTEBOOK_BYTES >> 20) + " MB (its outputs are most of it: "
                + "clear them with Edit > Clear Outputs of All Cells, save, and submit it again)";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
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
                if (e.isDirectory() || skipped(rel)) {
                    continue;
                }
                long room = MAX_UNZIPPED - total;
                byte[] bytes = readLimited(in, Math.min(MAX_NOTEBOOK_BYTES, room));
                if (bytes == null && room <= MAX_NOTEBOOK_BYTES) {
                    unreadable = "the zip unpacks to more than " + (MAX_UNZIPPED >> 20) + " MB (at most " + (MAX_NOTEBOOK_BYTES >> 20)
                            + " MB for each of the " + Catalog.sets().size() + " course notebooks)";
                    return;
                }
                if (bytes == null) {
                    notes.add(tooLarge(rel, "over " + (MAX_NOTEBOOK_BYTES >> 20) + " MB unpacked") + ": ignored");
                    total += MAX_NOTEBOOK_BYTES + 1;
                    continue;
                }
                total += bytes.length;
                file(rel, bytes, Math.max(0, e.getTime()));
            }
        } catch (IOException | IllegalArgumentException e) {
            unreadable = "the file is not a readable zip: " + e.getMessage();
        }
    }

    /** At most {@code limit} bytes of {@code in}, or null when it has more. */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return b.length > limit ? null : b;
    }

    private void file(String rel, byte[] bytes, long modified) {
        if (rel.endsWith(".ipynb")) {
            notebook(rel, bytes, false, modified);
        } else {
            starter(rel, text(bytes), modified);
        }
    }

    /** UTF-8 text without a leading byte-order mark (some Windows editors write one). */
    static String text(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith(BOM) ? s.substring(1) : s;
    }

    private void add(ExerciseSet<?> set, String rel, Source source, Map<String, String> problems, List<String> sourceNotes, long modified) {
        found.computeIfAbsent(set.notebook(), s -> new ArrayList<>())
                .add(new FileChoice.Candidate<>(new Parsed(source, problems, sourceNotes), rel, modified));
    }

    // ------------------------------------------------------------------ notebooks

    /** A notebook's JSON, or null with the reason in the notes (or as {@link #unreadable} when it is the whole submission). */
    private NotebookJson parse(String rel, byte[] bytes, boolean only) {
        String why;
        try {
            int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
            NotebookJson nb = Reports.JSON.readValue(bytes, skip, bytes.length - skip, NotebookJson.class);
            if (nb != null && nb.cells() != null) {
                return nb;
            }
            why = rel + " is JSON but not a Jupyter notebook (it has no \"cells\" list)";
        } catch (JsonParseException e) {
            why = rel + " is not a notebook: not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (JsonProcessingException e) {
            why = rel + " is JSON but not a Jupyter notebook (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")";
        } catch (IOException e) {
            why = rel + " could not be read: " + e.getMessage();
        }
        if (only) {
            unreadable = why;
        } else {
            notes.add(why + ": ignored");
        }
        return null;
    }

    /** A notebook's exercise cells; {@code only} when it is the whole submission (then every problem is reported). */
    private void notebook(String rel, byte[] bytes, boolean only, long modified) {
        NotebookJson nb = parse(rel, bytes, only);
        if (nb == null) {
            return;
        }
        String contract = text(nb.metadata(), "nnlab", "contract");
        List<Cell> marked = new ArrayList<>();
        for (int i = 0; i < nb.cells().size(); i++) {
            CellJson cell = nb.cells().get(i);
            String id = cell == null ? "" : text(cell.metadata(), "nnlab", "exercise");
            if (!id.isEmpty() && "code".equals(cell.cellType())) {
                marked.add(new Cell(id, source(cell.source()), "cell " + (i + 1), 1));
            }
        }
        ExerciseSet<?> set = notebookOf(rel, contract, marked);
        if (set == null) {
            if (only) {
                unreadable = rel + " is not one of the course notebooks (no contract in its metadata, no exercise cells)";
            } else if (!marked.isEmpty() || !contract.isEmpty()) {
                notes.add(rel + ": not one of the course notebooks: ignored");
            }
            return;
        }
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> sourceNotes = new ArrayList<>();
        List<Cell> cells = resolve(set, rel, marked, problems, sourceNotes);
        add(set, rel, new Source(rel, cells, ClassSource.kernelImports(), null), problems, sourceNotes, modified);
    }

    /** The course notebook of a notebook file: by the contract in its metadata, else its file name's number, else its exercise ids. */
    private static ExerciseSet<?> notebookOf(String rel, String contract, List<Cell> marked) {
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
        return set;
    }

    /** The text at {@code path} under {@code node} ("" when absent); a number is written as text. */
    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.get(p);
        }
        return n == null || n.isNull() || n.isContainerNode() ? "" : n.asText();
    }

    /** A cell's source: a string, or a list of lines (nbformat allows both). */
    private static String source(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(line -> b.append(line.asText()));
            return b.toString();
        }
        return node.asText();
    }

    /** The cells to grade: unknown ids dropped, the last of duplicates kept, each with a note; missing exercises into {@code problems}. */
    private static List<Cell> resolve(ExerciseSet<?> set, String rel, List<Cell> marked, Map<String, String> problems, List<String> notes) {
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
        for (String e : set.exercises()) {
            if (!byId.containsKey(e)) {
                problems.put(e, "exercise " + e + ": " + rel + " has no cell for it (was the exercise cell deleted, or its metadata "
                        + "{\"nnlab\": {\"exercise\": \"" + e + "\"}} changed?)");
            } else if (places.get(e).size() > 1) {
                notes.add("exercise " + e + " is in " + places.get(e).size() + " cells (" + String.join(", ", places.get(e))
                        + "): graded the last one, " + byId.get(e).where() + ", as the notebook would run it");
            }
        }
        return marked.stream().filter(c -> byId.get(c.exercise()) == c).toList();
    }

    // ------------------------------------------------------------------ starter classes

    /** A completed starter class: split at its "// Exercise N.k" comments, or kept whole when they are gone. */
    private void starter(String rel, String text, long modified) {
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
            return;   // not a starter class (a helper file, say): not graded
        }
        List<String> imports = new ArrayList<>(ClassSource.kernelImports());
        for (int i = 0; i < classLine; i++) {
            String l = lines[i].strip();
            if (l.startsWith("import ") && !imports.contains(l)) {
                imports.add(l);
            }
        }
        String file = Path.of(rel).getFileName().toString();
        List<Cell> cells = starterCells(lines, classLine, file);
        Map<String, String> problems = new LinkedHashMap<>();
        List<String> sourceNotes = new ArrayList<>();
        if (cells.isEmpty()) {
            sourceNotes.add(file + ": no \"// Exercise N.k\" comments, so the class is compiled whole (a compile error then costs every exercise)");
            add(set, rel, new Source(rel, List.of(), imports, text), problems, sourceNotes, modified);
        } else {
            List<Cell> resolved = resolve(set, file, cells, problems, sourceNotes);
            add(set, rel, new Source(rel, resolved, imports, null), problems, sourceNotes, modified);
        }
    }

    /** The sections of a starter class's body, each under its "// Exercise N.k" comment, as cells. */
    private static List<Cell> starterCells(String[] lines, int classLine, String file) {
        int end = lines.length - 1;
        while (end > classLine && !lines[end].strip().equals("}")) {
            end--;
        }
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
        return cells;
    }

    private static String dedent(String[] lines, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(lines[i].startsWith("    ") ? lines[i].substring(4) : lines[i].stripLeading()).append('\n');
        }
        return b.toString().replaceAll("\n+$", "\n");
    }
}
