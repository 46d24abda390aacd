package dev.opsbook.report;

import dev.opsbook.check.rules.AllChecks;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.finding.Rules;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every rule id with what it finds, for reports that describe their rules (SARIF, the readiness page). */
public final class RuleCatalog {
    /** Rule id → description, structural rules first, then completeness rules in the order of checks.md. */
    public static final Map<String, String> DESCRIPTIONS = descriptions();

    private RuleCatalog() {
    }

    private static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Rules.YAML_SYNTAX, "YAML or front matter that does not parse");
        m.put(Rules.SCHEMA, "Unknown key, wrong type, missing required key, bad enum value, bad date or duration");
        m.put(Rules.INVALID_ID, "A file or folder name that is not a valid id, or an id key that differs from its file name");
        m.put(Rules.DUPLICATE_ID, "Two people with one id; two alerts or SLOs with one name in a service");
        m.put(Rules.BROKEN_REFERENCE, "A team, person, service, runbook, severity, alert, SLO, review or incident that does not exist");
        m.put(Rules.UNSAFE_PATH, "A link or name that would leave the content or site folder, or take a path the site generates");
        m.put(Rules.UNSAFE_CONTENT, "A content file that would run script in a browser (HTML, JavaScript, SVG or XML with script)");
        for (CompletenessCheck c : AllChecks.LIST) {
            m.put(c.id(), c.description());
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
