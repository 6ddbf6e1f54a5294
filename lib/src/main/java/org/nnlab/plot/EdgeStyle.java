package org.nnlab.plot;

import org.nnlab.check.Args;

/**
 * How {@link NetworkDrawing} draws the edge of one weight: its colour and its width in pixels.
 * The slides' {@code show_net} draws a positive weight red and a negative one blue, and a weight
 * wider the larger its magnitude; {@link NetworkDrawing.EdgeRule} is the function from a weight to
 * its style.
 *
 * @param colour a CSS colour, e.g. {@link #RED} or {@link #BLUE}
 * @param width  the stroke width in pixels, a finite number >= 0
 */
public record EdgeStyle(String colour, double width) {

    /** The colour of a positive weight in the slides' drawing. */
    public static final String RED = "#d62728";
    /** The colour of a negative weight in the slides' drawing. */
    public static final String BLUE = "#1f77b4";
    /** The width of the thinnest edge (a weight of 0), so that every edge stays visible. */
    public static final double MIN_WIDTH = 0.3;
    /** The width of the widest edge (the weight of the largest magnitude). */
    public static final double MAX_WIDTH = 4.0;

    public EdgeStyle {
        Args.require(colour != null && !colour.isBlank(), "EdgeStyle", "a colour such as EdgeStyle.RED", colour,
                "positive weights are EdgeStyle.RED, negative ones EdgeStyle.BLUE.");
        Args.require(Double.isFinite(width) && width >= 0, "EdgeStyle", "a finite width >= 0", width,
                width < 0 ? "a width comes from the magnitude |weight| (Math.abs), not from the signed weight."
                        : "a width of NaN or infinity often comes from dividing by a largest |weight| of 0.");
    }
}
