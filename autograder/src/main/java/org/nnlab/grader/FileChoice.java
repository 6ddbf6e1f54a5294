package org.nnlab.grader;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which of several files that stand for the same thing is graded: two copies of a notebook in one
 * submission ({@code 01-rectangle.ipynb}, {@code 01-rectangle-Copy1.ipynb}), or two submissions of one
 * student in a folder of submissions ({@code alice.ipynb}, {@code alice.zip}). The file whose name is
 * the expected one wins over copies; among several such (or when none is), the newest; among files
 * saved at the same moment, the first by name, so that every re-run makes the same choice. The
 * choice is never silent: {@link Choice#note} says which file was graded, why, and which were ignored.
 */
public final class FileChoice {

    /**
     * What Jupyter, browsers and file managers append to a copy's name: {@code -Copy1} (Jupyter's
     * "Duplicate"), {@code " (1)"} (a second download), {@code " - Copy"} and {@code " copy"}.
     */
    private static final Pattern COPY_SUFFIX = Pattern.compile("(?i)(-Copy\\d*| \\(\\d+\\)| - Copy( \\(\\d+\\))?| copy( \\d+)?)$");

    private FileChoice() {
    }

    /** One file in the running: its item (a source, a path), its name as shown in notes, its modification time. */
    public record Candidate<T>(T item, String name, long modifiedMillis) {
    }

    /** The file graded, those ignored (in name order) and the note that says so (empty when there was only one). */
    public record Choice<T>(Candidate<T> chosen, List<Candidate<T>> ignored, String note) {
    }

    /** {@code stem} (a file name without its extension) without a copy's suffix: "01-rectangle-Copy1" gives "01-rectangle". */
    public static String original(String stem) {
        String s = stem;
        for (String t = COPY_SUFFIX.matcher(s).replaceFirst(""); !t.equals(s) && !t.isEmpty(); t = COPY_SUFFIX.matcher(s).replaceFirst("")) {
            s = t;
        }
        return s;
    }

    /** {@code name} without its folders and its last extension: "sub/01-rectangle (1).ipynb" gives "01-rectangle (1)". */
    public static String stem(String name) {
        String file = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        return dot <= 0 ? file : file.substring(0, dot);
    }

    /**
     * Picks one of {@code candidates} (at least one): among those whose name {@code expected} accepts,
     * else among all, the newest; ties by name. {@code what} names what they are, for the note
     * ("notebook 01-rectangle", "student alice").
     */
    public static <T> Choice<T> pick(List<Candidate<T>> candidates, Predicate<String> expected, String what) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("FileChoice.pick: expected at least one file for " + what + ", got none");
        }
        List<Candidate<T>> byName = new ArrayList<>(candidates);
        byName.sort(Comparator.comparing(Candidate::name));
        List<Candidate<T>> named = byName.stream().filter(c -> expected.test(c.name())).toList();
        List<Candidate<T>> pool = named.isEmpty() ? byName : named;
        Candidate<T> chosen = pool.get(0);
        for (Candidate<T> c : pool) {
            if (c.modifiedMillis() > chosen.modifiedMillis()) {
                chosen = c;
            }
        }
        List<Candidate<T>> ignored = new ArrayList<>(byName);
        ignored.remove(chosen);
        if (ignored.isEmpty()) {
            return new Choice<>(chosen, List.of(), "");
        }
        return new Choice<>(chosen, List.copyOf(ignored), note(chosen, ignored, pool, named.size() == 1, what));
    }

    private static <T> String note(Candidate<T> chosen, List<Candidate<T>> ignored, List<Candidate<T>> pool, boolean byItsName, String what) {
        Candidate<T> c = chosen;
        boolean tie = pool.stream().filter(x -> x != c).anyMatch(x -> x.modifiedMillis() == c.modifiedMillis());
        String why = byItsName ? "its name is the expected one"
                : tie ? "the first by name of the newest files, saved at the same time" : "the newest";
        return (ignored.size() + 1) + " files for " + what + ": graded " + chosen.name() + " (" + why + "); ignored "
                + String.join(", ", ignored.stream().map(Candidate::name).toList());
    }
}
