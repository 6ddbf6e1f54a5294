package org.nnlab.grader;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.nnlab.exercises.ExerciseSet;

/**
 * Starts the workers ({@link Worker}) of the submissions, each in a sandbox, and grades a submission
 * with a {@link Judge}. The sandbox is bubblewrap ({@code bwrap}): the worker sees the JDK and the
 * system's libraries ({@code /usr}), the jars of its class path and ND4J's unpacked natives, all
 * read-only, and an empty scratch folder, its only writable place; not the project, its {@code .git},
 * a home folder, another submission or the machine's {@code /tmp}. It runs as an unprivileged user in
 * its own user, PID, network, IPC and UTS namespaces (no network, no signal to another process), and
 * the whole namespace dies with the worker or with the grader. Without bubblewrap there is only
 * {@code none}: the worker is still its own JVM, with the heap, time and output limits, but can read
 * and write what the grader's user can; {@link GradeMain} asks for {@code --sandbox none} to grade so.
 */
public final class Sandbox {

    private static final Logger LOG = Logger.getLogger(Sandbox.class.getName());

    /** The sandboxes: {@code auto} is bwrap where it works, else none. */
    public static final List<String> MODES = List.of("auto", "bwrap", "none");

    /** Limits and isolation of the grading JVMs. */
    public record Options(int memoryMb, double testSeconds, double submissionSeconds, long outputCap, String isolation) {
        public Options {
            if (!MODES.contains(isolation)) {
                throw new IllegalArgumentException("--sandbox: expected one of " + MODES + " but got '" + isolation + "'"
                        + (isolation.startsWith("unshare") ? ". 'unshare' was removed: it left the machine's files and the other"
                        + " submissions readable; install bubblewrap (apt-get install bubblewrap) or grade with --sandbox none" : ""));
            }
        }

        public static Options defaults() {
            return new Options(512, 10, 300, 1 << 20, "auto");
        }
    }

    private static final String PRLIMIT = "/usr/bin/prlimit";

    private final Options options;
    private final String isolation;
    private final Path archive;       // the AppCDS archive of the grading JVMs, or null (disabled)
    private final List<String> classPath;   // the workers': without the hidden tests and the reference solutions
    private boolean archiveTried;     // writeArchive ran

    /**
     * Where the grading JVMs' class-data-sharing archive lives: the system property
     * {@code nnlab.grader.cds} (a file; {@code off} disables it), else a file in java.io.tmpdir named
     * after a hash of the JVM and of the class path's files (names, sizes, times), so that a rebuilt
     * jar gets a new archive instead of a mismatched one.
     */
    static Path archivePath() {
        String p = System.getProperty("nnlab.grader.cds", "");
        if (p.equals("off")) {
            return null;
        }
        if (!p.isBlank()) {
            return Path.of(p).toAbsolutePath();
        }
        StringBuilder key = new StringBuilder(System.getProperty("java.home")).append(System.getProperty("java.vm.version"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            File f = new File(entry);
            key.append('|').append(f.getAbsolutePath()).append(':').append(f.length()).append(':').append(f.lastModified());
            if (f.isDirectory()) {
                try (var files = Files.walk(f.toPath())) {
                    key.append(':').append(files.mapToLong(x -> x.toFile().lastModified()).max().orElse(0));
                } catch (IOException e) {
                    key.append(":?");
                }
            }
        }
        String hash = Integer.toHexString(key.toString().hashCode()) + Integer.toHexString(key.reverse().toString().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "nnlab-grader-" + hash + ".jsa").toAbsolutePath();
    }

    public Sandbox(Options options) {
        this.options = options;
        boolean bwrap = !options.isolation().equals("none") && works(List.of("bwrap", "--unshare-all", "--ro-bind", "/", "/", "true"));
        if (options.isolation().equals("bwrap") && !bwrap) {
            throw new IllegalStateException("--sandbox bwrap: bubblewrap does not work here (is it installed? apt-get install bubblewrap;"
                    + " in a container it needs user namespaces)");
        }
        this.isolation = bwrap ? "bwrap" : "none";
        this.archive = archivePath();
        Path cache = archive != null ? archive.getParent() : Path.of(System.getProperty("java.io.tmpdir"));
        try {
            this.classPath = Secrets.split(List.of(System.getProperty("java.class.path").split(File.pathSeparator)), cache).classPath();
        } catch (IOException e) {
            throw new UncheckedIOException("grade: could not separate the hidden tests from the grader's class path: " + e.getMessage(), e);
        }
    }

    /** The workers' class path: the grader's without the hidden tests and the reference solutions. */
    public List<String> workerClassPath() {
        return classPath;
    }

    /**
     * The class-data-sharing options of a worker: the archive when it exists, else none. The archive
     * holds the classes of the JDK, ND4J and the worker that a worker loads (not a submission's): ~1 s
     * less per JVM.
     */
    private List<String> cdsOptions() {
        return archive != null && Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off") : List.of();
    }

    /**
     * Writes the archive, once, with a worker that loads no submission: a submission's worker never
     * writes it (an exit during its initialisers would fail the dump and change its exit code, and what
     * it loaded has no place in the next one's).
     */
    private synchronized void writeArchive() {
        if (archive == null || archiveTried || Files.isRegularFile(archive)) {
            return;
        }
        archiveTried = true;
        try {
            Path dir = Files.createTempDirectory("nnlab-grader-cds-");
            Path dumped = dir.resolve("worker.jsa");
            Connection c = launch(dir, List.of("-XX:ArchiveClassesAtExit=" + dumped, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            Wire.Body none = new Wire.Body();
            none.out.writeInt(0);
            c.send(Wire.Op.LOAD, none.bytes());
            c.receive(System.nanoTime() + 120_000_000_000L);
            c.send(Wire.Op.EXIT, new byte[0]);
            c.receive(System.nanoTime() + 60_000_000_000L);
            c.waitForExit(60);
            Files.createDirectories(archive.getParent());
            Path tmp = Files.createTempFile(archive.getParent(), ".nnlab-grader", ".jsa.tmp");
            Files.copy(dumped, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dumped);
            Files.deleteIfExists(dir);
        } catch (IOException | Connection.Ended e) {
            LOG.warning("grade: could not write the class-data archive " + archive + ": " + e.getMessage()
                    + " (grading works without it, each JVM starts ~1 s slower)");
        }
    }

    /** The class-data-sharing archive of the workers, or null when disabled. */
    public Path archive() {
        return archive;
    }

    /** How the workers are isolated: "bwrap" or "none". */
    public String isolation() {
        return isolation;
    }

    /** Grades {@code submission} on the notebooks {@code sets}, its worker writing only in {@code scratch}. */
    public Result grade(String student, Path submission, List<ExerciseSet<?>> sets, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        return new Judge(this, options).grade(student, submission, sets, scratch.toAbsolutePath().normalize());
    }

    /** Starts a worker whose only writable folder is {@code scratch}; it connects to the judge through a Unix socket. */
    Connection start(Path scratch) {
        writeArchive();
        return launch(scratch, cdsOptions());
    }

    private Connection launch(Path scratch, List<String> cds) {
        ServerSocketChannel server;
        Path socket;
        try {
            // a folder of its own with a short path (a socket's path has at most 107 bytes), visible to this worker only
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "nnlab-judge-");
            socket = dir.resolve("s");
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("grade: could not open the judge's socket: " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        if (isolation.equals("bwrap")) {
            cmd.addAll(bwrap(scratch, cds.isEmpty() ? null : archive));
            cmd.addAll(List.of("--bind", socket.getParent().toString(), socket.getParent().toString()));
        }
        cmd.addAll(java(cds, socket));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratch.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("OMP_NUM_THREADS", "1");
        long spawn = System.currentTimeMillis();
        try {
            Process p = pb.start();
            p.onExit().thenRun(() -> {
                try {
                    Files.deleteIfExists(socket);
                    Files.deleteIfExists(socket.getParent());
                } catch (IOException e) {
                    // a leftover empty folder in /tmp
                }
            });
            return new Connection(p, server, options.outputCap(), spawn);
        } catch (IOException e) {
            throw new UncheckedIOException("grade: could not start a grading JVM: " + e.getMessage(), e);
        }
    }

    private List<String> java(List<String> cds, Path socket) {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(Path.of(PRLIMIT))) {
            // no file larger than 256 MB (a submission filling the disk), no core dumps, and a cap on the memory it
            // writes (RLIMIT_DATA): the heap and ND4J's arrays, which JavaCPP's maxbytes does not count; past it an
            // allocation fails in the submission's code ("Allocation failed: std::bad_alloc") and the worker lives
            cmd.addAll(List.of(PRLIMIT, "--fsize=" + (256L << 20), "--core=0", "--data=" + dataLimit()));
        }
        cmd.addAll(List.of(javaBin(), "-Xmx" + options.memoryMb() + "m", "-Xss1m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism"));
        cmd.addAll(cds);
        // extra options for experiments (e.g. -XX:TieredStopAtLevel=4), after ours so that they win
        for (String o : System.getProperty("nnlab.grader.jvm-options", "").split("\\s+")) {
            if (!o.isBlank()) {
                cmd.add(o);
            }
        }
        cmd.addAll(List.of("-Duser.home=" + System.getProperty("user.home"), "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache(),
                "-Dorg.bytedeco.javacpp.maxbytes=" + options.memoryMb() + "m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (3L * options.memoryMb() + 256) + "m",
                "-cp", String.join(File.pathSeparator, classPath), Worker.class.getName(), socket.toString(), String.valueOf(options.outputCap())));
        return cmd;
    }

    /**
     * The bwrap command: the system read-only, the class path's files and ND4J's natives read-only, the
     * scratch folder writable, nothing else; an unprivileged user in namespaces of its own.
     */
    private List<String> bwrap(Path scratch, Path archiveUsed) {
        List<String> cmd = new ArrayList<>(List.of("bwrap", "--unshare-all", "--die-with-parent", "--new-session",
                "--uid", "65534", "--gid", "65534", "--ro-bind", "/usr", "/usr"));
        for (String dir : List.of("lib", "lib64", "bin", "sbin")) {
            Path p = Path.of("/" + dir);
            if (Files.isSymbolicLink(p)) {
                cmd.addAll(List.of("--symlink", "usr/" + dir, "/" + dir));
            } else if (Files.isDirectory(p)) {
                cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        cmd.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        for (Path p : readOnly(archiveUsed)) {
            cmd.addAll(List.of("--ro-bind", p.toString(), p.toString()));
        }
        cmd.addAll(List.of("--bind", scratch.toString(), scratch.toString(), "--chdir", scratch.toString()));
        return cmd;
    }

    /** What the worker reads besides /usr: the JDK, its /etc files, the class path, ND4J's natives, the archive. */
    private Set<Path> readOnly(Path archiveUsed) {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(real(Path.of(System.getProperty("java.home"))));
        for (String etc : List.of("/etc/localtime", "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d")) {
            paths.add(Path.of(etc));
        }
        try (var java = Files.list(Path.of("/etc"))) {
            java.filter(p -> p.getFileName().toString().startsWith("java")).forEach(paths::add);
        } catch (IOException e) {
            // no /etc/java*: a JDK that keeps its configuration at home
        }
        classPath.forEach(e -> paths.add(Path.of(e).toAbsolutePath().normalize()));
        try (var dirs = Files.list(javacppCache())) {
            dirs.filter(Files::isDirectory).sorted().forEach(paths::add);
        } catch (IOException e) {
            // not unpacked yet: the worker unpacks them into its scratch folder
        }
        if (archiveUsed != null) {
            paths.add(archiveUsed);
        }
        paths.removeIf(p -> !Files.exists(p) || p.startsWith("/usr/"));
        return paths;
    }

    /** The worker's writable memory: its heap, 4 times as much for ND4J's arrays, and 512 MB for the JVM itself. */
    private long dataLimit() {
        return (4L * options.memoryMb() + 512) << 20;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }

    /** ND4J's natives, unpacked once by the grader's own JVM into JavaCPP's cache. */
    private static Path javacppCache() {
        return Path.of(System.getProperty("org.bytedeco.javacpp.cachedir", System.getProperty("user.home") + "/.javacpp/cache"));
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
