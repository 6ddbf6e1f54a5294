package org.nnlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ArgsTest {

    @Test
    void messageFollowsThePattern() {
        assertEquals("Thing.method: expected x > 0 but was -1.\nHint: try 1.", Args.message("Thing.method", "x > 0", -1,
                "try 1."));
        assertEquals("A.b: expected c but was an array of shape [2, 3].\nHint: d",
                Args.message("A.b", "c", Nd4j.zeros(2, 3), "d"));
    }

    @Test
    void requireThrowsOnlyWhenFalse() {
        Args.require(true, "A.b", "c", 1, "d");
        var e = assertThrows(IllegalArgumentException.class, () -> Args.require(false, "A.b", "c", null, "d"));
        assertEquals("A.b: expected c but was null.\nHint: d", e.getMessage());
    }
}
