package org.nnlab.plot;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static SVG pictures standing side by side in one SVG document (the network, the decision surface and
 * the loss of a {@link TrainingReplay}): each goes in as a nested {@code <svg>} at its x offset, and the
 * row is scaled down to at most {@value #MAX_WIDTH} px wide (a notebook's output width).
 */
final class ReplayPicture {

    static final int MAX_WIDTH = 960;
    private static final Pattern SIZE = Pattern.compile("^<svg[^>]* width=\"(\\d+)\" height=\"(\\d+)\"");

    private ReplayPicture() {
    }

    /** The SVG documents side by side, top-aligned. */
    static String row(List<String> svgs) {
        StringBuilder inner = new StringBuilder();
        int x = 0;
        int height = 0;
        for (String svg : svgs) {
            Matcher m = SIZE.matcher(svg);
            if (!m.find()) {
                throw new IllegalStateException("ReplayPicture.row: an SVG without width and height: "
                        + svg.substring(0, Math.min(80, svg.length())));
            }
            inner.append("<svg x=\"").append(x).append("\" y=\"0\"").append(svg.substring(4));
            x += Integer.parseInt(m.group(1));
            height = Math.max(height, Integer.parseInt(m.group(2)));
        }
        int width = Math.min(x, MAX_WIDTH);
        int shownHeight = (int) Math.round(height * (double) width / Math.max(1, x));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\""
                + width + "\" height=\"" + shownHeight + "\" viewBox=\"0 0 " + x + " " + height
                + "\" font-family=\"sans-serif\" font-size=\"12\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/>"
                + inner + "</svg>";
    }
}
