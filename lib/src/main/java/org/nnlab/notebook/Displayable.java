package org.nnlab.notebook;

import java.util.Map;

/**
 * Something a notebook can show: a MIME bundle, e.g. {@code text/html} (the interactive view),
 * {@code image/svg+xml} (a static picture for viewers that run no JavaScript) and {@code text/plain}.
 *
 * <p>The lib does not depend on the Jupyter kernel: the kernel's start-up script
 * (tools/kernel/startup.jshell) registers a renderer that shows any Displayable through its bundle,
 * so a cell that ends with a figure shows the figure.
 */
public interface Displayable {

    /** MIME type -> content, in order of preference; always has {@code text/plain}. */
    Map<String, String> mimeBundle();
}
