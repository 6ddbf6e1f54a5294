package org.nnlab.exercises;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ErroneousSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.spi.SPIResolutionException;

/**
 * What the notebook's JShell knows about the student's declarations, so that a self-check can say
 * when it did not run the code the student last wrote.
 *
 * <p>Two cases JShell hides from a self-check:
 * <ul>
 * <li><b>Stale definition.</b> An exercise cell edited so that it no longer parses (a missing
 * {@code ;}) becomes a rejected "erroneous" snippet and the previous definition stays in force;
 * JJava also stops at the first failing declaration of a cell, so the ones below it keep their old
 * versions. The check would then pass on the old code. {@link #staleNotes(String)} names such
 * declarations.</li>
 * <li><b>Unresolved name.</b> A method that uses an undeclared variable is accepted
 * ("recoverable") and throws {@link SPIResolutionException} when called. {@link #explain} names
 * the missing variable or method ({@link JShell#unresolvedDependencies}).</li>
 * </ul>
 * The declarations of a failed cell that JJava never ran are not in JShell at all: the kernel
 * (org.nnlab.kernel.NnlabKernel, another class loader) names them in the system property
 * {@value #NOT_RUN}.
 * The kernel installs one with {@link Check#watch(JShell)}; without it (an IDE, the autograder)
 * the checks run as before.
 */
public final class Definitions {

    private static final Pattern CALLED_NAME = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\s*\\(");
    private static final Pattern USED_NAME = Pattern.compile("\\b([A-Za-z_$][\\w$]*)\\b");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Za-z_$][\\w$]*)");

    /** Set by the kernel (org.nnlab.kernel.NnlabKernel) when a cell failed: "snippetCount name name ...". */
    static final String NOT_RUN = "nnlab.kernel.notRun";

    private final JShell shell;

    /** @param shell the JShell that runs the notebook's cells */
    public Definitions(JShell shell) {
        if (shell == null) {
            throw new IllegalArgumentException("Definitions: expected the notebook's JShell but was null.\n"
                    + "Hint: the kernel's start-up calls Check.watch(kernel().getJShell()).");
        }
        this.shell = shell;
    }

    /** {@link #staleNotes(String)} of the snippet that runs now (the self-check cell's, the newest one). */
    public List<String> staleNotes() {
        return shell.snippets().reduce((first, second) -> second).map(s -> staleNotes(s.source())).orElse(List.of());
    }

    /**
     * One sentence per declaration that the code of {@code selfCheck} uses (directly or through the
     * methods it calls) whose latest version did not compile, so that an older version ran. Empty
     * when everything the check uses is the latest version. A declaration that JJava never ran
     * because an earlier one of its cell failed is known from the kernel ({@value #NOT_RUN}).
     *
     * @param selfCheck the source of the self-check, e.g. {@code Check.exercise("1.2", ... sigmoid(z) ...)}
     */
    public List<String> staleNotes(String selfCheck) {
        List<Snippet> all = shell.snippets().collect(Collectors.toList());
        Set<String> used = usedNames(selfCheck, all);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Snippet s = all.get(i);
            Optional<String> name = declaredName(s);
            if (shell.status(s) == Snippet.Status.REJECTED && name.isPresent() && used.contains(name.get())
                    && !redefinedLater(name.get(), all, i)) {
                notes.add("the latest version of " + name.get() + " did not compile (" + firstError(s)
                        + "), so the checks ran the previous version");
            }
        }
        notes.addAll(notRunNotes(used, all));
        return notes;
    }

    /** The used declarations that the kernel says the last failed cell did not run, and that were not declared since. */
    private List<String> notRunNotes(Set<String> used, List<Snippet> all) {
        String[] notRun = System.getProperty(NOT_RUN, "").trim().split("\\s+");
        List<String> notes = new ArrayList<>();
        if (notRun.length < 2 || !notRun[0].matches("\\d+")) {
            return notes;
        }
        int from = Math.min(Integer.parseInt(notRun[0]), all.size());
        for (int k = 1; k < notRun.length; k++) {
            String name = notRun[k];
            if (used.contains(name) && !redefinedLater(name, all, from - 1)) {
                notes.add("the latest version of " + name + " was not run (a declaration before it in its cell did not"
                        + " compile), so the checks ran the previous version");
            }
        }
        return notes;
    }

    /**
     * What a {@link SPIResolutionException} means, in the student's words: which declaration uses
     * which undeclared names, and what to do.
     */
    public String explain(SPIResolutionException e) {
        Optional<DeclarationSnippet> snippet = shell.snippets()
                .filter(s -> s.id().equals(String.valueOf(e.id())) && s instanceof DeclarationSnippet && shell.status(s).isActive())
                .map(s -> (DeclarationSnippet) s)
                .reduce((first, second) -> second);
        if (snippet.isEmpty()) {
            return unresolvedWithoutShell();
        }
        List<String> missing = shell.unresolvedDependencies(snippet.get()).collect(Collectors.toList());
        return snippet.get().name() + " uses " + (missing.isEmpty() ? "a name" : String.join(", ", missing))
                + ", which is not declared in this notebook, so " + snippet.get().name() + " cannot run."
                + "\nHint: declare it (or pass it in as a parameter: an exercise method may use only its parameters),"
                + " then run the exercise cell again.";
    }

    /** The message for an unresolved name when no JShell is watched. */
    static String unresolvedWithoutShell() {
        return "uses a name that is not declared (a variable or method never defined, or defined in a cell"
                + " that was not run).\nHint: declare it or pass it in as a parameter, then run the exercise cell again.";
    }

    /** The names called in {@code source}, and those called by the methods they name, transitively. */
    private Set<String> usedNames(String source, List<Snippet> all) {
        Set<String> used = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(names(source));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!used.add(name)) {
                continue;
            }
            for (Snippet s : all) {
                if (s instanceof DeclarationSnippet d && d.name().equals(name) && shell.status(s).isDefined()) {
                    todo.addAll(names(s.source()));
                }
            }
        }
        return used;
    }

    private static List<String> names(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = USED_NAME.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The name a method or class declaration declares, also when it did not parse. */
    static Optional<String> declaredName(Snippet s) {
        if (s instanceof MethodSnippet || s instanceof TypeDeclSnippet) {
            return Optional.of(((DeclarationSnippet) s).name());
        }
        if (s instanceof ErroneousSnippet e) {
            String header = e.source().split("[{=;]", 2)[0];
            if (e.probableKind() == Snippet.Kind.METHOD) {
                Matcher m = CALLED_NAME.matcher(header);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
            if (e.probableKind() == Snippet.Kind.TYPE_DECL) {
                Matcher m = CLASS_NAME.matcher(header);
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean redefinedLater(String name, List<Snippet> all, int index) {
        for (int i = index + 1; i < all.size(); i++) {
            Snippet s = all.get(i);
            if (s instanceof DeclarationSnippet d && d.name().equals(name) && shell.status(s) != Snippet.Status.REJECTED) {
                return true;
            }
        }
        return false;
    }

    private String firstError(Snippet s) {
        return shell.diagnostics(s).filter(Diag::isError).findFirst()
                .map(d -> d.getMessage(null).lines().findFirst().orElse("").trim())
                .orElse("a compile error");
    }
}
