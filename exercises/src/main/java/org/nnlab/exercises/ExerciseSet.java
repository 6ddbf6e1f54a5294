package org.nnlab.exercises;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The exercises of one notebook: the contract a submission implements and the visible checks of
 * every exercise, in notebook order.
 *
 * @param notebook the notebook's file name without extension, e.g. {@code "01-rectangle"}
 * @param contract the interface a submission implements, e.g. {@link RectangleExercises}
 * @param checks   the visible checks, grouped by exercise in notebook order
 */
public record ExerciseSet<C>(String notebook, Class<C> contract, List<ExerciseCheck<C>> checks) {

    public ExerciseSet {
        Objects.requireNonNull(notebook, "notebook");
        Objects.requireNonNull(contract, "contract");
        checks = List.copyOf(checks);
    }

    /**
     * A set whose checks are the given lists one after the other, e.g. one list per group of exercises.
     */
    @SafeVarargs
    public static <C> ExerciseSet<C> of(String notebook, Class<C> contract, List<ExerciseCheck<C>>... groups) {
        List<ExerciseCheck<C>> checks = new ArrayList<>();
        for (List<ExerciseCheck<C>> group : groups) {
            checks.addAll(group);
        }
        return new ExerciseSet<>(notebook, contract, checks);
    }

    /** The exercise ids in notebook order, e.g. {@code ["1.1", "1.2"]}. */
    public List<String> exercises() {
        return new ArrayList<>(pointsByExercise().keySet());
    }

    /** Each exercise's points: the sum of its checks' points, in notebook order. */
    public Map<String, Integer> pointsByExercise() {
        Map<String, Integer> points = new LinkedHashMap<>();
        for (ExerciseCheck<C> c : checks) {
            points.merge(c.exercise(), c.points(), Integer::sum);
        }
        return points;
    }

    /** The checks of one exercise (empty when the id is not one of this notebook's). */
    public List<ExerciseCheck<C>> checks(String exercise) {
        return checks.stream().filter(c -> c.exercise().equals(exercise)).toList();
    }

    /** Whether {@code exercise} belongs to this notebook. */
    public boolean has(String exercise) {
        return checks.stream().anyMatch(c -> c.exercise().equals(exercise));
    }
}
