package org.nnlab.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker: a JVM in the sandbox that holds one submission's classes and answers the judge's calls
 * of contract methods with data ({@link Wire}). It decides nothing: it has no tests, no expected
 * values and no reference solutions (none are on its class path), and what it prints goes to the
 * judge's output capture (capped), never into an outcome. The methods of exercises before the one being
 * graded reach the reference solution through the judge ({@code CALLBACK}), as do the functions a
 * check passes in.
 *
 * <p>Arguments: {@code SOCKET OUTPUT_CAP_BYTES}. The Unix socket {@code SOCKET}, which the judge
 * listens on, carries the messages; stdout and stderr carry what the submission prints.
 */
public final class Worker {

    private static final int MAX_MESSAGE = 256 << 20;

    private final InputStream in;
    private final OutputStream out;
    private final List<Part> parts = new ArrayList<>();

    /** One notebook's classes: its contract, loader, main class and the class of each exercise's variant. */
    private record Part(Class<?> contract, ClassLoader loader, String main, Map<String, String> variants,
                        Map<String, Object> objects) {
    }

    private Worker(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        long mainEpochMs = System.currentTimeMillis();
        SocketChannel judge = SocketChannel.open(UnixDomainSocketAddress.of(args[0]));
        InputStream in = new BufferedInputStream(Wire.in(judge));
        OutputStream out = new BufferedOutputStream(Wire.out(judge));
        OutputStream printed = new CappedStream(new FileOutputStream(FileDescriptor.out), Long.parseLong(args[1]));
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.setIn(InputStream.nullInputStream());
        new Worker(in, out).serve(mainEpochMs);
    }

    private void serve(long mainEpochMs) throws IOException {
        for (Wire.Message m; (m = Wire.receive(in, MAX_MESSAGE)) != null; ) {
            switch (m.op()) {
                case LOAD -> {
                    load(m.in());
                    Wire.Body b = new Wire.Body();
                    b.out.writeLong(mainEpochMs);
                    reply(Wire.Op.READY, b.bytes());
                }
                case NEW -> newObject(m.in());
                case CALL -> call(m.in());
                case EXIT -> {
                    Wire.Body b = new Wire.Body();
                    b.out.writeLong(ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L));
                    reply(Wire.Op.BYE, b.bytes());
                    Runtime.getRuntime().halt(0);
                }
                default -> throw new IOException("the judge sent " + m.op() + " where it asks");
            }
        }
        Runtime.getRuntime().halt(0);
    }

    private synchronized void reply(Wire.Op op, byte[] body) throws IOException {
        Wire.send(out, op, body);
    }

    private void load(DataInputStream d) throws IOException {
        org.nd4j.linalg.factory.Nd4j.scalar(0.0);   // ND4J's start (backend, natives) before the first test, not in it
        int n = d.readInt();
        for (int k = 0; k < n; k++) {
            String contract = d.readUTF();
            Map<String, byte[]> classes = new HashMap<>();
            for (int c = d.readInt(); c > 0; c--) {
                String name = d.readUTF();
                byte[] bytes = new byte[d.readInt()];
                d.readFully(bytes);
                classes.put(name, bytes);
            }
            String main = d.readUTF();
            Map<String, String> variants = new HashMap<>();
            for (int v = d.readInt(); v > 0; v--) {
                variants.put(d.readUTF(), d.readUTF());
            }
            try {
                parts.add(new Part(Class.forName(contract), new InMemoryCompiler.MemoryLoader(classes, Worker.class.getClassLoader()),
                        main, variants, new HashMap<>()));
            } catch (ClassNotFoundException e) {
                throw new IOException("no contract " + contract + " on the worker's class path");
            }
        }
    }

    /** NEW part variant: creates the object (the submission's initialisers run here). */
    private void newObject(DataInputStream d) throws IOException {
        int part = d.readInt();
        String variant = d.readUTF();
        try {
            object(parts.get(part), variant);
            reply(Wire.Op.RETURN, new byte[0]);
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException || t instanceof ExceptionInInitializerError ? t.getCause() : t;
            reply(Wire.Op.THROW, Wire.thrown(cause == null ? t : cause, "creating your object"));
        }
    }

    /** The object of a variant ("" the submission itself, else an exercise id), created once. */
    private Object object(Part p, String variant) throws ReflectiveOperationException {
        Object o = p.objects().get(variant);
        if (o == null) {
            String name = variant.isEmpty() ? p.main() : p.variants().get(variant);
            if (name == null) {
                name = p.main();
            }
            Class<?> c = Class.forName(name, true, p.loader());
            if (name.equals(p.main())) {
                var make = c.getDeclaredConstructor();
                make.setAccessible(true);
                o = make.newInstance();
            } else {
                var make = c.getDeclaredConstructor(Object.class);
                make.setAccessible(true);
                o = make.newInstance(reference(p));
            }
            p.objects().put(variant, o);
        }
        return o;
    }

    /** The reference of a part: each call goes to the judge, which answers only for earlier exercises. */
    private Object reference(Part p) {
        int id = -1 - parts.indexOf(p);
        return new Functions().importRemote(new Values.Remote(id, p.contract()));
    }

    /** CALL part variant method args: runs it and returns the result and the arguments' new state. */
    private void call(DataInputStream d) throws IOException {
        int part = d.readInt();
        String variant = d.readUTF();
        String key = d.readUTF();
        Functions functions = new Functions();
        Values.Reader reader = new Values.Reader(d, functions);
        Part p = parts.get(part);
        Method m = Wire.method(p.contract(), key);
        Object[] args = new Object[reader.count(1)];
        for (int k = 0; k < args.length; k++) {
            args[k] = reader.read();
        }
        Object result;
        try {
            Object target = object(p, variant);
            m.setAccessible(true);
            result = m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            reply(Wire.Op.THROW, Wire.thrown(t, whereInSubmission(t)));
            return;
        } catch (Throwable t) {
            Throwable cause = t instanceof ExceptionInInitializerError ? t.getCause() : t;
            reply(Wire.Op.THROW, Wire.thrown(cause == null ? t : cause, "creating your object"));
            return;
        }
        Wire.Body b = new Wire.Body();
        try {
            Values.Writer w = b.values(functions);
            w.write(result, m.getReturnType());
            b.out.writeInt(args.length);
            for (int k = 0; k < args.length; k++) {
                w.write(args[k], m.getParameterTypes()[k]);
            }
        } catch (RuntimeException | StackOverflowError e) {
            reply(Wire.Op.THROW, Wire.thrown(new IllegalArgumentException(m.getName() + " returned something the grader cannot read: "
                    + e.getMessage()), m.getName()));
            return;
        } catch (OutOfMemoryError e) {
            b = null;
            reply(Wire.Op.THROW, Wire.thrown(new OutOfMemoryError(m.getName() + " returned more than the grading JVM's memory can send"),
                    m.getName()));
            return;
        }
        reply(Wire.Op.RETURN, b.bytes());
    }

    /** The innermost method of the submission's classes in {@code t}'s stack, or "". */
    private static String whereInSubmission(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(SubmissionLoader.PACKAGE + ".") && !e.getMethodName().startsWith("lambda$")) {
                return e.getMethodName();
            }
        }
        return "";
    }

    /**
     * The functions of one call: each handle the judge sent becomes a proxy whose calls go back to the
     * judge ({@code CALLBACK}), and goes back as the same handle.
     */
    private final class Functions implements Values.Remotes {
        private final Map<Object, Values.Remote> handles = new IdentityHashMap<>();

        @Override
        public Values.Remote export(Object function, Class<?> type) {
            Values.Remote r = handles.get(function);
            if (r == null) {
                throw new IllegalArgumentException("a function (" + function.getClass().getName() + ") where the grader needs data");
            }
            return r;
        }

        @Override
        public Object importRemote(Values.Remote remote) {
            if (!remote.type().isInterface()) {
                throw new IllegalArgumentException("a function of a type that is not an interface: " + remote.type());
            }
            Object proxy = Proxy.newProxyInstance(Worker.class.getClassLoader(), new Class<?>[] {remote.type()},
                    (self, method, args) -> method.getDeclaringClass() == Object.class ? objectMethod(self, method, args, remote)
                            : callback(remote, method, args == null ? new Object[0] : args));
            handles.put(proxy, remote);
            return proxy;
        }

        private Object objectMethod(Object self, Method method, Object[] args, Values.Remote remote) {
            return switch (method.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> remote.id() < 0 ? "the reference solution" : "a function of the grader's (" + remote.type().getSimpleName() + ")";
            };
        }

        /** Sends CALLBACK and waits for the judge's answer; the judge asks nothing in between. */
        private Object callback(Values.Remote remote, Method method, Object[] args) throws Throwable {
            synchronized (Worker.this) {
                Wire.Body b = new Wire.Body();
                b.out.writeInt(remote.id());
                b.out.writeUTF(Wire.key(method));
                b.out.writeInt(args.length);
                Values.Writer w = b.values(this);
                for (int k = 0; k < args.length; k++) {
                    w.write(args[k], method.getParameterTypes()[k]);
                }
                reply(Wire.Op.CALLBACK, b.bytes());
                Wire.Message answer = Wire.receive(in, MAX_MESSAGE);
                if (answer == null) {
                    Runtime.getRuntime().halt(0);
                }
                DataInputStream d = answer.in();
                if (answer.op() == Wire.Op.THROW) {
                    String type = d.readUTF();
                    String message = d.readUTF();
                    throw new IllegalStateException(message.isEmpty() ? type : message);
                }
                if (answer.op() != Wire.Op.RETURN) {
                    throw new IOException("the judge sent " + answer.op() + " where it answers a callback");
                }
                Values.Reader reader = new Values.Reader(d, this);
                Object result = reader.read();
                int n = reader.count(1);
                Object same = null;
                for (int k = 0; k < n && k < args.length; k++) {
                    Object state = reader.read();
                    Writeback.copy(args[k], state, method.getName());   // what the judge's function did to the arguments
                    if (state != null && state == result) {
                        same = args[k];
                    }
                }
                return same != null ? same : result;
            }
        }
    }

    /** Passes the first {@code cap} bytes, then drops the rest and says so once. */
    static final class CappedStream extends OutputStream {
        private final OutputStream out;
        private final long cap;
        private long written;

        CappedStream(OutputStream out, long cap) {
            this.out = out;
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (written < cap) {
                int n = (int) Math.min(len, cap - written);
                out.write(b, off, n);
                if (written + len >= cap) {
                    out.write(("\n[output truncated at " + cap + " bytes]\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            written += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
