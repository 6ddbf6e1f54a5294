package org.nnlab.solutions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nnlab.data.Split;
import org.nnlab.exercises.MnistChecks;
import org.nnlab.exercises.MnistExercises;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Init;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;

/** Known-buggy submissions of notebook 07 fail exactly the checks meant to catch them. */
class BuggyMnistTest {

    static Set<String> failing(MnistExercises submission) {
        return Fixtures.failing(MnistChecks.set(), submission);
    }

    static Set<String> checksOf(String... exercises) {
        return Fixtures.checksOf(MnistChecks.set(), exercises);
    }

    @Test
    @DisplayName("the reference passes every check")
    void referencePasses() {
        assertEquals(Set.of(), failing(new MnistSolution()));
    }

    @Test
    @DisplayName("counting the weights but forgetting the biases fails exactly exercise 7.1")
    void biasForgotten() {
        var bug = new MnistSolution() {
            @Override public long parameterCount(int[] sizes) {
                long count = 0;
                for (int l = 1; l < sizes.length; l++) {
                    count += (long) sizes[l - 1] * sizes[l];
                }
                return count;
            }
        };
        assertEquals(checksOf("7.1"), failing(bug));
    }

    @Test
    @DisplayName("dropout layers without the seed fail only the reproducibility check of 7.2")
    void unseededDropout() {
        var bug = new MnistSolution() {
            @Override public Sequential mlp(long seed) {
                Init init = Init.glorotUniform(seed);
                return Sequential.of(new Linear(784, 512, init), new Relu(), new Dropout(0.2),
                        new Linear(512, 512, init), new Relu(), new Dropout(0.2), new Linear(512, 10, init));
            }
        };
        assertEquals(Set.of("7.2: the same seed builds the same weights and dropout masks; another seed other weights"),
                failing(bug));
    }

    @Test
    @DisplayName("Keras's Dropout(0.5) of the CNN in the MLP fails only the layer check of 7.2")
    void wrongDropoutRate() {
        var bug = new MnistSolution() {
            @Override public Sequential mlp(long seed) {
                Init init = Init.glorotUniform(seed);
                return Sequential.of(new Linear(784, 512, init), new Relu(), new Dropout(0.5, seed + 1),
                        new Linear(512, 512, init), new Relu(), new Dropout(0.5, seed + 2), new Linear(512, 10, init));
            }
        };
        assertEquals(Set.of("7.2: the layers: Linear(784 -> 512), Relu, Dropout(0.2), Linear(512 -> 512), Relu, "
                + "Dropout(0.2), Linear(512 -> 10)"), failing(bug));
    }

    @Test
    @DisplayName("argmax over the wrong axis (columns) fails exercise 7.3, and 7.4's accuracy that uses it")
    void argmaxOverTheWrongAxis() {
        var bug = new MnistSolution() {
            @Override public int[] predictions(INDArray logits) {
                return logits.argMax(0).toIntVector();
            }
        };
        Set<String> expected = checksOf("7.3");
        expected.add("7.4: a model right on 3 of the 4 test samples (and on every training sample) has test accuracy 0.75");
        assertEquals(expected, failing(bug));
    }

    @Test
    @DisplayName("measuring the accuracy on the training set fails only the test-accuracy check of 7.4")
    void accuracyOnTheTrainingSet() {
        var bug = new MnistSolution() {
            @Override public double testAccuracy(Layer model, Split data) {
                return super.testAccuracy(model, new Split(data.test(), data.train()));
            }
        };
        assertEquals(Set.of("7.4: a model right on 3 of the 4 test samples (and on every training sample) has test "
                + "accuracy 0.75"), failing(bug));
    }

    @Test
    @DisplayName("leaving dropout on while measuring fails only the dropout check of 7.4")
    void dropoutLeftOn() {
        var bug = new MnistSolution() {
            @Override public double testAccuracy(Layer model, Split data) {
                int[] guess = predictions(model.forward(data.test().features()));
                int[] truth = predictions(data.test().labels());
                return (double) IntStream.range(0, truth.length).filter(i -> guess[i] == truth[i]).count() / truth.length;
            }
        };
        assertEquals(Set.of("7.4: dropout is off while measuring: a model with Dropout(0.5) left in training mode "
                + "still scores 1.0"), failing(bug));
    }

    @Test
    @DisplayName("rows and columns swapped (counts[predicted][actual]) fails only the known-matrix check of 7.5")
    void confusionTransposed() {
        var bug = new MnistSolution() {
            @Override public long[][] confusion(int[] predicted, int[] actual, int classes) {
                long[][] counts = new long[classes][classes];
                for (int i = 0; i < predicted.length; i++) {
                    counts[predicted[i]][actual[i]]++;
                }
                return counts;
            }
        };
        assertEquals(Set.of("7.5: predicted [0, 1, 1, 2], actual [0, 1, 2, 2] gives [[1, 0, 0], [0, 1, 0], [0, 1, 1]] "
                + "(rows: actual)"), failing(bug));
    }

    @Test
    @DisplayName("an off-by-one loop that skips the last sample fails exactly exercise 7.5")
    void confusionSkipsTheLastSample() {
        var bug = new MnistSolution() {
            @Override public long[][] confusion(int[] predicted, int[] actual, int classes) {
                long[][] counts = new long[classes][classes];
                for (int i = 0; i < predicted.length - 1; i++) {
                    counts[actual[i]][predicted[i]]++;
                }
                return counts;
            }
        };
        assertEquals(checksOf("7.5"), failing(bug));
    }

    @Test
    @DisplayName("a mistakes loop that stops one early fails exactly exercise 7.6")
    void mistakesStopOneEarly() {
        var bug = new MnistSolution() {
            @Override public int[] mistakes(int[] predicted, int[] actual) {
                return IntStream.range(0, predicted.length - 1).filter(i -> predicted[i] != actual[i]).toArray();
            }
        };
        assertEquals(checksOf("7.6"), failing(bug));
    }

    @Test
    @DisplayName("forgetting the padding fails only 7.7's padding check; forgetting the stride only its stride check")
    void convolutionArithmetic() {
        var noPadding = new MnistSolution() {
            @Override public int convOutputSide(int side, int kernel, int padding, int stride) {
                return (side - kernel) / stride + 1;
            }
        };
        var noStride = new MnistSolution() {
            @Override public int convOutputSide(int side, int kernel, int padding, int stride) {
                return side + 2 * padding - kernel + 1;
            }
        };
        assertEquals(Set.of("7.7: padding 1 keeps 28 with a 3x3 filter; a 5x5 filter needs padding 2"), failing(noPadding));
        assertEquals(Set.of("7.7: stride 2 halves: (24 - 2) / 2 + 1 = 12 (the 2x2 pooling), (8 - 3) / 2 + 1 = 3"),
                failing(noStride));
    }
}
