package dev.opsbook.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A 128-bit hash of a sequence of strings, numbers and tags, for the build cache's keys: two 64-bit lanes
 * over the text's UTF-8 bytes eight at a time, each finished with MurmurHash3's mix. Not cryptographic:
 * two different inputs have the same hash only by a chance of about one in 2^64 or less, which a cache of
 * thousands of entries never meets; someone who could make a collision on purpose can write the content
 * itself. Several times faster than SHA-256 where the JVM runs only its quick compiler, which has no
 * SHA instructions (a cache key for every page: SHA-256 cost more than rendering the page).
 */
public final class Hash128 {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long M1 = 0x87c37b91114253d5L;
    private static final long M2 = 0x4cf5ad432745937fL;

    private long h1 = 0x9e3779b97f4a7c15L;
    private long h2 = 0xc2b2ae3d27d4eb4fL;
    private long length;

    /** Adds a tag (what kind of value follows). */
    public Hash128 tag(int tag) {
        return word(0x100L | (tag & 0xff));
    }

    /** Adds a number. */
    public Hash128 number(long n) {
        return word(n);
    }

    /** Adds a string: its length, then its UTF-8 bytes (a null is not a string: tag it). */
    public Hash128 string(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds bytes: their length, then the bytes. */
    public Hash128 bytes(byte[] b) {
        word(b.length);
        int i = 0;
        int n = b.length;
        for (; i + 8 <= n; i += 8) {
            word((long) LONGS.get(b, i));
        }
        if (i < n) {
            long last = 0;
            for (int shift = 0; i < n; i++, shift += 8) {
                last |= (b[i] & 0xffL) << shift;
            }
            word(last);
        }
        return this;
    }

    private Hash128 word(long w) {
        length++;
        long k1 = w * M1;
        k1 = Long.rotateLeft(k1, 31) * M2;
        h1 ^= k1;
        h1 = Long.rotateLeft(h1, 27) + h2;
        h1 = h1 * 5 + 0x52dce729;
        long k2 = w * M2;
        k2 = Long.rotateLeft(k2, 33) * M1;
        h2 ^= k2;
        h2 = Long.rotateLeft(h2, 31) + h1;
        h2 = h2 * 5 + 0x38495ab5;
        return this;
    }

    /** The hash of everything added, as 16 bytes; the hash starts again. */
    public byte[] finish() {
        long a = h1 ^ length;
        long b = h2 ^ length;
        a += b;
        b += a;
        a = mix(a);
        b = mix(b);
        a += b;
        b += a;
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (a >>> (8 * i));
            out[8 + i] = (byte) (b >>> (8 * i));
        }
        h1 = 0x9e3779b97f4a7c15L;
        h2 = 0xc2b2ae3d27d4eb4fL;
        length = 0;
        return out;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
