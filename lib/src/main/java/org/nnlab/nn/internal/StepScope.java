package org.nnlab.nn.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner.ProfilingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training (or evaluation) step of a model, as the {@code Trainer} runs it:
 * <pre>{@code
 * try (StepScope step = StepScope.open(model).withoutInputGradient()) {
 *     forward, loss, backward, optimizer step
 * }
 * }</pre>
 *
 * <p>Memory: every array made inside the scope (outputs, gradients, products, casts) comes from the
 * model's ND4J workspace ({@link MemoryWorkspace}), one block of native memory that is reset when the
 * scope closes and reused by the next step. Without it each step allocates and zero-fills its arrays
 * with malloc and leaves them to the garbage collector, which frees native memory only when the Java
 * heap fills: a notebook kernel's memory then grows by gigabytes during a CNN's training. An array
 * made inside a step is valid until the next step of the same model begins; the parameters, their
 * gradients and the optimisers' state are made outside any step and live on.
 *
 * <p>Input gradient: the model's input is data, and nobody reads dL/d(input) that
 * {@code model.backward} returns. {@link #withoutInputGradient()} says so; the model passes it on to
 * its first layer ({@link #passInputGradientUnread}), and {@link MatrixProducts#timesTranspose} then
 * skips that layer's input gradient {@code g Wᵀ}, the product of the gradient with one of
 * its weights transposed.
 *
 * <p>ND4J's workspace check: by default ({@link ProfilingMode#SCOPE_PANIC}) ND4J verifies before every
 * operation that none of its arrays comes from a workspace that was closed or reset since, so that an
 * array kept from a finished step fails with ND4J's error instead of reading memory that the next
 * step reuses. While steps run, the check is off ({@link ProfilingMode#DISABLED}; what it costs per
 * step: {@code ./nnlab bench steps --workspace-check}): the arrays a step's operations see were made in
 * that step or live outside any workspace (parameters, gradients). It is back on when the last running
 * step closes, so arrays kept from a step and used afterwards are still caught; a layer that keeps an
 * array from one step to the next is not. Another mode that a user set (e.g. {@code OPERATIONS} to
 * profile) is left alone.
 *
 * <p>{@code -Dnnlab.workspaces=false} turns the workspace off (to measure what it brings).
 */
public final class StepScope implements AutoCloseable {

    private static final boolean WORKSPACES = !"false".equals(System.getProperty("nnlab.workspaces"));

    /** Learns the step's size in its first step, then holds one block; a larger step (a bigger batch) grows it. */
    private static final WorkspaceConfiguration STEP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.1)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    /** One workspace per model, freed with it. */
    private static final Map<Object, MemoryWorkspace> WORKSPACES_BY_MODEL =
            Collections.synchronizedMap(new WeakHashMap<>());

    /** Per thread: the open scope, the layer whose input gradient nobody reads and that layer's weights. */
    private static final class State {
        StepScope open;
        Object unreadLayer;
        Set<INDArray> unreadWeights = Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    /** Outermost steps open on all threads, and whether the first of them turned ND4J's workspace check off. */
    private static int stepsRunning;
    private static boolean workspaceCheckOff;

    private final Object model;
    private final MemoryWorkspace workspace;   // null when nested in another scope, or workspaces are off
    private final boolean outermost;
    private boolean open = true;

    private StepScope(Object model, MemoryWorkspace workspace, boolean outermost) {
        this.model = model;
        this.workspace = workspace;
        this.outermost = outermost;
        if (outermost) {
            stepStarted();
        }
    }

    private static synchronized void stepStarted() {
        OpExecutioner nd4j = Nd4j.getExecutioner();
        if (stepsRunning++ == 0 && nd4j.getProfilingMode() == ProfilingMode.SCOPE_PANIC) {
            nd4j.setProfilingMode(ProfilingMode.DISABLED);
            workspaceCheckOff = true;
        }
    }

    private static synchronized void stepEnded() {
        if (--stepsRunning == 0 && workspaceCheckOff) {
            Nd4j.getExecutioner().setProfilingMode(ProfilingMode.SCOPE_PANIC);
            workspaceCheckOff = false;
        }
    }

    /** Opens a step of {@code model} on this thread; close it (try-with-resources) when the step ends. */
    public static StepScope open(Object model) {
        State s = STATE.get();
        if (s.open != null || !WORKSPACES) {   // nested: the outer step's memory serves
            StepScope scope = new StepScope(model, null, s.open == null);
            s.open = s.open == null ? scope : s.open;
            return scope;
        }
        MemoryWorkspace ws = WORKSPACES_BY_MODEL.computeIfAbsent(model,
                m -> Nd4j.getWorkspaceManager().createNewWorkspace(STEP, "nnlab-step-" + System.identityHashCode(m)));
        StepScope scope = new StepScope(model, ws.notifyScopeEntered(), true);
        s.open = scope;
        return scope;
    }

    /**
     * Frees the memory of {@code model}'s steps (its workspace), e.g. when a training ends: a notebook
     * keeps its models, and their steps' memory need not stay with them. The next step makes it anew.
     */
    public static void release(Object model) {
        MemoryWorkspace ws = WORKSPACES_BY_MODEL.remove(model);
        if (ws != null) {
            ws.destroyWorkspace(true);
        }
    }

    /** Declares that this step does not read dL/d(input) of the model (its input is data); returns this. */
    public StepScope withoutInputGradient() {
        State s = STATE.get();
        s.unreadLayer = model;
        s.unreadWeights.clear();
        return this;
    }

    /**
     * Called by a model at the start of its backward: when nobody reads the model's input gradient, nobody
     * reads its first layer's either, whose weights are {@code weights}.
     */
    public static void passInputGradientUnread(Object from, Object to, List<INDArray> weights) {
        State s = STATE.get();
        if (s.open != null && s.unreadLayer == from && from != null) {
            s.unreadLayer = to;
            s.unreadWeights.clear();
            s.unreadWeights.addAll(weights);
        }
    }

    /** Whether the step on this thread does not read dL/d(input) that {@code layer.backward} returns. */
    public static boolean inputGradientUnread(Object layer) {
        State s = STATE.get();
        return s.open != null && layer != null && s.unreadLayer == layer;
    }

    /** Whether a product {@code g Wᵀ} with this W is an input gradient that nobody reads. */
    static boolean inputGradientUnread(INDArray weight) {
        State s = STATE.get();
        return s.open != null && s.unreadWeights.contains(weight);
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        State s = STATE.get();
        if (s.open == this) {
            s.open = null;
            s.unreadLayer = null;
            s.unreadWeights.clear();
        }
        if (workspace != null) {
            workspace.close();
        }
        if (outermost) {
            stepEnded();
        }
    }
}
