package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.exercises.ExerciseCheck;
import org.nnlab.exercises.ExplosionChecks;
import org.nnlab.exercises.ExplosionExercises;
import org.nnlab.plot.EdgeStyle;

/**
 * Known-buggy submissions of notebook 05 fail exactly the checks meant to catch them. Each bug is the
 * reference with one method wrong; {@code scanRates} calls the submission's own
 * {@code firstDivergedStep}, as in the notebook.
 */
class BuggyExplosionTest {

    static Set<String> failing(ExplosionExercises submission) {
        return Fixtures.failing(ExplosionChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(ExplosionChecks.set(), exercises);
    }

    static String name(String exercise, int check) {
        ExerciseCheck<ExplosionExercises> c = ExplosionChecks.set().checks(exercise).get(check);
        return c.exercise() + ": " + c.name();
    }

    static String message(ExplosionExercises submission, String exercise, int check) {
        return Fixtures.message(ExplosionChecks.set(), submission, exercise, check);
    }

    @Test
    @DisplayName("the reference passes every check")
    void referencePasses() {
        assertEquals(Set.of(), failing(new ExplosionSolution()));
    }

    @Test
    @DisplayName("a divergence test by comparison only (NaN > x is false) fails only the check with NaN and infinity")
    void nanIsMissed() {
        var bug = new ExplosionSolution() {
            @Override public int firstDivergedStep(double[] losses, double factor) {
                for (int k = 0; k < losses.length; k++) {
                    if (losses[k] > factor * losses[0]) {
                        return k;
                    }
                }
                return -1;
            }
        };
        // the NaN of [10, 9, NaN] is missed; the scan of exercise 5.2 still agrees: the Trainer's explosions
        // pass 1000 x the first loss before they become NaN
        assertEquals(Set.of(name("5.1", 1)), failing(bug));
        assertEquals("firstDivergedStep([10, 9, NaN], 1000): expected 2 but was -1", message(bug, "5.1", 1));
    }

    @Test
    @DisplayName(">= instead of > fails only the check that the limit is strict")
    void limitNotStrict() {
        var bug = new ExplosionSolution() {
            @Override public int firstDivergedStep(double[] losses, double factor) {
                for (int k = 0; k < losses.length; k++) {
                    if (!Double.isFinite(losses[k]) || losses[k] >= factor * losses[0]) {
                        return k;
                    }
                }
                return -1;
            }
        };
        assertEquals(Set.of(name("5.1", 2)), failing(bug));
    }

    @Test
    @DisplayName("the step number (index + 1) instead of the index fails exercise 5.1 and, through the scan, the explosions of 5.2")
    void stepInsteadOfIndex() {
        var bug = new ExplosionSolution() {
            @Override public int firstDivergedStep(double[] losses, double factor) {
                int k = super.firstDivergedStep(losses, factor);
                return k < 0 ? k : k + 1;
            }
        };
        assertEquals(checksOf("5.1", "5.2"), failing(bug));
    }

    @Test
    @DisplayName("a scan that ignores the seed (always seed 0) fails only the check that the seed matters")
    void scanIgnoresSeed() {
        var bug = new ExplosionSolution() {
            @Override public int[] scanRates(double[] rates, long seed, int steps) {
                return super.scanRates(rates, 0, steps);
            }
        };
        assertEquals(Set.of(name("5.2", 1)), failing(bug));
        assertTrue(message(bug, "5.2", 1).startsWith("scanRates([0.0003], seed 1, 20 steps): expected [4] but was [6]"),
                message(bug, "5.2", 1));
    }

    @Test
    @DisplayName("one unit per output (relu(y) only, the negative half lost) fails the exactness checks of 5.3")
    void oneUnitPerOutput() {
        var bug = new ExplosionSolution() {
            @Override public INDArray[] exactWeights() {
                INDArray[] w = super.exactWeights();
                w[2].putScalar(1, 0, 0);   // drop -relu(-y0)
                w[2].putScalar(3, 1, 0);   // drop -relu(-y1)
                return w;
            }
        };
        assertEquals(Set.of(name("5.3", 1), name("5.3", 2)), failing(bug));
    }

    @Test
    @DisplayName("weights with the shapes transposed fail every check of 5.3, saying which shape was expected")
    void transposedWeights() {
        var bug = new ExplosionSolution() {
            @Override public INDArray[] exactWeights() {
                INDArray[] w = super.exactWeights();
                return new INDArray[] {w[0].transpose(), w[1], w[2], w[3]};
            }
        };
        assertEquals(checksOf("5.3"), failing(bug));
        assertEquals("the shape of w1: expected [6, 4] but was [4, 6]", message(bug, "5.3", 0));
    }

    @Test
    @DisplayName("a plateau measured from the first loss instead of window steps back fails exactly exercise 5.4")
    void plateauFromTheStart() {
        var bug = new ExplosionSolution() {
            @Override public boolean plateaued(double[] losses, int window, double tolerance) {
                return losses[0] - losses[losses.length - 1] < tolerance * losses[0];
            }
        };
        assertEquals(checksOf("5.4"), failing(bug));
    }

    @Test
    @DisplayName("0 drawn blue (w > 0 for red) fails only the colour check of 5.5")
    void zeroIsBlue() {
        var bug = new ExplosionSolution() {
            @Override public EdgeStyle edge(double weight, double maxAbsWeight) {
                EdgeStyle right = super.edge(weight, maxAbsWeight);
                return new EdgeStyle(weight > 0 ? EdgeStyle.RED : EdgeStyle.BLUE, right.width());
            }
        };
        assertEquals(Set.of(name("5.5", 0)), failing(bug));
        assertEquals("the colour of edge(0, 2) (EdgeStyle.RED): expected #d62728 but was #1f77b4", message(bug, "5.5", 0));
    }

    @Test
    @DisplayName("a width from the signed weight (no |w|) fails only the width check, and the message says to take |weight|")
    void widthFromSignedWeight() {
        var bug = new ExplosionSolution() {
            @Override public EdgeStyle edge(double weight, double maxAbsWeight) {
                double share = maxAbsWeight > 0 ? weight / maxAbsWeight : 0;
                return new EdgeStyle(super.edge(weight, maxAbsWeight).colour(),
                        EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * share);
            }
        };
        assertEquals(Set.of(name("5.5", 1)), failing(bug));
        assertTrue(message(bug, "5.5", 1).contains("Hint: a width comes from the magnitude |weight| (Math.abs)"), message(bug, "5.5", 1));
    }

    @Test
    @DisplayName("dividing by a largest |w| of 0 (NaN) fails only the check of the all-zero network, with a hint")
    void divisionByZero() {
        var bug = new ExplosionSolution() {
            @Override public EdgeStyle edge(double weight, double maxAbsWeight) {
                return new EdgeStyle(super.edge(weight, maxAbsWeight).colour(),
                        EdgeStyle.MIN_WIDTH + (EdgeStyle.MAX_WIDTH - EdgeStyle.MIN_WIDTH) * Math.abs(weight) / maxAbsWeight);
            }
        };
        assertEquals(Set.of(name("5.5", 2)), failing(bug));
        assertTrue(message(bug, "5.5", 2).contains("expected a finite width >= 0 but was NaN"), message(bug, "5.5", 2));
    }

    @Test
    @DisplayName("widths from 0 instead of MIN_WIDTH fail the width checks of 5.5, not the colour")
    void noMinimumWidth() {
        var bug = new ExplosionSolution() {
            @Override public EdgeStyle edge(double weight, double maxAbsWeight) {
                double share = maxAbsWeight > 0 ? Math.abs(weight) / maxAbsWeight : 0;
                return new EdgeStyle(super.edge(weight, maxAbsWeight).colour(), EdgeStyle.MAX_WIDTH * share);
            }
        };
        assertEquals(Set.of(name("5.5", 1), name("5.5", 2)), failing(bug));
    }
}
