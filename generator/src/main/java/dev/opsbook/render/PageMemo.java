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
     * The file at {@code path} of the previous site taken into {@code sink} as it is, when it was written from the
     * data of digest {@code key} and is still as written: what it was then (and remembered again), or null, when
     * the caller writes it and then says so ({@link #written}).
     */
    default Entry reuse(PageSink sink, String path, byte[] key) {
        Entry was = find(path, key);
        if (was != null && sink.reuse(path, was.stamp())) {
            put(path, key, was);
            return was;
        }
        return null;
    }

    /** Remembers the file just written at {@code path} from the data of digest {@code key}, with its ids and links. */
    default void written(PageSink sink, String path, byte[] key, String[] ids, String[] links) {
        PageSink.Stamp stamp = sink.stamp(path);
        if (stamp != null) {
            put(path, key, new Entry(stamp, ids, links));
        }
    }

    /**
     * A page as written: the file's stamp (which tells it was not changed since), and its ids and links
     * as the link verification recorded them.
     */
    record Entry(PageSink.Stamp stamp, String[] ids, String[] links) {}
}
