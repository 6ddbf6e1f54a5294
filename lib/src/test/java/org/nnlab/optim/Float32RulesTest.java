package org.nnlab.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.internal.ArrayChunks;

class Float32RulesTest {

    private static Parameter param(DataType type) {
        return new Parameter("w", Nd4j.linspace(-2, 2, 2 * ArrayChunks.SIZE + 5, DataType.DOUBLE).reshape(1, -1).castTo(type));
    }

    @Test
    @DisplayName("RmsProp and Adam have a float32 rule; a subclass (which may change the rule) has none")
    void exactlyTheLibraryClassesHaveOne() {
        List<Parameter> ps = List.of(param(DataType.FLOAT));
        assertNotNull(Float32Rules.of(new RmsProp(ps)));
        assertNotNull(Float32Rules.of(new Adam(ps)));
        assertNull(Float32Rules.of(new RmsProp(ps) { }));
        assertNull(Float32Rules.of(new ElementwiseOptimizerTest.CountingDescent(ps)));
    }

    @Test
    @DisplayName("over several chunks and steps, the float32 rules give the double rules' numbers to float precision")
    void float32RulesFollowTheDoubleRules() {
        for (Function<List<Parameter>, Optimizer> make : List.<Function<List<Parameter>, Optimizer>>of(
                ps -> new RmsProp(ps, 0.01, 0.9, 1e-7), ps -> new Adam(ps, 0.01, 0.9, 0.999, 1e-8))) {
            Parameter d = param(DataType.DOUBLE);
            Parameter f = param(DataType.FLOAT);
            Optimizer od = make.apply(List.of(d));
            Optimizer of = make.apply(List.of(f));
            for (int step = 1; step <= 4; step++) {
                INDArray g = Nd4j.linspace(-1, 3, d.size(), DataType.DOUBLE).reshape(1, -1).muli(step % 2 == 0 ? -1 : 0.5);
                d.grad().assign(g);
                f.grad().assign(g);
                od.step();
                of.step();
            }
            double[] expected = d.value().data().asDouble();
            double[] actual = f.value().castTo(DataType.DOUBLE).data().asDouble();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-5, od + ", element " + i);
            }
            assertEquals(DataType.FLOAT, f.value().dataType());
        }
    }
}
