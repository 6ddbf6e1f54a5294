package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** ./nnlab grade's options as picocli parses them (no grading). */
class GradeOptionsTest {

    static GradeOptions parse(String... args) {
        GradeOptions o = new GradeOptions();
        GradeOptions.commandLine(o).parseArgs(args);
        return o;
    }

    static String error(String... args) {
        return assertThrows(CommandLine.ParameterException.class, () -> parse(args)).getMessage();
    }

    @Test
    @DisplayName("every option is read, with the sandbox's defaults")
    void options() {
        GradeOptions d = parse("class/");
        assertEquals(Path.of("class/"), d.target);
        assertEquals(2, d.jobs);
        assertEquals(Sandbox.Options.defaults().memoryMb(), d.memory);
        assertEquals(GradeOptions.SandboxMode.AUTO, d.sandbox);
        GradeOptions o = parse("sub", "--one", "--out", "r", "--jobs", "3", "--force", "--notebook", "01", "--notebook", "02", "--memory", "256",
                "--test-timeout", "2.5", "--timeout", "60", "--sandbox", "none");
        assertTrue(o.one && o.force);
        assertEquals(List.of("01", "02"), o.notebooks);
        assertEquals(3, o.jobs);
        assertEquals(256, o.memory);
        assertEquals(2.5, o.testSeconds);
        assertEquals(60.0, o.timeout);
        assertEquals(GradeOptions.SandboxMode.NONE, o.sandbox);
        assertEquals("none", o.sandbox.label());
        assertEquals(GradeOptions.SandboxMode.BWRAP, parse("x", "--sandbox", "bwrap").sandbox);
    }

    @Test
    @DisplayName("bad numbers name the option, what was expected and what was received")
    void badNumbers() {
        assertEquals("Invalid value for option '--jobs': expected a whole number, got 'two'", error("x", "--jobs", "two"));
        assertEquals("Invalid value for option '--memory': expected a whole number, got '1.5'", error("x", "--memory", "1.5"));
        assertEquals("Invalid value for option '--jobs': expected a whole number of at least 1, got '0'", error("x", "--jobs", "0"));
        assertEquals("Invalid value for option '--test-timeout': expected a number of seconds, got 'soon'", error("x", "--test-timeout", "soon"));
        assertEquals("Invalid value for option '--timeout': expected a number of seconds above 0, got '-3'", error("x", "--timeout", "-3"));
        assertTrue(error("--bench").startsWith("Missing required parameter for option '--bench' (N)"), error("--bench"));
    }

    @Test
    @DisplayName("--sandbox takes auto, bwrap or none; unshare is explained as removed, with what to do instead")
    void sandboxValues() {
        assertEquals("Invalid value for option '--sandbox': expected auto, bwrap or none, got 'docker'", error("x", "--sandbox", "docker"));
        String unshare = error("x", "--sandbox", "unshare");
        assertTrue(unshare.startsWith("Invalid value for option '--sandbox': 'unshare' was removed: under unshare a submission could"), unshare);
        assertTrue(unshare.contains("apt-get install bubblewrap") && unshare.contains("--sandbox none"), unshare);
        assertTrue(error("a", "b").startsWith("Unmatched argument"), error("a", "b"));
        assertTrue(error("x", "--color").startsWith("Unknown option: '--color'"), error("x", "--color"));
    }
}
