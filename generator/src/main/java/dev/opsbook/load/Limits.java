package dev.opsbook.load;

/**
 * The explicit limits on content, each producing a finding rather than an exhausted JVM. They are
 * generous for real handbooks and stop hostile or accidental input early.
 */
public final class Limits {
    /** Largest YAML file, in bytes. */
    public static final int MAX_YAML_BYTES = 2 * 1024 * 1024;
    /** Largest Markdown file (runbook, incident), in bytes. */
    public static final int MAX_MARKDOWN_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of YAML collections. */
    public static final int MAX_YAML_DEPTH = 64;
    /** Most aliases to collections in one YAML document (defuses "billion laughs"). */
    public static final int MAX_YAML_ALIASES = 50;
    /** Most files in a content folder. */
    public static final int MAX_FILES = 100_000;

    private Limits() {}
}
