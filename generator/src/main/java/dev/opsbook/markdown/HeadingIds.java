package dev.opsbook.markdown;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The anchors of a document's headings, given in document order: the heading text in lower case,
 * letters and digits kept, spaces, dashes and underscores made dashes, everything else dropped; a
 * repeated anchor gets {@code -1}, {@code -2}… (GitHub's scheme, and the one opsbook has always used,
 * so that links written against earlier sites keep working).
 */
final class HeadingIds {
    /**
     * The element ids opsbook's templates give the page a body is shown on (and its script looks up): a
     * heading "Search" must not take {@code search}, or the search box's script finds the heading. They
     * count as already taken, so such a heading gets {@code search-1}. A test reads the templates and
     * fails when one of their ids is missing here.
     */
    static final Set<String> RESERVED = Set.of(
            "actions",
            "actions-h",
            "alerts",
            "alerts-h",
            "alerts-here-h",
            "guides-h",
            "answers",
            "answers-h",
            "dependencies",
            "dependencies-h",
            "documents",
            "documents-h",
            "failures-h",
            "filter-count",
            "gone-h",
            "handoff-line",
            "incident-actions-h",
            "incidents",
            "incidents-h",
            "level",
            "level-h",
            "level-rules",
            "links",
            "main",
            "matrix-h",
            "members",
            "members-h",
            "moves-h",
            "new-h",
            "oncall",
            "oncall-data",
            "oncall-h",
            "ops-by-service",
            "ops-by-service-h",
            "ops-causes",
            "ops-causes-chart-cap",
            "ops-causes-h",
            "ops-handoff",
            "ops-handoff-h",
            "ops-months",
            "ops-months-chart-cap",
            "ops-months-h",
            "ops-services",
            "ops-services-h",
            "ops-summary",
            "ops-summary-h",
            "overview",
            "overview-h",
            "readiness",
            "readiness-filters",
            "readiness-h",
            "readiness-matrix",
            "reviews",
            "reviews-h",
            "rota",
            "rules-h",
            "runbooks",
            "runbooks-h",
            "search",
            "search-results",
            "services",
            "services-h",
            "services-table",
            "sev-h",
            "shifts-h",
            "sla",
            "sla-h",
            "slos",
            "slos-h",
            "summary-h",
            "support",
            "support-h",
            "teams-h",
            "telemetry",
            "telemetry-h",
            "theme-toggle",
            "waivers-h");

    private final Map<String, Integer> seen = new HashMap<>();

    HeadingIds() {
        RESERVED.forEach(id -> seen.put(id, 0));
    }

    /** The anchor for the next heading of the document; empty when its text has nothing to make one of. */
    String next(String text) {
        String id = normalise(text);
        if (id.isEmpty()) {
            return id;
        }
        Integer count = seen.get(id);
        if (count == null) {
            seen.put(id, 0);
            return id;
        }
        seen.put(id, count + 1);
        return id + "-" + (count + 1);
    }

    static String normalise(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                sb.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c)) {
                sb.append(c);
            } else if (c == ' ' || c == '-' || c == '_') {
                sb.append('-');
            }
        }
        return sb.toString();
    }

    /** Upper, lower, title case, modifier and other letters, and letter numbers (such as Ⅻ). */
    private static boolean isLetter(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.LETTER_NUMBER -> true;
            default -> false;
        };
    }
}
