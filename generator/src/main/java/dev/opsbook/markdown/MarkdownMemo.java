package dev.opsbook.markdown;

/**
 * What bodies read in an earlier build gave, by a digest of what they were read from (see
 * {@link MarkdownEngine#read}): a warm build takes an unchanged body's links, headings and HTML from it
 * instead of parsing the body again. Safe to use from several threads.
 */
public interface MarkdownMemo {
    /** What a body of digest {@code key} gave, as {@link MarkdownCodec} wrote it, or null; the build uses it. */
    byte[] find(byte[] key);

    /** Remembers what the body of digest {@code key} gave now (it had nothing, or nothing usable, for it). */
    void put(byte[] key, byte[] value);
}
