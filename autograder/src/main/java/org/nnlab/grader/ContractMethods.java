package org.nnlab.grader;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExerciseSet;

/**
 * Which exercise each method of a contract belongs to, found from the checks: a check calls only the
 * methods of its own exercise (docs/exercises.md), so each check is run once on a proxy that notes
 * the first method called and stops. Works for any contract in the Catalog without a list to keep.
 */
public final class ContractMethods {

    private ContractMethods() {
    }

    /** "name(Type,...)" of a method, with simple type names, as {@link InMemoryCompiler#declaredMethods} writes them. */
    public static String signature(Method m) {
        return m.getName() + "(" + Stream.of(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    private static final Map<Class<?>, Map<Method, String>> FOUND = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The contract's abstract methods, in declaration order, with their exercise ids ("?" when no check
     * calls one); found once per contract (the judge grades many submissions).
     */
    public static <C> Map<Method, String> exercises(ExerciseSet<C> set) {
        return FOUND.computeIfAbsent(set.contract(), c -> find(set));
    }

    private static <C> Map<Method, String> find(ExerciseSet<C> set) {
        Map<String, String> bySignature = new LinkedHashMap<>();
        for (ExerciseCheck<C> check : set.checks()) {
            String[] called = new String[1];
            Object proxy = Proxy.newProxyInstance(set.contract().getClassLoader(), new Class<?>[] {set.contract()}, (p, m, args) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return m.getName().equals("hashCode") ? 0 : m.getName().equals("equals") ? false : "probe";
                }
                called[0] = signature(m);
                throw new UnsupportedOperationException("probe");
            });
            try {
                check.body().run(set.contract().cast(proxy));
            } catch (Throwable ignored) {
                // the probe stops the check at its first call
            }
            if (called[0] != null) {
                bySignature.putIfAbsent(called[0], check.exercise());
            }
        }
        Map<Method, String> out = new LinkedHashMap<>();
        for (Method m : set.contract().getMethods()) {
            if (Modifier.isAbstract(m.getModifiers())) {
                out.put(m, bySignature.getOrDefault(signature(m), "?"));
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /**
     * The source of {@code final class NAME extends BASE}: the submission's class with the methods of the
     * exercises before {@code exercise} (in notebook order) taken from the reference ({@code ref}, passed
     * to its constructor; in the worker a proxy whose calls the judge answers). Grading exercise 1.3 on
     * it, a wrong (or missing) {@code sigmoid} of exercise 1.2 is not counted a second time:
     * {@code neuron}'s own call to {@code sigmoid} reaches the reference. The methods of later exercises
     * stay the submission's, so an exercise cannot borrow a later exercise's reference to answer for
     * itself (a {@code sigmoid} built from the reference {@code neuron}); the judge refuses such calls
     * too. Methods of no known exercise ("?") stay the submission's.
     */
    public static String isolated(String name, String base, ExerciseSet<?> set, Map<Method, String> methods, String exercise) {
        String type = set.contract().getName().replace('$', '.');
        List<String> order = set.exercises();
        StringBuilder b = new StringBuilder("final class ").append(name).append(" extends ").append(base).append(" {\n");
        b.append("    private final ").append(type).append(" ref;\n\n");
        b.append("    ").append(name).append("(Object ref) {\n        this.ref = (").append(type).append(") ref;\n    }\n");
        methods.forEach((m, e) -> {
            if (!order.contains(e) || order.indexOf(e) >= order.indexOf(exercise)) {
                return;
            }
            b.append("\n    @Override\n    public ").append(m.getGenericReturnType().getTypeName().replace('$', '.')).append(' ').append(m.getName()).append('(');
            var types = m.getGenericParameterTypes();
            StringBuilder args = new StringBuilder();
            for (int k = 0; k < types.length; k++) {
                b.append(k == 0 ? "" : ", ").append(types[k].getTypeName().replace('$', '.')).append(" p").append(k);
                args.append(k == 0 ? "" : ", ").append('p').append(k);
            }
            b.append(") {\n        ").append(m.getReturnType() == void.class ? "" : "return ").append("ref.").append(m.getName())
                    .append('(').append(args).append(");\n    }\n");
        });
        return b.append("}\n").toString();
    }

    /** Whether the reference may answer {@code method} for a test of {@code exercise}: only for an earlier exercise's method. */
    public static boolean referenceMayAnswer(ExerciseSet<?> set, Map<Method, String> methods, Method method, String exercise) {
        String of = methods.get(method);
        List<String> order = set.exercises();
        return of != null && order.contains(of) && order.indexOf(of) < order.indexOf(exercise);
    }

    /** A stub of {@code m} as a class member, throwing "Exercise N.k: not implemented yet". */
    public static String stub(Method m, String exercise) {
        StringBuilder b = new StringBuilder("    // Exercise ").append(exercise).append(": added by the grader (no cell declares it)\n");
        b.append("    public ").append(m.getGenericReturnType().getTypeName().replace('$', '.')).append(' ').append(m.getName()).append('(');
        var types = m.getGenericParameterTypes();
        for (int k = 0; k < types.length; k++) {
            b.append(k == 0 ? "" : ", ").append(types[k].getTypeName().replace('$', '.')).append(" p").append(k);
        }
        b.append(") {\n        throw new UnsupportedOperationException(\"Exercise ").append(exercise)
                .append(": not implemented yet\");\n    }");
        return b.toString();
    }
}
