package org.nnlab.functions;

import static java.lang.Math.exp;

/**
 * The functions of the workshop's gradient-descent exercise, with their analytic gradients.
 *
 * <ul>
 *   <li>{@link #parabola()}: {@code f(x) = (x-1)^2 + 3.5}, minimum f(1) = 3.5.</li>
 *   <li>{@link #f1()}: {@code f1(x,y) = x^3 + x^4 + y^4 + 4y^2 + 5 - x}, one minimum near (0.4554, 0),
 *       f1 = 4.682; steep quartic walls, so a large learning rate diverges.</li>
 *   <li>{@link #f2()}: {@code f2(x,y) = 0.5y + 0.1(x^2+y^2) - 100 exp(-((x-11.5)^2+(y-8.2)^2)/5)
 *       - 200 exp(-((x+9)^2+(y+11)^2)/10)}: a tilted bowl with two Gaussian wells; minima near
 *       (0, -2.5) f = -0.625 (shallow), (11.44, 8.15) f = -76.07 and (-8.96, -10.96) f = -185.38
 *       (global).</li>
 * </ul>
 */
public final class Functions {

    private Functions() {
    }

    /** {@code f(x) = (x-1)^2 + 3.5}, {@code f'(x) = 2(x-1)}. */
    public static Function1 parabola() {
        return Function1.of("(x-1)^2 + 3.5", x -> (x - 1) * (x - 1) + 3.5, x -> 2 * (x - 1));
    }

    /**
     * {@code f1(x,y) = x^3 + x^4 + y^4 + 4y^2 + 5 - x}, gradient
     * {@code (3x^2 + 4x^3 - 1, 4y^3 + 8y)}.
     */
    public static Function2 f1() {
        return Function2.of("x^3 + x^4 + y^4 + 4y^2 + 5 - x",
                (x, y) -> x * x * x + x * x * x * x + y * y * y * y + 4 * y * y + 5 - x,
                (x, y) -> new double[] {3 * x * x + 4 * x * x * x - 1, 4 * y * y * y + 8 * y});
    }

    /**
     * {@code f2(x,y) = 0.5y + 0.1(x^2+y^2) - 100 e^{-((x-11.5)^2+(y-8.2)^2)/5} - 200 e^{-((x+9)^2+(y+11)^2)/10}},
     * gradient {@code (0.2x + 40(x-11.5)a + 40(x+9)b, 0.5 + 0.2y + 40(y-8.2)a + 40(y+11)b)} with
     * {@code a = e^{-((x-11.5)^2+(y-8.2)^2)/5}}, {@code b = e^{-((x+9)^2+(y+11)^2)/10}}.
     */
    public static Function2 f2() {
        return Function2.of("0.5y + 0.1(x^2+y^2) - 100 exp(-((x-11.5)^2+(y-8.2)^2)/5)"
                        + " - 200 exp(-((x+9)^2+(y+11)^2)/10)",
                (x, y) -> 0.5 * y + 0.1 * (x * x + y * y) - 100 * wellA(x, y) - 200 * wellB(x, y),
                (x, y) -> {
                    double a = wellA(x, y);
                    double b = wellB(x, y);
                    return new double[] {
                        0.2 * x + 40 * (x - 11.5) * a + 40 * (x + 9) * b,
                        0.5 + 0.2 * y + 40 * (y - 8.2) * a + 40 * (y + 11) * b
                    };
                });
    }

    private static double wellA(double x, double y) {
        return exp(-((x - 11.5) * (x - 11.5) + (y - 8.2) * (y - 8.2)) / 5);
    }

    private static double wellB(double x, double y) {
        return exp(-((x + 9) * (x + 9) + (y + 11) * (y + 11)) / 10);
    }
}
