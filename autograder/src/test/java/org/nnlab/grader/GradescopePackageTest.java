package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope package: built from this JVM's class path, unpacked into a folder laid out like
 * Gradescope's /autograder (source/, submission/, results/; NNLAB_AUTOGRADER_ROOT points there), and
 * its run_autograder run on a reference notebook, an untouched one, a broken file and no submission.
 */
class GradescopePackageTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    static Path tmp;
    static Path zip;
    static Path autograder;

    @BeforeAll
    static void buildAndUnpack() throws IOException {
        zip = tmp.resolve("gradescope-01.zip");
        List<String> cp = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertEquals(0, GradescopePackage.build(zip, List.of("01"), ROOT, cp));
        System.out.printf("gradescope package: %.1f MB%n", Files.size(zip) / 1e6);
        autograder = Files.createDirectories(tmp.resolve("autograder"));
        Path source = Files.createDirectories(autograder.resolve("source"));
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("enablePosixFileAttributes", "true"));
             Stream<Path> files = Files.walk(fs.getPath("/"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = source.resolve(f.toString().substring(1));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(f));   // as unzip does
            }
        }
        // Gradescope copies run_autograder to /autograder and runs it from there
        Files.copy(source.resolve("run_autograder"), autograder.resolve("run_autograder"));
        Files.setPosixFilePermissions(autograder.resolve("run_autograder"), Files.getPosixFilePermissions(source.resolve("run_autograder")));
    }

    /** Puts {@code files} (name -> content, null: no submission folder) into submission/, runs run_autograder, returns results.json. */
    static Map<?, ?> runAutograder(Map<String, byte[]> files) throws Exception {
        Path submission = autograder.resolve("submission");
        GradeMain.deleteTree(submission);
        GradeMain.deleteTree(autograder.resolve("results"));
        if (files != null) {
            Files.createDirectories(submission);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(submission.resolve(f.getKey()), f.getValue());
            }
        }
        ProcessBuilder pb = new ProcessBuilder(autograder.resolve("run_autograder").toString()).directory(autograder.toFile())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("stdout.txt").toFile());
        pb.environment().put(GradescopePackage.ROOT_VARIABLE, autograder.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "run_autograder finished");
        String stdout = Files.readString(tmp.resolve("stdout.txt"));
        assertEquals(0, p.exitValue(), stdout);
        Path results = autograder.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), "results.json written; stdout:\n" + stdout);
        Map<?, ?> json = Reports.JSON.readValue(Files.readString(results, StandardCharsets.UTF_8), Map.class);
        validate(json);
        return json;
    }

    /** Gradescope's results.json: the top level's and every test's fields, with their types and allowed values. */
    static void validate(Map<?, ?> json) {
        assertInstanceOf(Number.class, json.get("score"), json.toString());
        assertInstanceOf(String.class, json.get("output"));
        assertTrue(Set.of("visible", "hidden", "after_due_date", "after_published").contains(json.get("visibility")), json.toString());
        assertTrue(Set.of("visible", "hidden", "after_due_date", "after_published").contains(json.get("stdout_visibility")), json.toString());
        double sum = 0;
        for (Object t : (List<?>) json.get("tests")) {
            Map<?, ?> test = (Map<?, ?>) t;
            assertInstanceOf(String.class, test.get("name"), test.toString());
            assertInstanceOf(Number.class, test.get("score"), test.toString());
            assertInstanceOf(Number.class, test.get("max_score"), test.toString());
            assertInstanceOf(String.class, test.get("output"), test.toString());
            assertTrue(Set.of("passed", "failed").contains(test.get("status")), test.toString());
            assertTrue(Set.of("visible", "hidden", "after_due_date", "after_published").contains(test.get("visibility")), test.toString());
            double score = ((Number) test.get("score")).doubleValue();
            assertTrue(score >= 0 && score <= ((Number) test.get("max_score")).doubleValue(), test.toString());
            assertEquals(score > 0, test.get("status").equals("passed"), test.toString());
            sum += score;
        }
        assertEquals(sum, ((Number) json.get("score")).doubleValue(), 1e-9, "the total is the sum of the tests");
    }

    static double maxScore(Map<?, ?> json) {
        return ((List<?>) json.get("tests")).stream().mapToDouble(t -> ((Number) ((Map<?, ?>) t).get("max_score")).doubleValue()).sum();
    }

    @Test
    @DisplayName("the zip has setup.sh and run_autograder at its root, executable, and the grader's jars")
    void layout() throws IOException {
        Path source = autograder.resolve("source");
        for (String script : List.of("setup.sh", "run_autograder")) {
            assertTrue(Files.getPosixFilePermissions(source.resolve(script)).contains(PosixFilePermission.OWNER_EXECUTE), script + " is executable");
            assertTrue(Files.readString(source.resolve(script)).startsWith("#!/usr/bin/env bash\n"), script);
        }
        String setup = Files.readString(source.resolve("setup.sh"));
        assertTrue(setup.contains("apt-get install -y -qq openjdk-17-jdk-headless"), setup);
        for (String jar : Files.readString(source.resolve("classpath.txt")).strip().split(":")) {
            assertTrue(Files.isRegularFile(source.resolve("lib").resolve(jar)), jar);
        }
        assertTrue(Files.readString(source.resolve("classpath.txt")).contains("nnlab-autograder-classes.jar"));
        assertTrue(Files.isRegularFile(source.resolve("warmup/01-rectangle.ipynb")));
        assertTrue(Files.readString(source.resolve("run_autograder")).contains("--notebook 01-rectangle"));
    }

    @Test
    @DisplayName("run_autograder: the reference notebook scores full marks, the untouched one 0, a broken file and no submission get messages")
    void runAutograder() throws Exception {
        Map<?, ?> full = runAutograder(Map.of("01-rectangle.ipynb", Files.readAllBytes(ROOT.resolve("solutions/notebooks/01-rectangle.ipynb"))));
        assertEquals(maxScore(full), ((Number) full.get("score")).doubleValue(), full.toString());
        assertTrue(maxScore(full) >= 20, full.toString());
        assertTrue(((List<?>) full.get("tests")).stream().anyMatch(t -> !"visible".equals(((Map<?, ?>) t).get("visibility"))), "hidden tests ran");
        assertTrue(Files.isRegularFile(autograder.resolve("results/feedback.html")));

        Map<?, ?> zero = runAutograder(Map.of("my-work.ipynb", Files.readAllBytes(ROOT.resolve("notebooks/01-rectangle.ipynb"))));
        assertEquals(0.0, ((Number) zero.get("score")).doubleValue());
        assertEquals(maxScore(full), maxScore(zero), "the same tests");
        for (Object t : (List<?>) zero.get("tests")) {
            assertTrue(String.valueOf(((Map<?, ?>) t).get("output")).contains("not implemented yet"), t.toString());
        }

        Map<?, ?> broken = runAutograder(Map.of("01-rectangle.ipynb", "{ this is not a notebook".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0.0, ((Number) broken.get("score")).doubleValue());
        assertEquals(maxScore(full), maxScore(broken), "every test is reported");
        assertTrue(String.valueOf(broken.get("output")).contains("01-rectangle.ipynb is not a notebook"), broken.toString());

        Map<?, ?> none = runAutograder(null);
        assertEquals(0.0, ((Number) none.get("score")).doubleValue());
        assertTrue(String.valueOf(none.get("output")).contains("could not grade"), none.toString());
    }
}
