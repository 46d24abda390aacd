package dev.opsbook.site;

import java.io.IOException;

/** Where rendered files go: a path relative to the site root and its bytes. */
@FunctionalInterface
public interface PageSink {
    void write(String path, byte[] content) throws IOException;
}
