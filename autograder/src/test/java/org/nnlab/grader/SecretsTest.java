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
    @DisplayName("the bytes go through a stream, a private loader defines them and finds the hidden tests; a bad stream is an error")
    void loader() throws Exception {
        Secrets.Split s = Secrets.split(classPath(), tmp);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Secrets.write(s.classes(), out);
        Map<String, byte[]> back = Secrets.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(s.classes().keySet(), back.keySet());
        back.forEach((k, v) -> assertArrayEquals(s.classes().get(k), v, k));
        Secrets.Loader l = new Secrets.Loader(back, getClass().getClassLoader());
        Class<?> hidden = l.hiddenTests().stream().filter(c -> c.getSimpleName().equals("RectangleHidden")).findFirst().orElseThrow();
        assertEquals(l, hidden.getClassLoader(), "defined by the private loader, not the class path's");
        assertTrue(l.hiddenTests().stream().allMatch(c -> c.getClassLoader() == l && c.getPackageName().equals("org.nnlab.grader.hidden")
                && !c.getName().contains("$")), l.hiddenTests().toString());
        assertEquals(Plan.hiddenClasses().stream().map(Class::getName).toList(), l.hiddenTests().stream().map(Class::getName).toList(),
                "the grading JVM's hidden tests are the parent's, in the same order");
        assertTrue(Secrets.read(new ByteArrayInputStream(new byte[0])).isEmpty(), "an empty stdin is no classes");
        IOException bad = assertThrows(IOException.class, () -> Secrets.read(new ByteArrayInputStream(new byte[] {-1, -1, -1, -1})));
        assertTrue(bad.getMessage().contains("expected a class count") && bad.getMessage().contains("got -1"), bad.getMessage());
    }
}
