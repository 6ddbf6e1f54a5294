package org.nnlab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DisplayableTest {

    @Test
    @DisplayName("figures are display-neutral: org.nnlab.plot uses nothing of org.nnlab.notebook (which shows them)")
    void plotDoesNotDependOnNotebook() throws IOException {
        Path plot = Path.of("src/main/java/org/nnlab/plot");
        assertTrue(Files.isDirectory(plot), "run from the lib module: " + plot.toAbsolutePath());
        try (Stream<Path> files = Files.list(plot)) {
            List<String> offenders = files.filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(l -> !l.trim().startsWith("*")
                            && !l.trim().startsWith("//") && l.contains("org.nnlab.notebook"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void aBundleAlwaysHasPlainText() {
        Displayable d = () -> java.util.Map.of("text/plain", "x");
        assertEquals("x", d.mimeBundle().get("text/plain"));
        assertTrue(Chart.of("t", "x", "y", List.of()).mimeBundle().containsKey("text/plain"));
    }
}
