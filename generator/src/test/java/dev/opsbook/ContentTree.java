package dev.opsbook;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small content tree on disk for one test scenario: a valid minimal handbook to which a test adds,
 * overwrites or removes files.
 */
public final class ContentTree {
    public static final String SEVERITIES =
            """
            severities:
              - id: P1
                name: Critical
              - id: P2
                name: Major
            """;
    public static final String TEAM =
            """
            name: Operations
            members:
              - { id: alice, name: Alice }
              - { id: bob, name: Bob }
            """;
    /** The team of the complete handbook: everyone on its 24x7 rota has a phone. */
    public static final String COMPLETE_TEAM =
            """
            name: Operations
            members:
              - { id: alice, name: Alice, phone: "+44 20 7946 0001" }
              - { id: bob, name: Bob, phone: "+44 20 7946 0002" }
              - { id: carol, name: Carol, phone: "+44 20 7946 0003" }
              - { id: dave, name: Dave, phone: "+44 20 7946 0004" }
            """;

    public static final String SERVICE =
            """
            name: API
            owner: ops
            tier: 2
            alerts:
              - { name: ApiDown, severity: P1, runbook: api-down }
            """;
    public static final String RUNBOOK =
            """
            ---
            title: API down
            ---
            ## Symptoms

            It is down.
            """;

    /** A service that passes every completeness rule as of 2026-11-21. */
    public static final String COMPLETE_SERVICE =
            """
            name: API
            description: The public API.
            owner: ops
            tier: 2
            lifecycle: production
            supportModel: developer-managed
            supportHours: 24x7
            telemetry:
              dashboards: [{ title: Overview, url: "https://grafana.example/d/api" }]
              logs: { structured: true }
              tracing: { enabled: true }
            slos:
              - { id: availability, objective: 99.95, window: 28d }
            alerts:
              - { name: ApiDown, severity: P1, runbook: api-down, slo: availability }
            readiness:
              loadTest: { date: 2026-10-01 }
              gameDay: { date: 2026-06-01 }
              backupRestoreTest: { date: 2026-09-01 }
              rollback: { strategies: [rollback], lastTested: 2026-10-01 }
              deployment: { automated: true, leadTime: 2h, measured: 2026-11-02 }
            productionSince: 2026-01-05
            """;

    public static final String COMPLETE_SLA =
            """
            availability: 99.9
            responseTimes:
              P1: { acknowledge: 15m, resolve: 4h }
              P2: { acknowledge: 1h, resolve: 1d }
            """;
    public static final String COMPLETE_ROTA =
            """
            start: 2026-11-02T09:00
            rotation: 1w
            lead: [alice, bob]
            engineer: [carol, dave]
            escalation:
              - { after: 15m, contact: ops }
            """;
    public static final String COMPLETE_RUNBOOK =
            """
            ---
            title: API down
            lastReviewed: 2026-10-01
            ---
            ## Symptoms

            The API answers 503.

            ## Impact

            No one can order.

            ## Diagnosis

            Look at the dashboard.

            ## Mitigation

            Roll back the last deploy.

            ## Escalation

            Call the platform team.
            """;
    public static final String COMPLETE_REVIEW =
            """
            title: New endpoint
            date: 2026-10-01
            committed: 2026-10-05
            answers:
              deploymentChange: { answer: no }
              scalabilityChange: { answer: no }
              testingChange: { answer: yes }
              newSystems: { answer: no }
              automatedValidation: { answer: yes }
            outcome: approved
            """;

    private final Path root;

    private ContentTree(Path root) {
        this.root = root;
    }

    /** A valid handbook: two severities, team ops (alice, bob), service api with one alert and its runbook. */
    public static ContentTree minimal(Path root) {
        return new ContentTree(root)
                .file("severities.yaml", SEVERITIES)
                .file("teams/ops.yaml", TEAM)
                .file("services/api/service.yaml", SERVICE)
                .file("services/api/runbooks/api-down.md", RUNBOOK);
    }

    /** A handbook whose one service passes every completeness rule as of 2026-11-21. */
    public static ContentTree complete(Path root) {
        return new ContentTree(root)
                .file("severities.yaml", SEVERITIES)
                .file("teams/ops.yaml", COMPLETE_TEAM)
                .file("services/api/service.yaml", COMPLETE_SERVICE)
                .file("services/api/sla.yaml", COMPLETE_SLA)
                .file("services/api/rota.yaml", COMPLETE_ROTA)
                .file("services/api/runbooks/api-down.md", COMPLETE_RUNBOOK)
                .file("services/api/reviews/osr-1.yaml", COMPLETE_REVIEW);
    }

    public static ContentTree empty(Path root) {
        return new ContentTree(root);
    }

    public ContentTree file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public ContentTree bytes(String path, byte[] content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public ContentTree delete(String path) {
        try {
            Files.delete(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path root() {
        return root;
    }

    /** Loads and checks the tree; the structural findings as the CLI prints them. */
    public List<String> structural() {
        return result().findings().stream()
                .filter(f -> Rules.isStructural(f.rule()))
                .map(Finding::format)
                .toList();
    }

    /** The findings of one rule, as the CLI prints them. */
    public List<String> findings(String rule) {
        return result().findings().stream()
                .filter(f -> f.rule().equals(rule))
                .map(Finding::format)
                .toList();
    }

    /** The tree as the loader reads it: the model, without the checks. */
    public dev.opsbook.model.Handbook handbook() {
        try {
            return new dev.opsbook.load.HandbookLoader(
                            new dev.opsbook.markdown.MarkdownEngine(), 1, dev.opsbook.markdown.BodyStore.inMemory())
                    .load(root, new dev.opsbook.finding.Findings());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Checks the tree as of 2026-11-21 (no reports written). */
    public BuildResult result() {
        return result(java.time.LocalDate.of(2026, 11, 21));
    }

    public BuildResult result(java.time.LocalDate asOf) {
        BuildResult result;
        try {
            result = new Opsbook().build(BuildRequest.check(root, null).withAsOf(asOf));
        } catch (OpsbookException e) {
            throw new AssertionError(e);
        }
        // every schema error a test of the suite makes the loader report, the file's JSON Schema reports too
        dev.opsbook.load.SchemaAgreement.check(root, result.findings());
        return result;
    }
}
