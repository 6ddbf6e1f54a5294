package org.nnlab.grader;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * What a submission must not read: the hidden tests ({@code org.nnlab.grader.hidden}) and the reference
 * solutions ({@code org.nnlab.solutions}). Only the judge uses them; the workers' class path is the
 * grader's with those classes cut out ({@link #split}: a jar that holds them is replaced by a filtered
 * copy, a jar of nothing else dropped), so that neither the worker's class loaders, nor javac compiling
 * the submission, nor (under bwrap, which shows the worker only its class path's files) the file system
 * has them.
 */
public final class Secrets {

    /** The secret packages, as jar entry prefixes. */
    static final List<String> PACKAGES = List.of("org/nnlab/grader/hidden/", "org/nnlab/solutions/");

    /**
     * The grader's class path split for a grading JVM.
     *
     * @param classPath the grading JVM's class path: without the secret classes
     * @param classes   the secret classes: binary name -> class file bytes
     * @param hide      the files and folders of the grader's class path that hold secret classes
     */
    public record Split(List<String> classPath, Map<String, byte[]> classes, List<Path> hide) {
    }

    private Secrets() {
    }

    static boolean secret(String entry) {
        return PACKAGES.stream().anyMatch(entry::startsWith);
    }

    /**
     * Splits {@code classPath}: entries without secret classes are kept, an entry with only secret
     * classes (the solutions' jar) is dropped, an entry with both (the autograder's jar or classes folder)
     * is replaced by a jar without them, written once into {@code cacheDir} under a name that depends on
     * the entry's path, size and time (so the class-data archive, which records the class path, stays valid).
     */
    public static Split split(List<String> classPath, Path cacheDir) throws IOException {
        List<String> kept = new ArrayList<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<Path> hide = new ArrayList<>();
        for (String entry : classPath) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry).toAbsolutePath().normalize();
            Map<String, byte[]> publicEntries = new LinkedHashMap<>();
            Map<String, byte[]> secretEntries = new LinkedHashMap<>();
            if (Files.isDirectory(p)) {
                boolean any;
                try (Stream<Path> s = Files.walk(p)) {
                    any = s.anyMatch(f -> secret(p.relativize(f).toString().replace(File.separatorChar, '/') + (Files.isDirectory(f) ? "/" : "")));
                }
                if (!any) {
                    kept.add(entry);
                    continue;
                }
                try (Stream<Path> s = Files.walk(p)) {
                    for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                        String name = p.relativize(f).toString().replace(File.separatorChar, '/');
                        (secret(name) ? secretEntries : publicEntries).put(name, Files.readAllBytes(f));
                    }
                }
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                try (ZipFile zip = new ZipFile(p.toFile())) {
                    if (zip.stream().noneMatch(e -> secret(e.getName()))) {
                        kept.add(entry);
                        continue;
                    }
                    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                        ZipEntry e = en.nextElement();
                        if (!e.isDirectory()) {
                            try (InputStream in = zip.getInputStream(e)) {
                                (secret(e.getName()) ? secretEntries : publicEntries).put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                kept.add(entry);
                continue;
            }
            hide.add(p);
            secretEntries.forEach((name, bytes) -> {
                if (name.endsWith(".class")) {
                    classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), bytes);
                }
            });
            boolean hasClasses = publicEntries.keySet().stream().anyMatch(n -> n.endsWith(".class"));
            if (hasClasses) {
                kept.add(publicCopy(p, publicEntries, cacheDir).toString());
            }
        }
        return new Split(List.copyOf(kept), classes, List.copyOf(hide));
    }

    private static Path publicCopy(Path entry, Map<String, byte[]> entries, Path cacheDir) throws IOException {
        long time = Files.isDirectory(entry) ? entries.size() : Files.getLastModifiedTime(entry).toMillis();
        String key = entry + "|" + Files.size(entry) + "|" + time + "|" + entries.values().stream().mapToLong(b -> b.length).sum();
        String hash = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8).putInt(key.hashCode()).putInt(new StringBuilder(key).reverse().toString().hashCode()).array());
        Path out = cacheDir.resolve("nnlab-grader-public-" + hash + ".jar");
        if (Files.isRegularFile(out)) {
            return out;
        }
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, ".nnlab-grader-public", ".jar.tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                z.setTime(0);
                zip.putNextEntry(z);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** The hidden test classes on the judge's class path. */
    static List<Class<?>> hiddenTestsOnClassPath() {
        List<String> names = new ArrayList<>();
        String prefix = PACKAGES.get(0);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            try {
                if (Files.isDirectory(p.resolve(prefix))) {
                    try (Stream<Path> s = Files.list(p.resolve(prefix))) {
                        s.map(f -> prefix + f.getFileName()).forEach(names::add);
                    }
                } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                    try (ZipFile zip = new ZipFile(p.toFile())) {
                        zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith(prefix) && n.indexOf('/', prefix.length()) < 0).forEach(names::add);
                    }
                }
            } catch (IOException e) {
                // an unreadable class path entry has no hidden tests
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String n : names.stream().filter(n -> n.endsWith(".class") && !n.contains("$")).distinct().sorted().toList()) {
            try {
                classes.add(Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, Secrets.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                // listed but not loadable: not a test
            }
        }
        return classes;
    }
}
