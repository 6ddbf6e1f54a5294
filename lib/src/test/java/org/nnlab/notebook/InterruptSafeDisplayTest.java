package org.nnlab.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InterruptSafeDisplayTest {

    /** Named like JeroMQ's exception, which JJava shades into its own package. */
    static final class ZMQException extends RuntimeException {
        ZMQException(String message) {
            super(message);
        }
    }

    /** Fails like JJava's display on a thread whose interrupt flag is set: clears the flag, throws EINTR. */
    static final class JJavaLikeDisplay implements Display {
        final List<String> shown = new ArrayList<>();
        boolean interruptDuringCall;
        RuntimeException failure;

        @Override
        public String show(Map<String, String> bundle) {
            send(bundle);
            return "area-" + shown.size();
        }

        @Override
        public void update(String id, Map<String, String> bundle) {
            send(bundle);
        }

        private void send(Map<String, String> bundle) {
            if (interruptDuringCall) {
                Thread.currentThread().interrupt();
            }
            if (Thread.interrupted()) {
                throw new ZMQException("Errno 4 : Interrupted function");
            }
            if (failure != null) {
                throw failure;
            }
            shown.add(bundle.get("text/plain"));
        }

        @Override
        public boolean updatesInPlace() {
            return true;
        }
    }

    private final JJavaLikeDisplay jjava = new JJavaLikeDisplay();
    private final Display display = new InterruptSafeDisplay(jjava);

    @AfterEach
    void clearFlagAndDisplay() {
        Thread.interrupted();
        Notebook.uninstall();
    }

    @Test
    @DisplayName("the fake fails like JJava with a pending interrupt (so the tests below can fail)")
    void theFakeFailsLikeJJava() {
        Thread.currentThread().interrupt();
        assertThrows(ZMQException.class, () -> jjava.show(Map.of("text/plain", "x")));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    @DisplayName("with an interrupt pending, show and update still draw, and the interrupt stays pending")
    void pendingInterruptIsKept() {
        Thread.currentThread().interrupt();
        String id = display.show(Map.of("text/plain", "first"));
        assertTrue(Thread.currentThread().isInterrupted());
        display.update(id, Map.of("text/plain", "second"));
        assertTrue(Thread.currentThread().isInterrupted());
        assertEquals("area-1", id);
        assertEquals(List.of("first", "second"), jjava.shown);
    }

    @Test
    @DisplayName("an interrupt arriving during a call drops that output, does not throw, and stays pending")
    void interruptDuringTheCall() {
        jjava.interruptDuringCall = true;
        assertNull(display.show(Map.of("text/plain", "lost")));
        assertTrue(Thread.interrupted());
        display.update("area-1", Map.of("text/plain", "lost too"));
        assertTrue(Thread.interrupted());
        assertEquals(List.of(), jjava.shown);
    }

    @Test
    @DisplayName("other failures reach the caller unchanged, and no interrupt is made up")
    void otherFailuresPassThrough() {
        jjava.failure = new IllegalStateException("display closed");
        assertSame(jjava.failure, assertThrows(IllegalStateException.class,
                () -> display.update("area-1", Map.of("text/plain", "x"))));
        assertFalse(Thread.currentThread().isInterrupted());
        jjava.failure = new ZMQException("Errno 48 : Address already in use");
        assertThrows(ZMQException.class, () -> display.show(Map.of("text/plain", "x")));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    @DisplayName("an interrupt is recognised anywhere in the causes")
    void recognisesInterruptsInTheCauses() {
        assertTrue(InterruptSafeDisplay.causedByInterrupt(new RuntimeException(new InterruptedException())));
        assertTrue(InterruptSafeDisplay.causedByInterrupt(
                new IllegalStateException("send failed", new ZMQException("Errno 4 : Interrupted function"))));
        assertTrue(InterruptSafeDisplay.causedByInterrupt(new RuntimeException(
                new java.nio.channels.ClosedByInterruptException())));
        assertFalse(InterruptSafeDisplay.causedByInterrupt(new ZMQException("Errno 40 : other")));
        assertFalse(InterruptSafeDisplay.causedByInterrupt(new RuntimeException("Errno 4 : not ZeroMQ")));
    }

    @Test
    @DisplayName("Notebook.install makes the kernel's display interrupt-safe")
    void notebookInstallWraps() {
        Notebook.install(jjava);
        Thread.currentThread().interrupt();
        assertEquals("area-1", Notebook.show(Map.of("text/plain", "shown")));
        assertTrue(Thread.currentThread().isInterrupted());
        assertEquals(List.of("shown"), jjava.shown);
    }
}
