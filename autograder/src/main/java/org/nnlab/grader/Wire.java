package org.nnlab.grader;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The judge and a worker talk in messages on the worker's stdin and stdout: a length (4 bytes), an
 * {@link Op} (1 byte) and a body of {@link Values} and plain fields. The judge asks ({@code LOAD},
 * {@code NEW}, {@code CALL}, {@code EXIT}) and the worker answers each ({@code READY}, {@code RETURN} or
 * {@code THROW}, {@code BYE}); during a {@code CALL} the worker may ask the judge to run a function it
 * was given ({@code CALLBACK}), which the judge answers with {@code RETURN} or {@code THROW}.
 */
final class Wire {

    /** What a message is. */
    enum Op {
        /** judge: the submission's compiled classes, per notebook. */
        LOAD,
        /** judge: create one variant of the submission's object (runs its initialisers). */
        NEW,
        /** judge: call a contract method on a variant; worker: call a function of the judge's. */
        CALL,
        CALLBACK,
        /** the answer to NEW, CALL or CALLBACK: a value (and, for CALL, the arguments' new state). */
        RETURN,
        /** the answer when the code threw: its class, message and where in the submission. */
        THROW,
        /** judge: finish. */
        EXIT,
        /** worker: loaded; when main began (epoch ms). */
        READY,
        /** worker: finished; its CPU time (ms). */
        BYE
    }

    /** One message. */
    record Message(Op op, byte[] body) {
        DataInputStream in() {
            return new DataInputStream(new ByteArrayInputStream(body));
        }
    }

    private Wire() {
    }

    /** Writes one message and flushes. */
    static void send(OutputStream out, Op op, byte[] body) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(body.length + 1);
        d.writeByte(op.ordinal());
        d.write(body);
        d.flush();
    }

    /**
     * Reads one message of at most {@code max} bytes.
     *
     * @return the message, or null at the end of the stream
     * @throws IOException for a message that is not of this format or too large
     */
    static Message receive(InputStream in, int max) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int length;
        try {
            length = d.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (length < 1 || length > max) {
            throw new Values.BadValue("a message of " + length + " bytes (at most " + max + ")");
        }
        int op = d.readUnsignedByte();
        if (op >= Op.values().length) {
            throw new Values.BadValue("a message of unknown kind " + op);
        }
        byte[] body = new byte[length - 1];
        d.readFully(body);
        return new Message(Op.values()[op], body);
    }

    /**
     * The socket's two directions as streams that read and write the channel directly: the streams of
     * {@code java.nio.channels.Channels} lock the channel as a whole, so a read waiting for a message
     * would hold up every write.
     */
    static InputStream in(java.nio.channels.SocketChannel socket) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : socket.read(java.nio.ByteBuffer.wrap(b, off, len));
            }
        };
    }

    static OutputStream out(java.nio.channels.SocketChannel socket) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b, off, len);
                while (buffer.hasRemaining()) {
                    socket.write(buffer);
                }
            }
        };
    }

    /** A body being written: plain fields and values. */
    static final class Body {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);

        Values.Writer values(Values.Remotes remotes) {
            return new Values.Writer(out, remotes);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** A method named so that both sides find the same one: name and parameter types. */
    static String key(Method m) {
        return m.getName() + Arrays.stream(m.getParameterTypes()).map(Class::getName).collect(Collectors.joining(",", "(", ")"));
    }

    /** The public method of {@code type} named by {@code key}, or null. */
    static Method method(Class<?> type, String key) {
        for (Method m : type.getMethods()) {
            if (key(m).equals(key)) {
                return m;
            }
        }
        return null;
    }

    /** Writes a THROW body for {@code t}: its class, message and the submission's method it came from. */
    static byte[] thrown(Throwable t, String where) throws IOException {
        Body b = new Body();
        b.out.writeUTF(t.getClass().getName());
        String message = String.valueOf(t.getMessage() == null ? "" : t.getMessage());
        b.out.writeUTF(message.length() > 4000 ? message.substring(0, 4000) + "..." : message);
        b.out.writeUTF(where == null ? "" : where);
        return b.bytes();
    }
}
