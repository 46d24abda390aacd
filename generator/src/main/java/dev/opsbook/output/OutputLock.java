package dev.opsbook.output;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive right to write one output folder, held for a whole build (or for {@code check}'s
 * reports, or the preview's quick update): an operating-system lock on a file beside the folder,
 * {@code .<name>.opsbook-lock}, which the system releases when the process ends however it ends (no
 * stale lock after kill -9). A second build into the same folder, from this process or another, does
 * not get it and stops instead of losing the site.
 */
public final class OutputLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;
    private final Path folder;

    private OutputLock(FileChannel channel, FileLock lock, Path folder) {
        this.channel = channel;
        this.lock = lock;
        this.folder = folder;
    }

    /** Another build holds the lock. */
    public static final class Busy extends Exception {
        Busy(Path folder, Path lockFile) {
            super("another opsbook build is writing " + folder + " (it holds " + lockFile + "); wait for it to finish,"
                    + " or give this one a folder of its own");
        }
    }

    /**
     * Takes the lock of {@code out} (the output folder as given: a symbolic link is locked as the folder it
     * leads to, so that two names of one folder share one lock), or throws {@link Busy} at once.
     */
    public static OutputLock acquire(Path out) throws IOException, Busy {
        Path folder = target(out);
        Files.createDirectories(folder.getParent());
        Path file = folder.resolveSibling("." + folder.getFileName() + ".opsbook-lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another build in this JVM
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new Busy(folder, file);
        }
        return new OutputLock(channel, lock, folder);
    }

    /** The folder that is written: the output's real place (where a symbolic link leads). */
    public Path folder() {
        return folder;
    }

    /**
     * Where an output folder really is: the target of a symbolic link (followed to the end), or the path
     * with its existing part as real path and the rest as given. Builds write there, so that a link that
     * a web server serves keeps leading to the new site.
     */
    public static Path target(Path out) throws IOException {
        Path abs = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            if (!Files.exists(abs)) {
                throw new NoSuchFileException(
                        abs.toString(), null, "the output folder is a symbolic link that leads nowhere");
            }
            return abs.toRealPath();
        }
        return realish(abs);
    }

    /** The real path of the deepest existing ancestor of {@code p}, with the rest of {@code p} after it. */
    public static Path realish(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
