package dev.opsbook.part;

import dev.opsbook.model.Pos;
import java.util.Map;

/**
 * Where each file of a merged content folder came from: the organisation's content folder (named as a content
 * file always is, by its path) or a part, named {@code label!/path}, as Java names a file inside an archive
 * ({@code com.example:payments-api:1.4.0!/services/payments-api/runbooks/high-latency.md}).
 */
public final class Origins {
    /** The part's label of each content file that came from a part. */
    private final Map<String, String> parts;

    Origins(Map<String, String> parts) {
        this.parts = parts;
    }

    /** How findings and reports name the content file (or folder) {@code rel}. */
    public String name(String rel) {
        if (rel == null || parts.isEmpty()) {
            return rel;
        }
        String part = partOf(rel);
        return part == null ? rel : Pos.insidePart(part, rel);
    }

    /** The label of the part the content file (or folder) {@code rel} came from, or null: the organisation's. */
    public String partOf(String rel) {
        return rel == null ? null : parts.get(rel);
    }
}
