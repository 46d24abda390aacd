package dev.opsbook.report;

import dev.opsbook.finding.Rule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every rule id with what it finds ({@link Rule}), for reports that describe their rules (SARIF, the readiness page). */
public final class RuleCatalog {
    /** Rule id → description, structural rules first, then completeness rules in the order of checks.md. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private RuleCatalog() {}

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Rule r : Rule.values()) {
            m.put(r.id(), r.description());
        }
        return Collections.unmodifiableMap(m);
    }
}
