package dev.opsbook.output;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that encodes what it is given as UTF-8 straight into a growing byte array: a page goes
 * from the template to the file without a string in between. Not thread-safe; one per page.
 */
public final class Utf8Writer extends Writer {
    private byte[] buf;
    private int len;
    private char pendingHigh;

    public Utf8Writer(int capacity) {
        buf = new byte[capacity];
    }

    @Override
    public void write(int c) {
        ensure(1);
        encode((char) c);
    }

    @Override
    public void write(char[] chars, int off, int n) {
        ensure(n);
        for (int i = off, end = off + n; i < end; i++) {
            char c = chars[i];
            if (c < 0x80 && pendingHigh == 0 && len < buf.length) {
                buf[len++] = (byte) c;
            } else {
                encode(c);
            }
        }
    }

    /** From this length on, a string is encoded by the JDK at once (a copy for ASCII) rather than char by char. */
    private static final int BULK = 32;

    @Override
    public void write(String s, int off, int n) {
        if (n >= BULK && pendingHigh == 0 && !Character.isHighSurrogate(s.charAt(off + n - 1))) {
            // the JDK's encoder (a lone surrogate becomes '?', as here); a high surrogate at the end waits for its
            // low half in the next write, so that string goes char by char
            byte[] bytes = (off == 0 && n == s.length() ? s : s.substring(off, off + n))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, len, bytes.length);
            len += bytes.length;
            return;
        }
        ensure(n);
        for (int i = off, end = off + n; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80 && pendingHigh == 0 && len < buf.length) {
                buf[len++] = (byte) c;
            } else {
                encode(c);
            }
        }
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    /** Encodes one character; the high half of a surrogate pair waits for its low half (which may come in the next write). */
    private void encode(char c) {
        ensure(4);
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                buf[len++] = (byte) (0xF0 | cp >> 18);
                buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | cp & 0x3F);
                return;
            }
            buf[len++] = '?'; // a lone surrogate, as String.getBytes writes it
        }
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | c >> 6);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buf[len++] = '?';
        } else {
            buf[len++] = (byte) (0xE0 | c >> 12);
            buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
            buf[len++] = (byte) (0x80 | c & 0x3F);
        }
    }

    /** Room for {@code n} more bytes (a guess for n characters: wider ones make room for themselves). */
    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** What was written, as UTF-8. */
    public byte[] toByteArray() {
        if (pendingHigh != 0) {
            ensure(1);
            buf[len++] = '?';
            pendingHigh = 0;
        }
        return Arrays.copyOf(buf, len);
    }
}
