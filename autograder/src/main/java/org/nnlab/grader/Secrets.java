package org.nnlab.grader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
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
 * solutions ({@code org.nnlab.solutions}). The grading JVM, where the submission's code runs, gets them
 * only as bytes on its stdin ({@link #write}, {@link #read}), defined by a {@link Loader} that serves no
 * resources and forgets the bytes once the classes are defined; its class path is the grader's with
 * those classes cut out ({@link #split}: a jar that holds them is replaced by a filtered copy), so that
 * {@code Class.forName}, {@code getResource} and javac do not find them; and under bwrap the files
 * that hold them are hidden ({@link Split#hide}). The submission's classes are loaded by a loader whose
 * parent is the class path's, which cannot see the private loader.
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

    /** Writes {@code classes} as: count, then per class its name (UTF) , length and bytes. */
    public static void write(Map<String, byte[]> classes, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(classes.size());
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            d.writeUTF(e.getKey());
            d.writeInt(e.getValue().length);
            d.write(e.getValue());
        }
        d.flush();
    }

    /** Reads what {@link #write} wrote; an empty stream is no classes. */
    public static Map<String, byte[]> read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        Map<String, byte[]> classes = new LinkedHashMap<>();
        int n;
        try {
            n = d.readInt();
        } catch (EOFException e) {
            return classes;
        }
        if (n < 0 || n > 100_000) {
            throw new IOException("Secrets.read: expected a class count from 0 to 100000 on stdin, got " + n
                    + " (is something else writing to the grading JVM's stdin?)");
        }
        for (int k = 0; k < n; k++) {
            String name = d.readUTF();
            byte[] b = new byte[d.readInt()];
            d.readFully(b);
            classes.put(name, b);
        }
        return classes;
    }

    /**
     * Defines the secret classes from bytes, all at once (child-first), then drops the bytes: it has no resources
     * (getResource finds nothing) and nothing on disk; only code that is handed one of its classes can
     * reach them.
     */
    public static final class Loader extends ClassLoader {
        private Map<String, byte[]> bytes;
        private final List<Class<?>> defined = new ArrayList<>();

        public Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super("grader-private", parent);
            this.bytes = new LinkedHashMap<>(classes);
            for (String name : classes.keySet()) {
                try {
                    defined.add(loadClass(name));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("Secrets.Loader: could not define " + name + ": " + e, e);
                }
            }
            this.bytes = null;
            defined.sort(Comparator.comparing(Class::getName));
        }

        /** Its own classes first (child-first), then the parent's. */
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null && bytes != null && bytes.containsKey(name)) {
                    c = findClass(name);
                }
                if (c == null) {
                    return super.loadClass(name, resolve);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] b = bytes == null ? null : bytes.get(name);
            if (b == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, b, 0, b.length);
        }

        /** The top-level classes of the hidden tests' package, by name. */
        public List<Class<?>> hiddenTests() {
            return defined.stream().filter(c -> c.getName().startsWith("org.nnlab.grader.hidden.") && !c.getName().contains("$")).toList();
        }
    }

    /** The hidden test classes on this JVM's class path (the parent's view; the grading JVM uses its {@link Loader}). */
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
