package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.jshell.JShell;
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

    private List<SnippetEvent> eval(String source) {
        return shell.eval(source);
    }

    @Test
    @DisplayName("a method edited so that it no longer parses is named: the checks ran its previous version")
    void aDefinitionThatNoLongerCompilesIsNamed() {
        eval("double neuron(double x) { return x * 2; }");
        assertEquals(List.of(), definitions.staleNotes(SELF_CHECK));

        eval("double neuron(double x) { return x * 3 }");   // the ';' is missing: the old neuron stays

        assertEquals(List.of("the latest version of neuron did not compile (';' expected), so the checks ran the previous version"),
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
            System.setProperty(Definitions.NOT_RUN, shell.snippets().count() + " neuron");
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
    @DisplayName("without a JShell there is nothing to read: a clear error")
    void nullShellIsExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Definitions(null));
        assertTrue(e.getMessage().contains("expected the notebook's JShell but was null"), e.getMessage());
    }
}
