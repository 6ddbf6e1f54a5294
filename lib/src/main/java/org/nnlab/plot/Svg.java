package org.nnlab.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small SVG writer: the static pictures of figures, images and network drawings (shown by viewers
 * that run no JavaScript, e.g. GitHub). Coordinates are in pixels, y downwards.
 */
final class Svg {

    private final StringBuilder s = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    Svg raw(String markup) {
        s.append(markup);
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        s.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(num(strokeWidth)).append("\"/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        s.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"")
                .append(num(w)).append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill)
                .append('"');
        if (stroke != null) {
            s.append(" stroke=\"").append(stroke).append('"');
        }
        s.append("/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String stroke) {
        s.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"")
                .append(num(r)).append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            s.append(" stroke=\"").append(stroke).append('"');
        }
        s.append("/>");
        return this;
    }

    /** A polyline through the points; NaN points break it into pieces. */
    Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth, String clip) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                pen = false;
                continue;
            }
            d.append(pen ? " L" : " M").append(num(xs[i])).append(' ').append(num(ys[i]));
            pen = true;
        }
        if (d.length() > 0) {
            s.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" stroke=\"").append(stroke)
                    .append("\" stroke-width=\"").append(num(strokeWidth)).append('"')
                    .append(clip == null ? "" : " clip-path=\"url(#" + clip + ")\"").append("/>");
        }
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size, String fill) {
        s.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" text-anchor=\"")
                .append(anchor).append("\" font-size=\"").append(size).append("\" fill=\"").append(fill).append("\">")
                .append(escape(text)).append("</text>");
        return this;
    }

    Svg clip(String id, double x, double y, double w, double h) {
        s.append("<defs><clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\"/></clipPath></defs>");
        return this;
    }

    /** A raster image (argb pixels), scaled to the box without smoothing (pixels stay square). */
    Svg image(BufferedImage image, double x, double y, double w, double h) {
        s.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" preserveAspectRatio=\"none\"")
                .append(" style=\"image-rendering:pixelated\" href=\"data:image/png;base64,").append(png(image))
                .append("\"/>");
        return this;
    }

    static String png(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * HTML that shows an SVG document as an image: {@code <div class="cssClass"><img src="data:image/svg+xml;base64,...">}.
     * HTML sanitisers (JupyterLab's, the classic Notebook's for untrusted outputs) keep images with
     * embedded data but drop inline {@code <svg>} elements, leaving their text run together.
     */
    static String imageHtml(String cssClass, String svg, String alt) {
        java.util.regex.Matcher width = java.util.regex.Pattern.compile("^<svg[^>]* width=\"(\\d+)\"").matcher(svg);
        return "<div class=\"" + cssClass + "\"><img class=\"nnlab-static\""
                + (width.find() ? " width=\"" + width.group(1) + "\"" : "") + " alt=\""
                + escape(alt == null ? "" : alt) + "\" src=\"data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)) + "\"/></div>";
    }

    @Override
    public String toString() {
        return s + "</svg>";
    }
}
