package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;

/**
 * The notebooks agree with the exercise catalog: each exercise has one cell, marked with its id and
 * its points (the sum of its checks' points), followed by its self-check cell; the notebook names its
 * contract. Checked on the solution notebooks and on the generated student notebooks.
 */
class NotebookExercisesTest {

    // Maven runs the tests in the module's folder, solutions/
    static final List<Path> FOLDERS = List.of(Path.of("notebooks"), Path.of("../notebooks"));

    static JsonNode read(Path path) throws IOException {
        assertTrue(Files.exists(path), path + " is missing");
        return new ObjectMapper().readTree(path.toFile());
    }

    static String source(JsonNode cell) {
        JsonNode src = cell.get("source");
        if (src.isTextual()) {
            return src.asText();
        }
        StringBuilder b = new StringBuilder();
        src.forEach(line -> b.append(line.asText()));
        return b.toString();
    }

    @Test
    @DisplayName("every exercise has a cell with its id and points, then a self-check cell that checks it")
    void exerciseCellsMatchTheCatalog() throws IOException {
        for (ExerciseSet<?> set : Catalog.sets()) {
            for (Path folder : FOLDERS) {
                Path path = folder.resolve(set.notebook() + ".ipynb");
                JsonNode nb = read(path);
                assertEquals(set.contract().getSimpleName(), nb.at("/metadata/nnlab/contract").asText(), path + ": contract");
                Map<String, Integer> points = new LinkedHashMap<>();
                List<String> selfChecks = new ArrayList<>();
                JsonNode cells = nb.get("cells");
                for (int i = 0; i < cells.size(); i++) {
                    JsonNode meta = cells.get(i).at("/metadata/nnlab");
                    if (meta.has("exercise")) {
                        String id = meta.get("exercise").asText();
                        points.put(id, meta.get("points").asInt());
                        JsonNode next = cells.get(i + 1);
                        assertEquals(id, next.at("/metadata/nnlab/self_check").asText(),
                                path + ": the cell after exercise " + id + " must be its self-check");
                        assertTrue(source(next).contains("Check.exercise(\"" + id + "\", "), path + ": self-check of " + id);
                    }
                    if (meta.has("self_check")) {
                        selfChecks.add(meta.get("self_check").asText());
                    }
                }
                assertEquals(set.pointsByExercise(), points, path + ": exercises and their points");
                assertEquals(set.exercises(), selfChecks, path + ": self-check cells");
            }
        }
    }

    @Test
    @DisplayName("solution notebooks are committed executed; student notebooks without outputs")
    void outputs() throws IOException {
        for (ExerciseSet<?> set : Catalog.sets()) {
            JsonNode solution = read(FOLDERS.get(0).resolve(set.notebook() + ".ipynb"));
            JsonNode student = read(FOLDERS.get(1).resolve(set.notebook() + ".ipynb"));
            int withOutputs = 0;
            for (JsonNode cell : solution.get("cells")) {
                withOutputs += cell.has("outputs") && cell.get("outputs").size() > 0 ? 1 : 0;
            }
            assertTrue(withOutputs > 0, set.notebook() + ": the solution notebook has no outputs; run it with --save-outputs");
            for (JsonNode cell : student.get("cells")) {
                assertTrue(!cell.has("outputs") || cell.get("outputs").isEmpty(), set.notebook() + ": student notebook with outputs");
            }
        }
    }
}
