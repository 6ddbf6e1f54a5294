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
import org.nd4j.linalg.indexing.NDArrayIndex;

class MatrixProductsTest {

    private static final INDArray X = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}, {5, 6}});          // [3, 2]
    private static final INDArray G = Nd4j.createFromArray(new double[][] {{1, -1, 0}, {2, 0, 1}, {0, 3, -2}}); // [3, 3]

    @Test
    @DisplayName("a b, aᵀ b, a bᵀ and 1ᵀ g give ND4J's mmul of the transposes, views and float included")
    void productsAsTheFormulasWriteThem() {
        assertEquals(X.transpose().mmul(G), transposeTimes(X, G).value());
        assertEquals(G.mmul(X), times(G, X));
        assertEquals(G.mmul(G.transpose()), timesTranspose(G, G));
        assertEquals(G.sum(true, 0), columnSums(G).value());
        assertEquals(G.getRows(0, 1).sum(true, 0), columnSums(G.getRows(0, 1)).value(), "a smaller batch after a larger one");
        assertEquals(X.getColumn(1, true).transpose().mmul(G), transposeTimes(X.getColumn(1, true), G).value(), "a view");
        INDArray f = times(G.castTo(DataType.FLOAT), X.castTo(DataType.FLOAT));
        assertEquals(DataType.FLOAT, f.dataType());
        assertArrayEquals(G.mmul(X).data().asDouble(), f.castTo(DataType.DOUBLE).data().asDouble(), 1e-6);
    }

    @Test
    @DisplayName("a product added into an array: c + aᵀ b by gemm into c, or computed and added for another type or a view")
    void productsAddedIntoAnArray() {
        INDArray expected = X.transpose().mmul(G).addi(1);
        INDArray c = Nd4j.ones(DataType.DOUBLE, 2, 3);
        transposeTimes(X, G).addTo(c);
        assertEquals(expected, c);
        INDArray f = Nd4j.ones(DataType.FLOAT, 2, 3);
        transposeTimes(X, G).addTo(f);
        assertEquals(expected.castTo(DataType.FLOAT), f, "a float array gets the double product");
        INDArray wide = Nd4j.ones(DataType.DOUBLE, 2, 4);
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
        transposeTimes(X, G).addTo(view);
        assertEquals(expected, wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)), "a view");
        assertEquals(Nd4j.ones(DataType.DOUBLE, 2, 1), wide.getColumn(3, true), "the rest untouched");
        INDArray sums = Nd4j.ones(DataType.DOUBLE, 1, 3);
        columnSums(G).addTo(sums);
        assertEquals(G.sum(true, 0).addi(1), sums);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> transposeTimes(X, G).addTo(Nd4j.ones(3, 2)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("[2, 3]"), e.getMessage());
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
