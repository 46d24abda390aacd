package dev.opsbook;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** A build that cannot start or finish: unusable options, unreadable folders, a broken template. */
public class OpsbookException extends Exception {
    private final boolean usage;

    private OpsbookException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** The caller's options, configuration or templates are at fault (CLI exit 2). */
    public static OpsbookException userError(String message, Throwable cause) {
        return new OpsbookException(message, true, cause);
    }

    /** The environment (a full disk, an unreadable folder) or opsbook itself failed (CLI exit 3). */
    public static OpsbookException failure(String message, Throwable cause) {
        return new OpsbookException(message, false, cause);
    }

    /** {@link #userError} when {@code usersFault}, else {@link #failure}. */
    public static OpsbookException of(boolean usersFault, String message, Throwable cause) {
        return new OpsbookException(message, usersFault, cause);
    }

    /** True when the caller's options or configuration are at fault (CLI exit 2), false for an internal error. */
    public boolean isUsage() {
        return usage;
    }

    /**
     * A file name this JVM cannot hold: it decodes names with the locale's character set
     * ({@code sun.jnu.encoding}), which under {@code LC_ALL=C} or no {@code LANG} is ASCII. One line that
     * says so and how to fix it (bin/opsbook and the plugin's forked JVM set a UTF-8 locale themselves).
     */
    public static String unreadableName(InvalidPathException e) {
        String charset =
                System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        return "cannot read the file name " + e.getInput() + ": this JVM reads file names as " + charset
                + " (from the locale), which cannot hold it; run with a UTF-8 locale (LC_ALL=C.UTF-8),"
                + " as bin/opsbook and the Maven plugin's opsbook.fork=true do";
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
