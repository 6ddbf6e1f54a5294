package org.nnlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class SplitTest {

    @Test
    void holdsBothPartsAndPrintsThem() {
        Dataset a = Dataset.of(Nd4j.zeros(3, 2), Nd4j.zeros(3, 1));
        Dataset b = Dataset.of(Nd4j.zeros(1, 2), Nd4j.zeros(1, 1));
        Split s = new Split(a, b);
        assertEquals(a, s.train());
        assertEquals(b, s.test());
        assertEquals("Split(train: Dataset(3 samples, features [3, 2], labels [3, 1]), test: Dataset(1 samples,"
                + " features [1, 2], labels [1, 1]))", s.toString());
    }
}
