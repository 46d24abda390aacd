package dev.opsbook.finding;

import java.util.List;

/** The ids of the rules of the contract (checks.md). Ids are stable: users name them in content. */
public final class Rules {
    public static final String YAML_SYNTAX = "yaml-syntax";
    public static final String SCHEMA = "schema";
    public static final String INVALID_ID = "invalid-id";
    public static final String DUPLICATE_ID = "duplicate-id";
    public static final String BROKEN_REFERENCE = "broken-reference";
    public static final String UNSAFE_PATH = "unsafe-path";
    /** A content file that a browser would run (HTML, script, SVG with script): it is not published. */
    public static final String UNSAFE_CONTENT = "unsafe-content";

    /** The structural rules: always errors; they cannot be switched off, waived or marked not applicable. */
    public static final List<String> STRUCTURAL =
            List.of(YAML_SYNTAX, SCHEMA, INVALID_ID, DUPLICATE_ID, BROKEN_REFERENCE, UNSAFE_PATH, UNSAFE_CONTENT);

    /** The completeness rules, in the order of checks.md. */
    public static final List<String> COMPLETENESS = List.of(
            "service-description", "sla-present", "sla-covers-severities", "slo-present", "slo-stricter-than-sla",
            "slo-alerted", "alert-has-runbook", "runbook-sections", "runbook-stale", "runbook-orphan",
            "rota-present", "rota-distinct-roles", "rota-coverage-gap", "rota-min-members", "rota-escalation",
            "rota-unknown-timezone", "telemetry-dashboards", "telemetry-structured-logs", "telemetry-tracing",
            "readiness-load-test", "readiness-game-day", "readiness-backup-restore", "readiness-rollback",
            "readiness-deployment", "review-present", "review-too-late", "review-unanswered",
            "review-no-automated-validation", "review-actions-missing", "action-overdue",
            "incident-actions-missing", "waiver-expired", "content-secret");

    private Rules() {
    }

    private static final java.util.Set<String> STRUCTURAL_SET = java.util.Set.copyOf(STRUCTURAL);

    public static boolean isStructural(String rule) {
        return STRUCTURAL_SET.contains(rule);
    }

    public static boolean isKnown(String rule) {
        return STRUCTURAL.contains(rule) || COMPLETENESS.contains(rule);
    }
}
