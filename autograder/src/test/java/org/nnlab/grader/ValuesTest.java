package org.nnlab.grader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.data.Split;
import org.nnlab.exercises.Catalog;
import org.nnlab.exercises.ExerciseSet;
import org.nnlab.exercises.RectangleWeights;
import org.nnlab.exercises.TwoLayerNet;
import org.nnlab.functions.Function1;
import org.nnlab.knn.Metric;
import org.nnlab.nn.Dropout;
import org.nnlab.nn.Init;
import org.nnlab.nn.Linear;
import org.nnlab.nn.McCullochPitts;
import org.nnlab.nn.Parameter;
import org.nnlab.nn.Relu;
import org.nnlab.nn.Sequential;

class ValuesTest {

    static byte[] write(Object v, Class<?> declared, Values.Remotes remotes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Values.Writer(new DataOutputStream(bytes), remotes).write(v, declared);
        return bytes.toByteArray();
    }

    static Object read(byte[] bytes, Values.Remotes remotes) throws IOException {
        return new Values.Reader(new DataInputStream(new ByteArrayInputStream(bytes)), remotes).read();
    }

    static Object roundTrip(Object v) throws IOException {
        return read(write(v, Object.class, null), null);
    }

    @Test
    @DisplayName("every parameter and result type of every contract can cross (functions only as parameters)")
    void everyContractTypeCrosses() {
        List<String> missing = new ArrayList<>();
        for (ExerciseSet<?> set : Catalog.sets()) {
            for (Method m : set.contract().getMethods()) {
                if (!Modifier.isAbstract(m.getModifiers())) {
                    continue;
                }
                if (m.getReturnType() != void.class && !Values.crosses(m.getGenericReturnType(), false)) {
                    missing.add(m + " returns");
                }
                for (var p : m.getGenericParameterTypes()) {
                    if (!Values.crosses(p, true)) {
                        missing.add(m + " takes " + p);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    @DisplayName("numbers, strings, arrays, enums, records and lists come back equal")
    void plainValues() throws IOException {
        assertEquals(42, roundTrip(42));
        assertEquals(-0.5, roundTrip(-0.5));
        assertEquals(7L, roundTrip(7L));
        assertEquals(true, roundTrip(true));
        assertEquals("x", roundTrip("x"));
        assertEquals(Metric.COSINE, roundTrip(Metric.COSINE));
        assertArrayEquals(new double[][] {{1, 2}, {3}}, (double[][]) roundTrip(new double[][] {{1, 2}, {3}}));
        assertArrayEquals(new long[][] {{1, -2}}, (long[][]) roundTrip(new long[][] {{1, -2}}));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) roundTrip(new boolean[] {true, false}));
        assertEquals(List.of(1, "a"), roundTrip(List.of(1, "a")));
        RectangleWeights w = RectangleWeights.slides();
        RectangleWeights back = (RectangleWeights) roundTrip(w);
        assertEquals(w.output(RectangleChecksX.X), back.output(RectangleChecksX.X), 0);
    }

    @Test
    @DisplayName("INDArrays keep shape, type and numbers (views, column-major, float, long, empty)")
    void ndArrays() throws IOException {
        INDArray m = Nd4j.createFromArray(new double[][] {{1, 2, 3}, {4, 5, 6}});
        for (INDArray a : List.of(m, m.transpose(), m.getColumn(1), m.castTo(DataType.FLOAT), m.castTo(DataType.LONG),
                Nd4j.create(DataType.DOUBLE, 0, 3), Nd4j.scalar(2.5))) {
            INDArray b = (INDArray) roundTrip(a);
            assertEquals(a.dataType(), b.dataType());
            assertArrayEquals(a.shape(), b.shape());
            assertEquals(a, b);
        }
        TwoLayerNet net = new TwoLayerNet(Nd4j.ones(2, 3), Nd4j.zeros(1, 3), Nd4j.ones(3, 1), Nd4j.zeros(1, 1));
        assertEquals(net.w1(), ((TwoLayerNet) roundTrip(net)).w1());
        Split split = new Split(Dataset.of(m, m), Dataset.of(m, m));
        assertEquals(m, ((Split) roundTrip(split)).test().features());
    }

    @Test
    @DisplayName("models of the library's layers are built again: same outputs, parameters, dropout masks and modes")
    void models() throws IOException {
        Sequential model = Sequential.of(new Linear(4, 3, true, Init.glorotUniform(1)), new Relu(), new Dropout(0.5, 9),
                new Linear(3, 2, false, Init.glorotUniform(2)));
        model.parameters().get(0).grad().assign(0.25);
        Sequential copy = (Sequential) roundTrip(model);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 4);
        assertEquals(model.forward(x), copy.forward(x), "the same dropout seed draws the same mask");
        assertEquals(model.parameters().get(0).name(), copy.parameters().get(0).name());
        assertEquals(model.parameters().get(0).grad(), copy.parameters().get(0).grad());
        model.setTraining(false);
        assertEquals(false, ((Sequential) roundTrip(model)).isTraining());
        Parameter p = new Parameter("w", Nd4j.ones(2, 2));
        assertEquals("w", ((Parameter) roundTrip(p)).name());
        McCullochPitts and = new McCullochPitts(new double[] {1, 1}, 2);
        assertEquals(1, ((McCullochPitts) roundTrip(and)).output(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> write(Sequential.of(new Linear(2, 2), new org.nnlab.nn.MaxPool2d(2)), Object.class, null));
        assertTrue(e.getMessage().contains("MaxPool2d") && e.getMessage().contains("Linear, Relu"), e.getMessage());
    }

    @Test
    @DisplayName("an object met twice is one object again (an argument returned as the result stays that argument)")
    void aliasing() throws IOException {
        double[] row = {1, 2};
        Object[] both = (Object[]) roundTrip(new Object[] {row, row});
        assertSame(both[0], both[1]);
    }

    @Test
    @DisplayName("a function crosses as a handle; the judge's side refuses handles it did not give")
    void functions() throws IOException {
        Session.Exports exports = new Session.Exports();
        Function1 f = Function1.of("x^2", x -> x * x);
        byte[] bytes = write(f, Function1.class, exports);
        assertSame(f, read(bytes, exports), "the judge finds its own function again");
        assertThrows(Values.BadValue.class, () -> read(bytes, new Session.Exports()));
        assertThrows(Values.BadValue.class, () -> read(bytes, null));
    }

    @Test
    @DisplayName("bytes that are not a value are refused: unknown tags, classes outside the course, counts beyond the message")
    void badBytes() throws IOException {
        assertThrows(Values.BadValue.class, () -> read(new byte[] {(byte) 200}, null));
        // a record or enum of a class the worker chooses: only the course's data types are made
        for (String type : List.of("java.lang.ProcessBuilder$Redirect$Type", "org.nnlab.grader.Plan$Test", "java.lang.Thread$State")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(type.contains("Plan") ? 14 : 10);
            out.writeUTF(type);
            out.writeUTF("NEW");
            Values.BadValue e = assertThrows(Values.BadValue.class, () -> read(bytes.toByteArray(), null));
            assertTrue(e.getMessage().contains("not one of the course's data types"), e.getMessage());
        }
        byte[] array = write(new double[] {1, 2, 3}, Object.class, null);
        // the count of 3 doubles said to be 2^30
        int at = array.length - 3 * 8 - 4;
        array[at] = 0x40;
        Values.BadValue big = assertThrows(Values.BadValue.class, () -> read(array, null));
        assertTrue(big.getMessage().contains("in a message of"), big.getMessage());
    }

    /** The slides' input, as RectangleChecks has it. */
    static final class RectangleChecksX {
        static final double[] X = org.nnlab.exercises.RectangleChecks.X;
    }
}
