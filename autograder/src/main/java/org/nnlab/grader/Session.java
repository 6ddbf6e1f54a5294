package org.nnlab.grader;

import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The judge's side of grading one submission: the worker JVM that holds its classes (started again
 * after it ends or runs out of time), the calls of contract methods made by the tests, and the
 * functions the worker may call back: the reference solution (for the exercises before the one being
 * graded) and the functions a test passed in. Everything the worker answers is data; the tests that
 * judge it run here.
 */
final class Session {

    /** The worker's code threw: its class, message and the submission's method it came from. */
    static final class Threw extends RuntimeException {
        final String type;
        final String where;

        Threw(String type, String message, String where) {
            super(message);
            this.type = type;
            this.where = where;
        }

        /** A stub's "Exercise N.k: not implemented yet". */
        boolean notImplemented() {
            return type.equals(UnsupportedOperationException.class.getName()) && String.valueOf(getMessage()).endsWith("not implemented yet");
        }
    }

    /** The worker did not answer: it ended, ran out of time or sent garbage; it is gone. */
    static final class Lost extends RuntimeException {
        final Connection.End why;

        Lost(Connection.End why, String message) {
            super(message);
            this.why = why;
        }
    }

    static final int MAX_JVMS = 8;
    private static final long START_NANOS = 120_000_000_000L;

    private final Sandbox sandbox;
    private final List<SubmissionLoader.Part> parts;
    private final List<Object> references = new ArrayList<>();
    private final List<Map<Method, String>> methods = new ArrayList<>();
    private final StringBuilder printed = new StringBuilder();
    private final java.nio.file.Path scratch;
    private final long outputCap;
    private Connection worker;
    private int jvms;
    private int maxJvms = MAX_JVMS; // started before the tests (finding an initialiser to blame) do not count
    private long deadline;          // of the running test, System.nanoTime()
    private String exercise = "";   // of the running test
    private double startSeconds = Double.NaN;
    private double cpuSeconds;
    private long calls;
    private long callbacks;
    private long bytes;
    private long callNanos;

    Session(Sandbox sandbox, List<SubmissionLoader.Part> parts, java.nio.file.Path scratch, long outputCap) {
        this.sandbox = sandbox;
        this.outputCap = outputCap;
        this.parts = new ArrayList<>(parts);
        this.scratch = scratch;
        for (SubmissionLoader.Part p : parts) {
            references.add(SubmissionLoader.reference(p.set().contract()));
            methods.add(ContractMethods.exercises(p.set()));
        }
    }

    List<SubmissionLoader.Part> parts() {
        return parts;
    }

    /** Part {@code k} from now on (compiled again without some cells): the next call starts a worker with it. */
    void replace(int k, SubmissionLoader.Part part) {
        parts.set(k, part);
        drop();
        maxJvms = jvms + MAX_JVMS;
    }

    /** Whether no more workers will be started: the submission has used up its restarts. */
    boolean exhausted() {
        return jvms >= maxJvms;
    }

    /** The test that runs from now: calls are made for {@code exercise} and must answer before {@code deadline}. */
    void test(String exercise, long deadline) {
        this.exercise = exercise;
        this.deadline = deadline;
    }

    int jvms() {
        return jvms;
    }

    double startSeconds() {
        return startSeconds;
    }

    double cpuSeconds() {
        return cpuSeconds;
    }

    /** The protocol's cost: calls, callbacks, bytes received and seconds spent waiting on calls. */
    Result.Protocol protocol() {
        return new Result.Protocol(calls, callbacks, bytes, callNanos / 1e9);
    }

    String printed() {
        return printed.toString();
    }

    // ------------------------------------------------------------------ the worker's life

    /** A live worker with the classes loaded, started when there is none. */
    Connection worker() {
        if (worker != null && worker.alive()) {
            return worker;
        }
        if (jvms >= maxJvms) {
            throw new Lost(Connection.End.EXITED, "the grading JVM ended " + jvms + " times; no more are started for this submission");
        }
        drop();
        jvms++;
        worker = sandbox.start(scratch);
        worker.send(Wire.Op.LOAD, load());
        long testDeadline = deadline;
        deadline = System.nanoTime() + START_NANOS;   // starting is not the test's time
        Wire.Message ready;
        try {
            ready = answer(null);
        } finally {
            deadline = testDeadline;
        }
        if (ready.op() != Wire.Op.READY) {
            lose(Connection.End.GARBLED, "the grading JVM answered " + ready.op() + " to LOAD");
        }
        try {
            long main = ready.in().readLong();
            if (jvms == 1) {
                startSeconds = (main - worker.spawnEpochMs()) / 1000.0;
            }
        } catch (IOException e) {
            lose(Connection.End.GARBLED, "a READY without its time");
        }
        return worker;
    }

    private byte[] load() {
        Wire.Body b = new Wire.Body();
        try {
            b.out.writeInt(parts.size());
            for (SubmissionLoader.Part p : parts) {
                b.out.writeUTF(p.set().contract().getName());
                SubmissionLoader.Compiled c = p.compiled();
                Map<String, byte[]> classes = c == null ? Map.of() : c.classes();
                b.out.writeInt(classes.size());
                for (var e : classes.entrySet()) {
                    b.out.writeUTF(e.getKey());
                    b.out.writeInt(e.getValue().length);
                    b.out.write(e.getValue());
                }
                b.out.writeUTF(c == null ? "" : c.main());
                Map<String, String> variants = c == null ? Map.of() : c.variants();
                b.out.writeInt(variants.size());
                for (var e : variants.entrySet()) {
                    b.out.writeUTF(e.getKey());
                    b.out.writeUTF(e.getValue());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.bytes();
    }

    /** Ends the worker: asks it to finish (its CPU time is counted), else kills it; keeps what it printed. */
    void close() {
        if (worker != null && worker.alive()) {
            worker.send(Wire.Op.EXIT, new byte[0]);
            try {
                Wire.Message bye = worker.receive(System.nanoTime() + 5_000_000_000L);
                if (bye.op() == Wire.Op.BYE) {
                    long ms = bye.in().readLong();
                    cpuSeconds += ms >= 0 ? ms / 1000.0 : 0;
                }
            } catch (Connection.Ended | IOException e) {
                // it is gone either way
            }
        }
        drop();
    }

    private void drop() {
        if (worker != null) {
            worker.kill();
            bytes += worker.bytesReceived();
            String p = worker.printed();
            int room = (int) Math.max(0, outputCap - printed.length());
            if (p.length() > room) {
                printed.append(p, 0, room).append("\n[output truncated at ").append(outputCap).append(" bytes]\n");
            } else {
                printed.append(p);
            }
            worker = null;
        }
    }

    private void lose(Connection.End why, String message) {
        drop();
        throw new Lost(why, message);
    }

    // ------------------------------------------------------------------ asking

    /**
     * Creates part {@code part}'s object in the worker (its initialisers run there).
     *
     * @throws Threw when its creation threw
     * @throws Lost  when the worker ended, hung or answered garbage
     */
    void create(int part) {
        Connection w = worker();
        Wire.Body b = new Wire.Body();
        try {
            b.out.writeInt(part);
            b.out.writeUTF("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        w.send(Wire.Op.NEW, b.bytes());
        Wire.Message m = answer(new Exports());
        if (m.op() == Wire.Op.THROW) {
            RuntimeException e = threw(m);
            throw e instanceof Threw t ? t : (Threw) e.getSuppressed()[0];
        }
    }

    /** Calls {@code m} of part {@code part} for the running test's exercise, and returns what the worker answered. */
    Object call(int part, Method m, Object[] args) {
        long start = System.nanoTime();
        calls++;
        try {
            Connection w = worker();
            Exports exports = new Exports();
            Wire.Body b = new Wire.Body();
            b.out.writeInt(part);
            b.out.writeUTF(exercise);
            b.out.writeUTF(Wire.key(m));
            b.out.writeInt(args.length);
            Values.Writer writer = b.values(exports);
            for (int k = 0; k < args.length; k++) {
                writer.write(args[k], m.getParameterTypes()[k]);
            }
            w.send(Wire.Op.CALL, b.bytes());
            Wire.Message answer = answer(exports);
            if (answer.op() == Wire.Op.THROW) {
                throw threw(answer);
            }
            return returned(answer, exports, m, args);
        } catch (IOException e) {
            lose(Connection.End.GARBLED, "the grading JVM's answer is not a value of the grader's: " + e.getMessage());
            return null;
        } finally {
            callNanos += System.nanoTime() - start;
        }
    }

    /** The result of a RETURN, the arguments updated to the state the worker left them in. */
    private Object returned(Wire.Message answer, Exports exports, Method m, Object[] args) throws IOException {
        Values.Reader reader = new Values.Reader(answer.in(), exports);
        Object result = Values.expect(reader.read(), m.getReturnType());
        if (result == null && m.getReturnType().isPrimitive() && m.getReturnType() != void.class) {
            throw new Values.BadValue("no value for a method that returns " + m.getReturnType());
        }
        if (reader.count(1) != args.length) {
            throw new Values.BadValue("the state of " + args.length + " arguments expected");
        }
        Object same = null;
        for (Object arg : args) {
            Object state = reader.read();
            Writeback.copy(arg, state, m.getName());
            if (state != null && state == result) {
                same = arg;
            }
        }
        return same != null ? same : result;
    }

    /** Waits for the answer to the last request, running the worker's callbacks meanwhile. */
    private Wire.Message answer(Exports exports) {
        while (true) {
            Wire.Message m;
            try {
                m = worker.receive(deadline);
            } catch (Connection.Ended e) {
                lose(e.why, e.why == Connection.End.EXITED ? describe(e.getMessage(), worker.printed()) : e.getMessage());
                return null;
            }
            if (m.op() != Wire.Op.CALLBACK) {
                return m;
            }
            callbacks++;
            Wire.Message reply = callback(m, exports);
            worker.send(reply.op(), reply.body());
        }
    }

    /**
     * Runs a function the worker called back: the reference solution (only for an exercise before the
     * running test's) or a function the judge passed in this call. The answer is RETURN or THROW.
     */
    private Wire.Message callback(Wire.Message m, Exports exports) {
        DataInputStream d = m.in();
        try {
            int id = d.readInt();
            String key = d.readUTF();
            Values.Reader reader = new Values.Reader(d, exports == null ? new Exports() : exports);
            Object target = id < 0 ? reference(-1 - id) : exports == null ? null : exports.target(id);
            Class<?> type = id < 0 ? parts.get(-1 - id).set().contract() : exports == null ? null : exports.type(id);
            Method method = type == null ? null : Wire.method(type, key);
            if (target == null || method == null) {
                throw new SecurityException("the grader has no function " + id + " " + key + " to call");
            }
            if (id < 0 && !ContractMethods.referenceMayAnswer(parts.get(-1 - id).set(), methods.get(-1 - id), method, exercise)) {
                throw new SecurityException("the reference solution answers only the methods of exercises before " + exercise
                        + ", not " + method.getName());
            }
            Object[] args = new Object[reader.count(1)];
            for (int k = 0; k < args.length; k++) {
                args[k] = Values.expect(reader.read(), method.getParameterTypes()[k]);
            }
            Object result = method.invoke(target, args);
            Wire.Body b = new Wire.Body();
            Values.Writer w = b.values(exports == null ? new Exports() : exports);
            w.write(result, method.getReturnType());
            b.out.writeInt(args.length);
            for (int k = 0; k < args.length; k++) {
                w.write(args[k], method.getParameterTypes()[k]);   // what the function did to its arguments
            }
            return new Wire.Message(Wire.Op.RETURN, b.bytes());
        } catch (InvocationTargetException e) {
            return new Wire.Message(Wire.Op.THROW, thrownBody(e.getCause()));
        } catch (Exception | StackOverflowError e) {
            return new Wire.Message(Wire.Op.THROW, thrownBody(e));
        }
    }

    /** "exit code N (did the code call System.exit(N)?)", or what the output says happened. */
    private String describe(String exit, String output) {
        String code = exit.replace("exit code ", "");
        if (output.contains("OutOfMemoryError")) {
            return "it ran out of memory (" + exit + ")";
        }
        if (code.equals("137") || code.equals("9")) {
            return exit + ": it was killed, perhaps by the system for using too much memory";
        }
        if (code.equals("134") || code.equals("139")) {
            return exit + ": the JVM crashed";
        }
        return exit + " (did the code call System.exit(" + code + ")?)";
    }

    private static byte[] thrownBody(Throwable t) {
        try {
            return Wire.thrown(t, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object reference(int part) {
        return part >= 0 && part < references.size() ? references.get(part) : null;
    }

    /**
     * What the worker's THROW says, as an exception the test can catch: the same class when it is one of
     * the JDK's common unchecked exceptions (a test may expect an IllegalArgumentException), else a
     * {@link Threw}; either way with the {@link Threw} (and so where it came from) attached.
     */
    private static RuntimeException threw(Wire.Message m) {
        Threw t;
        try {
            DataInputStream d = m.in();
            t = new Threw(d.readUTF(), d.readUTF(), d.readUTF());
        } catch (IOException e) {
            return new Threw("?", "threw, and the grader could not read what", "");
        }
        if (!t.notImplemented() && SAME_CLASS.contains(t.type)) {
            try {
                RuntimeException same = (RuntimeException) Class.forName(t.type).getConstructor(String.class).newInstance(t.getMessage());
                same.addSuppressed(t);
                return same;
            } catch (ReflectiveOperationException | ClassCastException e) {
                return t;
            }
        }
        return t;
    }

    /** The exceptions a test may expect by class, made again in the judge as such. */
    private static final java.util.Set<String> SAME_CLASS = java.util.Set.of("java.lang.IllegalArgumentException",
            "java.lang.IllegalStateException", "java.lang.ArithmeticException", "java.lang.ArrayIndexOutOfBoundsException",
            "java.lang.IndexOutOfBoundsException", "java.lang.NullPointerException", "java.lang.UnsupportedOperationException",
            "java.lang.NumberFormatException", "java.lang.ClassCastException", "java.lang.NegativeArraySizeException",
            "java.util.NoSuchElementException");

    /** The functions of one call: what the judge passed as handles, found again when the worker calls or returns them. */
    static final class Exports implements Values.Remotes {
        private final List<Object> targets = new ArrayList<>();
        private final List<Class<?>> types = new ArrayList<>();
        private final Map<Object, Integer> ids = new java.util.IdentityHashMap<>();

        @Override
        public Values.Remote export(Object function, Class<?> type) {
            Integer id = ids.get(function);
            if (id == null) {
                id = targets.size();
                targets.add(function);
                types.add(type);
                ids.put(function, id);
            }
            return new Values.Remote(id, types.get(id));
        }

        @Override
        public Object importRemote(Values.Remote remote) {
            Object target = target(remote.id());
            if (target == null) {
                throw new IllegalArgumentException("a function the grader did not pass (" + remote.id() + ")");
            }
            return target;
        }

        Object target(int id) {
            return id >= 0 && id < targets.size() ? targets.get(id) : null;
        }

        Class<?> type(int id) {
            return id >= 0 && id < types.size() ? types.get(id) : null;
        }
    }
}
