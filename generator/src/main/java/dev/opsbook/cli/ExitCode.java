package dev.opsbook.cli;

/** The exit codes of the contract (outputs.md). */
public final class ExitCode {
    /** No error findings. */
    public static final int OK = 0;
    /** Error findings (the site and reports are still written). */
    public static final int FINDINGS = 1;
    /** Unusable arguments or configuration. */
    public static final int USAGE = 2;
    /** An internal error. */
    public static final int INTERNAL = 3;

    private ExitCode() {}
}
