package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separating the hidden tests and reference solutions from the grading JVMs' class path, and their private loader. */
class SecretsTest {

    @TempDir
    Path tmp;

    static List<String> classPath() {
        return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    @Test
    @DisplayName("split: the class path loses every hidden test and reference class; a mixed entry becomes a filtered jar, reused")
    void split() throws IOException {
        Secrets.Split s = Secrets.split(classPath(), tmp);
        assertTrue(s.classes().containsKey("org.nnlab.grader.hidden.RectangleHidden"), s.classes().keySet().toString());
        assertTrue(s.classes().containsKey("org.nnlab.solutions.RectangleSolution"), s.classes().keySet().toString());
        assertTrue(s.classes().keySet().stream().allMatch(n -> n.startsWith("org.nnlab.grader.hidden.") || n.startsWith("org.nnlab.solutions.")));
        assertFalse(s.hide().isEmpty());
        for (String entry : s.classPath()) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                assertFalse(Files.exists(p.resolve("org/nnlab/grader/hidden")) || Files.exists(p.resolve("org/nnlab/solutions")), entry);
            } else if (entry.endsWith(".jar") && Files.isRegularFile(p)) {
                try (ZipFile z = new ZipFile(p.toFile())) {
                    assertTrue(z.stream().noneMatch(e -> Secrets.secret(e.getName())), entry);
                }
            }
        }
        List<String> copies = s.classPath().stream().filter(e -> e.startsWith(tmp.toString())).toList();
        assertEquals(1, copies.size(), "the autograder's classes, filtered: " + copies);
        try (ZipFile z = new ZipFile(copies.get(0))) {
            assertTrue(z.getEntry("org/nnlab/grader/Worker.class") != null, "the public classes are kept");
        }
        assertEquals(s.classPath(), Secrets.split(classPath(), tmp).classPath(), "a second split reuses the copy (the class-data archive stays valid)");
    }

    @Test
    @DisplayName("the judge finds every hidden test class on its class path, top-level classes of the hidden package only")
    void hiddenTestsOnTheJudgesClassPath() {
        List<String> names = Secrets.hiddenTestsOnClassPath().stream().map(Class::getSimpleName).toList();
        assertTrue(names.containsAll(List.of("RectangleHidden", "NeuronsHidden", "MnistHidden", "SeeingHidden")), names.toString());
        assertTrue(Secrets.hiddenTestsOnClassPath().stream().allMatch(c -> c.getPackageName().equals("org.nnlab.grader.hidden")
                && !c.getName().contains("$")), names.toString());
    }
}
