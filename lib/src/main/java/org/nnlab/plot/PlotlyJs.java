package org.nnlab.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * plotly.js for figures that must draw offline: {@code ./nnlab setup} fetches the npm package
 * plotly.js-dist-min (version and sha256 pinned in tools/plotly.sha256) into build/plotly/, and the
 * kernel names the file in {@code $NNLAB_PLOTLY_JS} (or the system property {@code nnlab.plotly.js}).
 *
 * <p>The script (4.5 MB) goes into the page once per kernel session: the first figure shown carries it,
 * guarded so a page that has Plotly already skips it; every figure waits for Plotly and until then
 * shows its static SVG. Nothing is fetched from a CDN, and {@code require(...)} is not used (JupyterLab
 * has none; in the classic notebook RequireJS's {@code define} is hidden while the script runs so that
 * Plotly lands on {@code window}).
 */
public final class PlotlyJs {

    /** The environment variable naming the file. */
    public static final String ENV = "NNLAB_PLOTLY_JS";

    private static boolean sent;
    private static String cached;

    private PlotlyJs() {
    }

    /** The file, or null when neither the variable nor the property names an existing file. */
    public static Path path() {
        String p = System.getProperty("nnlab.plotly.js", System.getenv(ENV));
        if (p == null || p.isBlank()) {
            return null;
        }
        Path file = Path.of(p);
        return Files.isRegularFile(file) ? file : null;
    }

    /** True when plotly.js is there to embed. */
    public static boolean available() {
        return path() != null;
    }

    /**
     * The {@code <script>} elements that load plotly.js into the page, the first time per session;
     * then (and when plotly.js is not available) the empty string.
     */
    static synchronized String scriptOnce() {
        if (sent) {
            return "";
        }
        String js = source();
        if (js == null) {
            return "";
        }
        sent = true;
        return script(js);
    }

    /** Forgets that plotly.js was sent (the next figure carries it again), e.g. after clearing outputs. */
    public static synchronized void resend() {
        sent = false;
    }

    static String script(String js) {
        return "<script>window.nnlabDefine=window.define;window.define=undefined;</script>\n"
                + "<script>if(!window.Plotly){\n" + js + "\n}</script>\n"
                + "<script>window.define=window.nnlabDefine;"
                + "window.dispatchEvent(new Event('nnlab-plotly-ready'));</script>\n";
    }

    private static synchronized String source() {
        if (cached == null) {
            Path file = path();
            if (file == null) {
                return null;
            }
            try {
                cached = Files.readString(file, StandardCharsets.UTF_8).replace("</script", "<\\/script");
            } catch (IOException e) {
                throw new UncheckedIOException("PlotlyJs: could not read " + file, e);
            }
        }
        return cached;
    }
}
