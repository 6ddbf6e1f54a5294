package org.nnlab.grader;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.data.Dataset;
import org.nnlab.nn.McCullochPitts;
import org.nnlab.nn.Parameter;

/**
 * The values that cross between the judge and a worker, as bytes: the arguments of a contract method,
 * what it returns, and the state of its arguments afterwards. Only data crosses: numbers, strings,
 * enums, arrays, lists, {@code INDArray}s, the course's records ({@code RectangleWeights}, {@code EdgeStyle},
 * {@code TwoLayerNet}, {@code Split}), parameters, datasets and models made of the library's layers
 * ({@link ModelValues}). Decoding builds only those types (a class named in the bytes is used only when it
 * is an enum or record of the course's packages), within the message's size, so a worker cannot make
 * the judge build an object of its choosing or run out of memory.
 *
 * <p>An argument that is a function (an interface such as {@code Function1} that is not data) is sent
 * as a {@link Remote} handle: the worker calls it back and the judge runs it on the original object.
 * Two places that hold one object decode to one object (an argument returned as the result stays that
 * argument).
 */
final class Values {

    /** What a remote function is: a handle the receiving side turns into a proxy of {@code type}. */
    record Remote(int id, Class<?> type) {
    }

    /** How each side deals with functions: the judge registers them, the worker makes proxies of them. */
    interface Remotes {
        /** A handle for {@code function}, an object that is not data, declared as {@code type}. */
        Remote export(Object function, Class<?> type);

        /** The object that stands for a received handle. */
        Object importRemote(Remote remote);
    }

    /** Thrown for bytes that are not a value of this format (a worker that sends garbage). */
    static final class BadValue extends IOException {
        BadValue(String message) {
            super(message);
        }
    }

    private enum Tag { NULL, BOOLEAN, BYTE, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE, STRING, ENUM, ARRAY, LIST, ND_ARRAY, RECORD,
        PARAMETER, LAYER, DATASET, MCCULLOCH_PITTS, REMOTE, SEEN }

    /** The packages whose records and enums cross: the course's data, never the grader's or the solutions'. */
    private static final List<String> VALUE_PACKAGES = List.of("org.nnlab.exercises.", "org.nnlab.data.", "org.nnlab.nn.",
            "org.nnlab.knn.", "org.nnlab.functions.", "org.nnlab.train.", "org.nnlab.plot.");
    private static final Set<Class<?>> BOXES = Set.of(Boolean.class, Byte.class, Character.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class);
    private static final int MAX_DEPTH = 64;

    private Values() {
    }

    // ------------------------------------------------------------------ writing

    /** Writes values; one writer per message, so that an object met twice is written once. */
    static final class Writer {
        private final DataOutputStream out;
        private final Remotes remotes;
        private final Map<Object, Integer> seen = new IdentityHashMap<>();

        Writer(DataOutputStream out, Remotes remotes) {
            this.out = out;
            this.remotes = remotes;
        }

        /** Writes {@code v}, declared as {@code declared} (a function is sent as a handle of that type). */
        void write(Object v, Class<?> declared) throws IOException {
            if (v == null) {
                tag(Tag.NULL);
            } else if (BOXES.contains(v.getClass())) {
                primitive(v);
            } else if (v instanceof String s) {
                tag(Tag.STRING);
                out.writeUTF(s.length() > 16_000 ? s.substring(0, 16_000) : s);
            } else if (seen.containsKey(v)) {
                tag(Tag.SEEN);
                out.writeInt(seen.get(v));
            } else {
                seen.put(v, seen.size());
                object(v, declared);
            }
        }

        private void object(Object v, Class<?> declared) throws IOException {
            if (v instanceof Enum<?> e) {
                tag(Tag.ENUM);
                out.writeUTF(e.getDeclaringClass().getName());
                out.writeUTF(e.name());
            } else if (v.getClass().isArray()) {
                array(v);
            } else if (v instanceof List<?> list) {
                tag(Tag.LIST);
                out.writeInt(list.size());
                for (Object o : list) {
                    write(o, Object.class);
                }
            } else if (v instanceof INDArray a) {
                tag(Tag.ND_ARRAY);
                ndArray(a);
            } else if (v instanceof Record r && valueType(r.getClass())) {
                record(r);
            } else if (v instanceof Parameter p) {
                tag(Tag.PARAMETER);
                parameter(p);
            } else if (v instanceof Dataset d) {
                tag(Tag.DATASET);
                write(d.features(), INDArray.class);
                write(d.labels(), INDArray.class);
            } else if (v instanceof McCullochPitts n) {
                tag(Tag.MCCULLOCH_PITTS);
                write(n.weights(), double[].class);
                out.writeDouble(n.threshold());
            } else if (v instanceof org.nnlab.nn.Layer layer && ModelValues.copyable(layer)) {
                tag(Tag.LAYER);
                ModelValues.write(layer, this);
            } else if (remotes != null && declared.isInterface() && declared.isInstance(v)) {
                Remote r = remotes.export(v, declared);
                tag(Tag.REMOTE);
                out.writeInt(r.id());
                out.writeUTF(r.type().getName());
            } else {
                throw new IllegalArgumentException(ModelValues.notCopyable(v));
            }
        }

        private void primitive(Object v) throws IOException {
            if (v instanceof Boolean b) {
                tag(Tag.BOOLEAN);
                out.writeBoolean(b);
            } else if (v instanceof Byte b) {
                tag(Tag.BYTE);
                out.writeByte(b);
            } else if (v instanceof Character c) {
                tag(Tag.CHAR);
                out.writeChar(c);
            } else if (v instanceof Short s) {
                tag(Tag.SHORT);
                out.writeShort(s);
            } else if (v instanceof Integer i) {
                tag(Tag.INT);
                out.writeInt(i);
            } else if (v instanceof Long l) {
                tag(Tag.LONG);
                out.writeLong(l);
            } else if (v instanceof Float f) {
                tag(Tag.FLOAT);
                out.writeFloat(f);
            } else {
                tag(Tag.DOUBLE);
                out.writeDouble((Double) v);
            }
        }

        private void array(Object v) throws IOException {
            tag(Tag.ARRAY);
            Class<?> component = v.getClass().getComponentType();
            out.writeUTF(component.getName());
            int n = Array.getLength(v);
            out.writeInt(n);
            if (component == double.class) {
                bulk(n, 8).asDoubleBuffer().put((double[]) v);
                flushBulk();
            } else if (component == int.class) {
                bulk(n, 4).asIntBuffer().put((int[]) v);
                flushBulk();
            } else if (component == long.class) {
                bulk(n, 8).asLongBuffer().put((long[]) v);
                flushBulk();
            } else if (component == float.class) {
                bulk(n, 4).asFloatBuffer().put((float[]) v);
                flushBulk();
            } else if (component.isPrimitive()) {
                for (int k = 0; k < n; k++) {
                    primitive(Array.get(v, k));
                }
            } else {
                for (int k = 0; k < n; k++) {
                    write(Array.get(v, k), component);
                }
            }
        }

        private void ndArray(INDArray a) throws IOException {
            DataType type = a.dataType();
            out.writeUTF(type.name());
            long[] shape = a.shape();
            out.writeInt(shape.length);
            for (long s : shape) {
                out.writeLong(s);
            }
            INDArray c = a.isEmpty() ? a : a.dup('c');
            if (a.isEmpty()) {
                return;
            }
            if (type == DataType.DOUBLE) {
                double[] d = c.data().asDouble();
                bulk(d.length, 8).asDoubleBuffer().put(d);
            } else if (type.isFPType()) {
                float[] f = c.data().asFloat();
                bulk(f.length, 4).asFloatBuffer().put(f);
            } else {
                long[] l = c.data().asLong();
                bulk(l.length, 8).asLongBuffer().put(l);
            }
            flushBulk();
        }

        private java.nio.ByteBuffer buffer;

        /** A buffer for {@code n} numbers of {@code size} bytes, written out whole by {@link #flushBulk}. */
        private java.nio.ByteBuffer bulk(int n, int size) {
            buffer = java.nio.ByteBuffer.allocate(Math.multiplyExact(n, size));
            return buffer;
        }

        private void flushBulk() throws IOException {
            out.write(buffer.array());
            buffer = null;
        }

        private void record(Record r) throws IOException {
            tag(Tag.RECORD);
            out.writeUTF(r.getClass().getName());
            RecordComponent[] parts = r.getClass().getRecordComponents();
            out.writeInt(parts.length);
            for (RecordComponent c : parts) {
                try {
                    c.getAccessor().setAccessible(true);
                    write(c.getAccessor().invoke(r), c.getType());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("could not read " + r.getClass().getSimpleName() + "." + c.getName(), e);
                }
            }
        }

        void parameter(Parameter p) throws IOException {
            out.writeUTF(p.name());
            out.writeUTF(p.role());
            write(p.value(), INDArray.class);
            write(p.grad(), INDArray.class);
        }

        void writeInt(int v) throws IOException {
            out.writeInt(v);
        }

        void writeDouble(double v) throws IOException {
            out.writeDouble(v);
        }

        void writeLong(long v) throws IOException {
            out.writeLong(v);
        }

        void writeBoolean(boolean v) throws IOException {
            out.writeBoolean(v);
        }

        void writeString(String v) throws IOException {
            out.writeUTF(v);
        }

        private void tag(Tag t) throws IOException {
            out.writeByte(t.ordinal());
        }
    }

    // ------------------------------------------------------------------ reading

    /** Reads values written by a {@link Writer}; one reader per message. */
    static final class Reader {
        private final DataInputStream in;
        private final Remotes remotes;
        private final List<Object> seen = new ArrayList<>();
        private int depth;

        /** @param remotes how to make received handles into objects; null refuses handles (the judge's side) */
        Reader(DataInputStream in, Remotes remotes) {
            this.in = in;
            this.remotes = remotes;
        }

        Object read() throws IOException {
            if (++depth > MAX_DEPTH) {
                throw new BadValue("values nested deeper than " + MAX_DEPTH);
            }
            try {
                int t = in.readUnsignedByte();
                if (t >= Tag.values().length) {
                    throw new BadValue("unknown value tag " + t);
                }
                return read(Tag.values()[t]);
            } finally {
                depth--;
            }
        }

        private Object read(Tag tag) throws IOException {
            switch (tag) {
                case NULL: return null;
                case BOOLEAN: return in.readBoolean();
                case BYTE: return in.readByte();
                case CHAR: return in.readChar();
                case SHORT: return in.readShort();
                case INT: return in.readInt();
                case LONG: return in.readLong();
                case FLOAT: return in.readFloat();
                case DOUBLE: return in.readDouble();
                case STRING: return in.readUTF();
                case SEEN: return seenObject(in.readInt());
                default: break;
            }
            // an object: its number is taken before its parts are read, as the writer numbered it
            int slot = seen.size();
            seen.add(null);
            Object v = object(tag, slot);
            seen.set(slot, v);
            return v;
        }

        private Object object(Tag tag, int slot) throws IOException {
            switch (tag) {
                case ENUM: return enumValue(in.readUTF(), in.readUTF());
                case ARRAY: return array(slot);
                case LIST: return list(slot);
                case ND_ARRAY: return ndArray();
                case RECORD: return record();
                case PARAMETER: return parameter();
                case LAYER: return ModelValues.read(this);
                case DATASET: return new Dataset((INDArray) expect(read(), INDArray.class), (INDArray) expect(read(), INDArray.class));
                case MCCULLOCH_PITTS: return new McCullochPitts((double[]) expect(read(), double[].class), in.readDouble());
                case REMOTE: return remote();
                default: throw new BadValue("unknown value tag " + tag);
            }
        }

        private Object seenObject(int index) throws BadValue {
            if (index < 0 || index >= seen.size() || seen.get(index) == null) {
                throw new BadValue("a reference to value " + index + ", which was not sent before");
            }
            return seen.get(index);
        }

        private Object enumValue(String type, String name) throws IOException {
            Class<?> c = valueClass(type);
            if (!c.isEnum()) {
                throw new BadValue(type + " is not an enum");
            }
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new BadValue(type + " has no constant " + name);
        }

        private Object array(int slot) throws IOException {
            Class<?> component = componentClass(in.readUTF());
            int n = count(1);
            Object a = Array.newInstance(component, n);
            seen.set(slot, a);   // an element may be this array again
            if (component == double.class) {
                bulk(n, 8).asDoubleBuffer().get((double[]) a);
            } else if (component == int.class) {
                bulk(n, 4).asIntBuffer().get((int[]) a);
            } else if (component == long.class) {
                bulk(n, 8).asLongBuffer().get((long[]) a);
            } else if (component == float.class) {
                bulk(n, 4).asFloatBuffer().get((float[]) a);
            } else {
                for (int k = 0; k < n; k++) {
                    Object e = read();
                    if (e != null && !box(component).isInstance(e)) {
                        throw new BadValue("a " + e.getClass().getSimpleName() + " in an array of " + component.getSimpleName());
                    }
                    Array.set(a, k, e);
                }
            }
            return a;
        }

        private Object list(int slot) throws IOException {
            int n = count(1);
            List<Object> list = new ArrayList<>(n);
            seen.set(slot, list);
            for (int k = 0; k < n; k++) {
                list.add(read());
            }
            return list;
        }

        private INDArray ndArray() throws IOException {
            DataType type;
            try {
                type = DataType.valueOf(in.readUTF());
            } catch (IllegalArgumentException e) {
                throw new BadValue("an INDArray of an unknown data type");
            }
            int rank = in.readInt();
            if (rank < 0 || rank > 32) {
                throw new BadValue("an INDArray of rank " + rank);
            }
            long[] shape = new long[rank];
            long n = 1;
            for (int k = 0; k < rank; k++) {
                shape[k] = in.readLong();
                if (shape[k] < 0) {
                    throw new BadValue("an INDArray of shape with a negative size");
                }
                n = Math.multiplyExact(n, shape[k]);
            }
            if (n == 0) {
                return Nd4j.create(type, shape);
            }
            int size = type == DataType.DOUBLE || !type.isFPType() ? 8 : 4;
            if (n > in.available() / size) {
                throw new BadValue("an INDArray of " + n + " numbers in a message of " + in.available() + " bytes");
            }
            if (type == DataType.DOUBLE) {
                double[] d = new double[(int) n];
                bulk((int) n, 8).asDoubleBuffer().get(d);
                return Nd4j.create(d, shape, 'c');
            }
            if (type.isFPType()) {
                float[] f = new float[(int) n];
                bulk((int) n, 4).asFloatBuffer().get(f);
                return Nd4j.create(f, shape, 'c').castTo(type);
            }
            long[] l = new long[(int) n];
            bulk((int) n, 8).asLongBuffer().get(l);
            return Nd4j.createFromArray(l).reshape('c', shape).castTo(type);
        }

        /** The next {@code n} numbers of {@code size} bytes, read whole (the count was checked against the message). */
        private java.nio.ByteBuffer bulk(int n, int size) throws IOException {
            if ((long) n * size > in.available()) {
                throw new BadValue(n + " numbers in a message of " + in.available() + " more bytes");
            }
            byte[] b = new byte[n * size];
            in.readFully(b);
            return java.nio.ByteBuffer.wrap(b);
        }

        private Record record() throws IOException {
            Class<?> c = valueClass(in.readUTF());
            if (!c.isRecord()) {
                throw new BadValue(c.getName() + " is not a record");
            }
            RecordComponent[] parts = c.getRecordComponents();
            if (in.readInt() != parts.length) {
                throw new BadValue(c.getSimpleName() + " with the wrong number of components");
            }
            Object[] values = new Object[parts.length];
            Class<?>[] types = new Class<?>[parts.length];
            for (int k = 0; k < parts.length; k++) {
                types[k] = parts[k].getType();
                values[k] = expect(read(), parts[k].getType());
            }
            try {
                Constructor<?> make = c.getDeclaredConstructor(types);
                make.setAccessible(true);
                return (Record) make.newInstance(values);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new BadValue("could not make a " + c.getSimpleName() + ": " + cause.getMessage());
            }
        }

        Parameter parameter() throws IOException {
            String name = in.readUTF();
            String role = in.readUTF();
            INDArray value = (INDArray) expect(read(), INDArray.class);
            INDArray grad = (INDArray) expect(read(), INDArray.class);
            if (value == null || grad == null) {
                throw new BadValue("parameter " + name + " without a value or a gradient");
            }
            Parameter p = name.equals(role) ? new Parameter(name, value)
                    : new Parameter(new Owner(name.endsWith("." + role) ? name.substring(0, name.length() - role.length() - 1) : name), role, value);
            if (!java.util.Arrays.equals(grad.shape(), value.shape())) {
                throw new BadValue("parameter " + name + " whose gradient's shape differs from its value's");
            }
            p.grad().assign(grad);
            return p;
        }

        private Object remote() throws IOException {
            int id = in.readInt();
            String type = in.readUTF();
            if (remotes == null) {
                throw new BadValue("a function (" + type + ") where the grader expects data");
            }
            Class<?> c;
            try {
                c = Class.forName(type, false, Values.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new BadValue("a function of an unknown type " + type);
            }
            try {
                return remotes.importRemote(new Remote(id, c));
            } catch (IllegalArgumentException e) {
                throw new BadValue(e.getMessage());
            }
        }

        /** Reads a count of elements of at least {@code size} bytes each that the message can hold. */
        int count(int size) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > in.available() / size) {
                throw new BadValue("a count of " + n + " in a message of " + in.available() + " more bytes");
            }
            return n;
        }

        int readInt() throws IOException {
            return in.readInt();
        }

        double readDouble() throws IOException {
            return in.readDouble();
        }

        long readLong() throws IOException {
            return in.readLong();
        }

        boolean readBoolean() throws IOException {
            return in.readBoolean();
        }

        String readString() throws IOException {
            return in.readUTF();
        }
    }

    /** A parameter's owner, named as it was on the other side (a {@link Parameter}'s name is owner + "." + role). */
    private record Owner(String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** {@code v} when it is null or a {@code type}, else a {@link BadValue}. */
    static Object expect(Object v, Class<?> type) throws BadValue {
        if (v != null && !box(type).isInstance(v)) {
            throw new BadValue("a " + v.getClass().getSimpleName() + " where a " + type.getSimpleName() + " belongs");
        }
        return v;
    }

    /** The wrapper class of a primitive type, else the type. */
    static Class<?> box(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return Array.get(Array.newInstance(c, 1), 0).getClass();
    }

    /**
     * Whether values declared as {@code type} can cross: as data, or (for an interface that is not data,
     * when {@code function} allows) as a function called back.
     */
    static boolean crosses(java.lang.reflect.Type type, boolean function) {
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            return crosses(p.getRawType(), function) && java.util.Arrays.stream(p.getActualTypeArguments()).allMatch(a -> crosses(a, false));
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c.isArray()) {
            return crosses(c.getComponentType(), false);
        }
        boolean data = c.isPrimitive() || BOXES.contains(c) || c == String.class || c == List.class || INDArray.class.isAssignableFrom(c)
                || c == Parameter.class || c == Dataset.class || c == McCullochPitts.class || org.nnlab.nn.Layer.class.isAssignableFrom(c)
                || (c.isEnum() || c.isRecord()) && valueType(c) && recordParts(c);
        return data || function && c.isInterface();
    }

    private static boolean recordParts(Class<?> c) {
        return !c.isRecord() || java.util.Arrays.stream(c.getRecordComponents()).allMatch(r -> crosses(r.getGenericType(), false));
    }

    /** Whether records or enums of {@code c} cross as data: the course's packages, not the grader's. */
    static boolean valueType(Class<?> c) {
        String n = c.getName();
        return VALUE_PACKAGES.stream().anyMatch(n::startsWith);
    }

    private static Class<?> valueClass(String name) throws BadValue {
        try {
            Class<?> c = Class.forName(name, false, Values.class.getClassLoader());
            if (!valueType(c) || !(c.isEnum() || c.isRecord())) {
                throw new BadValue(name + " is not one of the course's data types");
            }
            return c;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadValue("an unknown type " + name);
        }
    }

    /** The component class of an array: primitives, strings, boxes, arrays of them and the data types above. */
    private static Class<?> componentClass(String name) throws BadValue {
        switch (name) {
            case "double": return double.class;
            case "float": return float.class;
            case "int": return int.class;
            case "long": return long.class;
            case "short": return short.class;
            case "byte": return byte.class;
            case "char": return char.class;
            case "boolean": return boolean.class;
            default: break;
        }
        try {
            Class<?> c = Class.forName(name, false, Values.class.getClassLoader());
            Class<?> base = c;
            while (base.isArray()) {
                base = base.getComponentType();
            }
            boolean data = base.isPrimitive() || base == Object.class || base == String.class || BOXES.contains(base)
                    || INDArray.class.isAssignableFrom(base) || base == Parameter.class || base == Dataset.class
                    || org.nnlab.nn.Layer.class.isAssignableFrom(base) || ((base.isEnum() || base.isRecord()) && valueType(base));
            if (!data) {
                throw new BadValue("an array of " + name + ", which is not data");
            }
            return c;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadValue("an array of an unknown type " + name);
        }
    }
}
