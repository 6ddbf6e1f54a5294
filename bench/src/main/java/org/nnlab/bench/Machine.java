package org.nnlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Init;

/** What a benchmark line says about the machine it ran on: its peak arithmetic rate and its environment. */
public final class Machine {

    private Machine() {
    }

    /**
     * This machine's peak in GFLOPS for the type: cores × clock × floating-point operations per cycle
     * and core (two FMA units of 512 bits with AVX-512: 64 float / 32 double; 32 / 16 with AVX2 or AVX
     * FMA; 8 / 4 otherwise), from {@code /proc/cpuinfo}; {@code NNLAB_PEAK_GFLOPS} (for float; double is
     * half) overrides. NaN when unknown.
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
            String flags = info.lines().filter(l -> l.startsWith("flags")).findFirst().orElse("");
            int perCycle = flags.contains(" avx512f") ? 64 : flags.contains(" fma") ? 32 : 8;
            return Runtime.getRuntime().availableProcessors() * mhz / 1000 * perCycle * scale;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
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
                        + " data type %s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Nd4j.getBackend().getClass().getSimpleName(), Nd4j.getEnvironment().maxThreads(),
                info.getOrDefault("omp.threads", "?"), info.getOrDefault("blas.threads", "?"),
                omp == null ? "unset" : omp, wait == null ? "unset" : wait, spin == null ? "unset" : spin,
                Objects.requireNonNullElse(System.getenv("OPENBLAS_CORETYPE"), "unset"), Runtime.getRuntime().availableProcessors(),
                info.getOrDefault("blas.vendor", "?"), options == null ? Init.DTYPE : options.dataType());
    }
}
