package dev.opsbook.model;

import java.util.Map;

/**
 * One alerting rule of a Prometheus rule file or {@code PrometheusRule} object, as written: an alert may
 * have several (a warning and a critical threshold, the windows of a burn rate), each with its own
 * expression, {@code for}, severity and annotations.
 *
 * @param severityLabel the rule's {@code severity} label as written, or null
 * @param severity      the handbook's severity it maps to (null when the rule does not page: {@code none},
 *                      or when the label has no mapping, which is a finding)
 * @param runbook       the {@code runbook_url} annotation, else the {@code runbook} one, as written, or null
 * @param runbookPos    where that annotation's value is (the rule's place when it has none)
 * @param pos           where the rule's {@code alert:} is written
 */
public record AlertRule(
        String alert,
        String expr,
        String duration,
        String severityLabel,
        Ref severity,
        Map<String, String> labels,
        Map<String, String> annotations,
        String runbook,
        Pos runbookPos,
        Pos pos) {

    /** Whether the rule pages someone: its severity maps to a level of the handbook. */
    public boolean pages() {
        return severity != null;
    }
}
