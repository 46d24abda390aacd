package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.ContentTree;
import dev.opsbook.model.Service;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SLOs kept as OpenSLO v1 and Sloth files, in a service's folder or where opsbook.yaml's sloFiles names them,
 * read with positions and checked like service.yaml's: the objective against the SLA, the alert that protects
 * them, one id per SLO.
 */
class SloFilesTest {
    @TempDir
    Path dir;

    static final String OPENSLO =
            """
            apiVersion: openslo/v1
            kind: SLO
            metadata:
              name: checkout-availability
              displayName: Checkout availability
            spec:
              description: Checkouts that succeed
              service: api
              indicatorRef: checkout-success-ratio
              timeWindow:
                - duration: 28d
                  isRolling: true
              budgetingMethod: Occurrences
              objectives:
                - displayName: Good
                  target: 0.995
            ---
            apiVersion: openslo/v1
            kind: SLI
            metadata: { name: checkout-success-ratio }
            spec: { ratioMetric: { counter: true } }
            """;

    static final String SLOTH =
            """
            version: "prometheus/v1"
            service: "api"
            labels: { owner: ops }
            slos:
              - name: requests-availability
                objective: 99.95
                description: "Requests that do not fail"
                sli:
                  events:
                    error_query: sum(rate(http_requests_total{code=~"5.."}[{{.window}}]))
                    total_query: sum(rate(http_requests_total[{{.window}}]))
                alerting:
                  name: ApiHighErrorRate
                  page_alert: { labels: { severity: critical } }
                  ticket_alert: { labels: { severity: warning } }
            """;

    @Test
    void openSloAndSlothInAServiceFolderAreTheServicesSlos() {
        ContentTree t = ContentTree.complete(dir.resolve("a"))
                .file("services/api/checkout.openslo.yaml", OPENSLO)
                .file("services/api/sloth.yaml", SLOTH);
        Service api = t.handbook().service("api").orElseThrow();
        assertEquals(
                List.of("availability", "checkout-availability", "requests-availability"),
                api.slos().stream().map(Service.Slo::id).toList());
        Service.Slo checkout = api.slos().get(1);
        assertEquals(0, new BigDecimal("99.5").compareTo(checkout.objective()));
        assertEquals("28d", checkout.window().text());
        assertEquals("checkout-success-ratio", checkout.sli());
        assertEquals("openslo", checkout.format());
        Service.Slo requests = api.slos().get(2);
        assertEquals("30d", requests.window().text());
        assertEquals("ApiHighErrorRate", requests.alert());
        assertEquals(List.of(), t.structural());
        // checked like service.yaml's: below the SLA's 99.9, and protected by an alert the service does not have
        assertEquals(
                List.of("services/api/checkout.openslo.yaml:15:7: error: SLO 'checkout-availability' aims at 99.5%,"
                        + " below the SLA's 99.9%: the SLA can be breached before the SLO is missed"
                        + " [slo-stricter-than-sla]"),
                t.findings("slo-stricter-than-sla"));
        assertEquals(
                List.of(
                        "services/api/checkout.openslo.yaml:15:7: warning: no alert protects SLO"
                                + " 'checkout-availability' [slo-alerted]",
                        "services/api/sloth.yaml:5:5: warning: SLO 'requests-availability' is protected by alert"
                                + " 'ApiHighErrorRate' (Sloth's alerting.name), which is no alert of the service"
                                + " [slo-alerted]"),
                t.findings("slo-alerted"));
        // once the service has the alert Sloth generates, it protects the SLO
        t.file(
                "services/api/service.yaml",
                ContentTree.COMPLETE_SERVICE.replace(
                        "alerts:\n", "alerts:\n  - { name: ApiHighErrorRate, severity: P1, runbook: api-down }\n"));
        assertEquals(
                1, t.findings("slo-alerted").size(), t.findings("slo-alerted").toString());
    }

    @Test
    void slosOutsideTheServiceFoldersNameTheirService() {
        ContentTree t = ContentTree.complete(dir.resolve("b"))
                .file("opsbook.yaml", "sloFiles: [\"slos/*.yaml\"]\n")
                .file("slos/api.yaml", SLOTH)
                .file("slos/other.yaml", SLOTH.replace("service: \"api\"", "service: \"apj\""));
        assertEquals(
                List.of("availability", "requests-availability"),
                t.handbook().service("api").orElseThrow().slos().stream()
                        .map(Service.Slo::id)
                        .toList());
        assertEquals(
                List.of("slos/other.yaml:2:10: error: there is no service 'apj' for these SLOs (did you mean 'api'?)"
                        + " [broken-reference]"),
                t.structural());
    }

    @Test
    void slosAreReadStrictly() {
        ContentTree t = ContentTree.complete(dir.resolve("c"))
                .file(
                        "services/api/monthly.yaml",
                        OPENSLO.replace("duration: 28d", "duration: 1M")
                                .replace("target: 0.995", "target: 99.5")
                                .replace("budgetingMethod: Occurrences", "budgetingMethod: Ocurrences"))
                .file(
                        "services/api/sloth.yaml",
                        SLOTH.replace("name: requests-availability", "name: availability")
                                .replace("objective: 99.95", "objectve: 99.95"));
        assertEquals(
                List.of(
                        "services/api/monthly.yaml:11:17: error: a window of '1M' (calendar months, quarters or"
                                + " years) is not a fixed length: opsbook compares windows in days [schema]",
                        "services/api/monthly.yaml:13:20: error: 'budgetingMethod' must be one of Occurrences,"
                                + " Timeslices, RatioTimeslices; found 'Ocurrences' (did you mean 'Occurrences'?)"
                                + " [schema]",
                        "services/api/monthly.yaml:16:15: error: 'target' must be above 0 and at most 1, found 99.5"
                                + " [schema]",
                        "services/api/sloth.yaml:5:5: error: SLO 'availability' of service 'api' is defined already at"
                                + " services/api/service.yaml:13:5 [duplicate-id]",
                        // a misspelt required key is one finding, not also a missing one
                        "services/api/sloth.yaml:6:5: error: unknown key 'objectve' (did you mean 'objective'?) [schema]"),
                t.structural());
    }
}
