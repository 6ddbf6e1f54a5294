package org.nnlab.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExerciseSetTest {

    private static ExerciseCheck<Object> check(String exercise, int points) {
        return ExerciseCheck.of(exercise, points, "check of " + exercise, e -> { });
    }

    @Test
    @DisplayName("a set made of groups holds their checks one group after the other, in notebook order")
    void groupsInOrder() {
        ExerciseSet<Object> set = ExerciseSet.of("01-x", Object.class,
                List.of(check("1.1", 1), check("1.1", 2), check("1.2", 1)), List.of(check("1.3", 3)), List.of());
        assertEquals(List.of("1.1", "1.1", "1.2", "1.3"), set.checks().stream().map(ExerciseCheck::exercise).toList());
        assertEquals(Map.of("1.1", 3, "1.2", 1, "1.3", 3), set.pointsByExercise());
        assertEquals(List.of("1.1", "1.2", "1.3"), set.exercises());
        assertEquals(2, set.checks("1.1").size());
    }

    @Test
    @DisplayName("every notebook's set keeps its checks and points when its list is split into groups")
    void notebookSetsStayWhole() {
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8"), RectangleChecks.set().exercises());
        assertEquals(List.of("3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8"), NeuronsChecks.set().exercises());
    }
}
