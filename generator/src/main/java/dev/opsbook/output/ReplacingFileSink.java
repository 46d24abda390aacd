package dev.opsbook.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes single files into a folder, each through a temporary file moved into place, so that a
 * reader never sees half a file. Used by {@code check}, which replaces the reports and nothing else.
 * Several threads may write through it at once, each its own files.
 */
public final class ReplacingFileSink implements PageSink {
    private final Path dir;

    public ReplacingFileSink(Path dir) throws IOException {
        this.dir = dir.toAbsolutePath().normalize();
        Files.createDirectories(this.dir);
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        write(path, out -> out.write(content));
    }

    @Override
    public void write(String path, Content content) throws IOException {
        Path target = dir.resolve(path).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new IllegalArgumentException("refusing to write outside " + dir + ": " + path);
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".opsbook-tmp");
        try {
            try (var out = new BufferedOutputStream(Files.newOutputStream(tmp), 65_536)) {
                content.writeTo(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(tmp); // the earlier file stays as it was, and no half-written one beside it
            throw SiteWriter.naming(target, e);
        }
    }
}
