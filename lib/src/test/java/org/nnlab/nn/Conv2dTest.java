package org.nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Conv2dTest implements LayerContract {

    @Override
    public Layer createLayer() {
        Conv2d c = new Conv2d(2, 3, 3, 1, 0, Init.glorotUniform(5));
        c.bias().set(Init.uniform(-1, 1, 6).create(3));
        return c;
    }

    @Override
    public INDArray sampleInput() {
        return LayerContract.randomInput(13, 2, 2, 5, 4);
    }

    @Override
    public INDArray wrongInput() {
        return Nd4j.zeros(2, 3, 5, 4);
    }

    /** The formula in the Javadoc, as loops. */
    static double[] naive(Conv2d c, INDArray x, int k, int s, int p) {
        long[] os = c.outputShape(x.shape());
        INDArray w = c.weight().value();
        double[] y = new double[(int) (os[0] * os[1] * os[2] * os[3])];
        int n = 0;
        for (int b = 0; b < os[0]; b++) {
            for (int o = 0; o < os[1]; o++) {
                for (int i = 0; i < os[2]; i++) {
                    for (int j = 0; j < os[3]; j++) {
                        double sum = c.bias().value().getDouble(o);
                        for (int ch = 0; ch < x.size(1); ch++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    long r = (long) i * s + u - p;
                                    long q = (long) j * s + v - p;
                                    if (r >= 0 && q >= 0 && r < x.size(2) && q < x.size(3)) {
                                        sum += w.getDouble(o, ch, u, v) * x.getDouble(b, ch, r, q);
                                    }
                                }
                            }
                        }
                        y[n++] = sum;
                    }
                }
            }
        }
        return y;
    }

    @Test
    @DisplayName("forward equals the convolution formula written as loops")
    void matchesLoops() {
        Conv2d c = (Conv2d) createLayer();
        INDArray x = sampleInput();
        assertArrayEquals(naive(c, x, 3, 1, 0), c.forward(x).data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("a known kernel: the sum over each 2x2 window")
    void knownKernel() {
        Conv2d c = new Conv2d(1, 1, 2, 1, 0, Init.zeros());
        c.weight().set(Nd4j.ones(Init.DTYPE, 1, 1, 2, 2));
        INDArray x = Nd4j.createFromArray(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}).reshape(1, 1, 3, 3);
        assertArrayEquals(new double[] {12, 16, 24, 28}, c.forward(x).data().asDouble(), 1e-12);
    }

    @Test
    @DisplayName("names, shapes and errors")
    void namesAndErrors() {
        Conv2d c = new Conv2d(1, 32, 3);
        assertEquals("Conv2d(1 -> 32, 3x3, stride 1, padding 0)", c.toString());
        assertArrayEquals(new long[] {32, 1, 3, 3}, c.weight().shape());
        assertArrayEquals(new long[] {-1, 32, 26, 26}, c.outputShape(new long[] {-1, 1, 28, 28}));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> c.forward(Nd4j.zeros(32, 784)));
        assertEquals("Conv2d(1 -> 32, 3x3, stride 1, padding 0).forward: expected input of shape"
                + " [batch, 1, height, width] but was [32, 784].\nHint: images are [batch, channels, height, width];"
                + " reshape flat rows, e.g. x.reshape(batch, 1, 28, 28) for MNIST.", e.getMessage());
    }

    @Test
    @DisplayName("the slides' MNIST CNN runs forward and backward on a batch of 8 (eval: shapes, train: finite)")
    void mnistCnnRuns() {
        Sequential cnn = Sequential.of(new Conv2d(1, 32, 3), new Relu(), new Conv2d(32, 64, 3), new Relu(),
                new MaxPool2d(2), new Dropout(0.25, 1), new Flatten(), new Linear(9216, 128), new Relu(),
                new Dropout(0.5, 2), new Linear(128, 10), new Softmax());
        INDArray x = Init.uniform(0, 1, 3).create(8, 1, 28, 28);
        long t0 = System.nanoTime();
        INDArray y = cnn.forward(x);
        INDArray dx = cnn.backward(Nd4j.ones(Init.DTYPE, 8, 10));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertArrayEquals(new long[] {8, 10}, y.shape());
        assertArrayEquals(x.shape(), dx.shape());
        assertTrue(ms < 20_000, "one step took " + ms + " ms");
    }

    @Nested
    @DisplayName("with stride 2 and padding 1")
    class StridedPadded implements LayerContract {
        @Override
        public Layer createLayer() {
            Conv2d c = new Conv2d(2, 2, 3, 2, 1, Init.glorotUniform(8));
            c.bias().set(Init.uniform(-1, 1, 9).create(2));
            return c;
        }

        @Override
        public INDArray sampleInput() {
            return LayerContract.randomInput(14, 2, 2, 5, 6);
        }

        @Override
        public INDArray wrongInput() {
            return Nd4j.zeros(2, 5, 6);
        }

        @Test
        void matchesLoops() {
            Conv2d c = (Conv2d) createLayer();
            INDArray x = sampleInput();
            INDArray y = c.forward(x);
            assertArrayEquals(new long[] {2, 2, 3, 3}, y.shape());
            assertArrayEquals(naive(c, x, 3, 2, 1), y.data().asDouble(), 1e-12);
        }
    }

    @Test
    @DisplayName("float32: the native conv2d/conv2d_bp give the double im2col code's output and gradients (stride, padding)")
    void floatRunsNativeAndAgreesWithDouble() {
        for (int[] sp : new int[][] {{1, 0}, {2, 1}}) {
            Conv2d d = new Conv2d(3, 4, 3, sp[0], sp[1], Init.glorotUniform(5));
            Conv2d f = new Conv2d(3, 4, 3, sp[0], sp[1], Init.glorotUniform(5).withDataType(DataType.FLOAT));
            assertEquals(DataType.FLOAT, f.bias().value().dataType());
            INDArray x = Init.uniform(-0.5, 0.5, 1).create(2, 3, 7, 6);
            INDArray yd = d.forward(x);
            INDArray yf = f.forward(x.castTo(DataType.FLOAT));
            assertEquals(DataType.FLOAT, yf.dataType());
            assertArrayEquals(yd.shape(), yf.shape());
            assertTrue(yd.equalsWithEps(yf.castTo(DataType.DOUBLE), 1e-5), "forward, stride/padding " + sp[0] + "/" + sp[1]);
            INDArray g = Init.uniform(-0.5, 0.5, 2).create(yd.shape());
            INDArray dxd = d.backward(g);
            INDArray dxf = f.backward(g.castTo(DataType.FLOAT));
            assertTrue(dxd.equalsWithEps(dxf.castTo(DataType.DOUBLE), 1e-5), "dL/dx");
            assertTrue(d.weight().grad().equalsWithEps(f.weight().grad().castTo(DataType.DOUBLE), 1e-4), "dL/dW");
            assertTrue(d.bias().grad().equalsWithEps(f.bias().grad().castTo(DataType.DOUBLE), 1e-4), "dL/db");
            // inside a training step (its arrays in the step's workspace): the same numbers
            f.weight().zeroGrad();
            f.bias().zeroGrad();
            try (var step = org.nnlab.nn.internal.StepScope.open(f)) {
                assertTrue(yf.equalsWithEps(f.forward(x.castTo(DataType.FLOAT)), 1e-6));
                assertTrue(dxf.equalsWithEps(f.backward(g.castTo(DataType.FLOAT)), 1e-6));
            }
        }
    }
}
