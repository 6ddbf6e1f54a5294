package org.nnlab.io;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.nn.Init;

/**
 * numpy's {@code .npy} format, version 1.0: the magic {@code \x93NUMPY}, version bytes 1 0, a
 * little-endian uint16 header length, an ASCII header such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (9, 2), }} padded with spaces and a newline
 * to a multiple of 64 bytes, then the values in C order.
 *
 * <p>Why our own: the format is small and fully specified, and a teaching library should be able to
 * show it in 100 lines of Java. ND4J's {@code Nd4j.toNpyByteArray}/{@code writeAsNumpy} go through
 * native code; their output for a double array is readable by {@link #read} (tested in NpyTest), but
 * they write the array's own type (float by ND4J's default) and have no .npz support, and we want a
 * fixed, documented format: always '<f8'. We write only little-endian float64
 * ({@code '<f8'}); we read {@code <f8}, {@code <f4}, {@code <i8} and {@code <i4} in C order, headers of
 * version 1.0 and 2.0, always into a double array.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Writes {@code array} as a version 1.0 .npy of little-endian float64 values in C order. */
    public static void write(INDArray array, OutputStream out) throws IOException {
        long[] shape = array.shape();
        String dims = shape.length == 1 ? shape[0] + ","
                : Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }");
        // magic (6) + version (2) + length (2) + header + '\n' must be a multiple of 64
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.US_ASCII);
        double[] values = array.castTo(Init.DTYPE).dup('c').data().asDouble();
        ByteBuffer buffer = ByteBuffer.allocate(10 + headerBytes.length + 8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerBytes.length).put(headerBytes);
        buffer.asDoubleBuffer().put(values);
        out.write(buffer.array());
    }

    /** The .npy bytes of {@code array}. */
    public static byte[] toBytes(INDArray array) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(array, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not throw
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one .npy array into a double array.
     *
     * @throws IOException on a malformed file or an unsupported type (the message says which)
     */
    public static INDArray read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = new byte[6];
        data.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("Npy.read: not a .npy file (it does not start with \\x93NUMPY).");
        }
        int major = data.readUnsignedByte();
        data.readUnsignedByte();
        byte[] lengthBytes = new byte[major == 1 ? 2 : 4];
        data.readFully(lengthBytes);
        ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = major == 1 ? Short.toUnsignedInt(lb.getShort()) : lb.getInt();
        byte[] headerBytes = new byte[headerLength];
        data.readFully(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header);
        if ("True".equals(group(FORTRAN, header))) {
            throw new IOException("Npy.read: Fortran-ordered arrays are not supported.\nHint: save a C-ordered array,"
                    + " e.g. numpy.ascontiguousarray(a).");
        }
        long[] shape = Arrays.stream(group(SHAPE, header).split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        int count = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
        int width = switch (descr) {
            case "<f8", "<i8" -> 8;
            case "<f4", "<i4" -> 4;
            default -> throw new IOException("Npy.read: unsupported dtype '" + descr + "'.\nHint: save as float64,"
                    + " e.g. a.astype('<f8').");
        };
        byte[] raw = new byte[count * width];
        data.readFully(raw);
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (descr) {
                case "<f8" -> buffer.getDouble();
                case "<f4" -> buffer.getFloat();
                case "<i8" -> buffer.getLong();
                default -> buffer.getInt();
            };
        }
        return Nd4j.create(values, shape, 'c').castTo(Init.DTYPE);
    }

    private static String group(Pattern pattern, String header) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException("Npy.read: malformed header " + header.trim());
        }
        return m.group(1);
    }
}
