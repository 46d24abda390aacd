package dev.opsbook.check;

import dev.opsbook.finding.Finding;
import java.util.List;
import java.util.Map;

/**
 * What the completeness rules say: every service against every rule with its level, and the
 * findings to report (failures that are not waived).
 *
 * @param levels the level names, lowest first, with their rules
 * @param operations the incident figures of the handbook (the operations page), or null where not worked out
 */
public record Assessment(
        List<ServiceAssessment> services,
        List<Finding> findings,
        Map<String, List<String>> levels,
        Operations operations) {

    public Assessment(List<ServiceAssessment> services, List<Finding> findings, Map<String, List<String>> levels) {
        this(services, findings, levels, null);
    }
}
