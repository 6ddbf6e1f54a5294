package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The grader on real submissions, each in its own JVM: the reference notebooks score full marks, the
 * student copies and the starter code zero, buggy notebooks (the reference with one cell changed, as in
 * solutions' BuggyRectangleTest) fail exactly the tests meant to catch them, and adversarial ones cost
 * only themselves.
 */
class GraderTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();   // Maven runs the tests in autograder/
    static final Path SOLUTION_01 = ROOT.resolve("solutions/notebooks/01-rectangle.ipynb");
    static Sandbox box;
    /** With the default time limit per test (10 s): the reference notebooks' checks call back into the judge for every step of a training loop. */
    static Sandbox patient;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void sandbox() {
        System.setProperty("nnlab.root", ROOT.toString());   // as ./nnlab grade sets it: the project's sources are hidden too
        box = new Sandbox(new Sandbox.Options(512, 2, 120, 1 << 20, "auto"));
        patient = new Sandbox(Sandbox.Options.defaults());
    }

    static List<ExerciseSet<?>> sets(String... notebooks) {
        return Catalog.sets().stream().filter(s -> List.of(notebooks).contains(s.notebook())).toList();
    }

    static Result grade(Path submission, String... notebooks) throws IOException {
        return box.grade(GradeMain.student(submission), submission, sets(notebooks), Files.createTempDirectory(tmp, "scratch"));
    }

    /** The solution notebook with exercise cells replaced: {"1.2": "code"}; null deletes the cell. */
    static Path notebookWith(String name, Map<String, String> cells) throws IOException {
        return notebookWith(tmp, name, cells);
    }

    /** The same, written into {@code dir}. */
    static Path notebookWith(Path dir, String name, Map<String, String> cells) throws IOException {
        return Fixtures.write(Fixtures.notebookWith(SOLUTION_01, cells), dir.resolve(name + ".ipynb"));
    }

    static Set<String> failing(Result r) {
        return r.tests().stream().filter(o -> o.status() != Result.Status.PASSED).map(o -> o.test().key()).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> testsOf(Result r, String... exercises) {
        return r.tests().stream().filter(o -> List.of(exercises).contains(o.test().exercise())).map(o -> o.test().key())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Result.Outcome outcome(Result r, String exercise) {
        return r.tests().stream().filter(o -> o.test().exercise().equals(exercise)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the reference notebooks score full marks, hidden tests included")
    void solutionsScoreFullMarks() throws IOException {
        Result r = grade(SOLUTION_01, "01-rectangle");
        assertEquals(r.maxScore(), r.score(), Reports.table(r));
        assertTrue(r.tests().stream().anyMatch(o -> !o.test().visibility().equals("visible")), "hidden tests ran");
        Result v = grade(ROOT.resolve("solutions/notebooks/00-vectors-and-matrices.ipynb"), "00-vectors-and-matrices");
        assertEquals(v.maxScore(), v.score(), Reports.table(v));
        assertEquals(1, r.jvms());
    }

    @Test
    @DisplayName("every notebook's reference scores full marks with isolation and the hidden tests from the private loader")
    void everyReferenceScoresFullMarks() throws IOException {
        List<String> report = new ArrayList<>();
        for (ExerciseSet<?> set : Catalog.sets()) {
            Path nb = ROOT.resolve("solutions/notebooks/" + set.notebook() + ".ipynb");
            Result r = patient.grade(set.notebook(), nb, List.of(set), Files.createTempDirectory(tmp, "scratch"));
            assertEquals(r.maxScore(), r.score(), Reports.table(r));
            report.add(set.notebook() + " " + r.score() + "/" + r.maxScore() + " (" + r.tests().stream()
                    .filter(o -> !o.test().visibility().equals("visible")).count() + " hidden, " + Math.round(r.seconds()) + " s)");
        }
        System.out.println("references: " + report);
    }

    @Test
    @DisplayName("every untouched student notebook scores 0, each test saying 'not implemented yet'")
    void everyStudentNotebookScoresZero() throws IOException {
        for (ExerciseSet<?> set : Catalog.sets()) {
            Result r = patient.grade(set.notebook(), ROOT.resolve("notebooks/" + set.notebook() + ".ipynb"), List.of(set),
                    Files.createTempDirectory(tmp, "scratch"));
            assertEquals(0, r.score(), Reports.table(r));
            assertEquals(Result.Ending.OK, r.status(), Reports.table(r));
            for (Result.Outcome o : r.tests()) {
                assertTrue(o.message().contains("not implemented yet"), set.notebook() + ", " + o.test().key() + ": " + o.message());
            }
        }
    }

    @Test
    @DisplayName("the untouched student notebook and the starter code score 0, every test saying 'not implemented yet'")
    void untouchedScoresZero() throws IOException {
        for (Path p : List.of(ROOT.resolve("notebooks/01-rectangle.ipynb"), ROOT.resolve("exercises/src/main/java/org/nnlab/exercises/starter"))) {
            Result r = grade(p, "01-rectangle", "00-vectors-and-matrices");
            assertEquals(0, r.score(), Reports.table(r));
            assertEquals(Result.Ending.OK, r.status());
            for (Result.Outcome o : r.tests()) {
                boolean notebookOnly = p.toString().endsWith(".ipynb") && o.test().exercise().startsWith("0.");
                assertTrue(notebookOnly ? o.message().startsWith("not submitted") : o.message().endsWith("not implemented yet"),
                        o.test().key() + ": " + o.message());
            }
        }
    }

    @Test
    @DisplayName("buggy notebooks fail exactly the tests meant to catch them")
    void buggyNotebooksFailExactlyTheirTests() throws IOException {
        Path transposed = notebookWith("transposed", Map.of("1.4", """
                public double[] layer(double[] a, double[][] w, double[] b) {
                    double[] out = new double[b.length];
                    for (int i = 0; i < b.length; i++) {
                        out[i] = neuron(a, w[i], b[i]);
                    }
                    return out;
                }
                """));
        Result r = grade(transposed, "01-rectangle");
        assertEquals(testsOf(r, "1.4"), failing(r), Reports.table(r));

        // isolation: neuron (1.3) and layer (1.4) call sigmoid, but are graded with the reference's sigmoid,
        // so the wrong sigmoid costs exercise 1.2's points only, not those of the exercises that use it
        Path sigmoid = notebookWith("sigmoid", Map.of("1.2", "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(z));\n}\n"));
        Result s = grade(sigmoid, "01-rectangle");
        assertEquals(new TreeSet<>(Set.of("1.2: sigmoid(-4.4) is 0.012 and sigmoid(2.1) is 0.89, as on the slides",
                "1.2: sigmoid stays between 0 and 1 for large |z| (no NaN)")), failing(s), Reports.table(s));
    }

    @Test
    @DisplayName("notebook 05's edge of a weight: a division by a largest |w| of 0 and a maximum clamped to 1 fail exactly their tests")
    void buggyEdgesFailExactlyTheirTests() throws IOException {
        Path solution = ROOT.resolve("solutions/notebooks/05-explosion-and-local-minima.ipynb");
        Path byZero = Fixtures.write(Fixtures.notebookWith(solution, Map.of("5.5", """
                public EdgeStyle edge(double weight, double maxAbsWeight) {
                    String colour = weight >= 0 ? EdgeStyle.RED : EdgeStyle.BLUE;
                    return new EdgeStyle(colour, EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * Math.abs(weight) / maxAbsWeight);
                }
                """)), tmp.resolve("edge-by-zero.ipynb"));
        Result z = patient.grade("edge-by-zero", byZero, sets("05-explosion-and-local-minima"), Files.createTempDirectory(tmp, "scratch"));
        assertEquals(Set.of("5.5: a network whose weights are all 0 (largest |w| 0): every edge is MIN_WIDTH wide, no division by 0"),
                failing(z), Reports.table(z));
        assertEquals(z.maxScore() - 1, z.score(), Reports.table(z));

        // "no division by 0" done by dividing by max(maxAbs, 1): right for the visible checks' networks, whose largest
        // |w| is at least 1, wrong for the hidden test's small one
        Path clamped = Fixtures.write(Fixtures.notebookWith(solution, Map.of("5.5", """
                public EdgeStyle edge(double weight, double maxAbsWeight) {
                    String colour = weight >= 0 ? EdgeStyle.RED : EdgeStyle.BLUE;
                    return new EdgeStyle(colour, EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * Math.abs(weight) / Math.max(maxAbsWeight, 1));
                }
                """)), tmp.resolve("edge-clamped.ipynb"));
        Result c = patient.grade("edge-clamped", clamped, sets("05-explosion-and-local-minima"), Files.createTempDirectory(tmp, "scratch"));
        assertEquals(1, failing(c).size(), Reports.table(c));
        Result.Outcome hidden = c.tests().stream().filter(o -> o.status() != Result.Status.PASSED).findFirst().orElseThrow();
        assertEquals("5.5", hidden.test().exercise());
        assertEquals("hidden", hidden.test().visibility());
        assertEquals(c.maxScore() - 1, c.score(), Reports.table(c));
    }

    @Test
    @DisplayName("an infinite loop, System.exit, OutOfMemoryError, StackOverflowError, 20 MB of printing, a thread left running "
            + "and a compile error cost only their exercises")
    void adversarialCellsCostOnlyThemselves() throws IOException {
        Path bad = notebookWith("adversarial", Map.of(
                "1.1", "public double[] toVector(int[][] image) {\n    while (true) { }\n}\n",
                "1.2", "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-zz));\n}\n",
                "1.5", "public double[] wrongInput() {\n    System.exit(1);\n    return null;\n}\n",
                "1.6", "public RectangleWeights tune(RectangleWeights slides) {\n    List<long[]> hog = new ArrayList<>();\n"
                        + "    while (true) { hog.add(new long[50_000_000]); }\n}\n",
                "1.7", "public double cost(double[] y, double[] yTrue) {\n    return cost(y, yTrue) + 1;\n}\n",
                "1.8", "public INDArray step(INDArray w, INDArray gradient, double learningRate) {\n"
                        + "    String line = \"x\".repeat(99);\n    for (int i = 0; i < 200_000; i++) { System.out.println(line); }\n"
                        // a thread left running (not a daemon): the grading JVM must still end after the last test
                        + "    Thread t = new Thread(() -> { while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } } });\n"
                        + "    t.setDaemon(false);\n    t.start();\n"
                        + "    return w.sub(gradient.mul(learningRate));\n}\n"));
        Result r = grade(bad, "01-rectangle");
        String table = Reports.table(r);
        // 1.3 and 1.4 (the reference's cells) pass although 1.2, which they call, does not compile: isolation
        assertEquals(testsOf(r, "1.3", "1.4", "1.8"), r.tests().stream().filter(o -> o.status() == Result.Status.PASSED).map(o -> o.test().key())
                .collect(Collectors.toCollection(TreeSet::new)), table);
        assertTrue(outcome(r, "1.1").message().startsWith("still running after 2"), table);
        String compile = outcome(r, "1.2").message();
        assertTrue(compile.contains("exercise 1.2 (cell ") && compile.contains("), line 2: cannot find symbol"), compile);
        assertTrue(outcome(r, "1.5").message().contains("System.exit(1)"), table);
        assertTrue(outcome(r, "1.6").message().contains("OutOfMemoryError"), table);
        assertTrue(outcome(r, "1.7").message().contains("StackOverflowError"), table);
        assertTrue(r.output().length() <= (1 << 20) + 200 && r.output().contains("truncated"), "output capped: " + r.output().length());
        assertEquals(Result.Ending.OK, r.status(), "a thread left running does not keep the grading JVM alive until the time limit");
        assertTrue(r.seconds() < 100, "graded in " + r.seconds() + " s, not stopped at the 120 s limit");
    }

    /** Places where a submission could find the hidden tests or the reference solutions. */
    static final String PROBE = """
            public double[] toVector(int[][] image) {
                List<String> found = new ArrayList<>();
                int checked = 0;
                String[] classes = {"org.nnlab.grader.hidden.RectangleHidden", "org.nnlab.solutions.RectangleSolution"};
                List<ClassLoader> loaders = new ArrayList<>(List.of(getClass().getClassLoader(), ClassLoader.getSystemClassLoader()));
                if (Thread.currentThread().getContextClassLoader() != null) {
                    loaders.add(Thread.currentThread().getContextClassLoader());
                }
                for (String c : classes) {
                    String resource = c.replace('.', '/') + ".class";
                    for (ClassLoader l : loaders) {
                        checked += 2;
                        try {
                            Class.forName(c, false, l);
                            found.add("Class.forName(" + c + ") in " + l);
                        } catch (Throwable e) {
                        }
                        if (l.getResource(resource) != null) {
                            found.add("getResource(" + resource + ") in " + l);
                        }
                    }
                    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        checked++;
                        java.io.File f = new java.io.File(entry);
                        if (f.isDirectory() && new java.io.File(f, resource).exists()) {
                            found.add(resource + " in the folder " + entry);
                        } else if (f.isFile()) {
                            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f)) {
                                if (z.getEntry(resource) != null) {
                                    found.add(resource + " in the jar " + entry);
                                }
                            } catch (Exception e) {
                            }
                        }
                    }
                }
                for (String path : new String[] {"%1$s/solutions/notebooks/01-rectangle.ipynb",
                        "%1$s/solutions/src/main/java/org/nnlab/solutions/RectangleSolution.java",
                        "%1$s/autograder/src/main/java/org/nnlab/grader/hidden/RectangleHidden.java",
                        "%1$s/autograder/target/classes/org/nnlab/grader/hidden/RectangleHidden.class",
                        "%1$s/solutions/target/classes/org/nnlab/solutions/RectangleSolution.class"}) {
                    checked++;
                    if (new java.io.File(path).exists()) {
                        found.add("the file " + path);
                    }
                }
                System.out.println("probe: checked " + checked + " places, found " + found.size());
                if (!found.isEmpty()) {
                    throw new IllegalStateException("FOUND " + found);
                }
            %2$s}
            """;

    @Test
    @DisplayName("the submission's code finds no hidden test and no reference solution: not by Class.forName, getResource, the class path's jars or the files")
    void hiddenTestsAndSolutionsAreNotReadable() throws IOException {
        // the probe first checks that it can find them where they are outside the sandbox: it is not blind
        assertTrue(Files.exists(ROOT.resolve("autograder/src/main/java/org/nnlab/grader/hidden/RectangleHidden.java")));
        assertTrue(System.getProperty("java.class.path").contains("autograder"), "the grader's own class path has the hidden tests");
        Result r = grade(notebookWith("probe", Map.of("1.1", PROBE.formatted(ROOT, HostileSubmissionsTest.TO_VECTOR))), "01-rectangle");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("probe: checked (\\d+) places, found (\\d+)").matcher(r.output());
        assertTrue(m.find(), "the probe ran: " + r.output() + Reports.table(r));
        assertTrue(Integer.parseInt(m.group(1)) > 20, m.group());
        assertEquals("0", m.group(2), r.output() + Reports.table(r));
        assertEquals(testsOf(r, "1.1"), r.tests().stream().filter(o -> o.test().exercise().equals("1.1") && o.status() == Result.Status.PASSED)
                .map(o -> o.test().key()).collect(Collectors.toCollection(TreeSet::new)), Reports.table(r));
        assertEquals(r.maxScore(), r.score(), "hidden tests and isolation still work: " + Reports.table(r));

        // the control: without a sandbox the files are there to read, and the probe says so
        Sandbox open = new Sandbox(new Sandbox.Options(512, 2, 120, 1 << 20, "none"));
        Result c = open.grade("control", notebookWith("probe", Map.of("1.1", PROBE.formatted(ROOT, HostileSubmissionsTest.TO_VECTOR))), sets("01-rectangle"),
                Files.createTempDirectory(tmp, "scratch"));
        String found = outcome(c, "1.1").message();
        assertTrue(found.contains("FOUND [the file " + ROOT), "the probe finds the files when nothing hides them: " + Reports.table(c));
        assertTrue(!found.contains("Class.forName") && !found.contains("getResource") && !found.contains(" in the jar ") && !found.contains(" in the folder "),
                "class path and loaders stay clean even without a sandbox: " + found);
    }

    @Test
    @DisplayName("a deleted, a duplicated and a renamed exercise cell, and a file that is not JSON, get messages; the rest is graded")
    void malformedNotebooks() throws IOException {
        Map<String, String> deleted = new java.util.HashMap<>();
        deleted.put("1.3", null);
        Path p = notebookWith("malformed", deleted);
        String text = Files.readString(p).replace("\"exercise\":\"1.7\"", "\"exercise\":\"1.77\"");
        assertTrue(text.contains("\"exercise\":\"1.77\""), "the fixture renames exercise 1.7");
        Files.writeString(p, text);
        Result r = grade(p, "01-rectangle");
        assertTrue(outcome(r, "1.3").message().contains("has no cell for it"), Reports.table(r));
        assertTrue(outcome(r, "1.7").message().contains("has no cell for it"), Reports.table(r));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("\"1.77\"")), r.notes().toString());
        // layer (1.4) calls the missing neuron (1.3), but is graded with the reference's neuron
        assertEquals(testsOf(r, "1.3", "1.7"), failing(r), Reports.table(r));

        Path notJson = tmp.resolve("notjson.ipynb");
        Files.writeString(notJson, "this is not { json");
        Result n = grade(notJson, "01-rectangle");
        assertEquals(0, n.score());
        assertTrue(n.tests().stream().allMatch(o -> o.message().contains("is not a notebook: not valid JSON")), Reports.table(n));
    }

    @Test
    @DisplayName("results.json has Gradescope's keys and types")
    void resultsJsonFollowsGradescope() throws IOException {
        Result r = grade(notebookWith("sigmoid-ok", Map.of()), "01-rectangle");
        Map<?, ?> json = Reports.JSON.readValue(Reports.json(Reports.resultsJson(r)), Map.class);
        assertInstanceOf(Number.class, json.get("score"));
        assertInstanceOf(Number.class, json.get("execution_time"));
        assertInstanceOf(String.class, json.get("output"));
        for (Object t : (List<?>) json.get("tests")) {
            Map<?, ?> test = (Map<?, ?>) t;
            assertInstanceOf(String.class, test.get("name"));
            assertInstanceOf(Number.class, test.get("score"));
            assertInstanceOf(Number.class, test.get("max_score"));
            assertInstanceOf(String.class, test.get("output"));
            assertTrue(Set.of("passed", "failed").contains(test.get("status")), String.valueOf(test));
            assertTrue(Set.of("visible", "hidden", "after_due_date", "after_published").contains(test.get("visibility")), String.valueOf(test));
        }
    }

    @Test
    @DisplayName("a folder of 5 submissions gives a gradebook and a feedback file each; a re-run skips them all")
    void batchGradebookAndResume() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("class"));
        Files.copy(SOLUTION_01, folder.resolve("alice.ipynb"));
        Files.copy(ROOT.resolve("notebooks/01-rectangle.ipynb"), folder.resolve("bob.ipynb"));
        Files.writeString(folder.resolve("carol.ipynb"), "not json");
        Files.copy(notebookWith("dave", Map.of("1.2", "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(z));\n}\n")),
                folder.resolve("dave.ipynb"));
        Path erin = Files.createDirectories(folder.resolve("erin"));
        Files.copy(ROOT.resolve("exercises/src/main/java/org/nnlab/exercises/starter/RectangleStarter.java"), erin.resolve("RectangleStarter.java"));
        Path out = tmp.resolve("class-grades");
        String[] args = {folder.toString(), "--out", out.toString(), "--jobs", "2", "--test-timeout", "2", "--notebook", "01"};
        assertEquals(0, GradeMain.run(args));
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(6, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("student,ex1.1,ex1.2,") && csv.get(0).endsWith(",total,max,seconds,status,sandbox,notes"), csv.get(0));
        assertTrue(csv.get(1).startsWith("alice,2,4,3,4,1,2,2,2,20,20,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("bob,0,") && csv.get(3).startsWith("carol,0,") && csv.get(5).startsWith("erin,0,"), String.join("\n", csv));
        assertTrue(Files.readString(out.resolve("carol/feedback.md")).contains("not a notebook"));
        String before = Files.readString(out.resolve("alice/grade.json"));
        long start = System.nanoTime();
        assertEquals(0, GradeMain.run(args));
        assertTrue((System.nanoTime() - start) / 1e9 < 3, "a re-run grades nothing");
        assertEquals(before, Files.readString(out.resolve("alice/grade.json")));
        try (var s = Files.list(out.resolve("alice"))) {
            assertTrue(s.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }
}
