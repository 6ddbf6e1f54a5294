package org.nnlab.grader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;

/**
 * The graded tests of some notebooks, in order: the visible checks of the Catalog, then the hidden
 * tests of {@link #hiddenClasses()}, which the {@link Judge} runs.
 */
public final class Plan {

    private static volatile List<Class<?>> hidden;

    /**
     * The classes of hidden tests ({@code @Test @Graded} methods): every top-level class in the package
     * {@code org.nnlab.grader.hidden}, by name; nothing to register (add a class there and it is graded).
     * Only the judge has them: the workers' class path does not ({@link Secrets}).
     */
    public static List<Class<?>> hiddenClasses() {
        if (hidden == null) {
            hidden = Secrets.hiddenTestsOnClassPath();
        }
        return hidden;
    }

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
        for (Class<?> hidden : hiddenClasses()) {
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
