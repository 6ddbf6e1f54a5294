package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Init;

/**
 * What a benchmark line says about the machine it ran on (its peak arithmetic rate and its environment),
 * and how the benchmarks run ND4J on it.
 */
public final class Machine {

    /** JavaCPP's limit on the process's resident memory; 0 turns its check off. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private Machine() {
    }

    /**
     * Turns off JavaCPP's check of the process's resident memory, as the notebook kernel does
     * (tools/kernel/kernelspec.py), unless the command line set the limit (JavaCPP reads both spellings
     * of the property). With a limit above 0, JavaCPP reads {@code /proc/self/statm} each time ND4J
     * wraps native memory in a pointer, several times per operation (an MLP step makes about a hundred),
     * to call the garbage collector when the process holds more than the limit. A training step's
     * arrays live in an ND4J workspace that the next step reuses, so that check finds nothing to free there.
     * Must run before ND4J loads: JavaCPP reads the property once.
     */
    static void withoutResidentMemoryCheck() {
        String lowerCase = MAX_PHYSICAL_BYTES.toLowerCase(Locale.ROOT);   // the spelling JavaCPP reads first
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty(lowerCase) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /**
     * This machine's peak in GFLOPS for the type: cores × clock × floating-point operations per cycle
     * and core (two FMA units of 512 bits with AVX-512: 64 float / 32 double; 32 / 16 with AVX2 or AVX
     * FMA, and with AVX-512 on AMD's Zen 4 (CPU family 25), whose two FMA units are 256 bits wide;
     * 8 / 4 otherwise), from {@code /proc/cpuinfo}; {@code NNLAB_PEAK_GFLOPS} (for float; double is half)
     * overrides. NaN when unknown.
     */
    public static double peakGflops(DataType type) {
        double scale = type == DataType.DOUBLE ? 0.5 : 1.0;
        String env = System.getenv("NNLAB_PEAK_GFLOPS");
        if (env != null && !env.isBlank()) {
            return Double.parseDouble(env) * scale;
        }
        try {
            String info = Files.readString(Path.of("/proc/cpuinfo"));
            double mhz = info.lines().filter(l -> l.startsWith("cpu MHz")).mapToDouble(
                    l -> Double.parseDouble(l.substring(l.indexOf(':') + 1).trim())).max().orElse(Double.NaN);
            return Runtime.getRuntime().availableProcessors() * mhz / 1000 * flopsPerCycle(info) * scale;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Float32 operations per cycle and core, from the flags, vendor and family of {@code /proc/cpuinfo}. */
    static int flopsPerCycle(String cpuinfo) {
        String flags = " " + field(cpuinfo, "flags") + " ";
        boolean zen4 = field(cpuinfo, "vendor_id").equals("AuthenticAMD") && field(cpuinfo, "cpu family").equals("25");
        return flags.contains(" avx512f ") && !zen4 ? 64 : flags.contains(" fma ") ? 32 : 8;
    }

    /** The value of the first line {@code name : value} of {@code /proc/cpuinfo}, "" when there is none. */
    private static String field(String cpuinfo, String name) {
        return cpuinfo.lines().filter(l -> l.startsWith(name) && l.indexOf(':') > 0
                && l.substring(0, l.indexOf(':')).trim().equals(name)).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
    }

    /**
     * Java version, ND4J backend and its threads, OMP_NUM_THREADS, cores, BLAS and the data type of
     * the library's arrays.
     */
    public static String environment() {
        return environment(null);
    }

    /** As {@link #environment()}, naming the data type of the run. */
    static String environment(MnistBenchmark.Options options) {
        Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
        String omp = System.getenv("OMP_NUM_THREADS");
        String wait = System.getenv("OMP_WAIT_POLICY");
        String spin = System.getenv("GOMP_SPINCOUNT");
        // the values are not all Strings, so Properties.getProperty would miss them
        return String.format(Locale.ROOT, "Java %s (%s), ND4J %s, %d threads (omp.threads %s, blas.threads %s),"
                        + " OMP_NUM_THREADS=%s, OMP_WAIT_POLICY=%s, GOMP_SPINCOUNT=%s, OPENBLAS_CORETYPE=%s, %d cores, BLAS %s,"
                        + " data type %s, JavaCPP maxPhysicalBytes %d",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Nd4j.getBackend().getClass().getSimpleName(), Nd4j.getEnvironment().maxThreads(),
                info.getOrDefault("omp.threads", "?"), info.getOrDefault("blas.threads", "?"),
                omp == null ? "unset" : omp, wait == null ? "unset" : wait, spin == null ? "unset" : spin,
                Objects.requireNonNullElse(System.getenv("OPENBLAS_CORETYPE"), "unset"), Runtime.getRuntime().availableProcessors(),
                info.getOrDefault("blas.vendor", "?"), options == null ? Init.DTYPE : options.dataType(),
                Pointer.maxPhysicalBytes());
    }
}
