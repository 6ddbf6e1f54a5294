package org.nnlab.grader.hidden;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Split;
import org.nnlab.exercises.Expect;
import org.nnlab.exercises.MnistExercises;
import org.nnlab.grader.Graded;
import org.nnlab.grader.Grading;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Sequential;

/**
 * Hidden tests of notebook 07: run only when grading (not by the notebook's self-check), reported
 * per Gradescope's visibility; the judge runs them with the time limit of every graded test.
 */
public class MnistHidden {

    private final MnistExercises e = Grading.implementation(MnistExercises.class);

    @Test
    @Graded(exercise = "7.1", points = 1, visibility = "after_published")
    @DisplayName("784-10 (no hidden layer) has 7,850 parameters; the CNN's dense part 9216-128-10 has 1,181,066")
    void otherNetworks() {
        Expect.near(7_850, e.parameterCount(new int[] {784, 10}), 0, "parameterCount({784, 10})");
        Expect.near(1_181_066, e.parameterCount(new int[] {9216, 128, 10}), 0, "parameterCount({9216, 128, 10})");
    }

    @Test
    @Graded(exercise = "7.2", points = 1, visibility = "hidden")
    @DisplayName("in evaluation mode the MLP is a function: the same input gives the same finite logits twice")
    void evaluationModeIsDeterministic() {
        var model = e.mlp(3);
        Expect.notNull(model, "mlp(3)");
        model.setTraining(false);
        var x = Nd4j.rand(DataType.DOUBLE, 5, 784);
        var first = model.forward(x);
        Expect.that(first.equals(model.forward(x)), "mlp(3) in evaluation mode gave two different outputs for one input");
        Expect.equal("[5, 10]", Arrays.toString(first.shape()), "the shape of the logits for an input [5, 784]");
        Expect.that(Arrays.stream(first.dup().data().asDouble()).allMatch(Double::isFinite),
                "mlp(3) gave logits that are not finite numbers");
    }

    @Test
    @Graded(exercise = "7.4", points = 1, visibility = "hidden")
    @DisplayName("10 classes: a model right on 7 of 10 test samples scores 0.7, whatever it does on the 2 training samples")
    void tenClasses() {
        double[][] eye = new double[10][10];
        for (int i = 0; i < 10; i++) {
            eye[i][i] = 1;
        }
        double[][] labels = new double[10][10];
        for (int i = 0; i < 10; i++) {
            labels[i][i < 7 ? i : (i + 1) % 10] = 1;   // the last 3 labelled as another digit
        }
        var model = Sequential.of(Linear.withWeights(eye));
        var train = Dataset.of(Nd4j.createFromArray(new double[][] {eye[0], eye[1]}),
                Nd4j.createFromArray(new double[][] {eye[5], eye[6]}));
        var test = Dataset.of(Nd4j.createFromArray(eye), Nd4j.createFromArray(labels));
        Expect.near(0.7, e.testAccuracy(model, new Split(train, test)), 1e-12,
                "testAccuracy of a model right on 7 of 10 test samples");
    }

    @Test
    @Graded(exercise = "7.3", points = 1, visibility = "hidden")
    @DisplayName("all-negative logits: the largest is the one closest to 0; one row of 10 gives one class")
    void negativeLogitsAndOneRow() {
        int[] p = e.predictions(Nd4j.createFromArray(new double[][] {{-5, -2, -9}, {-0.1, -0.2, -0.3}}));
        Expect.equal("[1, 0]", Arrays.toString(p), "predictions([[-5, -2, -9], [-0.1, -0.2, -0.3]])");
        double[][] one = {{0, 1, 2, 3, 4, 5, 6, 7, 9, 8}};
        Expect.equal("[8]", Arrays.toString(e.predictions(Nd4j.createFromArray(one))), "predictions of one row");
    }

    @Test
    @Graded(exercise = "7.5", points = 1, visibility = "hidden")
    @DisplayName("classes that never occur (2 and 4) get rows and columns of zeros; the inputs are not changed")
    void absentClassAndUnchangedInputs() {
        int[] predicted = {0, 3, 3};
        int[] actual = {0, 3, 1};
        long[][] counts = e.confusion(predicted, actual, 5);
        Expect.equal("[[1, 0, 0, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 0]]",
                Arrays.deepToString(counts), "confusion([0, 3, 3], [0, 3, 1], 5)");
        Expect.equal("[0, 3, 3] [0, 3, 1]", Arrays.toString(predicted) + " " + Arrays.toString(actual),
                "the arrays after confusion");
    }

    @Test
    @Graded(exercise = "7.6", points = 1, visibility = "hidden")
    @DisplayName("mistakes of 1,000 samples, every seventh wrong: 143 indices 0, 7, 14, ...")
    void manyMistakes() {
        int[] actual = new int[1000];
        int[] predicted = new int[1000];
        for (int i = 0; i < 1000; i++) {
            actual[i] = i % 10;
            predicted[i] = i % 7 == 0 ? (i + 1) % 10 : i % 10;
        }
        int[] m = e.mistakes(predicted, actual);
        Expect.notNull(m, "mistakes");
        Expect.near(143, m.length, 0, "the number of mistakes");
        for (int k = 0; k < m.length; k++) {
            Expect.near(7.0 * k, m[k], 0, "mistake number " + k);
        }
    }

    @Test
    @Graded(exercise = "7.7", points = 1, visibility = "after_published")
    @DisplayName("a filter as large as the input fits once; stride 3 on 10 with a 4x4 filter fits 3 times")
    void edgeCases() {
        Expect.near(1, e.convOutputSide(5, 5, 0, 1), 0, "convOutputSide(5, kernel 5, padding 0, stride 1)");
        Expect.near(3, e.convOutputSide(10, 4, 0, 3), 0, "convOutputSide(10, kernel 4, padding 0, stride 3)");
    }
}
