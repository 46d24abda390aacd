package dev.opsbook.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readiness levels: each reached when every rule of it and of the levels below counts as passed. */
public final class Levels {
    public static final String NONE = "none";

    /** The defaults of checks.md, lowest first. */
    public static final Map<String, List<String>> DEFAULT = defaults();

    private Levels() {
    }

    private static Map<String, List<String>> defaults() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("documented", List.of("service-description", "sla-present", "slo-present", "alert-has-runbook",
                "rota-present"));
        m.put("supportable", List.of("sla-covers-severities", "slo-stricter-than-sla", "slo-alerted", "runbook-sections",
                "runbook-stale", "rota-distinct-roles", "rota-coverage-gap", "rota-min-members", "rota-escalation",
                "telemetry-dashboards", "telemetry-structured-logs"));
        m.put("operations-ready", List.of("readiness-load-test", "readiness-backup-restore", "readiness-rollback",
                "readiness-deployment", "telemetry-tracing", "readiness-game-day", "action-overdue", "review-too-late"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The level held, the next level, and the rules that block it. */
    record Outcome(String level, String next, List<String> blocking) {
    }

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
