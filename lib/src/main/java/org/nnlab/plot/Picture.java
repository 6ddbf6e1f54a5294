package org.nnlab.plot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A static picture drawn in Java as SVG (image grids, weight templates, network drawings): shown as
 * is by every viewer, no JavaScript needed.
 */
public final class Picture implements Displayable {

    private final String title;
    private final String svg;
    private final List<String> captions;
    private final String text;

    Picture(String title, String svg, List<String> captions, String text) {
        this.title = title;
        this.svg = svg;
        this.captions = List.copyOf(captions);
        this.text = text;
    }

    /** The title. */
    public String title() {
        return title;
    }

    /** The SVG document. */
    public String svg() {
        return svg;
    }

    /** The caption of each panel or tile, in drawing order (e.g. "7" or "7 -> 1" for a digit). */
    public List<String> captions() {
        return captions;
    }

    /** The number of panels or tiles. */
    public int panels() {
        return captions.size();
    }

    /** The picture as HTML: an {@code <img>} of the SVG, which HTML sanitisers keep (see {@link Svg#imageHtml}). */
    public String html() {
        return Svg.imageHtml("nnlab-picture", svg, title);
    }

    /** The SVG as an HTML image (every notebook viewer, trusted or not), the SVG itself and a text line. */
    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html());
        bundle.put("image/svg+xml", svg);
        bundle.put("text/plain", toString());
        return bundle;
    }

    @Override
    public String toString() {
        return text != null ? text : "Picture(\"" + title + "\", " + panels() + " panels)";
    }
}
