package dev.opsbook;

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
}
