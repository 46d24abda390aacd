package dev.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake in the example's operations-ready service (ledger), one finding printed; and no rule that
 * rests on what the mistake made unreadable passes, so that the service's level is never held on it.
 */
class OneMistakeTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);
    static List<String> baseline;

    @BeforeAll
    static void baseline(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        BuildResult r = check(content, dir.resolve("out"));
        baseline = printed(r, "ledger");
        assertEquals("operations-ready", level(r, "ledger"), "the example's ledger is operations-ready");
    }

    /** A change to one file of ledger: the text {@code from} (which must be there) replaced by {@code to}. */
    record Mistake(String file, String from, String to) {}

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "an impossible rota start",
                        List.of(new Mistake(
                                "rotas/follow-the-sun.yaml", "start: 2026-11-02T07:00", "start: 2026-11-31T07:00")),
                        List.of("rotas/follow-the-sun.yaml:16:12: error: 'start' is not a valid date-time"),
                        List.of("rota-coverage-gap", "rota-distinct-roles"),
                        "documented"),
                Arguments.of(
                        "a rotation in words",
                        List.of(new Mistake("rotas/follow-the-sun.yaml", "rotation: 1w", "rotation: 1 week")),
                        List.of("rotas/follow-the-sun.yaml:5:11: error: 'rotation' is not a valid duration"),
                        List.of("rota-coverage-gap", "rota-distinct-roles"),
                        "documented"),
                Arguments.of(
                        "a misspelt escalation",
                        List.of(new Mistake("rotas/follow-the-sun.yaml", "escalation:", "escalaton:")),
                        List.of(
                                "rotas/follow-the-sun.yaml:33:1: error: unknown key 'escalaton' (did you mean 'escalation'?)"),
                        List.of("rota-escalation"),
                        "documented"),
                Arguments.of(
                        "a misspelt required key",
                        List.of(new Mistake("service.yaml", "owner: payments", "ownr: payments")),
                        List.of("service.yaml:3:1: error: unknown key 'ownr' (did you mean 'owner'?)"),
                        List.of(),
                        null),
                Arguments.of(
                        "nine mistakes in service.yaml",
                        List.of(
                                new Mistake("service.yaml", "tier: 1", "tier: one"),
                                new Mistake("service.yaml", "lifecycle: production", "lifecycle: prod"),
                                new Mistake("service.yaml", "supportHours: 24x7", "supportHours: always"),
                                new Mistake(
                                        "service.yaml",
                                        "  - { name: LedgerDiskAlmostFull,",
                                        "  - { name: LedgerPrimaryDown, severity: P1, runbook: failover }\n"
                                                + "  - { name: LedgerDiskAlmostFull,"),
                                new Mistake("service.yaml", "dependsOn: []", "dependsOn: []\ndescription: again")),
                        List.of(
                                "service.yaml:4:7: error: 'tier' must be",
                                "service.yaml:5:12: error: 'lifecycle' must be one of",
                                "service.yaml:7:15: error: 'supportHours' must be one of",
                                "service.yaml:9:1: error: duplicate key 'description'",
                                "service.yaml:31:13: error: alert 'LedgerPrimaryDown' is defined twice"),
                        // the SLA, SLOs and rota are there: sla-present, slo-present and rota-present pass, as
                        // true whatever the tier; what rests on a refused value does not
                        List.of("service-description", "alert-has-runbook", "review-present", "slo-alerted"),
                        "none"),
                Arguments.of(
                        "a refused tier, and no SLA: two mistakes, two findings",
                        List.of(
                                new Mistake("service.yaml", "tier: 1", "tier: one"),
                                new Mistake("sla.yaml", null, null)),
                        List.of(
                                "service.yaml:1:1: info: service 'ledger' has no SLA",
                                "service.yaml:4:7: error: 'tier' must be"),
                        List.of("sla-present"),
                        "none"),
                Arguments.of(
                        "the only dashboard's URL refused",
                        List.of(new Mistake(
                                "service.yaml",
                                "https://grafana.harbourvine.example/d/ledger-db",
                                "grafana/d/ledger-db")),
                        List.of("service.yaml:13:38: error: 'url' must be an http, https or mailto address"),
                        List.of("telemetry-dashboards"),
                        "supportable"),
                Arguments.of(
                        "structured: yes",
                        List.of(new Mistake("service.yaml", "structured: true", "structured: yes")),
                        List.of("service.yaml:14:23: error: 'structured' must be"),
                        List.of("telemetry-structured-logs"),
                        "supportable"),
                Arguments.of(
                        "an impossible lastReviewed",
                        List.of(new Mistake(
                                "runbooks/failover.md", "lastReviewed: 2026-10-28", "lastReviewed: 2026-02-30")),
                        List.of("runbooks/failover.md:6:15: error: "),
                        List.of("runbook-stale"),
                        "documented"),
                Arguments.of(
                        "a front matter never closed",
                        List.of(new Mistake(
                                "runbooks/failover.md",
                                "tags: [database, postgres]\n---\n",
                                "tags: [database, postgres]\n")),
                        List.of("runbooks/failover.md:1:1: error: front matter is not closed"),
                        List.of("runbook-stale", "runbook-sections"),
                        "documented"),
                Arguments.of(
                        "an SLA key that names no severity",
                        List.of(new Mistake("sla.yaml", "  P4: {", "  SEV4: {")),
                        List.of("sla.yaml:8:3: error: there is no severity 'SEV4' (did you mean 'P4'?)"),
                        List.of("sla-covers-severities"),
                        "documented"),
                Arguments.of(
                        "a rota that does not parse",
                        List.of(new Mistake(
                                "rotas/follow-the-sun.yaml", "lead: [carol, alice]", "lead: [carol, alice")),
                        List.of("rotas/follow-the-sun.yaml:"),
                        List.of(
                                "rota-present",
                                "rota-coverage-gap",
                                "rota-distinct-roles",
                                "rota-min-members",
                                "rota-escalation",
                                "rota-unknown-timezone"),
                        "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneMistakeOneFindingAndNoPassOnWhatCouldNotBeRead(
            String name,
            List<Mistake> changes,
            List<String> expected,
            List<String> notPassing,
            String atMost,
            @TempDir Path dir)
            throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        for (Mistake m : changes) {
            if (m.from() == null) {
                Files.delete(content.resolve(inContent(m.file())));
            } else {
                ExampleHandbook.edit(content, inContent(m.file()), m.from(), m.to());
            }
        }
        BuildResult r = check(content, dir.resolve("out"));
        List<String> added = new ArrayList<>(printed(r, "ledger"));
        added.removeAll(baseline);
        assertEquals(expected.size(), added.size(), "one finding a mistake: " + added);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(added.get(i).startsWith(inContent(expected.get(i))), added.get(i) + " ≠ " + expected.get(i));
        }
        ServiceAssessment ledger = assessment(r, "ledger");
        for (String rule : notPassing) {
            RuleResult result = ledger.results().stream()
                    .filter(x -> x.rule().equals(rule))
                    .findFirst()
                    .orElseThrow();
            assertNotEquals(Status.PASS, result.status(), rule + " passes on what could not be read");
            // the report says why, even though the finding is not printed again
            assertTrue(!result.findings().isEmpty(), rule);
        }
        if (atMost != null) {
            List<String> order = List.of("none", "documented", "supportable", "operations-ready");
            assertTrue(
                    order.indexOf(ledger.level()) <= order.indexOf(atMost),
                    "ledger holds " + ledger.level() + " on what could not be read");
        }
    }

    @Test
    void anUnparsableServiceFileDoesNotHideABrokenAlertNameElsewhere(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        ExampleHandbook.edit(
                content, "services/web-shop/service.yaml", "dependsOn: [payments-api", "dependsOn: [[payments-api");
        ExampleHandbook.edit(
                content,
                "services/ledger/runbooks/failover.md",
                "alerts: [LedgerPrimaryDown]",
                "alerts: [LedgerPrimaryDwn]");
        // a runbook of web-shop names one of web-shop's alerts: it may be defined in the unreadable file
        Path login = content.resolve("services/web-shop/runbooks/login-failures.md");
        assertTrue(Files.readString(login).contains("LoginFailuresHigh"));
        BuildResult r = check(content, dir.resolve("out"));
        List<String> broken = r.findings().stream()
                .filter(f -> f.rule().equals("broken-reference"))
                .map(Finding::format)
                .toList();
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("services/ledger/runbooks/failover.md:5:"), broken.get(0));
        assertTrue(broken.get(0).contains("there is no alert 'LedgerPrimaryDwn'"), broken.get(0));
    }

    static BuildResult check(Path content, Path out) throws Exception {
        return new Opsbook(1).build(BuildRequest.check(content, out).withAsOf(AS_OF));
    }

    /** A path as the test writes it: ledger's own files by their name there, the shared rota from the content folder. */
    static String inContent(String file) {
        return file.startsWith("rotas/") ? file : "services/ledger/" + file;
    }

    /** The findings about a service's files, and about the shared rota it names (ledger's is follow-the-sun). */
    static List<String> printed(BuildResult r, String service) {
        return r.findings().stream()
                .filter(f -> service.equals(f.service()) || f.pos().file().startsWith("rotas/"))
                .map(Finding::format)
                .toList();
    }

    static ServiceAssessment assessment(BuildResult r, String service) {
        return r.assessment().services().stream()
                .filter(s -> s.service().id().equals(service))
                .findFirst()
                .orElseThrow();
    }

    static String level(BuildResult r, String service) {
        return assessment(r, service).level();
    }
}
