package dev.opsbook.part;

import java.util.Map;

/**
 * Where each file of a merged content folder came from: the organisation's content folder (named as a content
 * file always is, by its path) or a part, named {@code label!/path}, as Java names a file inside an archive
 * ({@code com.example:payments-api:1.4.0!/services/payments-api/runbooks/high-latency.md}).
 */
public final class Origins {
    /** The separator between a part's label and a file inside it. */
    public static final String INSIDE = "!/";

    private static final Origins NONE = new Origins(Map.of());

    /** The part's label of each content file that came from a part. */
    private final Map<String, String> parts;

    Origins(Map<String, String> parts) {
        this.parts = parts;
    }

    /** A content folder that is all the organisation's. */
    public static Origins none() {
        return NONE;
    }

    /** How findings and reports name the content file {@code rel} (a folder's path ending in / too). */
    public String name(String rel) {
        if (rel == null || parts.isEmpty()) {
            return rel;
        }
        String part = partOf(rel);
        return part == null ? rel : part + INSIDE + rel;
    }

    /** The label of the part the content file (or folder) {@code rel} came from, or null: the organisation's. */
    public String partOf(String rel) {
        if (rel == null) {
            return null;
        }
        String part = parts.get(rel);
        if (part == null && !rel.endsWith("/")) {
            part = parts.get(rel + "/");
        }
        return part;
    }

    /** Whether a file's name, as findings give it, is one inside a part. */
    public static boolean insidePart(String file) {
        return file != null && file.contains(INSIDE);
    }
}
