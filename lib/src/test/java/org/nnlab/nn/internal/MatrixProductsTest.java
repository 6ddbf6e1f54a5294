package org.nnlab.nn.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnlab.nn.internal.MatrixProducts.columnSums;
import static org.nnlab.nn.internal.MatrixProducts.times;
import static org.nnlab.nn.internal.MatrixProducts.timesTranspose;
import static org.nnlab.nn.internal.MatrixProducts.transposeTimes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatrixProductsTest {

    private static final INDArray X = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});          // [3, 2]
    private static final INDArray G = Nd4j.createFromArray(new double[][] {{1, -1, 0}, {2, 0, 1}, {0, 3, -2}}); // [3, 3]

    @Test
    @DisplayName("a b, aᵀ b, a bᵀ and 1ᵀ g give ND4J's mmul of the transposes, views and float included")
    void productsAsTheFormulasWriteThem() {
        assertEquals(X.transpose().mmul(G), transposeTimes(X, G));
        assertEquals(G.mmul(X), times(G, X));
        assertEquals(G.mmul(G.transpose()), timesTranspose(G, G));
        assertEquals(G.sum(true, 0), columnSums(G));
        assertEquals(G.getRows(0, 1).sum(true, 0), columnSums(G.getRows(0, 1)), "a smaller batch after a larger one");
        assertEquals(X.getColumn(1, true).transpose().mmul(G), transposeTimes(X.getColumn(1, true), G), "a view");
        INDArray f = times(G.castTo(DataType.FLOAT), X.castTo(DataType.FLOAT));
        assertEquals(DataType.FLOAT, f.dataType());
        assertArrayEquals(G.mmul(X).data().asDouble(), f.castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
    }

    @Test
    @DisplayName("g Wᵀ is computed, unless a step says that nobody reads the input gradient of W's layer")
    void inputGradientSkippedOnlyWhenUnread() {
        INDArray w = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});   // [2, 3]
        Object model = new Object();
        try (StepScope step = StepScope.open(model).withoutInputGradient()) {
            assertEquals(G.mmul(w.transpose()), timesTranspose(G, w), "the model has not passed it on to a layer");
            StepScope.passInputGradientUnread(model, "first layer", List.of(w));
            INDArray skipped = timesTranspose(G, w);
            assertArrayEquals(new long[] {3, 2}, skipped.shape(), "an array of the gradient's shape stands for it");
            INDArray other = Nd4j.createFromArray(new double[][] {{1, 0, 0}, {0, 1, 0}});
            assertEquals(G.mmul(other.transpose()), timesTranspose(G, other), "another layer's weight");
        }
        assertEquals(G.mmul(w.transpose()), timesTranspose(G, w), "after the step");
    }
}
