package org.nnlab.notebook;

import java.util.Map;
import org.nnlab.check.Args;
import org.nnlab.plot.Displayable;

/**
 * The hook between the lib and the notebook kernel. The kernel's start-up script installs a
 * {@link Display} backed by JJava ({@code Notebook.install(...)}); without one, output goes to the
 * terminal. Lib code (e.g. {@link LiveProgress}) shows things through {@link #display()}.
 */
public final class Notebook {

    private static volatile Display display;

    private Notebook() {
    }

    /**
     * Installs the display of the running notebook kernel (called by tools/kernel/startup.jshell).
     * Its calls then run with a pending interrupt put aside and restored, so that output after
     * "Interrupt kernel" neither fails nor loses the interrupt (see {@link InterruptSafeDisplay}).
     */
    public static void install(Display notebookDisplay) {
        Args.require(notebookDisplay != null, "Notebook.install", "a Display", null,
                "the kernel's start-up script passes one backed by JJava's display().");
        display = new InterruptSafeDisplay(notebookDisplay);
    }

    /** Removes an installed display (tests); output goes to the terminal again. */
    public static void uninstall() {
        display = null;
    }

    /** True when a notebook kernel installed its display. */
    public static boolean isActive() {
        return display != null;
    }

    /** The notebook's display, or a terminal display printing {@code text/plain} to System.out. */
    public static Display display() {
        Display d = display;
        return d != null ? d : new TerminalDisplay(System.out);
    }

    /** Shows something now (not only as a cell's last value) and returns the output area's id. */
    public static String show(Displayable thing) {
        Args.require(thing != null, "Notebook.show", "a figure, picture or table", null,
                "e.g. Notebook.show(Plots.loss(history)).");
        return display().show(thing.mimeBundle());
    }

    /** Shows a bundle (MIME type -> content). */
    public static String show(Map<String, String> bundle) {
        return display().show(bundle);
    }
}
