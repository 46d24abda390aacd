package dev.opsbook.model;

/**
 * A place in a content file: the path relative to the content root ({@code /}-separated) and a
 * 1-based line and column. Line and column are 0 when the place is the whole file (or a folder).
 */
public record Pos(String file, int line, int column) {

    public static Pos file(String file) {
        return new Pos(file, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** {@code file:line:column}, or just {@code file} when there is no line. */
    @Override
    public String toString() {
        return hasLine() ? file + ":" + line + ":" + column : file;
    }
}
