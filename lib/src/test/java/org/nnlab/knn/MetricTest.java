package org.nnlab.knn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void twoMetrics() {
        assertEquals(2, Metric.values().length);
        assertEquals(Metric.COSINE, Metric.valueOf("COSINE"));
    }
}
