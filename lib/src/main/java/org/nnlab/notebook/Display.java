package org.nnlab.notebook;

import java.util.Map;

/**
 * Where output goes: a notebook's display area (installed by the kernel's start-up script, backed by
 * JJava's {@code display}/{@code updateDisplay}) or, by default, the terminal.
 */
public interface Display {

    /** Shows a bundle in a new output area and returns its id, for {@link #update}. */
    String show(Map<String, String> bundle);

    /** Replaces the content of the output area {@code id} in place. */
    void update(String id, Map<String, String> bundle);

    /** True when the output areas can be updated in place (a notebook), false on a terminal. */
    boolean updatesInPlace();
}
