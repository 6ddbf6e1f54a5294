package org.nnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MachineTest {

    private static final String LOWER = Machine.MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT);
    private String camel;
    private String lower;

    @BeforeEach
    void keepProperties() {
        camel = System.getProperty(Machine.MAX_PHYSICAL_BYTES);
        lower = System.getProperty(LOWER);
        System.clearProperty(Machine.MAX_PHYSICAL_BYTES);
        System.clearProperty(LOWER);
    }

    @AfterEach
    void restoreProperties() {
        restore(Machine.MAX_PHYSICAL_BYTES, camel);
        restore(LOWER, lower);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    @DisplayName("JavaCPP's resident-memory check is turned off when the command line did not set its limit")
    void turnsTheCheckOffByDefault() {
        Machine.withoutResidentMemoryCheck();
        assertEquals("0", System.getProperty(Machine.MAX_PHYSICAL_BYTES));
    }

    @Test
    @DisplayName("a limit from the command line, in either spelling, is kept (to measure with the check on)")
    void keepsALimitFromTheCommandLine() {
        System.setProperty(Machine.MAX_PHYSICAL_BYTES, "12g");
        Machine.withoutResidentMemoryCheck();
        assertEquals("12g", System.getProperty(Machine.MAX_PHYSICAL_BYTES));

        System.clearProperty(Machine.MAX_PHYSICAL_BYTES);
        System.setProperty(LOWER, "8g");
        Machine.withoutResidentMemoryCheck();
        assertEquals(null, System.getProperty(Machine.MAX_PHYSICAL_BYTES), "JavaCPP reads the lower-case one first");
        assertEquals("8g", System.getProperty(LOWER));
    }

    private static String cpuinfo(String vendor, int family, String flags) {
        return "processor\t: 0\nvendor_id\t: " + vendor + "\ncpu family\t: " + family + "\nmodel\t\t: 17\n"
                + "cpu MHz\t\t: 2596.1\nflags\t\t: " + flags + "\nvmx flags\t: avx512f\n";
    }

    @Test
    @DisplayName("float32 operations per cycle: 64 with two 512-bit FMA units, 32 on Zen 4 or with AVX2 FMA, else 8")
    void flopsPerCycle() {
        String avx512 = "fpu sse2 avx fma avx2 avx512f avx512dq";
        assertEquals(64, Machine.flopsPerCycle(cpuinfo("GenuineIntel", 6, avx512)));
        assertEquals(32, Machine.flopsPerCycle(cpuinfo("AuthenticAMD", 25, avx512)), "Zen 4: 256-bit FMA units");
        assertEquals(64, Machine.flopsPerCycle(cpuinfo("AuthenticAMD", 26, avx512)), "Zen 5: 512-bit FMA units");
        assertEquals(32, Machine.flopsPerCycle(cpuinfo("AuthenticAMD", 23, "fpu sse2 avx fma avx2")));
        assertEquals(8, Machine.flopsPerCycle(cpuinfo("GenuineIntel", 6, "fpu sse2 avx")));
        assertEquals(8, Machine.flopsPerCycle(cpuinfo("GenuineIntel", 6, "fpu sse2 avx fmax")), "a whole flag, not a prefix");
    }

    @Test
    @DisplayName("the environment line names JavaCPP's limit the run had")
    void environmentNamesTheLimit() {
        assertTrue(Machine.environment().matches(".*JavaCPP maxPhysicalBytes [0-9]+$"), Machine.environment());
    }
}
