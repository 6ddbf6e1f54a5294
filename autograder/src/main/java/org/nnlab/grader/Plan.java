package org.nnlab.grader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;
import org.nnlab.grader.hidden.NeuronsHidden;
import org.nnlab.grader.hidden.ExplosionHidden;
import org.nnlab.grader.hidden.RandomVsStructuredHidden;
import org.nnlab.grader.hidden.MnistHidden;
import org.nnlab.grader.hidden.RectangleHidden;
import org.nnlab.grader.hidden.SeeingHidden;

/**
 * The graded tests of some notebooks, in order: the visible checks of the Catalog, then the hidden
 * tests of {@link #HIDDEN}. The grading JVM runs them; the parent uses the same list to fill in tests
 * that a crashed or killed JVM did not report.
 */
public final class Plan {

    /** The classes of hidden tests ({@code @Test @Graded} methods). Add a notebook's hidden tests here. */
    public static final List<Class<?>> HIDDEN = List.of(RectangleHidden.class, NeuronsHidden.class,
            RandomVsStructuredHidden.class, ExplosionHidden.class, SeeingHidden.class, MnistHidden.class);

    /** One graded test. {@code key} ("1.2: sigmoid(0) is 0.5") is unique and names it in every output. */
    public record Test(String key, String exercise, String name, int points, String visibility) {
    }

    private Plan() {
    }

    /** The graded tests of {@code sets}. */
    public static List<Test> of(List<ExerciseSet<?>> sets) {
        List<Test> tests = new ArrayList<>();
        for (ExerciseSet<?> set : sets) {
            for (ExerciseCheck<?> c : set.checks()) {
                tests.add(new Test(key(c.exercise(), c.name()), c.exercise(), c.name(), c.points(), "visible"));
            }
        }
        for (Class<?> hidden : HIDDEN) {
            for (Method m : hidden.getDeclaredMethods()) {
                Test t = hidden(m);
                if (t != null && sets.stream().anyMatch(s -> s.has(t.exercise()))) {
                    tests.add(t);
                }
            }
        }
        return tests;
    }

    /** The graded test of a {@code @Graded} method, or null. */
    public static Test hidden(Method m) {
        Graded g = m.getAnnotation(Graded.class);
        if (g == null) {
            return null;
        }
        DisplayName d = m.getAnnotation(DisplayName.class);
        String name = d == null ? m.getName() : d.value();
        return new Test(key(g.exercise(), name), g.exercise(), name, g.points(), g.visibility());
    }

    static String key(String exercise, String name) {
        return exercise + ": " + name;
    }
}
