package org.nnlab.exercises;

import java.util.Objects;

/**
 * One visible check of one exercise: a sentence saying what is checked, its points, and a body that
 * runs the student's implementation of the notebook's contract {@code C} and throws an
 * {@link AssertionError} whose message is written for the student (see {@link Expect}).
 *
 * <p>The same object serves the notebook's self-check ({@link Check#exercise(String, Object)}) and
 * the autograder, which turns each check into a JUnit test worth {@link #points()}.
 *
 * @param exercise the exercise id, {@code "N.k"} (notebook N, exercise k)
 * @param name     what is checked, as a sentence, e.g. {@code "sigmoid(0) is 0.5"}
 * @param points   what passing it is worth, >= 0
 * @param body     runs the check on an implementation
 */
public record ExerciseCheck<C>(String exercise, String name, int points, Body<C> body) {

    /** The code of a check: throws (an {@link AssertionError} for a wrong answer) when it fails. */
    @FunctionalInterface
    public interface Body<C> {
        void run(C implementation) throws Exception;
    }

    public ExerciseCheck {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (!exercise.matches("\\d+\\.\\d+")) {
            throw new IllegalArgumentException("ExerciseCheck: expected an exercise id like \"1.2\" but was \"" + exercise + "\"");
        }
        if (points < 0) {
            throw new IllegalArgumentException("ExerciseCheck " + exercise + " \"" + name + "\": points must be >= 0 but were " + points);
        }
    }

    /** A check of {@code exercise}. */
    public static <C> ExerciseCheck<C> of(String exercise, int points, String name, Body<C> body) {
        return new ExerciseCheck<>(exercise, name, points, body);
    }

    @Override
    public String toString() {
        return exercise + " " + name + " (" + points + (points == 1 ? " point)" : " points)");
    }
}
