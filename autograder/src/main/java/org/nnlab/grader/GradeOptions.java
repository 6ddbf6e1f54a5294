package org.nnlab.grader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./nnlab grade}'s options, parsed by picocli, which also writes the one usage text ({@link GradeMain#usage}). */
@Command(name = "./nnlab grade", sortOptions = false, usageHelpWidth = 110,
        description = {"Grades a notebook, a .zip or a folder of completed starter code (a table, results.json, feedback.html), "
                + "or a folder of such submissions (per student results and feedback, and a gradebook CSV; a re-run skips what is graded)."},
        footer = {"", "Examples:",
                "  ./nnlab grade submissions/alice.ipynb",
                "  ./nnlab grade submissions/ --out grades/ --jobs 2",
                "  ./nnlab grade --bench 300 --jobs 2",
                "  ./nnlab grade --gradescope-package gs.zip --notebook 01"})
final class GradeOptions {

    @Parameters(arity = "0..1", paramLabel = "SUBMISSION|FOLDER", description = "a notebook, a .zip, a folder of starter code, or a folder of such submissions")
    Path target;

    @Option(names = "--out", paramLabel = "DIR", description = "where the results go (one submission: the current folder; a folder: FOLDER-grades)")
    Path out;

    @Option(names = "--one", description = "grade FOLDER as one submission (Gradescope's submission folder), not as a folder of submissions")
    boolean one;

    @Option(names = "--jobs", paramLabel = "N", converter = WholeNumber.class, description = "submissions graded at once (default: ${DEFAULT-VALUE})")
    int jobs = 2;

    @Option(names = "--force", description = "regrade submissions that are graded already")
    boolean force;

    @Option(names = "--notebook", paramLabel = "NN", description = "grade this notebook (01 or 01-rectangle; repeatable; default: those submitted)")
    List<String> notebooks = new ArrayList<>();

    @Option(names = "--memory", paramLabel = "MB", converter = WholeNumber.class, description = "heap of each grading JVM (default: ${DEFAULT-VALUE})")
    int memory = Sandbox.Options.defaults().memoryMb();

    @Option(names = "--test-timeout", paramLabel = "S", converter = Seconds.class, description = "time limit per test (default: ${DEFAULT-VALUE})")
    double testSeconds = Sandbox.Options.defaults().testSeconds();

    @Option(names = "--timeout", paramLabel = "S", converter = Seconds.class, description = "time limit per submission (default: ${DEFAULT-VALUE})")
    double timeout = Sandbox.Options.defaults().submissionSeconds();

    @Option(names = "--sandbox", paramLabel = "MODE", converter = SandboxConverter.class, completionCandidates = SandboxMode.Names.class,
            description = "${COMPLETION-CANDIDATES} (default: auto = bwrap where it works; a folder is graded unsandboxed only with none)")
    SandboxMode sandbox = SandboxMode.AUTO;

    @Option(names = "--bench", paramLabel = "N", converter = WholeNumber.class, description = "make N notebook submissions, grade them, print the times")
    int bench;

    @Option(names = "--gradescope-package", paramLabel = "OUT.zip", description = "write a Gradescope autograder package (setup.sh, run_autograder, jars)")
    Path gradescope;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this text")
    boolean help;

    /** A picocli command line for {@code options}. */
    static CommandLine commandLine(GradeOptions options) {
        return new CommandLine(options).setOverwrittenOptionsAllowed(true);
    }

    /** How the grading JVMs are isolated: bubblewrap where it works ({@code auto}), bubblewrap or refuse ({@code bwrap}), nothing ({@code none}). */
    enum SandboxMode {
        AUTO, BWRAP, NONE;

        /** The name on the command line and in {@link Sandbox.Options#isolation}: auto, bwrap, none. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The values for the usage text. */
        static final class Names implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return java.util.Arrays.stream(values()).map(SandboxMode::label).iterator();
            }
        }
    }

    /** {@code --sandbox}'s value: auto, bwrap or none; {@code unshare} is explained as removed. */
    static final class SandboxConverter implements CommandLine.ITypeConverter<SandboxMode> {
        @Override
        public SandboxMode convert(String value) {
            for (SandboxMode m : SandboxMode.values()) {
                if (m.label().equals(value)) {
                    return m;
                }
            }
            if (value.equals("unshare")) {
                throw new CommandLine.TypeConversionException("'unshare' was removed: under unshare a submission could read and change "
                        + "other students' work and results and signal the grader's processes. bubblewrap is the sandbox now "
                        + "(sudo apt-get install bubblewrap); or give --sandbox none to grade unsandboxed");
            }
            throw new CommandLine.TypeConversionException("expected auto, bwrap or none, got '" + value + "'");
        }
    }

    /** A whole number of at least 1: "expected a whole number, got 'two'". */
    static final class WholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected a whole number, got '" + value + "'");
            }
            if (n < 1) {
                throw new CommandLine.TypeConversionException("expected a whole number of at least 1, got '" + value + "'");
            }
            return n;
        }
    }

    /** A positive number of seconds: "expected a number of seconds, got 'soon'". */
    static final class Seconds implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double s;
            try {
                s = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("expected a number of seconds, got '" + value + "'");
            }
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new CommandLine.TypeConversionException("expected a number of seconds above 0, got '" + value + "'");
            }
            return s;
        }
    }
}
