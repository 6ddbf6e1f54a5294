package org.nnlab.plot;

import java.util.Map;

/**
 * Something a notebook can show: a MIME bundle, e.g. {@code text/html} (the interactive view),
 * {@code image/svg+xml} (a static picture for viewers that run no JavaScript) and {@code text/plain}.
 *
 * <p>Display-neutral: figures ({@link Chart}, {@link Picture}) say what they look like and nothing
 * about where they are shown. The lib does not depend on the Jupyter kernel: the kernel's start-up
 * script (tools/kernel/startup.jshell) registers a renderer that shows any Displayable through its
 * bundle, so a cell that ends with a figure shows the figure; {@code org.nnlab.notebook} shows them
 * in output areas it updates in place. Dependencies go one way: notebook uses plot, never back.
 */
public interface Displayable {

    /** MIME type -> content, in order of preference; always has {@code text/plain}. */
    Map<String, String> mimeBundle();
}
