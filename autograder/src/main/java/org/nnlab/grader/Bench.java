package org.nnlab.grader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./nnlab grade --bench N}: the grading benchmark (300 notebooks on 2 cores in
 * under 10 minutes). Makes N notebook submissions of notebook 01 from the reference and the student
 * notebook with variations (full marks, untouched, a wrong sigmoid, transposed weights, a compile error,
 * the cost written differently), each a distinct file, grades them as a batch ({@link Batch#grade}, each in its
 * own JVM, {@code --jobs} at once) and prints per submission its wall time, its JVM's start cost (from
 * starting the process, sandbox included, to the worker's {@code main}) and its read-and-compile time,
 * then the totals, the load average before and after (the machine may be shared) and whether the goal
 * was met.
 */
public final class Bench {

    /** The goal: 300 notebooks in 10 minutes on 2 cores. */
    static final double GOAL_SECONDS_PER_300 = 300;

    private Bench() {
    }

    /** The variants, in turn: a name and the exercise cells to replace in the reference (null: the student notebook). */
    static final List<Map.Entry<String, Map<String, String>>> VARIANTS = List.of(
            Map.entry("reference", Map.of()),
            Map.entry("untouched", Map.of()),
            Map.entry("wrong-sigmoid", Map.of("1.2", "public double sigmoid(double z) {\n    return 1 / (1 + Math.exp(z));\n}\n")),
            Map.entry("transposed", Map.of("1.4", """
                    public double[] layer(double[] a, double[][] w, double[] b) {
                        double[] out = new double[b.length];
                        for (int i = 0; i < b.length; i++) {
                            out[i] = neuron(a, w[i], b[i]);
                        }
                        return out;
                    }
                    """)),
            Map.entry("compile-error", Map.of("1.5", "public double[] wrongInput() {\n    return new double[] {0.5, 0.5}\n}\n")),
            Map.entry("rewritten-cost", Map.of("1.7", "public double cost(double[] y, double[] yTrue) {\n    double s = 0;\n"
                    + "    for (int i = 0; i < y.length; i++) { s += (y[i] - yTrue[i]) * (y[i] - yTrue[i]); }\n    return s;\n}\n")));

    /**
     * Writes {@code n} submissions into {@code folder}: {@code NNN-variant.ipynb}, from {@code reference}
     * and {@code student} (notebook 01), each with a comment naming it so that no two are the same file.
     */
    static List<Path> makeSubmissions(Path folder, int n, Path reference, Path student) throws IOException {
        Files.createDirectories(folder);
        List<Path> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map.Entry<String, Map<String, String>> v = VARIANTS.get(i % VARIANTS.size());
            JsonNode nb = Reports.JSON.readTree((v.getKey().equals("untouched") ? student : reference).toFile());
            boolean marked = false;
            for (JsonNode cell : nb.path("cells")) {
                JsonNode id = cell.path("metadata").path("nnlab").path("exercise");
                if (id.isMissingNode() || id.isNull()) {
                    continue;
                }
                String src = v.getValue().getOrDefault(id.asText(), source(cell.get("source")));
                if (!marked) {
                    src = "// submission " + i + " (" + v.getKey() + ")\n" + src;
                    marked = true;
                }
                ((ObjectNode) cell).put("source", src);
            }
            Path p = folder.resolve(String.format(Locale.ROOT, "%03d-%s.ipynb", i, v.getKey()));
            Reports.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValue(p.toFile(), nb);
            made.add(p);
        }
        return made;
    }

    private static String source(JsonNode node) {
        if (node != null && node.isArray()) {
            StringBuilder b = new StringBuilder();
            node.forEach(line -> b.append(line.asText()));
            return b.toString();
        }
        return node == null ? "" : node.asText();
    }

    /** Runs the benchmark; prints to {@code System.out}. Returns 0 when the goal was met, 1 otherwise. */
    static int run(Sandbox box, int n, int jobs, Path root, Path work) throws Exception {
        Path reference = root.resolve("solutions/notebooks/01-rectangle.ipynb");
        Path student = root.resolve("notebooks/01-rectangle.ipynb");
        if (!Files.isRegularFile(reference) || !Files.isRegularFile(student)) {
            System.err.println("grade --bench: expected the notebooks " + reference + " and " + student
                    + " (run it from the project's folder, or set -Dnnlab.root)");
            return 2;
        }
        Path folder = work.resolve("submissions");
        Path out = work.resolve("grades");
        makeSubmissions(folder, n, reference, student);
        String loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "bench: %d notebook submissions (notebook 01, %d variants) in %s, %d workers, %d cores, isolation: %s, "
                        + "class-data archive: %s%nload average before: %s%n", n, VARIANTS.size(), folder, jobs,
                Runtime.getRuntime().availableProcessors(), box.isolation(), box.archive() == null ? "off"
                        : box.archive() + (Files.exists(box.archive()) ? "" : " (written by the first JVM)"), loadBefore);
        long start = System.nanoTime();
        Batch.grade(box, folder, out, jobs, true, List.of("01"));
        double wall = (System.nanoTime() - start) / 1e9;
        String loadAfter = loadAverage();

        List<double[]> rows = new ArrayList<>();   // seconds, start, load, cpu, calls, callbacks, KB, call seconds
        System.out.printf(Locale.ROOT, "%-28s %6s %8s %9s %8s %8s %6s %6s %8s %8s  %s%n", "submission", "score", "seconds", "jvm start", "compile",
                "cpu", "calls", "cb", "KB", "call s", "status");
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Reports.Summary g = Batch.readSummary(d.resolve("grade.json"));
                if (g == null) {
                    continue;
                }
                double js = g.jvmStartSeconds() == null ? Double.NaN : g.jvmStartSeconds();
                double ls = g.loadSeconds() == null ? Double.NaN : g.loadSeconds();
                Result.Protocol p = g.protocol() == null ? Result.Protocol.NONE : g.protocol();
                rows.add(new double[] {g.seconds(), js, ls, g.cpuSeconds(), p.calls(), p.callbacks(), p.bytes() / 1024.0, p.seconds()});
                System.out.printf(Locale.ROOT, "%-28s %6s %8.2f %9.2f %8.2f %8.2f %6d %6d %8.1f %8.2f  %s%n", g.student(), g.total() + "/" + g.max(),
                        g.seconds(), js, ls, g.cpuSeconds(), p.calls(), p.callbacks(), p.bytes() / 1024.0, p.seconds(), g.status());
            }
        }
        double[] secs = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
        double[] starts = rows.stream().mapToDouble(r -> r[1]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] loads = rows.stream().mapToDouble(r -> r[2]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] cpus = rows.stream().mapToDouble(r -> r[3]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        double[] calls = rows.stream().mapToDouble(r -> r[4] + r[5]).sorted().toArray();
        double[] kb = rows.stream().mapToDouble(r -> r[6]).sorted().toArray();
        double[] callSeconds = rows.stream().mapToDouble(r -> r[7]).sorted().toArray();
        double per300 = wall / n * 300;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%nper submission (one JVM each): mean %.2f s, median %.2f s, p90 %.2f s, max %.2f s%n",
                mean(secs), pct(secs, 50), pct(secs, 90), pct(secs, 100));
        System.out.printf(Locale.ROOT, "JVM start (process start to the worker's main): mean %.2f s, median %.2f s; reading + compiling: mean %.2f s%n",
                mean(starts), pct(starts, 50), mean(loads));
        System.out.printf(Locale.ROOT, "the call-by-call protocol: mean %.0f calls and callbacks per submission, %.1f KB received, %.3f s waited "
                + "on the worker's answers (%.2f ms per call or callback, the tests' own time included)%n", mean(calls), mean(kb),
                mean(callSeconds), 1000 * mean(callSeconds) / Math.max(1, mean(calls)));
        System.out.printf(Locale.ROOT, "wall: %.1f s for %d submissions with %d workers = %.2f s per submission; 300 would take %.1f min (goal: 5 min): %s%n",
                wall, n, jobs, wall / n, per300 / 60, per300 <= GOAL_SECONDS_PER_300 ? "MET" : "NOT MET");
        System.out.printf(Locale.ROOT, "CPU per submission (user + system of its worker JVMs, and the judge's threads for it): mean %.2f s, median %.2f s; on %d idle cores 300 would take "
                + "%.1f min (300 x mean CPU / cores)%n", mean(cpus), pct(cpus, 50), cores, 300 * mean(cpus) / cores / 60);
        System.out.println("load average after: " + loadAfter + " (1, 5, 15 min; other work on the machine slows the figures)");
        return per300 <= GOAL_SECONDS_PER_300 ? 0 : 1;
    }

    static double mean(double[] xs) {
        return xs.length == 0 ? Double.NaN : Arrays.stream(xs).average().orElse(Double.NaN);
    }

    /** The p-th percentile of sorted {@code xs} (nearest rank). */
    static double pct(double[] xs, double p) {
        if (xs.length == 0) {
            return Double.NaN;
        }
        int k = (int) Math.ceil(p / 100 * xs.length) - 1;
        return xs[Math.max(0, Math.min(xs.length - 1, k))];
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + ", " + f[1] + ", " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
