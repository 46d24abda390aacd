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

    /** A service's folder: service.yaml and a first runbook, whose placeholders the team replaces. */
    static Map<String, String> service(String id, String owner, LocalDate today) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                ContentPaths.serviceFile(id),
                """
                # A service (docs/content-format.md).
                name: %s
                description: "TODO: what the service does, in one sentence"
                owner: %s
                # 1 (most critical) to 4
                tier: 3
                lifecycle: experimental
                supportModel: developer-managed
                supportHours: business-hours
                dependsOn: []
                alerts: []
                """
                        .formatted(id, owner));
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
