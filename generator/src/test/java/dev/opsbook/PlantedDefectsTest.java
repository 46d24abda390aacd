package dev.opsbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.check.ServiceAssessment;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A handbook with known planted defects (src/test/resources/planted/README.md): the report lists
 * exactly those defects — rule, service, file and line — and the right level for each service.
 */
class PlantedDefectsTest {
    @Test
    void theReportListsExactlyThePlantedDefects() throws Exception {
        BuildResult r = new Opsbook()
                .build(BuildRequest.check(Path.of("src/test/resources/planted"), null)
                        .withAsOf(LocalDate.of(2026, 11, 21)));
        List<String> found = r.findings().stream()
                .map(f -> f.rule() + " " + f.service() + " " + f.pos().file() + ":"
                        + f.pos().line())
                .toList();
        String billing = "billing services/billing/service.yaml:1";
        assertEquals(
                List.of(
                        "handoff-production-time " + billing,
                        "readiness-backup-restore " + billing,
                        "readiness-deployment " + billing,
                        "readiness-game-day " + billing,
                        "readiness-load-test " + billing,
                        "readiness-rollback " + billing,
                        "review-present " + billing,
                        "rota-present " + billing,
                        "service-description " + billing,
                        "sla-present " + billing,
                        "slo-present " + billing,
                        "telemetry-dashboards " + billing,
                        "telemetry-structured-logs " + billing,
                        "telemetry-tracing " + billing,
                        "action-overdue orders services/orders/incidents/2026-10-02-lost-orders.md:11",
                        "rota-distinct-roles orders services/orders/rota.yaml:9",
                        "runbook-stale orders services/orders/runbooks/queue-full.md:4",
                        "runbook-sections search services/search/runbooks/slow-queries.md:5",
                        "rota-present search services/search/service.yaml:1",
                        "handoff-production-time search services/search/service.yaml:5",
                        "slo-alerted search services/search/service.yaml:8",
                        "readiness-load-test search services/search/service.yaml:15"),
                found);
        assertEquals(
                "ann is Support Lead and Support Engineer from 2026-11-30 10:00 to 2026-12-01 10:00",
                r.findings().stream()
                        .filter(f -> f.rule().equals("rota-distinct-roles"))
                        .findFirst()
                        .orElseThrow()
                        .message());
        List<String> levels = r.assessment().services().stream()
                .map(s -> s.service().id() + " " + s.level() + " " + s.blocking())
                .toList();
        assertEquals(
                List.of(
                        "billing none [service-description, sla-present, slo-present, rota-present]",
                        "orders documented [runbook-stale, rota-distinct-roles]",
                        "search none [rota-present]"),
                levels);
        ServiceAssessment orders = r.assessment().services().get(1);
        assertEquals("supportable", orders.nextLevel());
    }
}
