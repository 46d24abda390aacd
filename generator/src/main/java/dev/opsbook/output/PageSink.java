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

    /** Writes {@code content}; this default collects it first, file sinks stream it to the file. */
    default void write(String path, Content content) throws IOException {
        write(path, content.toBytes());
    }
}
