package dev.opsbook.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Where rendered files go: a path relative to the site root and its bytes. */
@FunctionalInterface
public interface PageSink {
    void write(String path, byte[] content) throws IOException;

    /** Content written to a stream as it is made: large files (reports, the search index) are not held whole in memory. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;

        /** All of it, in memory. */
        default byte[] toBytes() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(8_192);
            try {
                writeTo(buffer);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // not from a ByteArrayOutputStream: from the content
            }
            return buffer.toByteArray();
        }
    }

    /**
     * The stamp of a file this sink wrote (its size and time of last change, as {@link #reuse} compares
     * them), or null when the sink cannot tell: a warm build's cache records it beside the page.
     */
    default Stamp stamp(String path) {
        return null;
    }

    /**
     * Takes the file at {@code path} of the site this one replaces as it is, when it is still what a build
     * wrote there ({@code stamp}, from {@link #stamp} then), instead of writing it again; false when it
     * cannot (this default, a file changed or gone since): the caller writes it.
     */
    default boolean reuse(String path, Stamp stamp) {
        return false;
    }

    /** A written file's size and time of last change, in microseconds: what tells it was not changed since. */
    record Stamp(long size, long modified) {}

    /** Writes {@code content}; this default collects it first, file sinks stream it to the file. */
    default void write(String path, Content content) throws IOException {
        write(path, content.toBytes());
    }
}
