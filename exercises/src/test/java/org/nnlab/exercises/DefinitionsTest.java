package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.SPIResolutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DefinitionsTest {

    private static final String SELF_CHECK = "Check.exercise(\"3.5\", NeuronsExercises.with().sigmoidPrime(z -> neuron(z)))";

    private JShell shell;
    private Definitions definitions;

    @BeforeEach
    void startShell() {
        shell = JShell.builder().executionEngine("local").build();
        shell.addToClasspath(System.getProperty("java.class.path"));
        definitions = new Definitions(shell);
    }

    @AfterEach
    void closeShell() {
        shell.close();
    }

    /** Evaluates {@code source} as the kernel does: JJava drops the versions a new one overwrote (CodeEvaluator.evalSingle). */
    private List<SnippetEvent> eval(String source) {
        List<SnippetEvent> events = shell.eval(source);
        events.stream().filter(e -> e.status() == Snippet.Status.OVERWRITTEN).forEach(e -> shell.drop(e.snippet()));
        return events;
    }

    @Test
    @DisplayName("a method edited so that it no longer parses is named: the checks ran its previous version")
    void aDefinitionThatNoLongerCompilesIsNamed() {
        eval("double neuron(double x) { return x * 2; }");
        assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));

        eval("double neuron(double x) { return x * 3 }");   // the ';' is missing: the old neuron stays

        assertEquals(List.of("the latest version of neuron did not compile (';' expected, line 1 of neuron), so the checks ran the"
                        + " previous version"),
                definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("once the method compiles again, nothing is stale")
    void aFixedDefinitionIsNotStale() {
        eval("double neuron(double x) { return x * 2; }");
        eval("double neuron(double x) { return x * 3 }");
        eval("double neuron(double x) { return x * 3; }");
        assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("a helper that the checked method calls is followed: its failed edit is named too")
    void aHelperOfTheCheckedMethodIsFollowed() {
        eval("double scale(double x) { return 2 * x; }");
        eval("double neuron(double x) { return scale(x) + 1; }");
        eval("double scale(double x) { return 2 * x }");
        List<String> notes = definitions.staleNotes(SELF_CHECK);
        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).startsWith("the latest version of scale did not compile"), notes.get(0));
    }

    @Test
    @DisplayName("a method the kernel says its failed cell did not run is named, until it is declared again")
    void aDeclarationTheFailedCellDidNotRunIsNamed() {
        eval("double neuron(double x) { return x * 2; }");
        eval("double half(double x) { return x / 2 }");   // the cell's first declaration fails ...
        String before = System.getProperty(Definitions.NOT_RUN);
        try {
            // ... so JJava does not run the new neuron below it; the kernel says so through this property
            System.setProperty(Definitions.NOT_RUN, "other@1 neuron@" + shell.snippets().count());
            assertEquals(List.of("the latest version of neuron was not run (a declaration before it in its cell did not"
                    + " compile), so the checks ran the previous version"), definitions.staleNotes(SELF_CHECK));
            eval("double neuron(double x) { return x * 3; }");
            assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));
        } finally {
            if (before == null) {
                System.clearProperty(Definitions.NOT_RUN);
            } else {
                System.setProperty(Definitions.NOT_RUN, before);
            }
        }
    }

    @Test
    @DisplayName("a failed declaration the check does not use is not reported")
    void anUnrelatedFailureIsNotReported() {
        eval("double neuron(double x) { return x * 2; }");
        eval("double other(double x) { return x * 3 }");
        assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("the name an unparsable method or class declares is read from its header")
    void declaredNameOfAnErroneousSnippet() {
        assertEquals("neuron", Definitions.declaredName(eval("public double neuron(double[] x, double b) { return x[0] }").get(0).snippet()).orElseThrow());
        assertEquals("Box", Definitions.declaredName(eval("class Box { int x = }").get(0).snippet()).orElseThrow());
    }

    @Test
    @DisplayName("an undeclared variable in a method is named with the method, with a hint")
    void anUnresolvedNameIsNamed() {
        eval("double neuron(double x) { return x * weight; }");
        // JShell runs "local", in this JVM but with its own class loader: the system properties carry the exception out
        eval("try { neuron(2); } catch (Throwable t) { System.getProperties().put(\"nnlab.test.caught\", t); }");
        SPIResolutionException e = assertInstanceOf(SPIResolutionException.class, System.getProperties().remove("nnlab.test.caught"));

        String message = definitions.explain(e);

        assertTrue(message.startsWith("neuron uses variable weight, which is not declared in this notebook"), message);
        assertTrue(message.contains("Hint: declare it"), message);
    }

    @Test
    @DisplayName("a method edited with a type error is removed by JShell: the note says it is not defined, not that an old version ran")
    void aTypeErrorLeavesNoPreviousVersion() {
        eval("double neuron(double x) { return x * 2; }");
        eval("double neuron(double x) {\n    String s = x;\n    return x;\n}");   // parses, but is REJECTED
        assertEquals(List.of("the latest version of neuron did not compile (incompatible types: double cannot be converted"
                + " to java.lang.String, line 2 of neuron), so neuron is not defined"), definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("a cell that cannot find a method whose latest version was rejected is told why")
    void aMissingMethodWhoseLatestVersionWasRejectedIsExplained() {
        eval("double neuron(double x) { return x * 2; }");
        eval("String neuron(double x) {\n    return x * 3;\n}");
        List<String> compileErrors = shell.diagnostics(eval("neuron(1.0)").get(0).snippet()).map(d -> d.getMessage(null))
                .collect(java.util.stream.Collectors.toList());
        assertEquals(1, compileErrors.size(), compileErrors::toString);
        assertTrue(compileErrors.get(0).startsWith("cannot find symbol"), compileErrors.get(0));

        assertEquals("neuron is not defined: the latest version of its cell did not compile (incompatible types: double cannot"
                + " be converted to java.lang.String, line 2 of neuron). Fix that cell and run it again.",
                definitions.notDefined(compileErrors.get(0)));
    }

    @Test
    @DisplayName("a method whose only version was rejected is explained the same way")
    void aMethodWhoseOnlyVersionWasRejectedIsExplained() {
        eval("double neuron(double x) { return x.length(); }");
        String message = definitions.notDefined("cannot find symbol\n  symbol:   method neuron(double)\n  location: class");
        assertEquals("neuron is not defined: the latest version of its cell did not compile (double cannot be dereferenced,"
                + " line 1 of neuron). Fix that cell and run it again.", message);
    }

    @Test
    @DisplayName("a class or variable whose latest version was rejected is explained the same way")
    void aClassOrVariableWhoseLatestVersionWasRejectedIsExplained() {
        eval("class Box { int v() { return 1; } }");
        eval("class Box { int v() { return \"1\"; } }");
        eval("double w = 1;");
        eval("double w = \"x\";");
        assertEquals("Box is not defined: the latest version of its cell did not compile (incompatible types: java.lang.String"
                + " cannot be converted to int, line 1 of Box). Fix that cell and run it again.",
                definitions.notDefined("cannot find symbol\n  symbol:   class Box"));
        assertEquals("w is not defined: the latest version of its cell did not compile (incompatible types: java.lang.String"
                + " cannot be converted to double, line 1 of w). Fix that cell and run it again.",
                definitions.notDefined("cannot find symbol\n  symbol:   variable w"));
    }

    @Test
    @DisplayName("a rejected variable named like a parameter of the checked code does not make the check NOT CHECKED")
    void aRejectedVariableIsNotAStaleDefinition() {
        eval("double neuron(double z) { return z * 2; }");
        eval("double z = \"x\";");
        assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("a name that is defined, never declared, or another error gets no rewritten message")
    void otherCompileErrorsAreLeftAlone() {
        eval("double neuron(double x) { return x * 2; }");
        assertEquals(null, definitions.notDefined("cannot find symbol\n  symbol:   method neuron(double)"));
        assertEquals(null, definitions.notDefined("cannot find symbol\n  symbol:   method other(double)"));
        assertEquals(null, definitions.notDefined("';' expected"));
        assertEquals(null, definitions.notDefined(null));
    }

    @Test
    @DisplayName("a method that calls a helper whose latest version was rejected says so, not that the helper is undeclared")
    void aRejectedHelperIsNamed() {
        eval("double scale(double x) { return 2 * x; }");
        eval("double neuron(double x) { return scale(x) + 1; }");
        eval("double scale(double x) { return \"2\"; }");   // REJECTED: the old scale is removed, neuron is recoverable
        eval("try { neuron(2); } catch (Throwable t) { System.getProperties().put(\"nnlab.test.caught\", t); }");
        SPIResolutionException e = assertInstanceOf(SPIResolutionException.class, System.getProperties().remove("nnlab.test.caught"));

        assertEquals("neuron uses scale, whose latest version did not compile (incompatible types: java.lang.String cannot be"
                + " converted to double, line 1 of scale), so scale is not defined and neuron cannot run.\n"
                + "Hint: fix the cell of scale and run it again.", definitions.explain(e));
        assertEquals(List.of("the latest version of scale did not compile (incompatible types: java.lang.String cannot be"
                + " converted to double, line 1 of scale), so scale is not defined"), definitions.staleNotes(SELF_CHECK));
    }

    @Test
    @DisplayName("a method the failed cell never ran, with no earlier version, is explained")
    void aMethodNeverRunIsExplained() {
        String before = System.getProperty(Definitions.NOT_RUN);
        try {
            System.setProperty(Definitions.NOT_RUN, "other@1 neuron@" + shell.snippets().count());
            assertEquals("neuron is not defined: its cell stopped at a declaration before it that did not compile."
                    + " Fix that cell and run it again.", definitions.notDefined("cannot find symbol\n  symbol:   method neuron(double)"));
        } finally {
            if (before == null) {
                System.clearProperty(Definitions.NOT_RUN);
            } else {
                System.setProperty(Definitions.NOT_RUN, before);
            }
        }
    }

    @Test
    @DisplayName("the missing name is read from javac's \"cannot find symbol\" message")
    void missingSymbol() {
        assertEquals("sigmoid", Definitions.missingSymbol("cannot find symbol\n  symbol:   method sigmoid(double)\n  location: class X").orElseThrow());
        assertEquals("zz", Definitions.missingSymbol("cannot find symbol\n  symbol:   variable zz").orElseThrow());
        assertEquals("Box", Definitions.missingSymbol("cannot find symbol\n  symbol:   class Box").orElseThrow());
        assertTrue(Definitions.missingSymbol("incompatible types: double cannot be converted to int").isEmpty());
        assertTrue(Definitions.missingSymbol(null).isEmpty());
    }

    @Test
    @DisplayName("the name is read from JShell's unresolved dependencies")
    void symbolName() {
        assertEquals("half", Definitions.symbolName("method half(double)").orElseThrow());
        assertEquals("zz", Definitions.symbolName("variable zz").orElseThrow());
        assertTrue(Definitions.symbolName("something else").isEmpty());
    }

    @Test
    @DisplayName("a compiler message is put on one line with its symbol and line")
    void oneLine() {
        assertEquals("cannot find symbol: method foo(), line 2 of sigmoid",
                Definitions.oneLine("cannot find symbol\n  symbol:   method foo()\n  location: class String", 2, "sigmoid"));
        assertEquals("method exp in class java.lang.Math cannot be applied to given types (required: double, found: double,int),"
                + " line 2 of sigmoid", Definitions.oneLine("method exp in class java.lang.Math cannot be applied to given types;\n"
                + "  required: double\n  found:    double,int\n  reason: actual and formal argument lists differ in length", 2, "sigmoid"));
        assertEquals("';' expected, line 3", Definitions.oneLine("';' expected", 3, null));
        assertEquals("a compile error, line 1", Definitions.oneLine("", 1, null));
    }

    @Test
    @DisplayName("a position's line counts the line breaks before it, and stays within the source")
    void lineOf() {
        assertEquals(1, Definitions.lineOf("double f() {\n return 1;\n}", 3));
        assertEquals(2, Definitions.lineOf("double f() {\n return 1;\n}", 14));
        assertEquals(3, Definitions.lineOf("a\nb\nc", 99));
        assertEquals(1, Definitions.lineOf("a\nb", -1));
    }

    @Test
    @DisplayName("a call that no method fits is accepted by JShell; calling the method then names the compile error")
    void aRecoverableCompileErrorIsNamed() {
        eval("double neuron(double x) {\n    return Math.exp(x, 2);\n}");
        eval("try { neuron(2); } catch (Throwable t) { System.getProperties().put(\"nnlab.test.caught\", t); }");
        SPIResolutionException e = assertInstanceOf(SPIResolutionException.class, System.getProperties().remove("nnlab.test.caught"));

        assertEquals("neuron did not compile (method exp in class java.lang.Math cannot be applied to given types (required:"
                + " double, found: double,int), line 2 of neuron), so neuron cannot run.\nHint: fix its cell and run it again.",
                definitions.explain(e));
    }

    @Test
    @DisplayName("a method that only uses an undeclared name is not a compile error: notRunnable leaves it to the caller")
    void anUndeclaredNameIsNotACompileError() {
        DeclarationSnippet neuron = (DeclarationSnippet) eval("double neuron(double x) { return x * weight; }").get(0).snippet();
        assertEquals(null, definitions.notRunnable(neuron));
        eval("double scale(double x) { return \"2\"; }");
        DeclarationSnippet user = (DeclarationSnippet) eval("double neuron(double x) { return scale(x); }").get(0).snippet();
        assertTrue(definitions.notRunnable(user).startsWith("neuron uses scale, whose latest version did not compile"),
                definitions.notRunnable(user));
    }

    @Test
    @DisplayName("without a JShell there is nothing to read: a clear error")
    void nullShellIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Definitions(null));
        assertTrue(e.getMessage().contains("expected the notebook's JShell but was null"), e.getMessage());
    }
}
