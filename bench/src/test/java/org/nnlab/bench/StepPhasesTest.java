package org.nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

class StepPhasesTest {

    /** What the command prints for these arguments, line by line; it must succeed. */
    private static String[] printed(String... args) {
        StepPhases phases = new StepPhases();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        phases.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(0, new CommandLine(phases).execute(args));
        return bytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    @Test
    @DisplayName("prints a header and a line per round: the five phases' ms per step and their total")
    void printsEachRoundsPhases() {
        String[] lines = printed("--rounds", "2", "--steps", "3", "--batch", "16", "--dtype", "double");
        assertTrue(lines[0].startsWith("MNIST MLP step, batch 16, DOUBLE, RmsProp("), lines[0]);
        assertEquals("round         zero   forward      loss  backward      step     total", lines[1]);
        assertEquals(4, lines.length);
        for (int round = 1; round <= 2; round++) {
            String[] cells = lines[1 + round].trim().split("\\s+");
            assertEquals(String.valueOf(round), cells[0]);
            double sum = 0;
            for (int p = 1; p <= 5; p++) {
                double ms = Double.parseDouble(cells[p]);
                assertTrue(ms >= 0, lines[1 + round]);
                sum += ms;
            }
            assertEquals(sum, Double.parseDouble(cells[6]), 0.01, "the total is the sum of the phases");
        }
    }

    @Test
    @DisplayName("--workspace-check times each round again with ND4J's workspace check on, and leaves it on after")
    void workspaceCheckSideBySide() {
        String[] lines = printed("--rounds", "2", "--steps", "2", "--batch", "8", "--workspace-check");
        assertEquals(6, lines.length);
        assertTrue(lines[2].startsWith("1 ") && lines[3].startsWith("1 check") && lines[5].startsWith("2 check"), lines[3]);
        assertEquals(ProfilingMode.SCOPE_PANIC, Nd4j.getExecutioner().getProfilingMode(), "ND4J's default, as before");
    }

    @Test
    @DisplayName("a bad option value says what was expected and what was given")
    void badOptionsAreExplained() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new StepPhases()).setErr(new PrintWriter(err)).execute("--steps", "many");
        assertEquals(2, code);
        assertTrue(err.toString().contains("expected a whole number, got 'many'"), err.toString());
    }
}
