package dev.opsbook.site;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a site into a staging folder beside the output ({@code .<name>.opsbook-new}) and swaps it in
 * at the end. Until {@link #commit()} the previous output is untouched; {@link #abort()} removes
 * the staging folder. Nothing outside the output folder and its two siblings is written.
 */
public final class SiteWriter implements PageSink, AutoCloseable {
    private final Path out;
    private final Path staging;
    private final Path previous;
    private final Set<String> written = Collections.synchronizedSet(new TreeSet<>());
    /** Folders of the staging tree known to exist. */
    private final Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private boolean committed;

    public SiteWriter(Path out) throws IOException {
        this.out = out.toAbsolutePath().normalize();
        Path parent = this.out.getParent();
        String name = this.out.getFileName().toString();
        this.staging = parent.resolve("." + name + ".opsbook-new");
        this.previous = parent.resolve("." + name + ".opsbook-old");
        Files.createDirectories(parent);
        deleteTree(staging);
        Files.createDirectories(staging);
    }

    /** The staging folder, where the files are until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        Files.write(target(path), content);
        written.add(path);
    }

    @Override
    public void write(String path, Content content) throws IOException {
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(target(path)), 65_536)) {
            content.writeTo(out);
        }
        written.add(path);
    }

    private Path target(String path) throws IOException {
        Path target = staging.resolve(path).normalize();
        if (!target.startsWith(staging) || target.equals(staging)) {
            throw new IllegalArgumentException("refusing to write outside the site: " + path);
        }
        Path folder = target.getParent();
        if (!folders.contains(folder)) { // thousands of pages share a few hundred folders
            Files.createDirectories(folder);
            folders.add(folder);
        }
        return target;
    }

    /** Every path written so far, relative to the site root. */
    public Set<String> written() {
        synchronized (written) {
            return Set.copyOf(written);
        }
    }

    /** Swaps the staging folder in as the output folder. */
    public void commit() throws IOException {
        deleteTree(previous);
        if (Files.exists(out)) {
            Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
        committed = true;
    }

    /** Removes the staging folder; the previous output stays as it was. */
    public void abort() throws IOException {
        deleteTree(staging);
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            abort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
