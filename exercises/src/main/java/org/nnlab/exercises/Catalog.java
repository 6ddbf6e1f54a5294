package org.nnlab.exercises;

import java.util.List;
import org.nnlab.check.Args;

/** Every notebook's {@link ExerciseSet}, in workshop order: where the self-check and the autograder look up checks. */
public final class Catalog {

    private Catalog() {
    }

    /** All exercise sets, one per notebook with exercises. */
    public static List<ExerciseSet<?>> sets() {
        return List.of(VectorsChecks.set(), RectangleChecks.set(), GradientDescentChecks.set(), NeuronsChecks.set(),
                RandomVsStructuredChecks.set(), ExplosionChecks.set(), SeeingChecks.set(), MnistChecks.set());
    }

    /**
     * The set that holds {@code exercise}.
     *
     * @throws IllegalArgumentException when no notebook has that exercise
     */
    public static ExerciseSet<?> setOf(String exercise) {
        for (ExerciseSet<?> set : sets()) {
            if (set.has(exercise)) {
                return set;
            }
        }
        throw Args.fail("Check.exercise", "one of the notebooks' exercises "
                + sets().stream().flatMap(s -> s.exercises().stream()).toList(), "\"" + exercise + "\"",
                "the exercise's number stands in its heading, e.g. \"Exercise 4.2\".");
    }
}
