package dev.opsbook.model;

/**
 * A place in a content file: the path relative to the content root ({@code /}-separated) and a
 * 1-based line and column. Line and column are 0 when the place is the whole file (or a folder).
 */
public record Pos(String file, int line, int column) {

    public static Pos file(String file) {
        return new Pos(file, 0, 0);
    }

    /**
     * Between a part's label and a file inside it, as Java names a file inside an archive: a content file of a part
     * is {@code com.example:payments-api:1.4.0!/services/payments-api/service.yaml}.
     */
    public static final String INSIDE_PART = "!/";

    /** {@code file} inside the part {@code label}: {@code label!/file}. */
    public static String insidePart(String label, String file) {
        return label + INSIDE_PART + file;
    }

    /** Whether a file's name, as findings give it, is one inside a part (not in the content folder itself). */
    public static boolean isInsidePart(String file) {
        return file != null && file.contains(INSIDE_PART);
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
