package org.nnlab.exercises;

import org.nnlab.functions.Function1;

/**
 * The exercises of notebook 02-gradient-descent ("Technical introduction to Neural Networks",
 * derivation and gradient descent): the derivative of {@code f(x) = (x-1)^2 + 3.5}, the update
 * {@code x <- x - alpha f'(x)}, a whole descent, the gradient of
 * {@code f1(x,y) = x^3 + x^4 + y^4 + 4y^2 + 5 - x}, and a start from which descent on f2 finds its
 * global minimum. Each method is what the student writes in the exercise cell with the same id; the
 * Javadoc is the task.
 */
public interface GradientDescentExercises {

    /**
     * Exercise 2.1: the derivative of {@code f(x) = (x-1)^2 + 3.5}, worked out by hand: {@code f'(x)}.
     */
    double derivative(double x);

    /**
     * Exercise 2.2: one gradient-descent update, {@code x - alpha * slope}.
     *
     * @param x     where we are
     * @param slope f'(x) there
     * @param alpha the learning rate
     * @return the next x
     */
    double step(double x, double slope, double alpha);

    /**
     * Exercise 2.3: {@code steps} updates {@code x <- x - alpha f'(x)} from {@code x0}, with
     * {@code f.derivative(x)} as f'(x).
     *
     * @param f     the function to minimise
     * @param x0    the start
     * @param alpha the learning rate
     * @param steps how many updates, >= 0
     * @return the path: {@code steps + 1} numbers, x0 first, then the x after each update
     */
    double[] descend(Function1 f, double x0, double alpha, int steps);

    /**
     * Exercise 2.4: the gradient of {@code f1(x,y) = x^3 + x^4 + y^4 + 4y^2 + 5 - x}, worked out by hand.
     *
     * @return {@code {df1/dx, df1/dy}} at (x, y)
     */
    double[] gradient(double x, double y);

    /**
     * Exercise 2.5: a start {@code {x0, y0}} in the square [-20, 20] x [-20, 20], at least 5 away from
     * f2's global minimum (-8.96, -10.96), from which gradient descent with alpha = 0.001 ends in that
     * global minimum, f2 = -185.38.
     */
    double[] globalStart();

    /**
     * An implementation made of the given functions, for the self-check cells:
     * {@code GradientDescentExercises.with().method((a, b) -> method(a, b))}; {@link GradientDescentParts} is generated from
     * this contract by {@code ./nnlab generate}.
     */
    static GradientDescentParts with() {
        return new GradientDescentParts();
    }
}
