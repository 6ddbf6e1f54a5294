package org.nnlab.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Submissions made for tests from the project's notebooks: the reference (solutions/notebooks) and the student copy (notebooks). */
final class Fixtures {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();   // Maven runs the tests in autograder/
    static final Path SOLUTION_01 = ROOT.resolve("solutions/notebooks/01-rectangle.ipynb");
    static final Path STUDENT_01 = ROOT.resolve("notebooks/01-rectangle.ipynb");

    private Fixtures() {
    }

    /** The notebook at {@code from} with exercise cells replaced ({"1.2": "code"}; null deletes the cell). */
    static ObjectNode notebookWith(Path from, Map<String, String> cells) throws IOException {
        ObjectNode nb = (ObjectNode) Reports.JSON.readTree(from.toFile());
        ArrayNode kept = nb.arrayNode();
        for (JsonNode c : nb.path("cells")) {
            JsonNode id = c.path("metadata").path("nnlab").path("exercise");
            if (id.isTextual() && cells.containsKey(id.asText())) {
                if (cells.get(id.asText()) == null) {
                    continue;
                }
                ((ObjectNode) c).put("source", cells.get(id.asText()));
            }
            kept.add(c);
        }
        nb.set("cells", kept);
        return nb;
    }

    /** Writes {@code notebook} to {@code file} (compact JSON), returns the file. */
    static Path write(JsonNode notebook, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Reports.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(notebook));
        return file;
    }

    /** Copies {@code from} to {@code to} and sets its modification time to {@code epochSeconds}. */
    static Path copy(Path from, Path to, long epochSeconds) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to);
        Files.setLastModifiedTime(to, FileTime.fromMillis(epochSeconds * 1000));
        return to;
    }

    /** A zip at {@code zip} holding {@code file} under the name {@code entry}, deflated. */
    static Path zip(Path file, String entry, Path zip) throws IOException {
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            ZipEntry e = new ZipEntry(entry);
            e.setLastModifiedTime(Files.getLastModifiedTime(file));
            z.putNextEntry(e);
            Files.copy(file, z);
            z.closeEntry();
        }
        return zip;
    }
}
