package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

/**
 * The hidden tests of notebook 03 ({@link org.nnlab.grader.hidden.NeuronsHidden}) in a real grading
 * JVM: the reference notebook passes them all, and a notebook whose hidden deltas use W2 instead of
 * W2 transposed fails them with the visible checks of exercise 3.7, and nothing else: exercise 3.8, which
 * calls 3.7's method, is graded with the reference's (exercise isolation).
 */
class NeuronsHiddenTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();   // Maven runs the tests in autograder/
    static final Path SOLUTION_03 = ROOT.resolve("solutions/notebooks/03-neurons-and-backprop.ipynb");
    static final List<ExerciseSet<?>> SETS = Catalog.sets().stream()
            .filter(s -> s.notebook().equals("03-neurons-and-backprop")).toList();
    static Sandbox box;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void sandbox() {
        box = new Sandbox(Sandbox.Options.defaults());
    }

    static Result grade(Path submission) throws IOException {
        return box.grade(GradeMain.student(submission), submission, SETS, Files.createTempDirectory(tmp, "scratch"));
    }

    @Test
    @DisplayName("the reference notebook scores full marks, with the 6 hidden tests")
    void referenceScoresFullMarks() throws IOException {
        Result r = grade(SOLUTION_03);
        assertEquals(r.maxScore(), r.score(), Reports.table(r));
        assertEquals(6, r.tests().stream().filter(o -> !o.test().visibility().equals("visible")).count(), Reports.table(r));
    }

    @Test
    @DisplayName("hidden deltas through W2 instead of W2^T fail exactly the tests of 3.7, hidden ones included (3.8 is isolated)")
    void untransposedWeightsFailTheirTests() throws IOException {
        Path buggy = Fixtures.write(Fixtures.notebookWith(SOLUTION_03, Map.of("3.7", """
                public INDArray hiddenDelta(INDArray delta2, INDArray w2, INDArray h) {
                    return delta2.mmul(w2).muli(h).muli(h.rsub(1.0));
                }
                """)), tmp.resolve("untransposed.ipynb"));
        Result r = grade(buggy);
        Set<String> failing = r.tests().stream().filter(o -> o.status() != Result.Status.PASSED).map(o -> o.test().key())
                .collect(Collectors.toCollection(TreeSet::new));
        // exercise isolation: backprop (3.8) calls hiddenDelta (3.7) but is graded with the reference's,
        // so the bug costs 3.7's points (visible and hidden) and not 3.8's
        Set<String> expected = r.tests().stream().filter(o -> o.test().exercise().equals("3.7"))
                .map(o -> o.test().key()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, failing, Reports.table(r));
        assertTrue(failing.contains("3.7: with a square W2 (2 hidden units, 2 outputs) the deltas go back through W2 transposed"), Reports.table(r));
    }
}
