package org.nnlab.notebook;

import java.io.PrintStream;
import java.util.Map;

/** The fallback {@link Display}: prints the {@code text/plain} part; updates print again. */
final class TerminalDisplay implements Display {

    private final PrintStream out;
    private int next;

    TerminalDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public String show(Map<String, String> bundle) {
        out.println(bundle.getOrDefault("text/plain", ""));
        return "terminal-" + next++;
    }

    @Override
    public void update(String id, Map<String, String> bundle) {
        out.println(bundle.getOrDefault("text/plain", ""));
    }

    @Override
    public boolean updatesInPlace() {
        return false;
    }
}
