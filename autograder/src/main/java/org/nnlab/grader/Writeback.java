package org.nnlab.grader;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Dataset;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Parameter;

/**
 * What a contract method did to its arguments, done again to the judge's objects: the worker sends
 * back each argument's state after the call, and the values it holds (array elements, the numbers of
 * an {@code INDArray}, a parameter's value and gradient, a model's parameters) are copied into the
 * arguments the test passed. So a test sees an update made in place (an SGD step on a list of
 * parameters) and catches one that should not have been made (a method that changes its input).
 */
final class Writeback {

    private Writeback() {
    }

    /**
     * Copies the values of {@code state} into {@code original}, the argument of {@code method}.
     *
     * @throws AssertionError when the method changed what cannot change in place (a parameter's shape)
     */
    static void copy(Object original, Object state, String method) {
        if (original == null || state == null || original == state) {
            return;
        }
        if (original.getClass().isArray() && state.getClass() == original.getClass()) {
            array(original, state, method);
        } else if (original instanceof INDArray a && state instanceof INDArray b) {
            if (Arrays.equals(a.shape(), b.shape())) {
                a.assign(b.castTo(a.dataType()));
            }
        } else if (original instanceof Parameter p && state instanceof Parameter q) {
            parameter(p, q, method);
        } else if (original instanceof List<?> a && state instanceof List<?> b && a.size() == b.size()) {
            for (int k = 0; k < a.size(); k++) {
                copy(a.get(k), b.get(k), method);
            }
        } else if (original instanceof Record r && state.getClass() == original.getClass()) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    copy(c.getAccessor().invoke(r), c.getAccessor().invoke(state), method);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (original instanceof Dataset a && state instanceof Dataset b) {
            copy(a.features(), b.features(), method);
            copy(a.labels(), b.labels(), method);
        } else if (original instanceof Layer a && state instanceof Layer b && a.getClass() == b.getClass()) {
            copy(a.parameters(), b.parameters(), method);
        }
    }

    private static void array(Object original, Object state, String method) {
        int n = Math.min(Array.getLength(original), Array.getLength(state));
        if (original.getClass().getComponentType().isPrimitive()) {
            System.arraycopy(state, 0, original, 0, n);
            return;
        }
        for (int k = 0; k < n; k++) {
            Object a = Array.get(original, k);
            Object b = Array.get(state, k);
            if (a != null && b != null && a.getClass().isArray() && a.getClass() == b.getClass() && Array.getLength(a) == Array.getLength(b)) {
                array(a, b, method);
            } else if (a == null || b == null || a.getClass().isArray() || a instanceof String || a instanceof Number) {
                Array.set(original, k, b);   // an element replaced by another
            } else {
                copy(a, b, method);
            }
        }
    }

    private static void parameter(Parameter p, Parameter q, String method) {
        if (!Arrays.equals(p.shape(), q.shape())) {
            throw new AssertionError(method + " changed the shape of " + p.name() + " from " + Arrays.toString(p.shape()) + " to "
                    + Arrays.toString(q.shape()) + "; a parameter keeps its shape: update its values, e.g. p.value().subi(...)");
        }
        p.value().assign(q.value().castTo(p.value().dataType()));
        p.grad().assign(q.grad().castTo(p.grad().dataType()));
    }
}
