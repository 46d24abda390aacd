package dev.opsbook;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A build that cannot start or finish: unusable options, unreadable folders, a broken template. */
public class OpsbookException extends Exception {
    private final boolean usage;

    public OpsbookException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** True when the caller's options or configuration are at fault (CLI exit 2), false for an internal error. */
    public boolean isUsage() {
        return usage;
    }

    /**
     * An I/O error of the environment (a full disk, a read-only or unwritable folder) as one line that
     * names the file and what the system said, such as {@code /srv/site: No space left on device}.
     */
    public static String describe(Throwable e) {
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder" + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + ": already exists";
        }
        if (e instanceof NotDirectoryException d) {
            return d.getFile() + ": not a folder";
        }
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile()) + ": "
                    + (f.getReason() == null ? "failed" : f.getReason());
        }
        if (e instanceof IOException && e.getMessage() != null) {
            return e.getMessage();
        }
        return String.valueOf(e);
    }
}
