package dev.opsbook.cli;

import dev.opsbook.link.ContentPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of {@code opsbook new}. Each holds what a team can keep as it is (severity levels, a tier, the
 * runbook's sections) and, where only the team can say what belongs, a placeholder starting {@code TODO}
 * that fails the rule of what it stands for until it is replaced: a service's description
 * ({@code service-description}), a runbook's sections ({@code runbook-sections}), a review's answers
 * ({@code review-unanswered}), an incident's start ({@code schema}). Comments say what the rest is for.
 */
final class Skeletons {
    private Skeletons() {}

    static String settings() {
        return """
                # The handbook's settings (docs/content-format.md). Every key is optional.
                title: Operations Handbook
                # organisation: Example Ltd
                # The address the site is served from: for the sitemap, calendar feeds and the 404 page.
                # baseUrl: https://handbook.example.com/
                # The time zone of dates and times written without one (an IANA zone).
                timezone: UTC
                # The sections every runbook has (## headings).
                runbookSections: [Symptoms, Impact, Diagnosis, Mitigation, Escalation]
                # A Backstage catalog kept elsewhere in this folder (globs); catalog-info.yaml files are read anyway.
                # catalog: [catalog/*.yaml]
                """;
    }

    static String severities() {
        return """
                # The organisation's incident severity levels, most severe first (docs/content-format.md).
                # Pick the first level whose criteria match.
                severities:
                  - id: P1
                    name: Critical
                    description: Customers cannot use the product, or data is being lost.
                    criteria:
                      - A core journey unavailable to all customers
                      - Confirmed security breach or data loss
                    response: { acknowledge: 15m, firstUpdate: 30m, updateEvery: 30m, resolveTarget: 4h }
                    outOfHours: page
                    majorIncident: true
                  - id: P2
                    name: Major
                    description: A core journey is degraded for many customers.
                    criteria:
                      - A core journey failing for more than one customer in twenty
                    response: { acknowledge: 30m, firstUpdate: 1h, updateEvery: 1h, resolveTarget: 8h }
                    outOfHours: page
                    majorIncident: true
                  - id: P3
                    name: Minor
                    description: Some customers are affected, or a workaround exists.
                    response: { acknowledge: 4h, firstUpdate: 1d, resolveTarget: 5d }
                    outOfHours: next-business-day
                  - id: P4
                    name: Low
                    description: No customer impact yet; to be fixed in the normal course of work.
                    response: { acknowledge: 1d, resolveTarget: 4w }
                    outOfHours: next-business-day
                """;
    }

    static String team(String id) {
        return """
                # A team and its people (docs/content-format.md). People ids are unique across all teams.
                name: %s
                # email: team@example.com
                # chat: "#team"
                members: []
                # members:
                #   - { id: alice, name: Alice Example, email: alice@example.com, phone: "+44 20 7946 0101", timezone: Europe/London }
                """
                .formatted(id);
    }

    /**
     * The completeness rules a new service fails until its team writes what they ask for: each marked not
     * applicable with a placeholder reason, so that {@code opsbook check} names each with its placeholder.
     */
    static final java.util.List<String[]> NOT_YET = java.util.List.of(
            new String[] {"sla-present", "why the service has no SLA, or add sla.yaml and remove this line"},
            new String[] {"slo-present", "why it has no SLO, or add slos: above and remove this line"},
            new String[] {"rota-present", "why no rota supports it, or add rota.yaml and remove this line"},
            new String[] {
                "telemetry-dashboards", "why it has no dashboard, or add telemetry.dashboards and remove this line"
            },
            new String[] {
                "telemetry-structured-logs", "why it has no structured logs, or add telemetry.logs and remove this line"
            },
            new String[] {"telemetry-tracing", "why it is not traced, or add telemetry.tracing and remove this line"},
            new String[] {
                "readiness-load-test", "why it needs no load test, or add readiness.loadTest and remove this line"
            },
            new String[] {
                "readiness-game-day", "why it needs no game day, or add readiness.gameDay and remove this line"
            },
            new String[] {
                "readiness-backup-restore",
                "why it holds no data to restore, or add readiness.backupRestoreTest and remove this line"
            },
            new String[] {
                "readiness-rollback", "why it needs no rollback, or add readiness.rollback and remove this line"
            },
            new String[] {
                "readiness-deployment",
                "why its deployment is not automated, or add readiness.deployment and remove this line"
            },
            new String[] {
                "handoff-production-time",
                "why it can be handed over before it has run in production, or add productionSince when it goes"
                        + " live and remove this line"
            });

    /** A service's folder: service.yaml and a first runbook, whose placeholders the team replaces. */
    static Map<String, String> service(String id, String owner, String severity, LocalDate today) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder notYet = new StringBuilder();
        for (String[] n : NOT_YET) {
            notYet.append("  - { rule: ")
                    .append(n[0])
                    .append(", reason: \"TODO: ")
                    .append(n[1])
                    .append("\" }\n");
        }
        out.put(
                ContentPaths.serviceFile(id),
                """
                # A service (docs/content-format.md). Replace each TODO: `opsbook check` names each one that is left.
                name: %s
                description: "TODO: what the service does, in one sentence"
                owner: %s
                # 1 (most critical) to 4
                tier: 3
                lifecycle: experimental
                supportModel: developer-managed
                supportHours: business-hours
                dependsOn: []
                # The alerts that page for the service, each with its runbook (runbooks/<id>.md).
                alerts:
                  - { name: ServiceDown, severity: %s, runbook: service-down }
                # What the service does not have yet: each mark holds once its TODO is replaced by why the rule
                # does not apply. Or write what the rule asks for and remove its line.
                notApplicable:
                %s"""
                                .formatted(
                                        id,
                                        owner,
                                        severity,
                                        notYet.toString().stripTrailing().replaceFirst("^  ", "  "))
                        + "\n");
        out.put(ContentPaths.runbook(id, "service-down"), runbook("service-down", today));
        return out;
    }

    static String runbook(String id, LocalDate today) {
        return """
                ---
                title: %s
                summary: What this runbook is for, in one line.
                # The day someone last checked that the steps still work.
                lastReviewed: %s
                ---
                ## Symptoms

                TODO: what the reader sees: the alert, the dashboard panel, what customers report.

                ## Impact

                TODO: who is affected and how badly, so the reader can pick the severity.

                ## Diagnosis

                TODO: the first checks, in order, each with the command or the link to run it.

                ## Mitigation

                TODO: what stops the harm: a rollback, a restart, a switch, with the exact steps.

                ## Escalation

                TODO: who to call when this does not work, and when.
                """
                .formatted(id, today);
    }

    static String review(LocalDate today) {
        return """
                # An operational support review, held before the story is committed (docs/content-format.md).
                title: "Operational support review"
                # story: ABC-123
                # storyUrl: https://tracker.example.com/browse/ABC-123
                date: %s
                # committed: the day the story was committed to a sprint (after the review)
                participants: []
                outcome: deferred
                answers:
                  deploymentChange: { answer: unsure, notes: "TODO: does the story change how the service is deployed?" }
                  scalabilityChange: { answer: unsure, notes: "TODO: does it change how the service scales?" }
                  testingChange: { answer: unsure, notes: "TODO: does it change how the service is tested?" }
                  newSystems: { answer: unsure, notes: "TODO: does it bring in new systems or dependencies?" }
                  automatedValidation: { answer: unsure, notes: "TODO: can the environment be validated automatically after deployment?" }
                actions: []
                """
                .formatted(today);
    }

    static String incident(String severity, LocalDate today) {
        return """
                ---
                title: "Incident of %s"
                severity: %s
                # when it began, in the handbook's time zone unless written with Z or an offset
                started: "TODO: YYYY-MM-DDTHH:MM"
                # detected: 2026-01-01T00:00
                # resolved: 2026-01-01T00:00
                # resolution: rollback | fix-forward | feature-toggle | other
                actions: []
                ---
                ## Summary

                ## Timeline

                ## What went well

                ## What went badly

                ## Actions
                """
                .formatted(today, severity);
    }

    private static final Pattern SEVERITY_ID = Pattern.compile("(?m)^\\s*-\\s*(?:\\{\\s*)?id:\\s*([A-Za-z0-9_.-]+)");

    /** The last level's id in severities.yaml (the least severe), or P4 when it cannot be read. */
    static String leastSevere(Path severities) throws IOException {
        if (!Files.isRegularFile(severities)) {
            return "P4";
        }
        Matcher m = SEVERITY_ID.matcher(Files.readString(severities, StandardCharsets.UTF_8));
        String last = "P4";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
