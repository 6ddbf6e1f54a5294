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
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.SPIResolutionException;
import org.nnlab.check.Args;

/**
 * What the notebook's JShell knows about the student's declarations, so that a self-check can say
 * when it did not run the code the student last wrote.
 *
 * <p>Three cases JShell hides from a self-check:
 * <ul>
 * <li><b>Stale definition.</b> An exercise cell edited so that it no longer parses (a missing
 * {@code ;}) becomes a rejected "erroneous" snippet and the previous definition stays in force;
 * JJava also stops at the first failing declaration of a cell, so the ones below it keep their old
 * versions. The check would then pass on the old code. {@link #staleNotes(String)} names such
 * declarations.</li>
 * <li><b>Unresolved name.</b> A method that uses an undeclared variable is accepted
 * ("recoverable") and throws {@link SPIResolutionException} when called. {@link #explain} names
 * the missing variable or method ({@link JShell#unresolvedDependencies}), or the compile error of
 * a call no method fits ({@code Math.exp(z, 2)}, also "recoverable").</li>
 * <li><b>Missing definition.</b> An edit that parses but does not type-check (a wrong return type)
 * is rejected and JShell removes the previous version: the self-check cell then does not compile
 * ("cannot find symbol"). The kernel shows {@link #notDefined(String)} instead; a helper removed
 * this way is named by {@link #staleNotes(String)} and {@link #explain}.</li>
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
    private static final Pattern MISSING_SYMBOL = Pattern.compile(
            "cannot find symbol\\s*\\n\\s*symbol:\\s*(?:method|variable|class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern SYMBOL = Pattern.compile(
            "(?:method|variable|class|interface|enum|record)\\s+([A-Za-z_$][\\w$]*)");
    private static final Pattern NOT_RUN_ENTRY = Pattern.compile("([A-Za-z_$][\\w$]*)@(\\d{1,18})");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Za-z_$][\\w$]*)");

    /**
     * Set by the kernel (org.nnlab.kernel.NnlabKernel) when a cell failed: "name@snippetCount ...", each
     * declaration it did not run with the number of snippets then.
     */
    static final String NOT_RUN = "nnlab.kernel.notRun";

    private final JShell shell;

    /** @param shell the JShell that runs the notebook's cells */
    public Definitions(JShell shell) {
        if (shell == null) {
            throw Args.fail("Definitions", "the notebook's JShell", null,
                    "the kernel's start-up calls Check.watch(kernel().getJShell()).");
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
                notes.add("the latest version of " + name.get() + " did not compile (" + firstError(s) + "), so "
                        + (isDefined(name.get(), all) ? "the checks ran the previous version" : name.get() + " is not defined"));
            }
        }
        notes.addAll(notRunNotes(used));
        return notes;
    }

    /** The used declarations that the kernel says the last failed cell did not run, and that were not declared since. */
    private List<String> notRunNotes(Set<String> used) {
        List<String> notes = new ArrayList<>();
        for (String name : notRunNames()) {
            if (used.contains(name)) {
                notes.add("the latest version of " + name + " was not run (a declaration before it in its cell did not"
                        + " compile), so the checks ran the previous version");
            }
        }
        return notes;
    }

    /**
     * The declarations the kernel says failed cells did not run ({@value #NOT_RUN}: "name@snippetCount
     * ...") and that were not declared since.
     */
    private List<String> notRunNames() {
        List<Snippet> all = shell.snippets().collect(Collectors.toList());
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty(NOT_RUN, "").trim().split("\\s+")) {
            Matcher m = NOT_RUN_ENTRY.matcher(entry);
            if (m.matches() && !redefinedLater(m.group(1), all, (int) Math.min(Long.parseLong(m.group(2)), all.size()) - 1)) {
                names.add(m.group(1));
            }
        }
        return names;
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
        String name = snippet.get().name();
        List<String> missing = shell.unresolvedDependencies(snippet.get()).collect(Collectors.toList());
        String compileError = notRunnable(snippet.get());
        if (compileError != null) {
            return compileError;
        }
        return name + " uses " + (missing.isEmpty() ? "a name" : String.join(", ", missing))
                + ", which is not declared in this notebook, so " + name + " cannot run."
                + "\nHint: declare it (or pass it in as a parameter: an exercise method may use only its parameters),"
                + " then run the exercise cell again.";
    }

    /**
     * Why {@code method}, which JShell accepted as "recoverable", cannot run when the reason is a compile
     * error rather than an undeclared name: a method it uses whose latest version did not compile (JShell
     * removed it), or a call no method fits ({@code Math.exp(z, 2)}); null otherwise. The kernel shows it
     * for a cell that calls such a method directly.
     */
    public String notRunnable(DeclarationSnippet method) {
        String name = method.name();
        List<String> missing = shell.unresolvedDependencies(method).collect(Collectors.toList());
        for (String dependency : missing) {
            Optional<String> called = symbolName(dependency);
            Optional<String> error = called.flatMap(this::rejectedError);
            if (error.isPresent()) {
                return name + " uses " + called.get() + ", whose latest version did not compile (" + error.get() + "), so "
                        + called.get() + " is not defined and " + name + " cannot run.\nHint: fix the cell of "
                        + called.get() + " and run it again.";
            }
        }
        if (missing.isEmpty() && shell.diagnostics(method).anyMatch(Diag::isError)) {
            // e.g. Math.exp(z, 2): JShell accepts a call no method fits, in case such a method is declared later
            return name + " did not compile (" + firstError(method) + "), so " + name + " cannot run.\n"
                    + "Hint: fix its cell and run it again.";
        }
        return null;
    }

    /**
     * The message for a cell that did not compile because it uses a name JShell cannot find
     * ({@code compilerMessage}, e.g. "cannot find symbol\n  symbol:   method sigmoid(double)") when
     * that name's latest declaration did not compile (JShell then removes the previous version), or
     * was never run because an earlier declaration of its cell failed; null for any other message.
     * The kernel (org.nnlab.kernel.NnlabKernel) shows it instead of the bare "cannot find symbol".
     */
    public String notDefined(String compilerMessage) {
        Optional<String> name = missingSymbol(compilerMessage);
        if (name.isEmpty()) {
            return null;
        }
        Optional<String> error = rejectedError(name.get());
        if (error.isPresent()) {
            return name.get() + " is not defined: the latest version of its cell did not compile (" + error.get()
                    + "). Fix that cell and run it again.";
        }
        if (notRunNames().contains(name.get())) {
            return name.get() + " is not defined: its cell stopped at a declaration before it that did not compile."
                    + " Fix that cell and run it again.";
        }
        return null;
    }

    /**
     * The first compile error of the latest declaration of {@code name} (a method, class or variable;
     * as in {@link #firstError}), when that declaration was rejected and no version of {@code name} is
     * defined; empty otherwise.
     */
    Optional<String> rejectedError(String name) {
        List<Snippet> all = shell.snippets().collect(Collectors.toList());
        for (int i = all.size() - 1; i >= 0; i--) {
            Snippet s = all.get(i);
            if (name.equals(nameOf(s))) {
                return shell.status(s) == Snippet.Status.REJECTED && !isDefined(name, all)
                        ? Optional.of(firstError(s)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The name in a compiler's "cannot find symbol" message ("cannot find symbol\n  symbol:   method
     * sigmoid(double)\n  location: ..." gives "sigmoid"); empty for any other message.
     */
    static Optional<String> missingSymbol(String compilerMessage) {
        if (compilerMessage == null) {
            return Optional.empty();
        }
        Matcher m = MISSING_SYMBOL.matcher(compilerMessage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The name in one of JShell's unresolved dependencies ("method half(double)", "variable zz", "class Box"). */
    static Optional<String> symbolName(String dependency) {
        Matcher m = SYMBOL.matcher(dependency == null ? "" : dependency.trim());
        return m.lookingAt() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * A compiler message on one line, with where it is: "cannot find symbol\n  symbol:   method foo()\n
     * location: class String" at line 2 of {@code declaration} gives "cannot find symbol: method foo(),
     * line 2 of sigmoid"; "method exp in class java.lang.Math cannot be applied to given types;\n
     * required: double\n  found:    double,int\n  reason: ..." gives "method exp in class java.lang.Math
     * cannot be applied to given types (required: double, found: double,int), line 2 of sigmoid".
     */
    static String oneLine(String compilerMessage, long line, String declaration) {
        List<String> lines = compilerMessage.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toList());
        StringBuilder text = new StringBuilder(lines.isEmpty() ? "a compile error" : lines.get(0).replaceAll(";$", ""));
        List<String> types = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("symbol:")) {
                text.append(": ").append(l.substring("symbol:".length()).trim());
            } else if (l.startsWith("required:") || l.startsWith("found:")) {
                types.add(l.replaceAll(":\\s+", ": "));
            }
        }
        if (!types.isEmpty()) {
            text.append(" (").append(String.join(", ", types)).append(")");
        }
        return text + ", line " + line + (declaration == null ? "" : " of " + declaration);
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

    /**
     * The name a method or class declaration declares, also when it did not parse. (Not variables: the
     * names a check uses are read from its source, where {@code x} is as likely a parameter.)
     */
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

    /** The name {@code s} declares (a variable's too, unlike {@link #declaredName}); null for any other snippet. */
    private static String nameOf(Snippet s) {
        return s instanceof VarSnippet v ? v.name() : declaredName(s).orElse(null);
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

    /** True when some version of {@code name} is defined (a parse error leaves the previous one; a type error removes it). */
    private boolean isDefined(String name, List<Snippet> all) {
        return all.stream().anyMatch(s -> s instanceof DeclarationSnippet d && d.name().equals(name) && shell.status(s).isDefined());
    }

    /** The first compile error of {@code s} on one line, with its line in the declaration ({@link #oneLine}). */
    private String firstError(Snippet s) {
        return shell.diagnostics(s).filter(Diag::isError).findFirst()
                .map(d -> oneLine(d.getMessage(null), lineOf(s.source(), d.getPosition()), nameOf(s)))
                .orElse("a compile error");
    }

    /** The 1-based line of {@code position} (a character offset) in {@code source}. */
    static long lineOf(String source, long position) {
        long end = Math.max(0, Math.min(position, source.length()));
        return 1 + source.substring(0, (int) end).chars().filter(c -> c == '\n').count();
    }
}
