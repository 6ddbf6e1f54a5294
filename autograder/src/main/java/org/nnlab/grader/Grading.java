package org.nnlab.grader;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnlab.exercises.ExerciseSet;

/**
 * The submission being graded in this JVM, as the graded tests see it: set by {@link Worker} before
 * the JUnit launcher runs {@link VisibleChecks} and the hidden tests.
 */
public final class Grading {

    private static final Map<Class<?>, SubmissionLoader.Part> IMPLEMENTATIONS = new LinkedHashMap<>();
    private static volatile String current = "";
    private static List<ExerciseSet<?>> sets = List.of();
    private static Set<String> skip = Set.of();
    private static Set<String> stoppedExercises = Set.of();
    private static Duration testLimit = Duration.ofSeconds(10);

    private Grading() {
    }

    static synchronized void set(SubmissionLoader.Loaded loaded, Set<String> skipKeys, Set<String> stopped, Duration limit) {
        stoppedExercises = Set.copyOf(stopped);
        IMPLEMENTATIONS.clear();
        loaded.parts().forEach(p -> IMPLEMENTATIONS.put(p.set().contract(), p));
        sets = loaded.parts().stream().<ExerciseSet<?>>map(SubmissionLoader.Part::set).toList();
        skip = Set.copyOf(skipKeys);
        testLimit = limit;
    }

    /** The notebooks graded. */
    public static synchronized List<ExerciseSet<?>> sets() {
        return sets;
    }

    /**
     * Whether the test {@code key} is not to run: it already has a result (from a JVM that has ended),
     * or an earlier test of its exercise ended a JVM.
     */
    public static synchronized boolean skipped(String key) {
        return skip.contains(key) || stoppedExercises.contains(key.substring(0, key.indexOf(':')));
    }

    /** The time limit of one test. */
    public static synchronized Duration testLimit() {
        return testLimit;
    }

    /** Sets the exercise of the test that runs now (the worker, when a test starts): {@link #implementation(Class)} grades it. */
    static void current(String exercise) {
        current = exercise;
    }

    /**
     * The submission as {@code contract}, as graded for {@code exercise}: the other exercises' methods
     * come from the reference solution when it could be built (so a wrong helper exercise is not counted
     * again, see {@link ContractMethods#isolated}); when the submission has no implementation (not
     * submitted, does not compile) one whose every method throws "not implemented yet".
     */
    public static synchronized <C> C implementation(Class<C> contract, String exercise) {
        SubmissionLoader.Part part = IMPLEMENTATIONS.get(contract);
        Object impl = part == null ? null : part.implementation(exercise);
        if (impl == null) {
            impl = Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, (p, m, a) -> {
                throw new UnsupportedOperationException("Exercise " + exercise + ": not implemented yet");
            });
        }
        return contract.cast(impl);
    }

    /**
     * The submission as {@code contract} for hidden tests: each call goes to
     * {@link #implementation(Class, String)} of the exercise of the test that runs at that moment
     * (its {@code @Graded} exercise), so hidden tests are isolated like the visible checks.
     */
    public static <C> C implementation(Class<C> contract) {
        return contract.cast(Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "equals" -> p == a[0];
                    case "hashCode" -> System.identityHashCode(p);
                    default -> "the submission as " + contract.getSimpleName();
                };
            }
            try {
                return m.invoke(implementation(contract, current), a);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
