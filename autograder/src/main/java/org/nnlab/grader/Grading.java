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

    private static final Map<Class<?>, Object> IMPLEMENTATIONS = new LinkedHashMap<>();
    private static List<ExerciseSet<?>> sets = List.of();
    private static Set<String> skip = Set.of();
    private static Set<String> stoppedExercises = Set.of();
    private static Duration testLimit = Duration.ofSeconds(10);

    private Grading() {
    }

    static synchronized void set(SubmissionLoader.Loaded loaded, Set<String> skipKeys, Set<String> stopped, Duration limit) {
        stoppedExercises = Set.copyOf(stopped);
        IMPLEMENTATIONS.clear();
        loaded.parts().forEach(p -> IMPLEMENTATIONS.put(p.set().contract(), p.implementation()));
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

    /**
     * The submission as {@code contract}; when it has none (not submitted, does not compile) an
     * implementation whose every method throws "not implemented yet".
     */
    public static synchronized <C> C implementation(Class<C> contract) {
        Object impl = IMPLEMENTATIONS.get(contract);
        if (impl == null) {
            impl = Proxy.newProxyInstance(contract.getClassLoader(), new Class<?>[] {contract}, (p, m, a) -> {
                throw new UnsupportedOperationException("Exercise ?: not implemented yet");
            });
        }
        return contract.cast(impl);
    }
}
