package org.nnlab.grader;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The judge's end of one worker JVM: its messages (read on a thread of their own, so that the judge can
 * stop waiting at a deadline), what the submission printed (capped), and its end. Nothing the worker
 * sends is trusted: a message that is not of the {@link Wire} format ends the connection.
 */
final class Connection {

    /** Why waiting for the worker ended without a message. */
    enum End { TIMED_OUT, EXITED, GARBLED }

    /** Waiting ended without a message: the worker is gone (killed when it was still running). */
    static final class Ended extends Exception {
        final End why;

        Ended(End why, String message) {
            super(message);
            this.why = why;
        }
    }

    private static final int MAX_MESSAGE = 256 << 20;
    private static final Object EOF = new Object();

    private final Process process;
    private final ServerSocketChannel server;
    private final CompletableFuture<SocketChannel> socket = new CompletableFuture<>();
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Capture printed;
    private final long spawnEpochMs;
    private OutputStream toWorker;
    private long bytesReceived;

    /**
     * @param process the worker, which connects to {@code server} (a Unix socket: its stdout and stderr
     *                carry only what it prints, so nothing printed, by the JVM or a native library, can
     *                be taken for a message)
     */
    Connection(Process process, ServerSocketChannel server, long outputCap, long spawnEpochMs) {
        this.process = process;
        this.server = server;
        this.spawnEpochMs = spawnEpochMs;
        this.printed = new Capture(process.getInputStream(), outputCap);
        printed.start();
        Thread reader = new Thread(this::read, "nnlab-judge-reader");
        reader.setDaemon(true);
        reader.start();
        process.onExit().thenRun(this::closeServer);
    }

    private void read() {
        try {
            SocketChannel s = server.accept();   // one connection: the worker's
            closeServer();
            socket.complete(s);
            InputStream in = new BufferedInputStream(Wire.in(s));
            for (Wire.Message m; (m = Wire.receive(in, MAX_MESSAGE)) != null; ) {
                inbox.add(m);
            }
            inbox.add(EOF);
        } catch (Values.BadValue e) {
            inbox.add(e);
        } catch (IOException e) {
            socket.completeExceptionally(e);
            inbox.add(EOF);   // the worker ended before or while it talked
        }
    }

    private void closeServer() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
    }

    /** When the process was started (epoch ms). */
    long spawnEpochMs() {
        return spawnEpochMs;
    }

    /** Sends a message (waiting for the worker to connect, at most 60 s); a worker that has gone is found by the next {@link #receive}. */
    void send(Wire.Op op, byte[] body) {
        try {
            if (toWorker == null) {
                toWorker = new BufferedOutputStream(Wire.out(socket.get(60, TimeUnit.SECONDS)));
            }
            Wire.send(toWorker, op, body);
        } catch (IOException | ExecutionException | TimeoutException e) {
            // the worker ended or never connected: its end is found by receive
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next message, waiting until {@code deadline} (System.nanoTime()); the worker is killed when none comes. */
    Wire.Message receive(long deadline) throws Ended {
        Object o;
        try {
            o = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
            throw new Ended(End.TIMED_OUT, "interrupted");
        }
        if (o instanceof Wire.Message m) {
            bytesReceived += m.body().length + 5;
            return m;
        }
        if (o == null) {
            kill();
            throw new Ended(End.TIMED_OUT, "still running");
        }
        if (o instanceof IOException e) {
            kill();
            throw new Ended(End.GARBLED, "the grading JVM sent something that is not a message of the grader's: " + e.getMessage());
        }
        throw new Ended(End.EXITED, exitCode());
    }

    /** "exit code N", after the process has ended (it is killed when it has not within 5 s). */
    private String exitCode() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "exit code " + (process.isAlive() ? "?" : process.exitValue());
    }

    /** Waits up to {@code seconds} for the process to end. */
    void waitForExit(int seconds) {
        try {
            process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Bytes received from the worker so far. */
    long bytesReceived() {
        return bytesReceived;
    }

    /** Kills the worker and every process it started (the sandbox's PID namespace ends with it). */
    void kill() {
        closeServer();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the submission printed, up to the cap, and how many bytes were dropped. */
    String printed() {
        try {
            printed.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return printed.text() + (printed.dropped > 0 ? "\n[output truncated: " + printed.dropped + " more bytes]\n" : "");
    }

    /** Reads a stream to its end, keeping the first {@code cap} bytes. */
    private static final class Capture extends Thread {
        private final InputStream in;
        private final long cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private volatile long dropped;

        Capture(InputStream in, long cap) {
            super("nnlab-judge-output");
            this.in = in;
            this.cap = cap;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (this) {
                        int keep = (int) Math.max(0, Math.min(n, cap - kept.size()));
                        kept.write(buf, 0, keep);
                        dropped += n - keep;
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
