package dev.opsbook.check;

import dev.opsbook.finding.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readiness levels: each reached when every rule of it and of the levels below counts as passed. */
public final class Levels {
    public static final String NONE = "none";

    /** The defaults of checks.md, lowest first. */
    public static final Map<String, List<String>> DEFAULT = defaults();

    private Levels() {}

    private static Map<String, List<String>> defaults() {
        Map<String, List<Rule>> m = new LinkedHashMap<>();
        m.put(
                "documented",
                List.of(
                        Rule.SERVICE_DESCRIPTION,
                        Rule.SLA_PRESENT,
                        Rule.SLO_PRESENT,
                        Rule.ALERT_HAS_RUNBOOK,
                        Rule.ROTA_PRESENT));
        m.put(
                "supportable",
                List.of(
                        Rule.SLA_COVERS_SEVERITIES,
                        Rule.SLO_STRICTER_THAN_SLA,
                        Rule.SLO_ALERTED,
                        Rule.RUNBOOK_SECTIONS,
                        Rule.RUNBOOK_STALE,
                        Rule.ROTA_DISTINCT_ROLES,
                        Rule.ROTA_COVERAGE_GAP,
                        Rule.ROTA_MIN_MEMBERS,
                        Rule.ROTA_ESCALATION,
                        Rule.ROTA_PAGING_UNCOVERED,
                        Rule.ROTA_NO_PHONE,
                        Rule.ROTA_ESCALATION_UNREACHABLE,
                        Rule.ROTA_ONCALL_LIMIT,
                        Rule.TELEMETRY_DASHBOARDS,
                        Rule.TELEMETRY_STRUCTURED_LOGS));
        m.put(
                "operations-ready",
                List.of(
                        Rule.READINESS_LOAD_TEST,
                        Rule.READINESS_BACKUP_RESTORE,
                        Rule.READINESS_ROLLBACK,
                        Rule.READINESS_DEPLOYMENT,
                        Rule.TELEMETRY_TRACING,
                        Rule.READINESS_GAME_DAY,
                        Rule.ACTION_OVERDUE,
                        Rule.REVIEW_TOO_LATE,
                        Rule.HANDOFF_PRODUCTION_TIME,
                        Rule.HANDOFF_OUT_OF_HOURS,
                        Rule.HANDOFF_MAJOR_INCIDENTS,
                        Rule.HANDOFF_OPEN_ACTIONS,
                        Rule.HANDOFF_TELEMETRY,
                        Rule.HANDOFF_CHANGE_SAFETY,
                        Rule.HANDOFF_COUPLING));
        Map<String, List<String>> ids = new LinkedHashMap<>();
        m.forEach((level, rules) -> ids.put(level, rules.stream().map(Rule::id).toList()));
        return Collections.unmodifiableMap(ids);
    }

    /** The level held, the next level, and the rules that block it. */
    record Outcome(String level, String next, List<String> blocking) {}

    static Outcome of(List<RuleResult> results, Map<String, List<String>> levels) {
        Map<String, Status> status = new LinkedHashMap<>();
        results.forEach(r -> status.put(r.rule(), r.status()));
        String reached = NONE;
        for (Map.Entry<String, List<String>> level : levels.entrySet()) {
            List<String> blocking = new ArrayList<>();
            for (String rule : level.getValue()) {
                Status s = status.get(rule);
                if (s != null && !s.countsAsPassed()) {
                    blocking.add(rule);
                }
            }
            if (!blocking.isEmpty()) {
                return new Outcome(reached, level.getKey(), List.copyOf(blocking));
            }
            reached = level.getKey();
        }
        return new Outcome(reached, null, List.of());
    }
}
