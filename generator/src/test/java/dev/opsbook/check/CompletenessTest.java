package dev.opsbook.check;

import static dev.opsbook.ContentTree.COMPLETE_REVIEW;
import static dev.opsbook.ContentTree.COMPLETE_ROTA;
import static dev.opsbook.ContentTree.COMPLETE_RUNBOOK;
import static dev.opsbook.ContentTree.COMPLETE_SERVICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.check.rules.AllChecks;
import dev.opsbook.finding.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every completeness rule: a tiny handbook that breaks it (the exact findings), and the same handbook
 * with the rule waived, with an expired waiver, marked not applicable and switched off.
 */
class CompletenessTest {
    @TempDir
    Path dir;

    static final String SVC = "services/api/service.yaml";
    static final String RUNBOOK = "services/api/runbooks/api-down.md";
    static final String REVIEW = "services/api/reviews/osr-1.yaml";
    static final String ROTA = "services/api/rota.yaml";

    static Arguments scenario(String rule, UnaryOperator<ContentTree> breaker, String... expected) {
        return Arguments.of(rule, breaker, List.of(expected));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                scenario(
                        "service-description",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("description: The public API.\n", "")),
                        "services/api/service.yaml:1:1: warning: service 'api' has no description [service-description]"),
                scenario(
                        "sla-present",
                        t -> t.delete("services/api/sla.yaml"),
                        "services/api/service.yaml:1:1: error: service 'api' has no SLA [sla-present]"),
                scenario(
                        "sla-covers-severities",
                        t -> t.file(
                                "services/api/sla.yaml",
                                "availability: 99.9\nresponseTimes:\n  P1: { acknowledge: 15m, resolve: 4h }\n"),
                        "services/api/sla.yaml:2:1: error: the SLA has no response times for P2 [sla-covers-severities]"),
                scenario(
                        "slo-present",
                        t -> t.file(
                                SVC,
                                COMPLETE_SERVICE
                                        .replace("slos:\n  - { id: availability, objective: 99.95, window: 28d }\n", "")
                                        .replace(", slo: availability", "")),
                        "services/api/service.yaml:1:1: error: service 'api' has no SLO [slo-present]"),
                scenario(
                        "slo-stricter-than-sla",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("objective: 99.95", "objective: 99.5")),
                        "services/api/service.yaml:13:5: error: SLO 'availability' aims at 99.5%, below the SLA's 99.9%: the SLA"
                                + " can be breached before the SLO is missed [slo-stricter-than-sla]"),
                scenario(
                        "slo-alerted",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace(", slo: availability", "")),
                        "services/api/service.yaml:13:5: warning: no alert protects SLO 'availability' [slo-alerted]"),
                scenario(
                        "alert-has-runbook",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace(", runbook: api-down", "")),
                        "services/api/service.yaml:15:5: error: alert 'ApiDown' has no runbook [alert-has-runbook]"),
                scenario(
                        "runbook-sections",
                        t -> t.file(
                                RUNBOOK,
                                COMPLETE_RUNBOOK.replace("## Impact\n", "").replace("## Escalation\n", "")),
                        "services/api/runbooks/api-down.md:5:1: warning: runbook 'api-down' has no '## Impact', '## Escalation'"
                                + " sections [runbook-sections]"),
                scenario(
                        "runbook-stale",
                        t -> t.file(RUNBOOK, COMPLETE_RUNBOOK.replace("2026-10-01", "2026-05-24")),
                        "services/api/runbooks/api-down.md:3:1: warning: runbook 'api-down' was last reviewed on 2026-05-24,"
                                + " 181 days ago (more than 180) [runbook-stale]"),
                scenario(
                        "runbook-orphan",
                        t -> t.file("services/api/runbooks/other.md", COMPLETE_RUNBOOK),
                        "services/api/runbooks/other.md:1:1: info: no alert leads to runbook 'other' [runbook-orphan]"),
                scenario(
                        "rota-present",
                        t -> t.delete(ROTA),
                        "services/api/service.yaml:1:1: error: service 'api' has no support rota [rota-present]"),
                scenario(
                        "rota-coverage-gap",
                        t -> t.file(ROTA, COMPLETE_ROTA.replace("2026-11-02T09:00", "2026-12-07T09:00")),
                        "services/api/rota.yaml:1:1: error: nobody is on duty from 2026-11-21 00:00 until the rota starts at"
                                + " 2026-12-07 09:00 [rota-coverage-gap]"),
                scenario(
                        "rota-min-members",
                        t -> t.file(ROTA, COMPLETE_ROTA.replace("lead: [alice, bob]", "lead: [alice, alice]")),
                        "services/api/rota.yaml:3:8: warning: the Support Lead role has 1 person; nobody can take over"
                                + " [rota-min-members]"),
                scenario(
                        "rota-escalation",
                        t -> t.file(ROTA, COMPLETE_ROTA.replace("escalation:\n  - { after: 15m, contact: ops }\n", "")),
                        "services/api/rota.yaml:1:1: warning: the rota has no escalation step [rota-escalation]"),
                scenario(
                        "rota-paging-uncovered",
                        t -> t.file(
                                        "severities.yaml",
                                        "severities:\n  - { id: P1, name: Critical, outOfHours: page }\n"
                                                + "  - { id: P2, name: Major, outOfHours: next-business-day }\n")
                                .file(ROTA, COMPLETE_ROTA + "coverage: business-hours\n"),
                        "services/api/service.yaml:15:5: warning: alert 'ApiDown' is P1, which pages out of hours, but"
                                + " the rota of 'api' covers business hours only and has no out-of-hours on-call"
                                + " [rota-paging-uncovered]"),
                scenario(
                        "rota-no-phone",
                        t -> t.file(
                                "teams/ops.yaml",
                                ContentTree.COMPLETE_TEAM.replace(
                                        "{ id: dave, name: Dave, phone: \"+44 20 7946 0004\" }",
                                        "{ id: dave, name: Dave }")),
                        "services/api/rota.yaml:4:19: warning: Dave (dave) can be on duty as Support Engineer for 'api'"
                                + " (24x7) but has no phone number [rota-no-phone]"),
                scenario(
                        "rota-escalation-unreachable",
                        t -> t.file("teams/ops.yaml", ContentTree.COMPLETE_TEAM + "  - { id: erin, name: Erin }\n")
                                .file(ROTA, COMPLETE_ROTA.replace("contact: ops }", "contact: erin }")),
                        "services/api/rota.yaml:6:5: warning: escalation step after 15m to Erin (erin) cannot be"
                                + " reached: no phone, no email [rota-escalation-unreachable]"),
                scenario(
                        "rota-unknown-timezone",
                        t -> t.file(ROTA, "timezone: Europe/Londn\n" + COMPLETE_ROTA),
                        "services/api/rota.yaml:1:11: error: 'Europe/Londn' is not an IANA time zone (did you mean 'Europe/London'?) [rota-unknown-timezone]"),
                scenario(
                        "telemetry-dashboards",
                        t -> t.file(
                                SVC,
                                COMPLETE_SERVICE.replace(
                                        "dashboards: [{ title: Overview, url: \"https://grafana.example/d/api\" }]",
                                        "dashboards: []")),
                        // the list is there but empty: the finding points at the block it belongs in
                        "services/api/service.yaml:8:1: warning: service 'api' has no dashboard [telemetry-dashboards]"),
                scenario(
                        "telemetry-structured-logs",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("structured: true", "structured: false")),
                        "services/api/service.yaml:10:9: warning: the logs of 'api' are not structured [telemetry-structured-logs]"),
                scenario(
                        "telemetry-tracing",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("enabled: true", "enabled: false")),
                        "services/api/service.yaml:11:12: info: tracing is not enabled for 'api' [telemetry-tracing]"),
                scenario(
                        "readiness-load-test",
                        t -> t.file(
                                SVC,
                                COMPLETE_SERVICE.replace(
                                        "loadTest: { date: 2026-10-01 }", "loadTest: { date: 2025-11-20 }")),
                        "services/api/service.yaml:17:13: warning: the last load test of 'api' was on 2025-11-20, 366 days ago"
                                + " (more than 365) [readiness-load-test]"),
                scenario(
                        "readiness-game-day",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("  gameDay: { date: 2026-06-01 }\n", "")),
                        "services/api/service.yaml:16:1: info: service 'api' has no game day on record [readiness-game-day]"),
                scenario(
                        "readiness-backup-restore",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("2026-09-01", "2025-01-01")),
                        "services/api/service.yaml:19:22: warning: the last backup restore test of 'api' was on 2025-01-01, 689"
                                + " days ago (more than 365) [readiness-backup-restore]"),
                scenario(
                        "readiness-rollback",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace(", lastTested: 2026-10-01", "")),
                        "services/api/service.yaml:20:13: warning: the rollback of 'api' (rollback) has never been tested"
                                + " [readiness-rollback]"),
                scenario(
                        "readiness-deployment",
                        t -> t.file(SVC, COMPLETE_SERVICE.replace("automated: true", "automated: false")),
                        "services/api/service.yaml:21:15: warning: the deployment of 'api' is not automated [readiness-deployment]"),
                scenario(
                        "review-present",
                        t -> t.delete(REVIEW),
                        "services/api/service.yaml:1:1: info: production service 'api' has no operational support review"
                                + " [review-present]"),
                scenario(
                        "review-too-late",
                        t -> t.file(REVIEW, COMPLETE_REVIEW.replace("date: 2026-10-01", "date: 2026-10-05")),
                        "services/api/reviews/osr-1.yaml:2:1: warning: review 'osr-1' was held on 2026-10-05, not before the"
                                + " story was committed on 2026-10-05 [review-too-late]"),
                scenario(
                        "review-unanswered",
                        t -> t.file(REVIEW, COMPLETE_REVIEW.replace("  newSystems: { answer: no }\n", "")),
                        "services/api/reviews/osr-1.yaml:1:1: error: review 'osr-1' does not answer newSystems [review-unanswered]"),
                scenario(
                        "review-no-automated-validation",
                        t -> t.file(
                                REVIEW,
                                COMPLETE_REVIEW.replace(
                                        "automatedValidation: { answer: yes }", "automatedValidation: { answer: no }")),
                        "services/api/reviews/osr-1.yaml:9:24: warning: review 'osr-1': the environment cannot be validated"
                                + " automatically, so continuous delivery is not possible [review-no-automated-validation]"),
                scenario(
                        "review-actions-missing",
                        t -> t.file(
                                REVIEW, COMPLETE_REVIEW.replace("outcome: approved", "outcome: approved-with-actions")),
                        "services/api/reviews/osr-1.yaml:1:1: error: review 'osr-1' was approved with actions but lists none"
                                + " [review-actions-missing]"),
                scenario(
                        "action-overdue",
                        t -> t.file(
                                REVIEW,
                                COMPLETE_REVIEW
                                        + "actions:\n  - { description: Fix it, owner: alice, due: 2026-11-20 }\n"
                                        + "  - { description: Due today, owner: bob, due: 2026-11-21 }\n"
                                        + "  - { description: Done late, owner: bob, due: 2026-01-01, status: done }\n"),
                        "services/api/reviews/osr-1.yaml:12:5: warning: action 'Fix it' (alice) was due on 2026-11-20 and is"
                                + " still open [action-overdue]"),
                scenario(
                        "incident-actions-missing",
                        t -> t.file(
                                "services/api/incidents/i-1.md",
                                "---\ntitle: Outage\nseverity: P2\nstarted: 2026-11-01T10:00Z\n---\n## Summary\n"),
                        "services/api/incidents/i-1.md:1:1: warning: incident 'i-1' (P2) has no follow-up action"
                                + " [incident-actions-missing]"),
                scenario(
                        "content-secret",
                        t -> t.file(RUNBOOK, COMPLETE_RUNBOOK + "\nUse AKIAIOSFODNN7EXAMPLE to log in.\n")
                                .file("services/api/config/app.yaml", "user: app\npassword: hunter22\n"),
                        "services/api/config/app.yaml:2:11: error: this looks like a password value (****) [content-secret]",
                        "services/api/runbooks/api-down.md:25:5: error: this looks like an AWS access key (AKIA…)"
                                + " [content-secret]"),
                scenario(
                        "alert-rule-runbook",
                        t -> t.file(
                                "services/api/alerts.rules.yaml",
                                "groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n"
                                        + "        labels: { severity: critical }\n"
                                        + "        annotations: { runbook_url: 'https://wiki.example/api-down' }\n"),
                        "services/api/alerts.rules.yaml:7:37: error: the runbook_url of alert 'ApiDown'"
                                + " (https://wiki.example/api-down) leads to no runbook page of this handbook (it has no"
                                + " baseUrl) [alert-rule-runbook]"),
                scenario(
                        "markdown-offline",
                        t -> t.file(RUNBOOK, COMPLETE_RUNBOOK + "\nSee ![graph](https://grafana.example.com/x.png).\n"),
                        "services/api/runbooks/api-down.md:25:14: warning: the image https://grafana.example.com/x.png is"
                                + " on another site: the page does not load it (its security policy allows the site's own"
                                + " files only), and a reader without network could not either [markdown-offline]"));
    }

    @Test
    void aRunbookThatSaysWhyNoAlertLeadsToItIsNoOrphan(@TempDir Path out) throws Exception {
        ContentTree t = ContentTree.complete(dir)
                .file(
                        "services/api/runbooks/other.md",
                        "---\ntitle: Other\nnoAlert: opened from the release checklist\n---\n## Symptoms\n")
                .file("services/api/runbooks/lost.md", "---\ntitle: Lost\n---\n## Symptoms\n");
        BuildResult r = t.result();
        assertEquals(
                List.of("services/api/runbooks/lost.md:1:1: info: no alert leads to runbook 'lost' [runbook-orphan]"),
                r.findings().stream()
                        .filter(f -> f.rule().equals("runbook-orphan"))
                        .map(f -> f.format())
                        .toList());
        new dev.opsbook.Opsbook(1)
                .build(new dev.opsbook.BuildRequest(
                        t.root(), out.resolve("site"), java.time.LocalDate.of(2026, 11, 21), null, true, null));
        String page = java.nio.file.Files.readString(out.resolve("site/services/api/runbooks/other.html"));
        assertTrue(page.contains("Opened without an alert") && page.contains("opened from the release checklist"));
    }

    @Test
    void theCompleteHandbookPassesEveryRule() {
        BuildResult r = ContentTree.complete(dir).result();
        assertEquals(List.of(), r.findings());
        ServiceAssessment api = r.assessment().services().get(0);
        assertEquals(
                Rules.STRUCTURAL.size() + AllChecks.LIST.size(), api.results().size());
        api.results().forEach(x -> assertEquals(Status.PASS, x.status(), x.rule()));
        assertEquals("operations-ready", api.level());
    }

    @Test
    void everyRuleOfTheContractHasAScenario() {
        List<String> covered = scenarios().map(a -> (String) a.get()[0]).toList();
        List<String> missing = Rules.COMPLETENESS.stream()
                .filter(r -> !covered.contains(r))
                .filter(r -> !List.of("rota-distinct-roles", "rota-oncall-limit", "waiver-expired")
                        .contains(r))
                .filter(r -> !r.startsWith("handoff-")) // HandoffRulesTest, at the edges of each threshold
                .toList();
        assertEquals(
                List.of(),
                missing,
                "rota-distinct-roles, rota-oncall-limit (it needs a limit in opsbook.yaml), waiver-expired and the hand-off"
                        + " rules have tests of their own");
    }

    @ParameterizedTest(name = "{0} fails")
    @MethodSource("scenarios")
    void fails(String rule, UnaryOperator<ContentTree> breaker, List<String> expected) {
        BuildResult r = breaker.apply(ContentTree.complete(dir)).result();
        assertEquals(
                expected,
                r.findings().stream()
                        .filter(f -> f.rule().equals(rule))
                        .map(f -> f.format())
                        .toList());
        RuleResult result = r.assessment().services().get(0).result(rule).orElseThrow();
        assertEquals(Status.FAIL, result.status());
        assertTrue(result.hint() != null && !result.hint().isBlank(), "a failure carries a hint");
        assertEquals(
                List.of(),
                r.findings().stream().filter(f -> Rules.isStructural(f.rule())).toList());
    }

    @ParameterizedTest(name = "{0} waived")
    @MethodSource("scenarios")
    void waived(String rule, UnaryOperator<ContentTree> breaker, List<String> expected) {
        ContentTree t =
                breaker.apply(ContentTree.complete(dir)).file("opsbook.yaml", waiver(rule, "api", "2026-11-21"));
        BuildResult r = t.result();
        RuleResult result = r.assessment().services().get(0).result(rule).orElseThrow();
        assertEquals(Status.WAIVED, result.status());
        assertEquals("Agreed with the service owner", result.waiver().reason());
        assertEquals(
                List.of(),
                r.findings().stream().filter(f -> f.rule().equals(rule)).toList());
    }

    @ParameterizedTest(name = "{0} with an expired waiver")
    @MethodSource("scenarios")
    void expiredWaiver(String rule, UnaryOperator<ContentTree> breaker, List<String> expected) {
        ContentTree t = breaker.apply(ContentTree.complete(dir)).file("opsbook.yaml", waiver(rule, "*", "2026-11-20"));
        BuildResult r = t.result();
        assertEquals(
                Status.FAIL,
                r.assessment().services().get(0).result(rule).orElseThrow().status());
        assertEquals(
                List.of("opsbook.yaml:2:5: warning: the waiver of " + rule + " for every service expired on 2026-11-20;"
                        + " the rule applies again [waiver-expired]"),
                t.findings("waiver-expired"));
    }

    @ParameterizedTest(name = "{0} not applicable")
    @MethodSource("scenarios")
    void notApplicable(String rule, UnaryOperator<ContentTree> breaker, List<String> expected) throws IOException {
        ContentTree t = breaker.apply(ContentTree.complete(dir));
        String service = Files.readString(dir.resolve(SVC));
        t.file(SVC, service + "notApplicable:\n  - { rule: " + rule + ", reason: Covered elsewhere }\n");
        RuleResult result =
                t.result().assessment().services().get(0).result(rule).orElseThrow();
        assertEquals(Status.NOT_APPLICABLE, result.status());
        assertEquals("Covered elsewhere", result.reason());
    }

    @Test
    void aNotApplicableMarkCarriesItsApproverAndExpiresLikeAWaiver() {
        // tracing is off in this service: the mark holds it until 2026-12-31, approved by bob
        String off = COMPLETE_SERVICE.replace("tracing: { enabled: true", "tracing: { enabled: false");
        assertTrue(!off.equals(COMPLETE_SERVICE));
        ContentTree t = ContentTree.complete(dir)
                .file(
                        SVC,
                        off + "notApplicable:\n  - { rule: telemetry-tracing, reason: No spans in a batch job,"
                                + " approvedBy: bob, expires: 2026-12-31 }\n");
        RuleResult held = t.result()
                .assessment()
                .services()
                .get(0)
                .result("telemetry-tracing")
                .orElseThrow();
        assertEquals(Status.NOT_APPLICABLE, held.status());
        assertEquals("bob", held.mark().approvedBy().id());
        assertEquals(java.time.LocalDate.of(2026, 12, 31), held.mark().expires());
        assertEquals(List.of(), t.findings("waiver-expired"));

        // past its expiry the rule applies again, and waiver-expired says so, at the mark
        t.file(
                SVC,
                off + "notApplicable:\n  - { rule: telemetry-tracing, reason: No spans in a batch job,"
                        + " approvedBy: bob, expires: 2026-11-20 }\n");
        BuildResult r = t.result();
        assertEquals(
                Status.FAIL,
                r.assessment()
                        .services()
                        .get(0)
                        .result("telemetry-tracing")
                        .orElseThrow()
                        .status());
        assertEquals(1, t.findings("telemetry-tracing").size());
        assertEquals(1, t.findings("waiver-expired").size());
        assertTrue(
                t.findings("waiver-expired")
                        .get(0)
                        .contains("telemetry-tracing was marked not applicable to 'api'"
                                + " until 2026-11-20; the rule applies again"),
                t.findings("waiver-expired").toString());

        // an approver must be a person of the handbook
        t.file(SVC, off + "notApplicable:\n  - { rule: telemetry-tracing, reason: No spans, approvedBy: nobody }\n");
        assertTrue(
                t.findings("broken-reference").stream().anyMatch(f -> f.contains("there is no person 'nobody'")),
                t.findings("broken-reference").toString());
    }

    @Test
    void aNotApplicableMarkWhoseReasonIsRefusedStillSaysWhyInEveryReport() {
        ContentTree t = ContentTree.complete(dir)
                .file(SVC, COMPLETE_SERVICE + "notApplicable:\n  - { rule: telemetry-tracing, reason: ~ }\n");
        RuleResult result = t.result()
                .assessment()
                .services()
                .get(0)
                .result("telemetry-tracing")
                .orElseThrow();
        assertEquals(Status.NOT_APPLICABLE, result.status());
        assertEquals("no reason given", result.reason(), "not null: JSON, JUnit XML and the pages print it");
        assertTrue(
                t.findings("schema").stream().anyMatch(f -> f.contains("reason")),
                t.findings("schema").toString());
    }

    @ParameterizedTest(name = "{0} off, or raised to error")
    @MethodSource("scenarios")
    void offOrRaised(String rule, UnaryOperator<ContentTree> breaker, List<String> expected) {
        ContentTree t = breaker.apply(ContentTree.complete(dir)).file("opsbook.yaml", "checks:\n  " + rule + ": off\n");
        assertEquals(
                Status.OFF,
                t.result()
                        .assessment()
                        .services()
                        .get(0)
                        .result(rule)
                        .orElseThrow()
                        .status());
        assertEquals(List.of(), t.findings(rule));
        t.file("opsbook.yaml", "checks:\n  " + rule + ": error\n");
        assertTrue(
                t.findings(rule).stream().allMatch(f -> f.contains(": error: ")),
                t.findings(rule).toString());
        assertEquals(expected.size(), t.findings(rule).size());
    }

    static String waiver(String rule, String service, String expires) {
        return "waivers:\n  - { rule: " + rule + ", service: \"" + service
                + "\", reason: Agreed with the service owner," + " approvedBy: alice, expires: " + expires + " }\n";
    }

    // ---- boundaries: the as-of date decides, exactly

    @Test
    void aRunbookReviewedExactlyMaxAgeDaysAgoIsNotStale() {
        var t = ContentTree.complete(dir).file(RUNBOOK, COMPLETE_RUNBOOK.replace("2026-10-01", "2026-05-25"));
        assertEquals(List.of(), t.findings("runbook-stale"));
        t.file("opsbook.yaml", "checks:\n  runbook-stale: { severity: error, maxAgeDays: 30 }\n")
                .file(RUNBOOK, COMPLETE_RUNBOOK.replace("2026-10-01", "2026-10-22"));
        assertEquals(List.of(), t.findings("runbook-stale"));
        t.file(RUNBOOK, COMPLETE_RUNBOOK.replace("2026-10-01", "2026-10-21"));
        assertEquals(
                List.of("services/api/runbooks/api-down.md:3:1: error: runbook 'api-down' was last reviewed on"
                        + " 2026-10-21, 31 days ago (more than 30) [runbook-stale]"),
                t.findings("runbook-stale"));
    }

    @Test
    void aRunbookWithoutLastReviewedIsStale() {
        var t = ContentTree.complete(dir).file(RUNBOOK, COMPLETE_RUNBOOK.replace("lastReviewed: 2026-10-01\n", ""));
        assertEquals(
                List.of("services/api/runbooks/api-down.md:2:1: warning: runbook 'api-down' has no lastReviewed date"
                        + " [runbook-stale]"),
                t.findings("runbook-stale"));
    }

    @Test
    void whatIsWrittenButSaysTooLittleIsReportedAtItsKey() {
        var t = ContentTree.complete(dir)
                .file(
                        ROTA,
                        "# the API's rota\n"
                                + COMPLETE_ROTA
                                        .replace("2026-11-02T09:00", "2026-12-07T09:00")
                                        .replace("escalation:\n  - { after: 15m, contact: ops }\n", "escalation: []\n"))
                .file(
                        SVC,
                        COMPLETE_SERVICE
                                .replace(
                                        "slos:\n  - { id: availability, objective: 99.95, window: 28d }\n",
                                        "slos: []\n")
                                .replace(", slo: availability", "")
                                .replace("description: The public API.", "description:"));
        assertEquals(
                List.of("services/api/rota.yaml:2:1: error: nobody is on duty from 2026-11-21 00:00 until the rota"
                        + " starts at 2026-12-07 09:00 [rota-coverage-gap]"),
                t.findings("rota-coverage-gap"));
        assertEquals(
                List.of("services/api/rota.yaml:6:1: warning: the rota has no escalation step [rota-escalation]"),
                t.findings("rota-escalation"));
        assertEquals(
                List.of("services/api/service.yaml:12:1: error: service 'api' has no SLO [slo-present]"),
                t.findings("slo-present"));
        assertEquals(
                List.of(
                        "services/api/service.yaml:2:1: warning: service 'api' has no description [service-description]"),
                t.findings("service-description"));

        t.file(ROTA, COMPLETE_ROTA.replace("lead: [alice, bob]", "lead: []"));
        assertEquals(
                List.of("services/api/rota.yaml:3:1: error: the rota names no Support Lead: all covered time is a gap"
                        + " [rota-coverage-gap]"),
                t.findings("rota-coverage-gap"));
        assertEquals(
                List.of("services/api/rota.yaml:3:1: warning: the Support Lead role has 0 people; nobody can take over"
                        + " [rota-min-members]"),
                t.findings("rota-min-members"));
    }

    @Test
    void aRefusedValueIsOneFindingAndTheRulesItStarvesStillFailInTheReport() {
        var t = ContentTree.complete(dir)
                .file(ROTA, COMPLETE_ROTA.replace("lead: [alice, bob]", "lead: alice"))
                .file(REVIEW, COMPLETE_REVIEW.replace("newSystems: { answer: no }", "newSystems: { answer: maybe }"))
                .file(SVC, COMPLETE_SERVICE.replace("gameDay: { date: 2026-06-01 }", "gameDay: { date: 2026-13-45 }"));
        BuildResult r = t.result();
        assertEquals(
                List.of(
                        "services/api/reviews/osr-1.yaml:8:25: error: 'answer' must be one of yes, no, unsure; found 'maybe' [schema]",
                        "services/api/rota.yaml:3:7: error: 'lead' must be a list, found 'alice' [schema]",
                        "services/api/service.yaml:18:20: error: 'date' is not a valid date (YYYY-MM-DD): '2026-13-45' [schema]"),
                r.findings().stream().map(dev.opsbook.finding.Finding::format).toList());
        var api = r.assessment().services().get(0);
        for (String rule :
                List.of("rota-coverage-gap", "rota-min-members", "review-unanswered", "readiness-game-day")) {
            RuleResult result = api.result(rule).orElseThrow();
            assertEquals(Status.FAIL, result.status(), rule);
            assertEquals(1, result.findings().size(), rule + ": the report still says why");
        }
        assertEquals(
                "services/api/rota.yaml:3:1: error: not checked: 'lead' of services/api/rota.yaml could not be read as"
                        + " written [rota-coverage-gap]",
                api.result("rota-coverage-gap").orElseThrow().findings().get(0).format());

        // a lead list that is there but empty is no refused value: it is reported as before
        t.file(ROTA, COMPLETE_ROTA.replace("lead: [alice, bob]", "lead: []"));
        assertEquals(1, t.findings("rota-coverage-gap").size());

        // an answer that is not a mapping, and an SLO without its id that an alert names
        t.file(ROTA, COMPLETE_ROTA)
                .file(REVIEW, COMPLETE_REVIEW.replace("newSystems: { answer: no }", "newSystems: 100"))
                .file(SVC, COMPLETE_SERVICE.replace("{ id: availability, objective", "{ objective"));
        assertEquals(
                List.of(
                        "services/api/reviews/osr-1.yaml:8:15: error: 'newSystems' must be a mapping of keys to values, found"
                                + " '100' [schema]",
                        "services/api/service.yaml:13:5: error: missing required key 'id' [schema]"),
                t.result().findings().stream()
                        .filter(f -> f.level() == dev.opsbook.finding.Level.ERROR)
                        .map(dev.opsbook.finding.Finding::format)
                        .toList());
        assertEquals(
                Status.FAIL,
                t.result()
                        .assessment()
                        .services()
                        .get(0)
                        .result("review-unanswered")
                        .orElseThrow()
                        .status());

        // an SLO id that is not an id: the SLO is left out, and the alert that names it is not reported again
        t.file(REVIEW, COMPLETE_REVIEW)
                .file(
                        SVC,
                        COMPLETE_SERVICE.replace("{ id: availability, objective", "{ id: Avail-ability., objective"));
        assertEquals(
                List.of("services/api/service.yaml:13:11: error: SLO 'Avail-ability.' is not a valid id: use letters,"
                        + " digits, '-', '_' and '.' (such as payments-api or KubePodCrashLooping), starting with a letter"
                        + " or digit, at most 63 characters [invalid-id]"),
                t.result().findings().stream()
                        .filter(f -> f.level() == dev.opsbook.finding.Level.ERROR)
                        .map(dev.opsbook.finding.Finding::format)
                        .toList());

        // a severity's response times that are not a mapping; a severity left out is still reported
        t.file(REVIEW, COMPLETE_REVIEW)
                .file(SVC, COMPLETE_SERVICE)
                .file(
                        "services/api/sla.yaml",
                        "availability: 99.9\nresponseTimes:\n  P1: 15m\n  P2: { acknowledge: 1h, resolve: 1d }\n");
        assertEquals(
                List.of(
                        "services/api/sla.yaml:3:7: error: 'P1' must be a mapping of keys to values, found '15m' [schema]"),
                t.result().findings().stream()
                        .filter(f -> f.level() == dev.opsbook.finding.Level.ERROR)
                        .map(dev.opsbook.finding.Finding::format)
                        .toList());
        assertEquals(
                Status.FAIL,
                t.result()
                        .assessment()
                        .services()
                        .get(0)
                        .result("sla-covers-severities")
                        .orElseThrow()
                        .status());
        t.file("services/api/sla.yaml", "availability: 99.9\nresponseTimes:\n  P1: 15m\n");
        assertEquals(
                List.of(
                        "services/api/sla.yaml:2:1: error: the SLA has no response times for P1, P2 [sla-covers-severities]"),
                t.findings("sla-covers-severities"));
    }

    @Test
    void aLoadTestExactly365DaysOldStillCounts() {
        var t = ContentTree.complete(dir)
                .file(
                        SVC,
                        COMPLETE_SERVICE.replace("loadTest: { date: 2026-10-01 }", "loadTest: { date: 2025-11-21 }"));
        assertEquals(List.of(), t.findings("readiness-load-test"));
    }

    @Test
    void anActionDueOnTheAsOfDateIsNotOverdue() {
        var t = ContentTree.complete(dir)
                .file(
                        REVIEW,
                        COMPLETE_REVIEW + "actions:\n  - { description: Due today, owner: bob, due: 2026-11-21 }\n");
        assertEquals(List.of(), t.findings("action-overdue"));
        assertEquals(
                1,
                t.result(java.time.LocalDate.of(2026, 11, 22)).findings().stream()
                        .filter(f -> f.rule().equals("action-overdue"))
                        .count());
    }

    @Test
    void aWaiverIsValidThroughItsExpiryDay() {
        var t = ContentTree.complete(dir)
                .file(SVC, COMPLETE_SERVICE.replace("  gameDay: { date: 2026-06-01 }\n", ""))
                .file("opsbook.yaml", waiver("readiness-game-day", "api", "2026-11-21"));
        assertEquals(
                Status.WAIVED,
                t.result()
                        .assessment()
                        .services()
                        .get(0)
                        .result("readiness-game-day")
                        .orElseThrow()
                        .status());
        assertEquals(
                Status.FAIL,
                t.result(java.time.LocalDate.of(2026, 11, 22))
                        .assessment()
                        .services()
                        .get(0)
                        .result("readiness-game-day")
                        .orElseThrow()
                        .status());
    }

    @Test
    void aServiceFolderWithoutServiceYamlKeepsItsRunbooksAndIsNotABrokenReference() {
        // another service depends on it and links its runbook: one schema error, no broken references, and the
        // folder's runbooks are still checked and published
        var t = ContentTree.complete(dir)
                .delete(SVC)
                .file("services/web/service.yaml", "owner: ops\ntier: 3\ndependsOn: [api]\n")
                .file(
                        "services/web/runbooks/slow.md",
                        COMPLETE_RUNBOOK
                                .replace("title: API down", "title: Slow")
                                .replace(
                                        "## Symptoms",
                                        "See [the API runbook](../../api/runbooks/api-down.md).\n\n## Symptoms"));
        BuildResult r = t.result();
        assertEquals(
                List.of("services/api/service.yaml: error: service folder 'api' has no service.yaml [schema]"),
                t.structural());
        ServiceAssessment api = r.assessment().services().stream()
                .filter(x -> x.service().id().equals("api"))
                .findFirst()
                .orElseThrow();
        assertEquals(1, api.service().runbooks().size());
        assertEquals(Status.FAIL, api.result("slo-present").orElseThrow().status());
        assertEquals(
                List.of(),
                t.findings("slo-present").stream()
                        .filter(f -> f.startsWith("services/api/"))
                        .toList(),
                "not checked, not 'has no SLO'");
    }

    @Test
    void aRunbookWhoseFrontMatterCannotBeReadIsNotCalledUnreviewed() {
        var t = ContentTree.complete(dir)
                .file(RUNBOOK, COMPLETE_RUNBOOK.replace("title: API down", "title: \"API down"));
        // one mistake, one finding: the syntax error is printed; the rule fails in the report, saying why
        assertEquals(List.of(), t.findings("runbook-stale"));
        assertEquals(1, t.findings("yaml-syntax").size());
        RuleResult stale = t.result()
                .assessment()
                .services()
                .get(0)
                .result("runbook-stale")
                .orElseThrow();
        assertEquals(Status.FAIL, stale.status());
        assertEquals(
                "services/api/runbooks/api-down.md:1:1: warning: runbook 'api-down' is not checked: its front"
                        + " matter could not be read [runbook-stale]",
                stale.findings().get(0).format());
    }

    @Test
    void anSlaOrRotaThatCannotBeReadIsSaidToBeTheReason() {
        // the file is there but does not parse: the syntax error has its finding, and the missing SLA or rota says why
        var t = ContentTree.complete(dir)
                .file("services/api/sla.yaml", "availability: [99.9\n")
                .file(ROTA, "start: {\n");
        // one mistake, one finding: the syntax errors are printed, the rules say why they fail in the report
        assertEquals(List.of(), t.findings("sla-present"));
        assertEquals(List.of(), t.findings("rota-present"));
        assertEquals(2, t.findings("yaml-syntax").size());
        var api = t.result().assessment().services().get(0);
        assertEquals(
                "services/api/service.yaml:1:1: error: service 'api' has no SLA: its sla.yaml could not be read"
                        + " [sla-present]",
                api.result("sla-present").orElseThrow().findings().get(0).format());
        assertEquals(
                "services/api/service.yaml:1:1: error: service 'api' has no support rota: its rota.yaml could"
                        + " not be read [rota-present]",
                api.result("rota-present").orElseThrow().findings().get(0).format());
        // and what rests on those files is not checked, rather than passed
        for (String rule :
                List.of("sla-covers-severities", "slo-stricter-than-sla", "rota-coverage-gap", "rota-escalation")) {
            RuleResult r = api.result(rule).orElseThrow();
            assertEquals(Status.FAIL, r.status(), rule);
            assertTrue(
                    r.findings().get(0).message().startsWith("not checked: services/api/"),
                    r.findings().get(0).message());
        }
    }

    @Test
    void aServiceFileThatCannotBeReadIsOneFindingNotAListOfWhatSeemsMissing() {
        // a value with ": " in it, unquoted: the file does not parse. Its SLOs, alerts, telemetry and readiness
        // are there but unknown: the rules that read them are not checked (and fail, saying why) instead of
        // reporting "no SLO", "no description"... The rota's own rules still judge the rota.
        var t = ContentTree.complete(dir)
                .file(SVC, COMPLETE_SERVICE.replace("name: API\n", "name: API: public\n"))
                .file(ROTA, COMPLETE_ROTA.replace("engineer: [carol, dave]", "engineer: [alice, dave]"));
        BuildResult r = t.result();
        assertEquals(
                List.of(
                        "services/api/service.yaml:1:10: error: YAML does not parse: mapping values are not allowed here"
                                + " [yaml-syntax]"),
                r.findings().stream()
                        .filter(f -> f.pos() != null && SVC.equals(f.pos().file()))
                        .map(dev.opsbook.finding.Finding::format)
                        .toList());
        ServiceAssessment api = r.assessment().services().get(0);
        for (String rule : List.of(
                "service-description",
                "slo-present",
                "alert-has-runbook",
                "telemetry-dashboards",
                "readiness-load-test",
                "sla-present",
                "rota-present")) {
            RuleResult result = api.result(rule).orElseThrow();
            assertEquals(Status.FAIL, result.status(), rule);
            assertEquals("fix the problem reported in services/api/service.yaml", result.hint(), rule);
            assertEquals(
                    "services/api/service.yaml: " + result.severity().id() + ": not checked: services/api/service.yaml"
                            + " could not be read [" + rule + "]",
                    result.findings().get(0).format(),
                    rule);
        }
        assertEquals(
                List.of("services/api/rota.yaml:4:12: error: alice is Support Lead and Support Engineer from 2026-11-16"
                        + " 09:00 to 2026-11-23 09:00 [rota-distinct-roles]"),
                t.findings("rota-distinct-roles").subList(0, 1));
        assertEquals("none", api.level());
    }

    @Test
    void severityDependsOnTierAndSupportHours() {
        var t = ContentTree.complete(dir)
                .delete("services/api/sla.yaml")
                .delete(ROTA)
                .file(
                        SVC,
                        COMPLETE_SERVICE
                                .replace("tier: 2", "tier: 3")
                                .replace("supportHours: 24x7", "supportHours: business-hours")
                                .replace("slos:\n  - { id: availability, objective: 99.95, window: 28d }\n", "")
                                .replace(", slo: availability", ""));
        assertEquals(
                List.of("services/api/service.yaml:1:1: info: service 'api' has no SLA [sla-present]"),
                t.findings("sla-present"));
        assertEquals(
                List.of("services/api/service.yaml:1:1: warning: service 'api' has no SLO [slo-present]"),
                t.findings("slo-present"));
        assertEquals(
                List.of("services/api/service.yaml:1:1: warning: service 'api' has no support rota [rota-present]"),
                t.findings("rota-present"));
        t.file(
                SVC,
                Files.exists(dir.resolve(SVC)) ? readUnchecked(dir.resolve(SVC)).replace("tier: 3", "tier: 1") : "");
        assertEquals(
                List.of("services/api/service.yaml:1:1: error: service 'api' has no support rota [rota-present]"),
                t.findings("rota-present"));
    }

    static String readUnchecked(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRunbookThatNamesItsAlertLinksThemBothWays() {
        // the alert names no runbook, but the runbook's front matter names the alert
        var t = ContentTree.complete(dir)
                .file(SVC, COMPLETE_SERVICE.replace(", runbook: api-down", ""))
                .file(RUNBOOK, COMPLETE_RUNBOOK.replace("title: API down\n", "title: API down\nalerts: [ApiDown]\n"));
        assertEquals(List.of(), t.findings("alert-has-runbook"));
        assertEquals(List.of(), t.findings("runbook-orphan"));
    }

    // ---- levels

    @Test
    void aServiceHoldsTheHighestLevelWhoseRulesAndThoseBelowPass() {
        var t = ContentTree.complete(dir).file(SVC, COMPLETE_SERVICE.replace("enabled: true", "enabled: false"));
        ServiceAssessment a = t.result().assessment().services().get(0);
        assertEquals("supportable", a.level());
        assertEquals("operations-ready", a.nextLevel());
        // tracing is part of the hand-off's complete telemetry too
        assertEquals(List.of("telemetry-tracing", "handoff-telemetry"), a.blocking());
        t.file(
                SVC,
                COMPLETE_SERVICE
                        .replace("description: The public API.\n", "")
                        .replace("enabled: true", "enabled: false"));
        a = t.result().assessment().services().get(0);
        assertEquals("none", a.level(), "an info or warning failure of documented blocks every level");
        assertEquals("documented", a.nextLevel());
    }

    @Test
    void levelsCanBeReplacedInOpsbookYaml() {
        var t = ContentTree.complete(dir)
                .file(SVC, COMPLETE_SERVICE.replace("enabled: true", "enabled: false"))
                .file(
                        "opsbook.yaml",
                        "levels:\n  basic: [service-description]\n  traced: [telemetry-tracing]\n  gold: [readiness-game-day]\n");
        ServiceAssessment a = t.result().assessment().services().get(0);
        assertEquals("basic", a.level());
        assertEquals("traced", a.nextLevel());
    }
}
