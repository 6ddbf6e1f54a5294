package org.nnlab.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Init;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Linear;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Sigmoid;

class GradCheckTest {

    /** A sigmoid whose backward forgets the factor (1 - y): the classic mistake. */
    static final class BuggySigmoid implements Layer {
        private INDArray y;

        @Override
        public INDArray forward(INDArray x) {
            y = new Sigmoid().forward(x);
            return y;
        }

        @Override
        public INDArray backward(INDArray g) {
            return g.mul(y);
        }

        @Override
        public long[] outputShape(long[] s) {
            return s;
        }

        @Override
        public String toString() {
            return "BuggySigmoid";
        }
    }

    @Test
    @DisplayName("a correct layer passes with an error near rounding noise")
    void correctLayerPasses() {
        GradCheck.Result r = GradCheck.layer(new Linear(3, 2, Init.glorotUniform(1)), Init.normal(0, 1, 2).create(4, 3));
        assertTrue(r.maxRelativeError() < 1e-8, r::report);
        assertEquals(3, r.checks().size());
        assertTrue(r.report().contains("Linear(3 -> 2).weight"), r.report());
    }

    @Test
    @DisplayName("a wrong backward fails, and the report shows analytic and numeric values")
    void buggyLayerFails() {
        GradCheck.Result r = GradCheck.layer(new BuggySigmoid(), Init.normal(0, 1, 3).create(2, 3));
        assertTrue(r.maxRelativeError() > 0.1, r::report);
        assertTrue(!r.passed(1e-6));
        assertTrue(r.report().startsWith("Gradient check of BuggySigmoid: max error"), r.report());
        assertTrue(r.report().contains("analytic"), r.report());
    }

    @Test
    @DisplayName("float parameters are refused: gradient checks need double")
    void refusesFloat() {
        Layer floatLayer = new Layer() {
            final Parameter w = new Parameter("w", Nd4j.ones(DataType.FLOAT, 2));

            public INDArray forward(INDArray x) {
                return x;
            }

            public INDArray backward(INDArray g) {
                return g;
            }

            public List<Parameter> parameters() {
                return List.of(w);
            }

            public long[] outputShape(long[] s) {
                return s;
            }
        };
        var e = assertThrows(IllegalArgumentException.class, () -> GradCheck.layer(floatLayer, Nd4j.ones(1, 2)));
        assertTrue(e.getMessage().startsWith("GradCheck: expected double parameters but was w of type FLOAT."), e.getMessage());
    }
}
