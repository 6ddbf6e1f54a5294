package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DatasetsTest {

    @Test
    @DisplayName("36 of the 512 images are one filled rectangle: C(4,2)^2")
    void rectanglePositives() {
        Dataset d = Datasets.rectangles();
        assertArrayEquals(new long[] {512, 9}, d.features().shape());
        assertArrayEquals(new long[] {512, 1}, d.labels().shape());
        assertEquals(DataType.DOUBLE, d.features().dataType());
        assertEquals(36.0, d.labels().sumNumber().doubleValue());
        assertTrue(d.hasClassLabels());
    }

    @Test
    void imageIHasTheBitsOfI() {
        Dataset d = Datasets.rectangles();
        // 0b100_001_011 = 267: pixels 0, 1, 3, 8
        assertArrayEquals(new double[] {1, 1, 0, 1, 0, 0, 0, 0, 1}, d.features().getRow(267).toDoubleVector());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "000000000, 0",   // empty
        "100000000, 1",   // one pixel
        "111111111, 1",   // the whole grid
        "110110000, 1",   // 2x2 top left
        "000100100, 1",   // the slides' x = [0,0,0,1,0,0,1,0,0]: a vertical 2x1 bar
        "010010010, 1",   // middle column
        "101000000, 0",   // two pixels with a gap
        "110100000, 0",   // an L
        "111101111, 0",   // a ring
        "100000001, 0"    // two corners
    })
    void specificImages(String pixels, int label) {
        int index = 0;
        for (int j = 0; j < 9; j++) {
            if (pixels.charAt(j) == '1') {
                index |= 1 << j;
            }
        }
        assertEquals(label, (int) Datasets.rectangles().labels().getDouble(index, 0), pixels);
    }

    @Test
    void randomDataHasTheSlidesShapesAndIsReproducible() {
        Split a = Datasets.random(3);
        assertArrayEquals(new long[] {64, 20}, a.train().features().shape());
        assertArrayEquals(new long[] {64, 1}, a.train().labels().shape());
        assertArrayEquals(new long[] {64, 20}, a.test().features().shape());
        assertEquals(a.train().features(), Datasets.random(3).train().features());
        assertNotEquals(a.train().features(), a.test().features());
        assertNotEquals(a.train().features(), Datasets.random(4).train().features());
        // roughly standard normal
        INDArray all = Datasets.random(4000, 5, 1, 1).features();
        assertEquals(0, all.meanNumber().doubleValue(), 0.03);
        assertEquals(1, all.stdNumber().doubleValue(), 0.03);
        assertFalse(a.train().hasClassLabels());
    }

    @Test
    @DisplayName("structured targets are the slides' linear function of the inputs (std 5) plus noise")
    void structuredData() {
        Split s = Datasets.structured(0.0, 11);
        assertEquals(64, s.train().size());
        assertEquals(32, s.test().size());
        INDArray x = s.train().features();
        INDArray y = s.train().labels();
        for (int i = 0; i < 64; i++) {
            double y0 = x.getDouble(i, 3) - x.getDouble(i, 1) + 2 * x.getDouble(i, 4);
            double y1 = 7 * x.getDouble(i, 0) - 4 * x.getDouble(i, 2) + x.getDouble(i, 5);
            assertEquals(y0, y.getDouble(i, 0), 1e-12);
            assertEquals(y1, y.getDouble(i, 1), 1e-12);
        }
        assertEquals(5.0, Datasets.structured(5000, 0, 2).features().stdNumber().doubleValue(), 0.1);
        // the noise has the requested std
        Dataset noisy = Datasets.structured(5000, 0.5, 2);
        Dataset exact = Datasets.structured(5000, 0.0, 2);
        assertEquals(exact.features(), noisy.features());
        assertEquals(0.5, noisy.labels().sub(exact.labels()).stdNumber().doubleValue(), 0.02);
    }

    @Test
    void invalidArgumentsAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.structured(-1, 1));
        assertEquals("Datasets.structured: expected a noise standard deviation >= 0 but was -1.0.\n"
                + "Hint: 0 gives exact targets; try 0.1 or 1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Datasets.random(0, 3, 1, 1));
        assertTrue(e.getMessage().startsWith("Datasets.random: expected positive sizes n, inputs, outputs but was"
                + " n = 0, inputs = 3, outputs = 1."));
    }

    @Test
    void oneHot() {
        assertEquals(Nd4j.createFromArray(new double[][] {{0, 0, 1}, {1, 0, 0}}),
                Datasets.oneHot(new int[] {2, 0}, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(new int[] {3}, 3));
        assertEquals("Datasets.oneHot: expected class indices in [0, 3) but was classes[0] = 3.\n"
                + "Hint: class indices start at 0.", e.getMessage());
    }

    @Nested
    @DisplayName("two-input sets (xor, moons, spirals)")
    class Plane {

        @Test
        @DisplayName("xor: [n, 2] points in [-1, 1]^2, class 1 exactly where x * y < 0")
        void xorLabelsAreTheSignsDiffering() {
            Dataset d = Datasets.xor(300, 0, 7);
            assertArrayEquals(new long[] {300, 2}, d.features().shape());
            assertArrayEquals(new long[] {300, 1}, d.labels().shape());
            assertTrue(d.hasClassLabels());
            double[][] xy = d.features().toDoubleMatrix();
            for (int i = 0; i < 300; i++) {
                assertTrue(Math.abs(xy[i][0]) <= 1 && Math.abs(xy[i][1]) <= 1, "point " + i);
                assertEquals(xy[i][0] * xy[i][1] < 0 ? 1.0 : 0.0, d.labels().getDouble(i, 0), "point " + i);
            }
            // uniform in the square: about half of each class
            assertEquals(150, d.labels().sumNumber().doubleValue(), 30);
        }

        @Test
        @DisplayName("moons: class 0 on the unit upper half circle, class 1 on the one centred at (1, 0.5), alternating")
        void moonsLieOnTheirHalfCircles() {
            Dataset d = Datasets.moons(201, 0, 3);
            assertArrayEquals(new long[] {201, 2}, d.features().shape());
            assertEquals(100.0, d.labels().sumNumber().doubleValue());   // 101 of class 0, 100 of class 1
            double[][] xy = d.features().toDoubleMatrix();
            for (int i = 0; i < 201; i++) {
                double x = xy[i][0];
                double y = xy[i][1];
                assertEquals(i % 2, d.labels().getDouble(i, 0), "point " + i);
                if (i % 2 == 0) {
                    assertEquals(1.0, x * x + y * y, 1e-12, "point " + i);
                    assertTrue(y >= 0, "point " + i);
                } else {
                    assertEquals(1.0, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12, "point " + i);
                    assertTrue(y <= 0.5, "point " + i);
                }
            }
        }

        @Test
        @DisplayName("spirals: a point at radius r sits at angle 2 pi 1.75 r (+ pi for class 1)")
        void spiralsTurnWithTheRadius() {
            Dataset d = Datasets.spirals(200, 0, 11);
            assertArrayEquals(new long[] {200, 2}, d.features().shape());
            assertEquals(100.0, d.labels().sumNumber().doubleValue());
            double[][] xy = d.features().toDoubleMatrix();
            for (int i = 0; i < 200; i++) {
                double r = Math.hypot(xy[i][0], xy[i][1]);
                assertTrue(r < 1, "point " + i);
                double expected = 2 * Math.PI * 1.75 * r + Math.PI * (i % 2);
                double diff = Math.IEEEremainder(Math.atan2(xy[i][1], xy[i][0]) - expected, 2 * Math.PI);
                assertEquals(0, diff, 1e-9, "point " + i + " at radius " + r);
                assertEquals(i % 2, d.labels().getDouble(i, 0), "point " + i);
            }
        }

        @Test
        @DisplayName("the same seed gives the same points, another seed others; noise moves points, not labels")
        void seededAndNoisy() {
            assertEquals(Datasets.spirals(50, 0.1, 5).features(), Datasets.spirals(50, 0.1, 5).features());
            assertEquals(Datasets.moons(50, 0.1, 5).features(), Datasets.moons(50, 0.1, 5).features());
            assertEquals(Datasets.xor(50, 0.1, 5).features(), Datasets.xor(50, 0.1, 5).features());
            assertNotEquals(Datasets.xor(50, 0.1, 5).features(), Datasets.xor(50, 0.1, 6).features());
            Dataset exact = Datasets.moons(2000, 0, 9);
            Dataset noisy = Datasets.moons(2000, 0.2, 9);
            assertEquals(exact.labels(), noisy.labels());
            // the noise is drawn after each clean point, so the clean points differ: compare the spread instead
            double[][] xy = noisy.features().toDoubleMatrix();
            double sum = 0;
            for (int i = 0; i < 2000; i += 2) {
                sum += Math.pow(Math.hypot(xy[i][0], xy[i][1]) - 1, 2);
            }
            assertEquals(0.2, Math.sqrt(sum / 1000), 0.03, "distance from the circle ~ the noise's std");
        }

        @Test
        void invalidArgumentsAreExplained() {
            var e = assertThrows(IllegalArgumentException.class, () -> Datasets.spirals(0, 0.1, 1));
            assertEquals("Datasets.spirals: expected a number of points n > 0 but was 0.\nHint: e.g. 200.",
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> Datasets.moons(10, -0.1, 1));
            assertEquals("Datasets.moons: expected a noise standard deviation >= 0 but was -0.1.\n"
                    + "Hint: 0 puts every point on its curve; 0.1 blurs the classes a little.", e.getMessage());
        }
    }
}
