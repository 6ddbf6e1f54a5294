package org.nnlab.grader;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.nnlab.exercises.ExerciseSet;

/**
 * {@code ./nnlab grade --gradescope-package OUT.zip [--notebook NN]...}: a Gradescope autograder
 * package (https://gradescope-autograders.readthedocs.io/en/latest/specs/), a zip with at its root:
 * <ul>
 * <li>{@code setup.sh}: run once by Gradescope when it builds the image (Ubuntu, as root): installs
 *     Java 17 (openjdk-17-jdk-headless: the grader compiles submissions, so a JDK) and bubblewrap with
 *     apt, then warms up: ND4J's natives unpacked, the grading JVMs' class-data archive written;</li>
 * <li>{@code run_autograder}: grades {@code $ROOT/submission} (whatever the student uploaded: a
 *     notebook, several, a zip, starter classes) as one submission and writes
 *     {@code $ROOT/results/results.json} ({@link Reports#resultsJson}) and {@code feedback.html};
 *     {@code ROOT} is {@code /autograder} unless the environment variable
 *     {@code NNLAB_AUTOGRADER_ROOT} says otherwise (the tests). When the grader itself fails it still
 *     writes a results.json with score 0 and what went wrong, so the student never sees a blank;</li>
 * <li>{@code lib/*.jar} and {@code classpath.txt}: the grader and its class path (this JVM's: the
 *     autograder, lib, exercises, ND4J, JUnit; class folders are packed into jars), so Gradescope needs
 *     no Maven and no network at grading time;</li>
 * <li>{@code warmup/}: the student notebooks of the graded notebooks (public anyway), graded once by
 *     setup.sh.</li>
 * </ul>
 * Jars are stored (they are compressed already); the scripts keep their executable bit (zipfs with
 * POSIX attributes).
 */
public final class GradescopePackage {

    /** The environment variable that moves {@code /autograder} (for testing the package anywhere). */
    public static final String ROOT_VARIABLE = "NNLAB_AUTOGRADER_ROOT";

    private GradescopePackage() {
    }

    /** Builds the package for the notebooks named (all when none) into {@code out}; prints what it did. Returns the exit code. */
    public static int build(Path out, List<String> notebooks) throws IOException {
        return build(out, notebooks, Path.of(System.getProperty("nnlab.root", ".")).toAbsolutePath().normalize(),
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    }

    /** As {@link #build(Path, List)} with the project folder (for the student notebooks) and the class path to ship. */
    static int build(Path out, List<String> notebooks, Path root, List<String> classPath) throws IOException {
        if (!out.getFileName().toString().endsWith(".zip")) {
            System.err.println("grade --gradescope-package: expected a file name ending in .zip, got " + out
                    + " (Gradescope takes the autograder as a .zip). Example: --gradescope-package build/gradescope-01.zip");
            return 2;
        }
        for (String n : notebooks) {
            if (org.nnlab.exercises.Catalog.sets().stream().noneMatch(s -> s.notebook().equals(n) || s.notebook().startsWith(n + "-"))) {
                System.err.println("grade --gradescope-package: no notebook matches --notebook " + n + "; the graded notebooks are "
                        + org.nnlab.exercises.Catalog.sets().stream().map(ExerciseSet::notebook).toList() + " (give a number like 01 or a full name)");
                return 2;
            }
        }
        List<ExerciseSet<?>> sets = GradeMain.sets(notebooks, List.of());
        Path abs = out.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), ".gradescope", ".zip");
        Files.delete(tmp);   // zipfs creates it
        List<String> jars;
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + tmp.toUri()),
                Map.of("create", "true", "enablePosixFileAttributes", "true", "noCompression", "true"))) {
            jars = packJars(Files.createDirectories(zip.getPath("/lib")), classPath);
            Files.writeString(zip.getPath("/classpath.txt"), String.join(":", jars) + "\n");
            List<String> samples = packWarmUp(Files.createDirectories(zip.getPath("/warmup")), sets, root);
            String flags = String.join(" ", sets.stream().map(s -> "--notebook " + s.notebook()).toList());
            script(zip.getPath("/setup.sh"), setupScript(samples.isEmpty() ? null : samples.get(0), flags));
            script(zip.getPath("/run_autograder"), runScript(flags));
        }
        Files.move(tmp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("wrote %s (%.1f MB): setup.sh, run_autograder, %d jars, notebooks %s%n", out, Files.size(abs) / 1e6, jars.size(),
                sets.stream().map(ExerciseSet::notebook).toList());
        System.out.println("upload it as the assignment's autograder (Configure Autograder -> Zip file upload, Ubuntu 22.04 image)");
        return 0;
    }

    /** Copies the class path's jars into {@code lib} and packs its class folders into jars (not the test classes); returns their names. */
    private static List<String> packJars(Path lib, List<String> classPath) throws IOException {
        List<String> jars = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : classPath) {
            Path p = Path.of(entry);
            if (entry.isBlank() || !Files.exists(p) || p.getFileName().toString().equals("test-classes")) {
                continue;
            }
            String name = jarName(p, names);
            if (Files.isDirectory(p)) {
                try (OutputStream o = Files.newOutputStream(lib.resolve(name))) {
                    jarFolder(p, o);
                }
            } else {
                Files.copy(p, lib.resolve(name));
            }
            jars.add(name);
        }
        return jars;
    }

    /** Copies the student notebooks of {@code sets} into {@code warm} (setup.sh grades the first once); returns their file names. */
    private static List<String> packWarmUp(Path warm, List<ExerciseSet<?>> sets, Path root) throws IOException {
        List<String> samples = new ArrayList<>();
        for (ExerciseSet<?> s : sets) {
            Path nb = root.resolve("notebooks").resolve(s.notebook() + ".ipynb");
            if (Files.isRegularFile(nb)) {
                Files.copy(nb, warm.resolve(nb.getFileName().toString()));
                samples.add(nb.getFileName().toString());
            }
        }
        return samples;
    }

    private static void script(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A unique jar file name for a class path entry: the jar's own name, a folder's module name. */
    private static String jarName(Path p, Set<String> taken) {
        String base;
        if (Files.isDirectory(p)) {
            Path module = p.getParent() != null && p.getParent().getParent() != null ? p.getParent().getParent().getFileName() : p.getFileName();
            base = "nnlab-" + module + "-classes.jar";
        } else {
            base = p.getFileName().toString();
        }
        String name = base;
        for (int k = 2; !taken.add(name); k++) {
            name = k + "-" + base;
        }
        return name;
    }

    /** Packs a class folder into a jar, entries sorted so the jar is reproducible. */
    private static void jarFolder(Path dir, OutputStream out) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream jar = new JarOutputStream(out, m); Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace(File.separatorChar, '/'));
                e.setTime(0);
                jar.putNextEntry(e);
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }

    static String setupScript(String sample, String flags) {
        return """
                #!/usr/bin/env bash
                # nnlab's Gradescope setup (run once, as root, when Gradescope builds the autograder image).
                set -euo pipefail
                SRC="${NNLAB_AUTOGRADER_ROOT:-/autograder}/source"
                export DEBIAN_FRONTEND=noninteractive
                apt-get update -qq
                # a JDK, not a JRE: the grader compiles the submissions (javax.tools)
                apt-get install -y -qq openjdk-17-jdk-headless bubblewrap >/dev/null
                chmod +x "$SRC/run_autograder" "${NNLAB_AUTOGRADER_ROOT:-/autograder}/run_autograder" 2>/dev/null || true
                java -version
                """ + (sample == null ? "" : """
                # warm-up: ND4J unpacks its natives once, and the first grading JVM writes the class-data
                # archive ($SRC/worker.jsa) that makes every later grading JVM start ~1 s faster
                CP="$(sed -e "s|^|$SRC/lib/|" -e "s|:|:$SRC/lib/|g" "$SRC/classpath.txt")"
                java -cp "$CP" org.nnlab.grader.GradescopePackage --warm-up || echo "warning: the ND4J warm-up failed (grading unpacks the natives itself)"
                mkdir -p /tmp/nnlab-warmup
                java -Xmx1g -Dnnlab.grader.cds="$SRC/worker.jsa" -cp "$CP" org.nnlab.grader.GradeMain "$SRC/warmup/%s" %s \\
                    --out /tmp/nnlab-warmup >/dev/null || echo "warning: the warm-up grading failed (grading still works, slower)"
                rm -rf /tmp/nnlab-warmup
                """.formatted(sample, flags));
    }

    static String runScript(String flags) {
        return """
                #!/usr/bin/env bash
                # nnlab's Gradescope autograder: grades $ROOT/submission as one submission into $ROOT/results/results.json.
                # ROOT is /autograder on Gradescope; NNLAB_AUTOGRADER_ROOT moves it (for testing the package).
                ROOT="${NNLAB_AUTOGRADER_ROOT:-/autograder}"
                SRC="$ROOT/source"
                mkdir -p "$ROOT/results"
                CP="$(sed -e "s|^|$SRC/lib/|" -e "s|:|:$SRC/lib/|g" "$SRC/classpath.txt")"
                cd "$ROOT"
                rm -f "$ROOT/results/results.json"
                java -Xmx1g -Dnnlab.grader.cds="$SRC/worker.jsa" -cp "$CP" org.nnlab.grader.GradeMain "$ROOT/submission" --one \\
                    --out "$ROOT/results" %s
                code=$?
                if [ ! -s "$ROOT/results/results.json" ]; then
                  # the grader itself failed: still give Gradescope (and the student) a result that says so
                  cat > "$ROOT/results/results.json" <<EOF
                {"score": 0.0, "output": "The autograder could not grade this submission (exit code $code); your instructor has been told: please tell them too.", "visibility": "visible", "stdout_visibility": "hidden", "tests": []}
                EOF
                fi
                exit 0
                """.formatted(flags);
    }

    /** {@code --warm-up}: loads ND4J once, so its natives are unpacked before the first submission. */
    public static void main(String[] args) {
        if (args.length != 1 || !args[0].equals("--warm-up")) {
            System.err.println("GradescopePackage: expected --warm-up, got " + List.of(args) + " (setup.sh runs it; to build a package use "
                    + "./nnlab grade --gradescope-package OUT.zip)");
            System.exit(2);
        }
        System.out.println("ND4J: " + org.nd4j.linalg.factory.Nd4j.create(new double[] {1, 2}).sumNumber() + " (natives loaded)");
        System.exit(0);
    }
}
