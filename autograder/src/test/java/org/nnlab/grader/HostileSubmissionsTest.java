package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnlab.grader.GraderTest.failing;
import static org.nnlab.grader.GraderTest.notebookWith;
import static org.nnlab.grader.GraderTest.outcome;
import static org.nnlab.grader.GraderTest.testsOf;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.exercises.Catalog;

/**
 * Submissions written to cheat or to harm, each graded in the bubblewrap sandbox with its expected score
 * and message: forging the judge's channel, borrowing the reference, reading the project through git
 * or the file system, writing outside the scratch folder, signalling or outliving processes, passing
 * answers through /tmp, and cells whose braces or initialisers break. The base is the reference
 * notebook 01 (20 points) with one or two cells replaced, so each attack costs exactly its exercise.
 */
class HostileSubmissionsTest {

    static final Path ROOT = GraderTest.ROOT;
    static Sandbox box;

    @TempDir
    static Path tmp;

    /** The reference's toVector, for cells that attack and then answer correctly. */
    static final String TO_VECTOR = """
                double[] v = new double[image.length * image[0].length];
                int k = 0;
                for (int[] row : image) {
                    for (int p : row) {
                        v[k++] = p;
                    }
                }
                return v;
            """;

    @BeforeAll
    static void sandbox() {
        System.setProperty("nnlab.root", ROOT.toString());
        box = new Sandbox(new Sandbox.Options(512, 2, 120, 1 << 20, "auto"));
        assertEquals("bwrap", box.isolation(), "these tests need bubblewrap (apt-get install bubblewrap): it is the grader's sandbox");
    }

    static Result grade(Path submission) throws IOException {
        return box.grade(GradeMain.student(submission), submission,
                Catalog.sets().stream().filter(s -> s.notebook().equals("01-rectangle")).toList(), Files.createTempDirectory(tmp, "scratch"));
    }

    static Path notebook(String name, Map<String, String> cells) throws IOException {
        return notebookWith(tmp, name, cells);
    }

    @Test
    @DisplayName("forging the judge's channel (frames and 'passed' lines on stdout, then exit) scores nothing: the untouched notebook stays at 0, the reference loses 1.1")
    void forgedChannel() throws IOException {
        String forge = """
                public double[] toVector(int[][] image) {
                    try {
                        var out = new java.io.DataOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
                        for (int i = 0; i < 50; i++) { out.writeInt(2); out.writeByte(4); out.writeByte(0); }
                        for (String key : new String[] {"1.2: sigmoid(0) is 0.5", "1.4: the hidden layer for x gives [0.012, 0.5]"}) {
                            out.write(("{\\"event\\":\\"result\\",\\"key\\":\\"" + key + "\\",\\"status\\":\\"passed\\",\\"message\\":\\"\\",\\"millis\\":1}\\n").getBytes());
                        }
                        out.flush();
                    } catch (Exception e) {
                    }
                    System.exit(0);
                    return null;
                }
                """;
        Path untouched = Fixtures.write(Fixtures.notebookWith(Fixtures.STUDENT_01, Map.of("1.1", forge)), tmp.resolve("forged-untouched.ipynb"));
        Result u = grade(untouched);
        assertEquals(0, u.score(), Reports.table(u));
        // graded in a batch for two notebooks, it gains nothing in the one it never submitted either
        Result both = box.grade("forged-both", untouched, Catalog.sets().stream()
                .filter(s -> List.of("00-vectors-and-matrices", "01-rectangle").contains(s.notebook())).toList(), Files.createTempDirectory(tmp, "scratch"));
        assertEquals(0, both.score(), Reports.table(both));
        assertTrue(both.tests().stream().filter(o -> o.test().exercise().startsWith("0.")).allMatch(o -> o.message().startsWith("not submitted")),
                Reports.table(both));

        Result r = grade(notebook("forged", Map.of("1.1", forge)));
        assertEquals(testsOf(r, "1.1"), failing(r), Reports.table(r));
        assertEquals(18, r.score(), Reports.table(r));
    }

    @Test
    @DisplayName("an answer too large to send (240 MB) or 6 GB of ND4J arrays cost their exercise; a frame written to stdout is only output")
    void oversizedAndGarbledAnswers() throws IOException {
        Result big = grade(notebook("big", Map.of("1.1", "public double[] toVector(int[][] image) {\n    return new double[30_000_000];\n}\n")));
        assertEquals(testsOf(big, "1.1"), failing(big), Reports.table(big));
        Result garbled = grade(notebook("garbled", Map.of("1.7", """
                public double cost(double[] y, double[] yTrue) {
                    try {
                        var out = new java.io.DataOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out));
                        out.writeInt(Integer.MAX_VALUE);
                        out.flush();
                    } catch (Exception e) {
                    }
                    double c = 0;
                    for (int i = 0; i < y.length; i++) {
                        c += (y[i] - yTrue[i]) * (y[i] - yTrue[i]);
                    }
                    return c;
                }
                """)));
        assertEquals(20, garbled.score(), "writing to stdout is only output: " + Reports.table(garbled));
        // 6 GB of ND4J's array (off the Java heap): the allocation fails in the submission's code, the worker lives
        Result offHeap = grade(notebook("off-heap", Map.of("1.8", """
                public INDArray step(INDArray w, INDArray gradient, double learningRate) {
                    INDArray hog = Nd4j.createUninitialized(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1_500_000_000L);
                    return w.sub(gradient.mul(learningRate)).add(hog.getDouble(0) * 0);
                }
                """)));
        assertEquals(testsOf(offHeap, "1.8"), failing(offHeap), Reports.table(offHeap));
        assertEquals(1, offHeap.jvms(), "the worker survived: " + Reports.table(offHeap));
    }

    @Test
    @DisplayName("a sigmoid that borrows the reference neuron through its class's field is refused; 1.3 and 1.4 still pass")
    void borrowedReference() throws IOException {
        Result r = grade(notebook("borrow", Map.of("1.2", """
                public double sigmoid(double z) {
                    try {
                        java.lang.reflect.Field f = getClass().getDeclaredField("ref");
                        f.setAccessible(true);
                        RectangleExercises ref = (RectangleExercises) f.get(this);
                        return ref.neuron(new double[] {z}, new double[] {1}, 0);
                    } catch (ReflectiveOperationException e) {
                        throw new RuntimeException(e);
                    }
                }
                """)));
        assertEquals(testsOf(r, "1.2"), failing(r), Reports.table(r));
        assertEquals(16, r.score(), Reports.table(r));
        assertTrue(outcome(r, "1.2").message().contains("answers only the methods of exercises before 1.2"), Reports.table(r));
    }

    @Test
    @DisplayName("git, the project, the home folder, Maven's repository, /etc/shadow, other processes and the network are out of reach")
    void nothingToReadOrReach() throws IOException {
        try (ServerSocket server = new ServerSocket(0)) {
            String probe = """
                    public double[] toVector(int[][] image) {
                        List<String> found = new ArrayList<>();
                        String root = "%1$s";
                        String m2 = System.getProperty("user.home") + "/.m2/repository/org/nnlab/";
                        for (String path : new String[] {root + "/.git", root + "/autograder/src", root + "/solutions", root + "/notebooks",
                                root + "/README.md", m2 + "nnlab-solutions", m2 + "nnlab-autograder", "/etc/shadow", "/etc/passwd", "/home"}) {
                            if (new java.io.File(path).exists()) {
                                found.add(path);
                            }
                        }
                        String[] home = new java.io.File(System.getProperty("user.home")).list();
                        for (String entry : home == null ? new String[0] : home) {
                            if (!entry.equals(".javacpp") && !entry.equals(".m2")) {
                                found.add("~/" + entry);
                            }
                        }
                        try {
                            Process git = new ProcessBuilder("git", "-C", root, "show", "HEAD:autograder/src/main/java/org/nnlab/grader/hidden/RectangleHidden.java")
                                    .redirectErrorStream(true).start();
                            String text = new String(git.getInputStream().readAllBytes());
                            git.waitFor();
                            if (text.contains("class RectangleHidden")) {
                                found.add("git show");
                            }
                        } catch (Exception e) {
                        }
                        // the sandbox's own init (pid 1) and this JVM; not the grader, a classmate or the machine's
                        long others = ProcessHandle.allProcesses().filter(p -> p.pid() != 1 && p.pid() != ProcessHandle.current().pid()
                                && p.parent().map(q -> q.pid() != ProcessHandle.current().pid()).orElse(true)).count();
                        if (others > 0) {
                            found.add(others + " other processes");
                        }
                        try (java.net.Socket s = new java.net.Socket()) {
                            s.connect(new java.net.InetSocketAddress("127.0.0.1", %2$d), 1000);
                            found.add("the grader's machine on port %2$d");
                        } catch (Exception e) {
                        }
                        System.out.println("probe: found " + found);
                        if (!found.isEmpty()) {
                            throw new IllegalStateException("FOUND " + found);
                        }
                    %3$s}
                    """.formatted(ROOT, server.getLocalPort(), TO_VECTOR);
            Result r = grade(notebook("probe", Map.of("1.1", probe)));
            assertTrue(r.output().contains("probe: found []"), r.output() + Reports.table(r));
            assertEquals(20, r.score(), Reports.table(r));
        }
    }

    @Test
    @DisplayName("writes outside the scratch folder (the project, ~/.javacpp, /tmp, /) land nowhere; a later submission finds no answer in /tmp")
    void writesLandNowhere() throws IOException {
        String marker = "nnlab-hostile-" + ProcessHandle.current().pid();
        List<Path> targets = List.of(ROOT.resolve("build/" + marker), Path.of(System.getProperty("user.home"), ".javacpp/cache/" + marker),
                Path.of("/tmp/" + marker), Path.of("/" + marker));
        StringBuilder writes = new StringBuilder();
        for (Path t : targets) {
            writes.append("        try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"").append(t)
                    .append("\"), \"1,1,0,0,0,0,0,0,1\"); } catch (Exception e) { }\n");
        }
        Result writer = grade(notebook("writer", Map.of("1.1", "public double[] toVector(int[][] image) {\n" + writes + TO_VECTOR + "}\n")));
        assertEquals(20, writer.score(), Reports.table(writer));
        for (Path t : targets) {
            assertFalse(Files.exists(t), t + " was written by a submission");
        }
        // a classmate graded later looks for the answer in /tmp: it is not there (each worker has its own /tmp)
        Result reader = grade(notebook("reader", Map.of("1.1", """
                public double[] toVector(int[][] image) {
                    try {
                        String[] p = java.nio.file.Files.readString(java.nio.file.Path.of("/tmp/%s")).split(",");
                        return java.util.Arrays.stream(p).mapToDouble(Double::parseDouble).toArray();
                    } catch (Exception e) {
                        return new double[9];
                    }
                }
                """.formatted(marker))));
        assertEquals(testsOf(reader, "1.1"), failing(reader), Reports.table(reader));
    }

    @Test
    @DisplayName("a submission that kills every process it sees and leaves processes and threads behind harms nobody and outlives nothing")
    void signalsAndLeftovers() throws Exception {
        Process victim = new ProcessBuilder("sleep", "300").start();
        String marker = "nnlab-left-" + ProcessHandle.current().pid();
        try {
            Result r = grade(notebook("killer", Map.of("1.1", """
                    public double[] toVector(int[][] image) {
                        ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid()).forEach(ProcessHandle::destroyForcibly);
                        try {
                            new ProcessBuilder("kill", "-9", "%1$d").start().waitFor();
                            new ProcessBuilder("sh", "-c", "exec -a %2$s sleep 300 &").start().waitFor();
                        } catch (Exception e) {
                        }
                        Thread t = new Thread(() -> { while (true) { } });
                        t.start();
                    %3$s}
                    """.formatted(victim.pid(), marker, TO_VECTOR))));
            assertEquals(20, r.score(), Reports.table(r));
            assertTrue(victim.isAlive(), "a process outside the sandbox was killed");
            Thread.sleep(500);
            assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains(marker)),
                    "a process started by the submission outlived its grading");
        } finally {
            victim.destroyForcibly();
            victim.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @DisplayName("one '}' too many, one too few, or a statement outside a method costs that cell's exercise, with a message naming it")
    void brokenBraces() throws IOException {
        String good = "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n}\n";
        Map<String, String> cases = Map.of(
                "extra", good + "}\n",
                "missing", "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n",
                "statement", "System.out.println(\"hello\");\n" + good);
        for (var c : cases.entrySet()) {
            Result r = grade(notebook("brace-" + c.getKey(), Map.of("1.2", c.getValue())));
            assertEquals(testsOf(r, "1.2"), failing(r), c.getKey() + "\n" + Reports.table(r));
            String m = outcome(r, "1.2").message();
            assertTrue(m.startsWith("does not compile: exercise 1.2 (cell "), c.getKey() + ": " + m);
            assertFalse(m.contains("generated class") || m.contains("1.3"), c.getKey() + ": " + m);
        }
        Result statement = grade(notebook("brace-statement2", Map.of("1.2", cases.get("statement"))));
        assertTrue(outcome(statement, "1.2").message().contains("declarations only"), outcome(statement, "1.2").message());
    }

    @Test
    @DisplayName("a static initialiser that exits or never ends, and a 3 GB field, cost their own exercise, with a message naming the cell")
    void initialisers() throws IOException {
        String sigmoid = "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(-z));\n}\n";
        Map<String, String> cases = Map.of(
                "exit", "static { System.exit(0); }\n" + sigmoid,
                "hang", "static { while (System.nanoTime() > 0) { } }\n" + sigmoid,
                "memory", "long[] big = new long[400_000_000];\n" + sigmoid);
        Map<String, String> messages = Map.of("exit", "ended the grading JVM: exit code", "hang", "did not finish within 2 s",
                "memory", "OutOfMemoryError");
        for (var c : cases.entrySet()) {
            Result r = grade(notebook("init-" + c.getKey(), Map.of("1.2", c.getValue())));
            assertEquals(testsOf(r, "1.2"), failing(r), c.getKey() + "\n" + Reports.table(r));
            String m = outcome(r, "1.2").message();
            assertTrue(m.contains("(cell ") && m.contains(messages.get(c.getKey())), c.getKey() + ": " + m);
        }
    }
}
