package org.nnlab.exercises;

import java.util.Objects;
import org.nnlab.check.Args;

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
            throw Args.fail("ExerciseCheck", "an exercise id like \"1.2\"", "\"" + exercise + "\"",
                    "notebook number, a dot, the exercise's number in that notebook.");
        }
        if (points < 0) {
            throw Args.fail("ExerciseCheck " + exercise + " \"" + name + "\"", "points >= 0", points,
                    "a check is worth 0 points (shown, not graded) or more.");
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
