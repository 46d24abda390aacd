package dev.opsbook.render;

import dev.opsbook.text.Hash128;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The hash ({@link Hash128}) of everything a template is given for a page: the view records, walked through
 * their components, with every string, number, list and map in them, in the order the template sees
 * them. Templates read nothing else (the views are plain data made for them), so two pages of equal
 * digest with the same templates are the same bytes: a warm build renders only pages whose digest
 * changed. A value of any other kind (an object whose state a walk cannot see) makes the page one that
 * is always rendered: the digest is then null.
 */
final class ViewDigest {
    /** Deeper than any view: a structure that deep is not one of them. */
    private static final int MAX_DEPTH = 64;

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    /** A value the digest cannot see into. */
    private static final class Opaque extends Exception {
        Opaque() {
            super(null, null, false, false);
        }
    }

    private final Hash128 hash = new Hash128();

    private ViewDigest() {}

    private static final ThreadLocal<ViewDigest> DIGESTS = ThreadLocal.withInitial(ViewDigest::new);

    /** The digest of {@code values} (the templates' own key first, then the template's name and its data), or null. */
    static byte[] of(Object... values) {
        ViewDigest d = DIGESTS.get();
        try {
            for (Object v : values) {
                d.value(v, 0);
            }
        } catch (Opaque e) {
            d.hash.finish(); // started again for the next page
            return null;
        }
        return d.hash.finish();
    }

    private void value(Object v, int depth) throws Opaque {
        if (depth > MAX_DEPTH) {
            throw new Opaque();
        }
        if (v == null) {
            hash.tag(0);
        } else if (v instanceof String s) {
            text(1, s);
        } else if (v instanceof Boolean b) {
            hash.tag(b ? 2 : 3);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            number(4, ((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            number(5, Double.doubleToLongBits(((Number) v).doubleValue()));
        } else if (v instanceof Character c) {
            number(6, c);
        } else if (v instanceof Enum<?> e) {
            text(7, e.getDeclaringClass().getName());
            text(7, e.name());
        } else if (v instanceof Record r) {
            record(r, depth);
        } else if (v instanceof Collection<?> c) {
            number(8, c.size());
            for (Object item : c) {
                value(item, depth + 1);
            }
        } else if (v instanceof Map<?, ?> m) {
            number(9, m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                value(e.getKey(), depth + 1);
                value(e.getValue(), depth + 1);
            }
        } else if (v instanceof Optional<?> o) {
            hash.tag(10);
            value(o.orElse(null), depth + 1);
        } else if (v instanceof TemporalAccessor && v.getClass().getName().startsWith("java.time.")) {
            // the JDK's dates and times are values whose text is all there is to them
            text(11, v.getClass().getName());
            text(11, v.toString());
        } else {
            throw new Opaque();
        }
    }

    private void record(Record r, int depth) throws Opaque {
        Class<?> type = r.getClass();
        text(12, type.getName());
        for (Method accessor : ACCESSORS.get(type)) {
            try {
                value(accessor.invoke(r), depth + 1);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new Opaque();
            }
        }
    }

    private void text(int tag, String s) {
        hash.tag(tag).string(s);
    }

    private void number(int tag, long n) {
        hash.tag(tag).number(n);
    }
}
