package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.loss.SoftmaxCrossEntropy;
import org.nnlab.optim.Adam;
import org.nnlab.optim.Optimizer;
import org.nnlab.optim.RmsProp;

class BuffersTest {

    private static Sequential model(DataType type) {
        Init init = Init.glorotUniform(3).withDataType(type);
        return Sequential.of(new Linear(6, 8, init), new Relu(), new Dropout(0.3, 5), new Linear(8, 8, init),
                new Relu(), new Dropout(0.2, 6), new Linear(8, 3, init));
    }

    /** Uniform on [-0.5, 0.5) from java.util.Random (ND4J's generator, shared by the whole test JVM, is not reseeded reliably). */
    private static INDArray data(long seed, long rows, long cols) {
        var random = new java.util.Random(seed);
        double[] v = new double[(int) (rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    private static INDArray oneHot(long rows) {
        INDArray t = Nd4j.zeros(DataType.DOUBLE, rows, 3);
        for (int r = 0; r < rows; r++) {
            t.putScalar(r, r % 3, 1.0);
        }
        return t;
    }

    /** Trains a few steps (two batch sizes, as with an epoch's tail) and returns the parameters. */
    private static List<Parameter> train(boolean reuse, DataType type, boolean adam) {
        Sequential m = model(type);
        Optimizer opt = adam ? new Adam(m.parameters()) : new RmsProp(m.parameters());
        var loss = new SoftmaxCrossEntropy();
        for (int step = 0; step < 6; step++) {
            long rows = step % 3 == 2 ? 5 : 16;
            INDArray x = data(step, rows, 6).castTo(type);
            Supplier<INDArray> body = () -> {
                opt.zeroGrad();
                loss.forward(m.forward(x), oneHot(rows));
                INDArray dx = m.backward(loss.backward());
                opt.step();
                return dx;
            };
            if (reuse) {
                try (Buffers.Scope s = Buffers.reuse()) {
                    body.get();
                }
            } else {
                body.get();
            }
        }
        return m.parameters();
    }

    @Test
    @DisplayName("training inside a scope gives the numbers of training outside, to double precision (RmsProp and Adam)")
    void sameNumbersInAndOutOfAScope() {
        for (boolean adam : new boolean[] {false, true}) {
            List<Parameter> plain = train(false, DataType.DOUBLE, adam);
            List<Parameter> reused = train(true, DataType.DOUBLE, adam);
            for (int i = 0; i < plain.size(); i++) {
                assertEquals(plain.get(i).value(), reused.get(i).value(), plain.get(i).name() + (adam ? " Adam" : ""));
                // the same operations; at most a rounding difference in the last bits (1e-19 seen on a bias)
                assertEquals(0.0, plain.get(i).value().sub(reused.get(i).value()).amaxNumber().doubleValue(), 1e-14,
                        "to double precision: " + plain.get(i).name());
            }
        }
    }

    @Test
    @DisplayName("float32 training inside a scope matches outside to float precision")
    void floatInAndOut() {
        List<Parameter> plain = train(false, DataType.FLOAT, false);
        List<Parameter> reused = train(true, DataType.FLOAT, false);
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(DataType.FLOAT, reused.get(i).value().dataType());
            assertTrue(plain.get(i).value().equalsWithEps(reused.get(i).value(), 1e-5), plain.get(i).name());
        }
    }

    @Test
    @DisplayName("outside a scope every forward returns a new array; inside, the layer's own array again")
    void outputsAreNewOutsideAndReusedInside() {
        Linear layer = new Linear(4, 3, Init.glorotUniform(1));
        INDArray x = data(1, 2, 4);
        INDArray a = layer.forward(x);
        INDArray b = layer.forward(x);
        assertNotSame(a, b);
        assertEquals(a, b);
        try (Buffers.Scope s = Buffers.reuse()) {
            assertTrue(Buffers.reusing());
            INDArray c = layer.forward(x);
            assertSame(c, layer.forward(x));
            assertEquals(a, c);
            INDArray tail = layer.forward(data(2, 1, 4));
            assertNotSame(c, tail, "a batch of another size gets its own array");
            assertSame(c, layer.forward(x), "and the full batch's array is still kept");
        }
        assertFalse(Buffers.reusing());
    }

    @Test
    @DisplayName("a scope that declares the input gradient unread gets null from the model; parameters still learn")
    void unreadInputGradient() {
        Sequential m = model(DataType.DOUBLE);
        Sequential reference = model(DataType.DOUBLE);
        INDArray x = data(4, 8, 6);
        var loss = new SoftmaxCrossEntropy();
        loss.forward(reference.forward(x), oneHot(8));
        assertNotNull(reference.backward(loss.backward()));
        try (Buffers.Scope s = Buffers.reuse().inputGradientUnread(m)) {
            loss.forward(m.forward(x), oneHot(8));
            assertNull(m.backward(loss.backward()));
        }
        for (int i = 0; i < m.parameters().size(); i++) {
            assertEquals(reference.parameters().get(i).grad(), m.parameters().get(i).grad());
        }
        // the declaration ends with its scope
        try (Buffers.Scope s = Buffers.reuse()) {
            loss.forward(m.forward(x), oneHot(8));
            assertNotNull(m.backward(loss.backward()));
        }
    }

    @Test
    @DisplayName("matmul: the same product as mmul with either transpose, in or out of a scope")
    void matmulMatchesMmul() {
        INDArray a = data(5, 3, 4);
        INDArray b = data(6, 3, 5);
        INDArray expected = a.transpose().mmul(b);
        Buffers.Slot slot = new Buffers.Slot();
        assertEquals(expected, Buffers.matmul(a, true, b, false, slot));
        try (Buffers.Scope s = Buffers.reuse()) {
            assertEquals(expected, Buffers.matmul(a, true, b, false, slot));
            assertEquals(b.transpose().mmul(a), Buffers.matmul(b, true, a, false, slot));
            INDArray sum = expected.dup();
            Buffers.addMatmul(sum, a, true, b, false);
            assertEquals(expected.mul(2), sum);
        }
    }
}
