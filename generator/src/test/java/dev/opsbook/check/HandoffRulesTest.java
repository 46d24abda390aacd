package dev.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.finding.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-off rules at the edges of their thresholds, each judged as of 2026-11-21 (a Saturday) in the
 * handbook's time zone (UTC here: the tree sets none; the rota names no business hours, so they are Monday to
 * Friday, 09:00 to 17:00). The 90-day window is 2026-08-24 to 2026-11-21.
 */
class HandoffRulesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    private static final String SEVERITIES =
            """
            severities:
              - { id: P1, name: Critical }
              - { id: P2, name: Major }
              - { id: P3, name: Minor }
            """;

    /** The complete handbook, with three severities (P3 not a major one). */
    private ContentTree tree() {
        return ContentTree.complete(dir)
                .file("severities.yaml", SEVERITIES)
                .file("services/api/sla.yaml", ContentTree.COMPLETE_SLA + "  P3: { acknowledge: 1d, resolve: 5d }\n");
    }

    private static String incident(String severity, String started, String extra) {
        return "---\ntitle: Something broke\nseverity: " + severity + "\nstarted: " + started + "\n" + extra
                + "---\n## Summary\n\nIt broke.\n";
    }

    private static Status status(BuildResult r, String rule) {
        return r.assessment().services().get(0).result(rule).orElseThrow().status();
    }

    private static List<String> printed(BuildResult r, String rule) {
        return r.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .map(Finding::format)
                .toList();
    }

    private static String message(BuildResult r, String rule) {
        return r.assessment()
                .services()
                .get(0)
                .result(rule)
                .orElseThrow()
                .findings()
                .get(0)
                .message();
    }

    private String service(String replace, String with) {
        assertTrue(ContentTree.COMPLETE_SERVICE.contains(replace), replace);
        return ContentTree.COMPLETE_SERVICE.replace(replace, with);
    }

    @Test
    void theCompleteServiceIsReadyForHandOff() {
        BuildResult r = tree().result();
        assertEquals(List.of(), r.findings().stream().map(Finding::format).toList());
        ServiceAssessment a = r.assessment().services().get(0);
        assertEquals("operations-ready", a.level());
        assertEquals(Handoff.Verdict.READY, a.handoff().verdict());
        assertEquals("Ready to be handed over to operations", a.handoff().line());
    }

    @Test
    void productionTimeCountsWholeDaysToTheAsOfDate() {
        // 2026-05-25 is 180 days before 2026-11-21: enough; a day later is not
        ContentTree t = tree().file(
                        "services/api/service.yaml",
                        service("productionSince: 2026-01-05", "productionSince: 2026-05-25"));
        assertEquals(Status.PASS, status(t.result(), "handoff-production-time"));
        t.file("services/api/service.yaml", service("productionSince: 2026-01-05", "productionSince: 2026-05-26"));
        BuildResult r = t.result();
        assertEquals(
                List.of("services/api/service.yaml:22:1: warning: 'api' has been in production since 2026-05-26, 179"
                        + " days (fewer than 180) [handoff-production-time]"),
                printed(r, "handoff-production-time"));
        ServiceAssessment a = r.assessment().services().get(0);
        assertEquals(Handoff.Verdict.HELD, a.handoff().verdict());
        assertEquals(
                "Not ready to be handed over to operations, held by handoff-production-time",
                a.handoff().line());
        // minDays: the organisation's own minimum
        t.file("opsbook.yaml", "checks:\n  handoff-production-time: { minDays: 179 }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-production-time"));
        t.file("opsbook.yaml", "checks:\n  handoff-production-time: { minDays: 180 }\n");
        assertEquals(Status.FAIL, status(t.result(), "handoff-production-time"));
    }

    @Test
    void productionTimeNeedsTheDateAndProductionAndIsNotAskedOfOperations() {
        ContentTree t = tree().file("services/api/service.yaml", service("productionSince: 2026-01-05\n", ""));
        assertEquals(
                List.of("services/api/service.yaml:1:1: warning: 'api' does not say since when it is in production"
                        + " [handoff-production-time]"),
                printed(t.result(), "handoff-production-time"));
        t.file("services/api/service.yaml", service("lifecycle: production", "lifecycle: experimental"));
        assertTrue(message(t.result(), "handoff-production-time").contains("is experimental, not in production"));
        // an operations-managed service has been taken over already
        t.file(
                "services/api/service.yaml",
                service("productionSince: 2026-01-05\n", "").replace("developer-managed", "operations-managed"));
        assertEquals(Status.PASS, status(t.result(), "handoff-production-time"));
        // a refused date is not judged: the schema finding says what to fix
        t.file("services/api/service.yaml", service("productionSince: 2026-01-05", "productionSince: 2026-13-45"));
        BuildResult r = t.result();
        assertEquals(List.of(), printed(r, "handoff-production-time"));
        assertTrue(
                message(r, "handoff-production-time").startsWith("not checked"), message(r, "handoff-production-time"));
    }

    @Test
    void outOfHoursCountsTheNinetyDaysThatEndWithTheAsOfDate() {
        ContentTree t = tree().file("services/api/incidents/a.md", incident("P3", "2026-11-20T02:00Z", ""))
                .file("services/api/incidents/b.md", incident("P3", "2026-10-01T23:30Z", ""))
                // the day before the window: not counted
                .file("services/api/incidents/c.md", incident("P3", "2026-08-23T03:00Z", ""));
        assertEquals(Status.PASS, status(t.result(), "handoff-out-of-hours"), "two, the limit, in the window");
        t.file("services/api/incidents/c.md", incident("P3", "2026-08-24T03:00Z", ""));
        BuildResult r = t.result();
        assertEquals(
                List.of("services/api/incidents/a.md:1:1: warning: 'api' had 3 incidents that started out of hours in"
                        + " the 90 days to 2026-11-21 (more than 2): c, b, a [handoff-out-of-hours]"),
                printed(r, "handoff-out-of-hours"));
        // business hours are Monday to Friday from 09:00 up to 17:00: 09:00 is in them, 17:00 is not
        t.file("services/api/incidents/c.md", incident("P3", "2026-08-24T09:00Z", ""));
        assertEquals(Status.PASS, status(t.result(), "handoff-out-of-hours"));
        t.file("services/api/incidents/c.md", incident("P3", "2026-08-24T17:00Z", ""));
        assertEquals(Status.FAIL, status(t.result(), "handoff-out-of-hours"));
        // what the review says of it holds
        t.file("services/api/incidents/c.md", incident("P3", "2026-08-24T17:00Z", "outOfHours: false\n"));
        assertEquals(Status.PASS, status(t.result(), "handoff-out-of-hours"));
        // the window and limit set in opsbook.yaml
        t.file("services/api/incidents/c.md", incident("P3", "2026-08-24T17:00Z", ""));
        t.file("opsbook.yaml", "checks:\n  handoff-out-of-hours: { max: 3 }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-out-of-hours"));
        t.file("opsbook.yaml", "checks:\n  handoff-out-of-hours: { max: 1, window: 30d }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-out-of-hours"), "only a (2026-11-20) in 30 days");
        t.file("opsbook.yaml", "checks:\n  handoff-out-of-hours: { max: 1, window: 52d }\n");
        assertTrue(message(t.result(), "handoff-out-of-hours").contains("had 2 incidents"), "b is 52 days back");
    }

    @Test
    void theWindowIsJudgedInTheHandbooksTimeZone() {
        // 2026-08-23T23:30Z is already 24 August in Berlin: in the window there, not in UTC
        ContentTree t = tree().file(
                        "services/api/incidents/a.md",
                        incident("P1", "2026-08-23T23:30Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"))
                .file(
                        "services/api/incidents/b.md",
                        incident("P2", "2026-11-10T12:00Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"));
        assertEquals(Status.PASS, status(t.result(), "handoff-major-incidents"));
        t.file("opsbook.yaml", "timezone: Europe/Berlin\n");
        BuildResult r = t.result();
        assertEquals(
                List.of("services/api/incidents/b.md:1:1: warning: 'api' had 2 incidents of the two most severe levels"
                        + " in the 90 days to 2026-11-21 (more than 1): a (P1), b (P2) [handoff-major-incidents]"),
                printed(r, "handoff-major-incidents"));
    }

    @Test
    void majorIncidentsAreThoseOfTheTwoMostSevereLevels() {
        ContentTree t = tree().file(
                        "services/api/incidents/a.md",
                        incident("P2", "2026-11-10T12:00Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"))
                .file("services/api/incidents/b.md", incident("P3", "2026-11-11T12:00Z", ""));
        assertEquals(Status.PASS, status(t.result(), "handoff-major-incidents"));
        t.file(
                "services/api/incidents/b.md",
                incident("P1", "2026-11-11T12:00Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"));
        assertEquals(Status.FAIL, status(t.result(), "handoff-major-incidents"));
        t.file("opsbook.yaml", "checks:\n  handoff-major-incidents: { max: 2 }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-major-incidents"));
    }

    @Test
    void anOverdueActionOfAMajorIncidentHoldsTheHandOffAndIsPrintedOnce() {
        ContentTree t = tree().file(
                        "services/api/incidents/a.md",
                        incident(
                                "P1",
                                "2026-06-10T12:00Z",
                                "actions:\n  - { description: Add a canary, due: 2026-11-21, status: open }\n"));
        assertEquals(Status.PASS, status(t.result(), "handoff-open-actions"), "due on the as-of date: not overdue");
        t.file(
                "services/api/incidents/a.md",
                incident(
                        "P1",
                        "2026-06-10T12:00Z",
                        "actions:\n  - { description: Add a canary, due: 2026-11-20, status: in-progress }\n"));
        BuildResult r = t.result();
        assertEquals(Status.FAIL, status(r, "handoff-open-actions"));
        assertEquals(List.of(), printed(r, "handoff-open-actions"), "action-overdue says it");
        assertEquals(1, printed(r, "action-overdue").size());
        assertEquals(
                "action 'Add a canary' of P1 incident 'a' was due on 2026-11-20 and is still in-progress",
                message(r, "handoff-open-actions"));
        // with action-overdue off, the hand-off rule is what says it
        t.file("opsbook.yaml", "checks:\n  action-overdue: off\n");
        assertEquals(
                List.of("services/api/incidents/a.md:6:5: warning: action 'Add a canary' of P1 incident 'a' was due on"
                        + " 2026-11-20 and is still in-progress [handoff-open-actions]"),
                printed(t.result(), "handoff-open-actions"));
        // a P3's overdue action is action-overdue's only
        t.file(
                "services/api/incidents/a.md",
                incident(
                        "P3",
                        "2026-06-10T12:00Z",
                        "actions:\n  - { description: Add a canary, due: 2026-11-20, status: open }\n"));
        assertEquals(Status.PASS, status(t.result(), "handoff-open-actions"));
    }

    @Test
    void telemetryMustBeCompleteAndEachGapIsPrintedOnce() {
        ContentTree t = tree().file(
                        "services/api/service.yaml",
                        service("tracing: { enabled: true }", "tracing: { enabled: false }"));
        BuildResult r = t.result();
        assertEquals(Status.FAIL, status(r, "handoff-telemetry"));
        assertEquals("the telemetry of 'api' is not complete: no tracing", message(r, "handoff-telemetry"));
        assertEquals(List.of(), printed(r, "handoff-telemetry"), "telemetry-tracing says it");
        t.file("opsbook.yaml", "checks:\n  telemetry-tracing: off\n");
        assertEquals(1, printed(t.result(), "handoff-telemetry").size());
    }

    @Test
    void changeSafetyAtTheEdgesOfLeadTimeAndRollbackAge() {
        ContentTree t = tree().file("services/api/service.yaml", service("leadTime: 2h", "leadTime: 1d"));
        assertEquals(Status.PASS, status(t.result(), "handoff-change-safety"));
        t.file("services/api/service.yaml", service("leadTime: 2h", "leadTime: 1d1m"));
        assertEquals(
                List.of("services/api/service.yaml:21:15: warning: changes to 'api' are not yet safe: its lead time for"
                        + " a change is 1d1m (more than 1d) [handoff-change-safety]"),
                printed(t.result(), "handoff-change-safety"));
        t.file("services/api/service.yaml", service("leadTime: 2h", "leadTime: 3h"));
        t.file("opsbook.yaml", "checks:\n  handoff-change-safety: { maxLeadTime: 3h }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-change-safety"));
        t.file("opsbook.yaml", "checks:\n  handoff-change-safety: { maxLeadTime: 2h59m }\n");
        assertEquals(Status.FAIL, status(t.result(), "handoff-change-safety"));
        // the rollback tested 365 days ago is recent enough, 366 is not
        t.file("opsbook.yaml", "");
        t.file("services/api/service.yaml", service("lastTested: 2026-10-01", "lastTested: 2025-11-21"));
        assertEquals(Status.PASS, status(t.result(), "handoff-change-safety"));
        t.file("services/api/service.yaml", service("lastTested: 2026-10-01", "lastTested: 2025-11-20"));
        assertTrue(message(t.result(), "handoff-change-safety").contains("last tested on 2025-11-20, 366 days ago"));
        t.file("opsbook.yaml", "checks:\n  handoff-change-safety: { maxAgeDays: 366 }\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-change-safety"));
        // a lead time measured 365 days ago is recent enough, 366 is not; one never dated is not either
        t.file("opsbook.yaml", "");
        t.file("services/api/service.yaml", service("measured: 2026-11-02", "measured: 2025-11-21"));
        assertEquals(Status.PASS, status(t.result(), "handoff-change-safety"));
        t.file("services/api/service.yaml", service("measured: 2026-11-02", "measured: 2025-11-20"));
        assertTrue(message(t.result(), "handoff-change-safety")
                .contains("lead time was last measured on 2025-11-20, 366"));
        t.file("services/api/service.yaml", service(", measured: 2026-11-02", ""));
        assertTrue(message(t.result(), "handoff-change-safety")
                .contains("when its lead time was measured is not recorded"));
        // no lead time written
        t.file("opsbook.yaml", "");
        t.file("services/api/service.yaml", service(", leadTime: 2h, measured: 2026-11-02", ""));
        assertTrue(message(t.result(), "handoff-change-safety").contains("no lead time for a change is recorded"));
    }

    @Test
    void couplingCountsDependenciesAndFindsCyclesThroughTheService() {
        ContentTree t = tree();
        for (int i = 1; i <= 6; i++) {
            t.file("services/s" + i + "/service.yaml", "owner: ops\n");
        }
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependsOn: [s1, s2, s3, s4, s5]\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-coupling"));
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependsOn: [s1, s2, s3, s4, s5, s6]\n");
        assertTrue(message(t.result(), "handoff-coupling").contains("depends on 6 services (more than 5)"));
        // api → s1 → s2 → api
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependsOn: [s1]\n");
        t.file("services/s1/service.yaml", "owner: ops\ndependsOn: [s2]\n");
        t.file("services/s2/service.yaml", "owner: ops\ndependsOn: [api]\n");
        BuildResult r = t.result();
        assertEquals("'api' is on a cycle of dependencies: api → s1 → s2 → api", message(r, "handoff-coupling"));
        // a service that names itself is broken-reference's alone: one mistake, one finding
        t.file("services/s2/service.yaml", "owner: ops\n");
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependsOn: [api]\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-coupling"));
        assertEquals(1, t.findings("broken-reference").size());
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE + "dependsOn: [s1]\n");
        // a cycle that does not pass through the service is not its own
        t.file("services/s2/service.yaml", "owner: ops\ndependsOn: [s1]\n");
        assertEquals(Status.PASS, status(t.result(), "handoff-coupling"));
    }

    @Test
    void anOperationsManagedServiceWithTooManyMajorIncidentsIsFlaggedForHandBack() {
        ContentTree t = tree().file("services/api/service.yaml", service("developer-managed", "operations-managed"));
        BuildResult r = t.result();
        Handoff kept = r.assessment().services().get(0).handoff();
        assertEquals(Handoff.Verdict.KEPT, kept.verdict());
        t.file(
                        "services/api/incidents/a.md",
                        incident("P1", "2026-10-10T12:00Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"))
                .file(
                        "services/api/incidents/b.md",
                        incident("P2", "2026-11-10T12:00Z", "actions: [{ description: Fix, due: 2026-12-01 }]\n"));
        r = t.result();
        Handoff back = r.assessment().services().get(0).handoff();
        assertEquals(Handoff.Verdict.HAND_BACK, back.verdict());
        assertEquals("To be handed back to its developers: handoff-major-incidents", back.line());
        assertTrue(Handoff.message(back.holds().get(0)).contains("a (P1), b (P2)"));
        // its hint says what operations does about it
        assertTrue(r.assessment()
                .services()
                .get(0)
                .result("handoff-major-incidents")
                .orElseThrow()
                .hint()
                .startsWith("hand 'api' back to its developers"));
    }

    @Test
    void causesComeFromTheHandbooksList() {
        ContentTree t =
                tree().file("services/api/incidents/a.md", incident("P3", "2026-11-10T12:00Z", "cause: chnage\n"));
        assertEquals(
                List.of("services/api/incidents/a.md:5:8: error: there is no cause 'chnage': opsbook.yaml defines no"
                        + " causes [broken-reference]"),
                t.structural());
        t.file("opsbook.yaml", "causes:\n  - { id: change, name: A change }\n  - { id: capacity }\n");
        assertEquals(
                List.of("services/api/incidents/a.md:5:8: error: there is no cause 'chnage' (did you mean 'change'?)"
                        + " [broken-reference]"),
                t.structural());
        t.file("services/api/incidents/a.md", incident("P3", "2026-11-10T12:00Z", "cause: change\n"));
        assertEquals(List.of(), t.structural());
        t.file("opsbook.yaml", "causes:\n  - { id: change }\n  - { id: change }\n");
        assertEquals(
                List.of(
                        "opsbook.yaml:3:11: error: cause 'change' is already defined at opsbook.yaml:2:11 [duplicate-id]"),
                t.structural());
    }

    @Test
    void thresholdsBelongToTheirRules() {
        ContentTree t = tree().file(
                        "opsbook.yaml", "checks:\n  runbook-stale: { max: 3 }\n  handoff-coupling: { window: 30d }\n");
        assertEquals(
                List.of(
                        "opsbook.yaml:2:25: error: 'max' only applies to handoff-out-of-hours, handoff-major-incidents,"
                                + " handoff-coupling [schema]",
                        "opsbook.yaml:3:31: error: 'window' only applies to handoff-out-of-hours,"
                                + " handoff-major-incidents [schema]"),
                t.structural());
        t.file("opsbook.yaml", "checks:\n  handoff-out-of-hours: { window: 36h }\n");
        assertEquals(1, t.structural().size());
        assertTrue(
                t.structural().get(0).contains("'window' is a number of whole days or weeks"),
                t.structural().get(0));
    }

    @Test
    void theAsOfDateMovesTheWindow() {
        ContentTree t = tree().file("services/api/incidents/a.md", incident("P3", "2026-11-20T02:00Z", ""))
                .file("services/api/incidents/b.md", incident("P3", "2026-10-01T23:30Z", ""))
                .file("services/api/incidents/c.md", incident("P3", "2026-08-24T03:00Z", ""));
        assertEquals(Status.FAIL, status(t.result(AS_OF), "handoff-out-of-hours"));
        assertEquals(Status.PASS, status(t.result(AS_OF.plusDays(1)), "handoff-out-of-hours"), "c has left the window");
    }

    @Test
    void aBackstageEntityMayGiveTheDayItWentIntoProduction() {
        String entity =
                """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: api
                  annotations:
                    opsbook.dev/production-since: "%s"
                spec: { type: service, lifecycle: production, owner: ops }
                """;
        ContentTree t = tree().file("services/api/service.yaml", service("productionSince: 2026-01-05\n", ""))
                .file("services/api/catalog-info.yaml", entity.formatted("2026-05-26"));
        BuildResult r = t.result();
        assertEquals(
                List.of(),
                r.findings().stream()
                        .filter(f -> !f.rule().equals("handoff-production-time"))
                        .map(Finding::format)
                        .toList());
        assertEquals(
                "'api' has been in production since 2026-05-26, 179 days (fewer than 180)",
                message(r, "handoff-production-time"));
        assertTrue(
                r.findings().get(0).pos().file().equals("services/api/catalog-info.yaml"),
                r.findings().toString());
        // written in both places, differently: a conflict, and service.yaml's day holds
        t.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE);
        r = t.result();
        assertEquals(
                2,
                t.findings("catalog-conflict").size(),
                t.findings("catalog-conflict").toString());
        assertEquals(Status.PASS, status(r, "handoff-production-time"));
    }
}
