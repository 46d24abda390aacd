package dev.opsbook.render;

import dev.opsbook.output.PageSink;

/**
 * What the pages of the last build were (and the search data), by what they were made from: a warm build
 * takes a page whose view is the same as it was from the previous site instead of rendering it again (see
 * {@link ViewDigest}). Safe to use from several threads.
 */
public interface PageMemo {
    /** The page at {@code path} as it was written from the view of digest {@code key}, or null. */
    Entry find(String path, byte[] key);

    /** Remembers the page at {@code path}, written now from the view of digest {@code key}. */
    void put(String path, byte[] key, Entry entry);

    /**
     * A page as written: the file's stamp (which tells it was not changed since), and its ids and links
     * as the link verification recorded them.
     */
    record Entry(PageSink.Stamp stamp, String[] ids, String[] links) {}
}
