package org.nnlab.solutions;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.nnlab.exercises.Check;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;

/**
 * What the Buggy*Test classes ask of a notebook's checks: which checks a submission fails, the checks
 * of some exercises, and one check's message. Checks are named "N.k: sentence", as the grader names them.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The names of the checks of {@code set} that {@code submission} does not pass (not implemented counts). */
    static <C> Set<String> failing(ExerciseSet<C> set, C submission) {
        Set<String> failed = new TreeSet<>();
        for (ExerciseCheck<C> check : set.checks()) {
            if (!Check.run(check, submission).passed()) {
                failed.add(name(check));
            }
        }
        return failed;
    }

    /** The names of every check of the given exercises. */
    static <C> Set<String> checksOf(ExerciseSet<C> set, String... exercises) {
        Set<String> names = new TreeSet<>();
        for (ExerciseCheck<C> check : set.checks()) {
            if (List.of(exercises).contains(check.exercise())) {
                names.add(name(check));
            }
        }
        return names;
    }

    /** The message of check number {@code index} (0-based) of {@code exercise}, run on {@code submission}. */
    static <C> String message(ExerciseSet<C> set, C submission, String exercise, int index) {
        return Check.run(set.checks(exercise).get(index), submission).message();
    }

    static String name(ExerciseCheck<?> check) {
        return check.exercise() + ": " + check.name();
    }
}
