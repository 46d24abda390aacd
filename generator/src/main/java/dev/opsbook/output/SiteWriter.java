package dev.opsbook.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Writes a site into a staging folder beside the output ({@code .<name>.opsbook-new-<unique>}) and swaps
 * it in at the end. Until {@link #commit()} the previous output is untouched; {@link #abort()} removes
 * the staging folder; a swap whose second step fails puts the previous site back. The caller holds the
 * folder's {@link OutputLock}, whose folder (the real place of the output, where a symbolic link
 * leads) is the one replaced. Nothing outside that folder and its hidden siblings is written.
 */
public final class SiteWriter implements PageSink, AutoCloseable {
    /** The file that marks a folder as a site that opsbook built, which a later build may replace. */
    public static final String MARKER = ".opsbook-site";

    static final byte[] MARKER_TEXT = ("This folder is a site that opsbook built. The next `opsbook build` into it"
                    + " replaces it as a whole.\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Path out;
    private final Path staging;
    private final Path previous;
    private final Set<String> written = Collections.synchronizedSet(new TreeSet<>());
    /** Folders of the staging tree known to exist. */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();

    private boolean committed;

    /** @param lock the lock of the output folder, held until the writer is closed */
    public SiteWriter(OutputLock lock) throws IOException {
        this.out = lock.folder();
        Path parent = out.getParent();
        String name = out.getFileName().toString();
        String unique = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
        this.staging = parent.resolve("." + name + ".opsbook-new-" + unique);
        this.previous = parent.resolve("." + name + ".opsbook-old-" + unique);
        Files.createDirectories(parent);
        removeLeftovers(parent, name);
        Files.createDirectories(staging);
        Files.write(staging.resolve(MARKER), MARKER_TEXT);
    }

    /**
     * Removes what builds that were killed left beside the output: safe, since the caller holds the lock,
     * so no other build is using them.
     */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        String newer = "." + name + ".opsbook-new";
        String older = "." + name + ".opsbook-old";
        DirectoryStream.Filter<Path> leftover = p -> {
            String n = p.getFileName().toString();
            return n.startsWith(newer) || n.startsWith(older);
        };
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent, leftover)) {
            for (Path p : siblings) {
                deleteTree(p);
            }
        }
    }

    /** The staging folder, where the files are until {@link #commit()}. */
    public Path staging() {
        return staging;
    }

    @Override
    public void write(String path, byte[] content) throws IOException {
        try {
            Files.write(target(path), content);
        } catch (IOException e) {
            throw naming(out.resolve(path), e);
        }
        written.add(path);
    }

    @Override
    public void write(String path, Content content) throws IOException {
        try (var stream = new BufferedOutputStream(Files.newOutputStream(target(path)), 65_536)) {
            content.writeTo(stream);
        } catch (IOException e) {
            throw naming(out.resolve(path), e);
        }
        written.add(path);
    }

    /**
     * An error the system gave without a file name ("File too large", "No space left on device" from a
     * write) named after the file of the site it was writing, so that the one line printed says where.
     */
    static IOException naming(Path file, IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return e;
        }
        var named = new FileSystemException(
                file.toString(), null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        named.initCause(e);
        return named;
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

    @Override
    public Stamp stamp(String path) {
        try {
            return stampOf(target(path));
        } catch (IOException e) {
            return null;
        }
    }

    private static Stamp stampOf(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.isRegularFile() ? new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.MICROSECONDS)) : null;
    }

    /**
     * Links the file of the previous site into the new one (a second name for the same bytes: nothing is
     * copied) when the previous site is one that opsbook built and the file is as {@code stamp} says it was
     * written; the previous site's name goes when the new one is committed.
     */
    @Override
    public boolean reuse(String path, Stamp stamp) {
        if (stamp == null || !previousIsASite()) {
            return false;
        }
        try {
            Path old = out.resolve(path).normalize();
            if (!old.startsWith(out) || !stamp.equals(stampOf(old))) {
                return false;
            }
            Files.createLink(target(path), old);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false; // the caller writes it
        }
        written.add(path);
        return true;
    }

    private volatile Boolean previousIsASite;

    private boolean previousIsASite() {
        Boolean known = previousIsASite;
        if (known == null) {
            // a real folder (not a link to elsewhere) that holds the marker: a site of ours, replaced as a whole
            known = Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)
                    && Files.isRegularFile(out.resolve(MARKER), LinkOption.NOFOLLOW_LINKS);
            previousIsASite = known;
        }
        return known;
    }

    /** Every path written so far, relative to the site root. */
    public Set<String> written() {
        synchronized (written) {
            return Set.copyOf(written);
        }
    }

    /**
     * Swaps the staging folder in as the output folder: the previous site moves aside, the new one into
     * its place, and when that second move fails the previous site moves back before the error is
     * reported, so the output folder is never lost.
     */
    public void commit() throws IOException {
        boolean had = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
        if (had) {
            Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (had) {
                try {
                    Files.move(previous, out, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException back) {
                    e.addSuppressed(back);
                }
            }
            throw e;
        }
        committed = true;
        try {
            deleteTree(previous);
        } catch (IOException e) {
            // the new site is in place; what is left of the old one goes at the next build
        }
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
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
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
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
