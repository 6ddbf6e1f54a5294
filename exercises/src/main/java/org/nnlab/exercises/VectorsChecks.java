package org.nnlab.exercises;

import static org.nnlab.exercises.ExerciseCheck.of;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The visible checks of notebook 00-vectors-and-matrices; the matrices are the slides'. */
public final class VectorsChecks {

    /** The slides' matrix A. */
    public static final double[][] A = {{1, 4, 1}, {0, 1, 2}, {0, 0, 1}};

    private VectorsChecks() {
    }

    /** The checks, in notebook order. */
    public static ExerciseSet<VectorsExercises> set() {
        return new ExerciseSet<>("00-vectors-and-matrices", VectorsExercises.class, List.of(
            of("0.1", 1, "A_12 = 4, A_31 = 0, A_33 = 1 (the slides' quiz)", (VectorsExercises e) -> {
                Expect.near(4, e.entry(copy(A), 1, 2), 0, "A_12");
                Expect.near(0, e.entry(copy(A), 3, 1), 0, "A_31");
                Expect.near(1, e.entry(copy(A), 3, 3), 0, "A_33");
            }),
            of("0.1", 1, "lines and columns count from 1: A_11 is a[0][0], A_23 is a[1][2]", (VectorsExercises e) -> {
                double[][] m = {{11, 12, 13}, {21, 22, 23}};
                Expect.near(11, e.entry(m, 1, 1), 0, "A_11 of [[11,12,13],[21,22,23]]");
                Expect.near(23, e.entry(m, 2, 3), 0, "A_23 of [[11,12,13],[21,22,23]]");
            }),

            of("0.2", 1, "A times the zero matrix is the zero matrix", (VectorsExercises e) ->
                Expect.near(new double[3][3], e.multiply(copy(A), new double[3][3]), 0, "A 0")),
            of("0.2", 1, "A times the identity is A", (VectorsExercises e) ->
                Expect.near(A, e.multiply(copy(A), new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}), 0, "A I")),
            of("0.2", 1, "A [[1,0,0],[0,2,0],[1,0,0]] = [[2,8,0],[2,2,0],[1,0,0]] (the slides)", (VectorsExercises e) ->
                Expect.near(new double[][] {{2, 8, 0}, {2, 2, 0}, {1, 0, 0}},
                        e.multiply(copy(A), new double[][] {{1, 0, 0}, {0, 2, 0}, {1, 0, 0}}), 0, "A B")),
            of("0.2", 1, "a 2x3 matrix times a 3x1 matrix is 2x1", (VectorsExercises e) ->
                Expect.near(new double[][] {{1 + 4 + 9}, {4 + 10 + 18}},
                        e.multiply(new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[][] {{1}, {2}, {3}}), 0,
                        "[[1,2,3],[4,5,6]] [[1],[2],[3]]")),
            of("0.2", 1, "A (3 columns) times a 2x2 matrix throws IllegalArgumentException", (VectorsExercises e) ->
                Expect.throwsA(IllegalArgumentException.class,
                        () -> e.multiply(copy(A), new double[][] {{1, 0}, {0, 1}}), "multiply(3x3, 2x2)")),

            of("0.3", 1, "A^1 is A", (VectorsExercises e) -> {
                INDArray p = e.power(Nd4j.createFromArray(copy(A)), 1);
                Expect.notNull(p, "power(A, 1)");
                Expect.near(A, p.toDoubleMatrix(), 1e-12, "power(A, 1)");
            }),
            of("0.3", 1, "the all-ones 3x3 matrix to the n is 3^(n-1) times itself", (VectorsExercises e) -> {
                for (int n = 2; n <= 5; n++) {
                    INDArray p = e.power(Nd4j.ones(3, 3), n);
                    Expect.notNull(p, "power(ones, " + n + ")");
                    double expected = Math.pow(3, n - 1);
                    Expect.near(new double[][] {{expected, expected, expected}, {expected, expected, expected},
                        {expected, expected, expected}}, p.toDoubleMatrix(), 1e-9, "power(ones 3x3, " + n + ")");
                }
            }),

            of("0.4", 1, "[1, 2, 3] [4, 5, 6]^T = 4 + 10 + 18 = 32", (VectorsExercises e) ->
                Expect.near(32, e.dot(new double[] {1, 2, 3}, new double[] {4, 5, 6}), 1e-12, "dot([1,2,3], [4,5,6])")),
            of("0.4", 1, "the rectangle network's first neuron: x w^T = -4.1", (VectorsExercises e) ->
                Expect.near(-4.1, e.dot(new double[] {0, 0, 0, 1, 0, 0, 1, 0, 0},
                        new double[] {2.8, 3.6, 11.8, -3.8, -6.4, 8.6, -0.3, 1.8, 10.0}), 1e-12,
                        "dot(x, first column of W1)"))
        ));
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
