package dev.opsbook.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** broken-reference and unsafe-path, in YAML and in Markdown links of both styles. */
class ReferenceCheckTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfYamlReference() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                        owner: opps
                        dependsOn: [ledgr]
                        slos:
                          - { id: availability, objective: 99.9, window: 28d }
                        alerts:
                          - { name: ApiDown, severity: P7, runbook: api-dwn, slo: availabilty }
                        """)
                .file(
                        "services/api/rota.yaml",
                        """
                        start: 2026-11-02T09:00
                        rotation: 1w
                        lead: [alise]
                        engineer: [bob]
                        overrides:
                          - { role: engineer, person: zed, from: 2026-11-10T09:00, to: 2026-11-11T09:00 }
                        escalation:
                          - { after: 15m, contact: opz }
                        """)
                .file("services/api/sla.yaml", "availability: 99.9\nresponseTimes:\n  P9: { acknowledge: 1h }\n")
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: x\nseverity: P3\nalerts: [ApiDwn]\n" + "reviewedBy: bobby\nowner: nobody\n---\n")
                .file(
                        "services/api/reviews/osr-1.yaml",
                        "title: x\ndate: 2026-01-01\noutcome: approved\n"
                                + "participants: [alice, ghost]\nactions:\n  - { description: d, owner: ghost, due: 2026-02-01 }\n")
                .file(
                        "services/api/incidents/i-1.md",
                        "---\ntitle: x\nseverity: P1\nstarted: 2026-01-01T00:00Z\n"
                                + "services: [nope]\nsupportLead: al\nsupportEngineer: bob\n---\n")
                .file(
                        "opsbook.yaml",
                        "waivers:\n  - { rule: runbook-stale, service: nope, reason: r, approvedBy: x,"
                                + " expires: 2027-01-01 }\n");
        assertEquals(
                List.of(
                        "opsbook.yaml:2:37: error: there is no service 'nope' [broken-reference]",
                        "opsbook.yaml:2:66: error: there is no person 'x' [broken-reference]",
                        "services/api/incidents/i-1.md:5:12: error: there is no service 'nope' [broken-reference]",
                        "services/api/incidents/i-1.md:6:14: error: there is no person 'al' [broken-reference]",
                        "services/api/reviews/osr-1.yaml:4:23: error: there is no person 'ghost' [broken-reference]",
                        "services/api/reviews/osr-1.yaml:6:30: error: there is no person 'ghost' [broken-reference]",
                        "services/api/rota.yaml:3:8: error: there is no person 'alise' (did you mean 'alice'?) [broken-reference]",
                        "services/api/rota.yaml:6:31: error: there is no person 'zed' [broken-reference]",
                        "services/api/rota.yaml:8:28: error: there is no person or team 'opz' (did you mean 'ops'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:3:11: error: there is no severity 'P3' [broken-reference]",
                        "services/api/runbooks/api-down.md:4:10: error: there is no alert 'ApiDwn' (did you mean 'ApiDown'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:5:13: error: there is no person 'bobby' (did you mean 'bob'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:6:8: error: there is no team 'nobody' [broken-reference]",
                        "services/api/service.yaml:1:8: error: there is no team 'opps' (did you mean 'ops'?) [broken-reference]",
                        "services/api/service.yaml:2:13: error: there is no service 'ledgr' [broken-reference]",
                        "services/api/service.yaml:6:32: error: there is no severity 'P7' [broken-reference]",
                        "services/api/service.yaml:6:45: error: there is no runbook 'api-dwn' (in services/api/runbooks/) (did you mean 'api-down'?) [broken-reference]",
                        "services/api/service.yaml:6:59: error: there is no SLO 'availabilty' (did you mean 'availability'?) [broken-reference]",
                        "services/api/sla.yaml:3:3: error: there is no severity 'P9' [broken-reference]"),
                tree.structural());
        // a short list of what exists is the hint, in its own order (severities: most severe first)
        var hints = tree.result().findings().stream()
                .filter(f -> f.message().startsWith("there is no severity"))
                .map(f -> f.hint())
                .distinct()
                .toList();
        assertEquals(List.of("use one of P1, P2"), hints);
        assertEquals(
                List.of("use one of ops"),
                tree.result().findings().stream()
                        .filter(f -> f.message().equals("there is no team 'nobody'"))
                        .map(f -> f.hint())
                        .toList());
    }

    @Test
    void anAlertsRunbookIsAnIdNotAnAddressAndAnyNamePrometheusTakesIsAnAlertsName() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        "owner: ops\nalerts:\n  - { name: ApiDown, runbook: \"https://wiki.example/runbooks/api-down\" }\n"
                                + "  - { name: \"HaproxyBackendMaxActiveSession>80%\", runbook: api-down }\n"
                                + "  - { name: \"CassandraCommitlogPendingTasks(criteo)\", runbook: api-down }\n");
        assertEquals(
                List.of("services/api/service.yaml:3:31: error: alert 'ApiDown': runbook takes a runbook's id (or"
                        + " service/id), not an address: 'https://wiki.example/runbooks/api-down' [schema]"),
                tree.structural());
    }

    @Test
    void alertsOfAnyNameGetAnchorsEveryLinkToThemReaches() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/service.yaml",
                        "owner: ops\nalerts:\n  - { name: \"job:errors:rate5m>0.1\", runbook: api-down }\n"
                                + "  - { name: \"job_errors_rate5m-0.1\", runbook: api-down }\n"
                                + "  - { name: \"Latency (p99) > 80%\", runbook: api-down }\n")
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: API down\nalerts: [\"job:errors:rate5m>0.1\", \"Latency (p99) > 80%\"]\n---\nText.\n");
        // the build verifies every link it writes: an anchor a link could not reach would stop it
        new dev.opsbook.Opsbook(1)
                .build(new dev.opsbook.BuildRequest(
                        tree.root(), dir.resolve("site"), java.time.LocalDate.of(2026, 11, 21), null, true, null));
        var page = org.jsoup.Jsoup.parse(
                dir.resolve("site/services/api/index.html").toFile(), "UTF-8");
        List<String> ids = page.select("#alerts tbody tr").eachAttr("id");
        assertEquals(3, ids.stream().distinct().count(), ids.toString());
        assertTrue(ids.stream().allMatch(id -> id.matches("alert-[A-Za-z0-9_.-]+")), ids.toString());
    }

    @Test
    void markdownLinksOfBothStyles() {
        var tree = ContentTree.minimal(dir)
                .file("services/ledger/service.yaml", "owner: ops\n")
                .file("services/ledger/runbooks/failover.md", "---\ntitle: Failover\n---\n## Promote the replica\n")
                .file(
                        "services/api/runbooks/api-down.md",
                        """
                        ---
                        title: API down
                        ---
                        ## Symptoms

                        Fine: [a](../../ledger/runbooks/failover.md), [b](runbook:ledger/failover), [c](service:ledger),
                        [d](severity:P1), [e](team:ops), [f](person:bob), [g](../service.yaml#alerts),
                        [h](runbook:ledger/failover#promote-the-replica), [i](#symptoms), [j](https://example.com).

                        Broken: [k](../../ledger/runbooks/failovr.md), [l](runbook:ledger/failovr), [m](service:ledgr),
                        [n](severity:P9), [o](team:nobody), [p](person:zed), [q](review:api/osr-9), [r](incident:api/x),
                        [s](runbook:ledger/failover#promote), [t](#nowhere), [u](runbook:failover).
                        """);
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md:10:13: error: broken link '../../ledger/runbooks/failovr.md': there is no file services/ledger/runbooks/failovr.md (did you mean failover.md?) [broken-reference]",
                        "services/api/runbooks/api-down.md:10:52: error: broken link 'runbook:ledger/failovr': there is no runbook 'ledger/failovr' (did you mean 'ledger/failover'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:10:81: error: broken link 'service:ledgr': there is no service 'ledgr' (did you mean 'ledger'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:11:5: error: broken link 'severity:P9': there is no severity 'P9' [broken-reference]",
                        "services/api/runbooks/api-down.md:11:23: error: broken link 'team:nobody': there is no team 'nobody' [broken-reference]",
                        "services/api/runbooks/api-down.md:11:41: error: broken link 'person:zed': there is no person 'zed' [broken-reference]",
                        "services/api/runbooks/api-down.md:11:58: error: broken link 'review:api/osr-9': there is no review 'api/osr-9' [broken-reference]",
                        "services/api/runbooks/api-down.md:11:81: error: broken link 'incident:api/x': there is no incident 'api/x' [broken-reference]",
                        "services/api/runbooks/api-down.md:12:5: error: broken link 'runbook:ledger/failover#promote': no section '#promote' there (did you mean '#promote-the-replica'?) [broken-reference]",
                        "services/api/runbooks/api-down.md:12:43: error: broken link '#nowhere': no section '#nowhere' there [broken-reference]",
                        "services/api/runbooks/api-down.md:12:58: error: broken link 'runbook:failover': there is no runbook 'failover' [broken-reference]"),
                tree.structural());
        // a near miss is the hint: what to write instead
        assertEquals(
                List.of(
                        "change the file name to failover.md",
                        "change it to runbook:ledger/failover",
                        "change it to service:ledger",
                        "change the part after # to promote-the-replica"),
                tree.result().findings().stream()
                        .map(f -> f.hint())
                        .filter(h -> h.startsWith("change"))
                        .toList());
    }

    @Test
    void linksInRawHtmlAreCheckedWhereTheyAreWrittenNotDroppedInSilence() {
        var tree = ContentTree.complete(dir)
                .file(
                        "services/api/runbooks/other.md",
                        """
                ---
                title: Other
                ---
                See <a href="api-dwn.md">the runbook</a> and <a title="x" href='runbook:api-down#nope'>a section</a>.

                - <img alt="map" src="missing.png"> and <a href="../sla.yaml">the SLA</a>
                """);
        assertEquals(
                List.of(
                        "services/api/runbooks/other.md:4:14: error: broken link 'api-dwn.md': there is no file"
                                + " services/api/runbooks/api-dwn.md (did you mean api-down.md?) [broken-reference]",
                        "services/api/runbooks/other.md:4:65: error: broken link 'runbook:api-down#nope': no section '#nope' there"
                                + " [broken-reference]",
                        "services/api/runbooks/other.md:6:23: error: broken link 'missing.png': there is no file"
                                + " services/api/runbooks/missing.png [broken-reference]"),
                tree.structural());
    }

    @Test
    void linksThatLeaveTheContentFolderAreUnsafe() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/runbooks/api-down.md",
                        """
                ---
                title: API down
                ---
                [a](../../../../../etc/passwd) [b](/etc/passwd) [c](javascript:alert(1)) [d](data:text/html,x)
                """);
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md:4:5: error: link '../../../../../etc/passwd' leaves the content folder [unsafe-path]",
                        "services/api/runbooks/api-down.md:4:36: error: link '/etc/passwd' is an absolute path [unsafe-path]",
                        "services/api/runbooks/api-down.md:4:53: error: link 'javascript:alert(1)' uses the scheme 'javascript:', which is not allowed [schema]",
                        "services/api/runbooks/api-down.md:4:78: error: link 'data:text/html,x' uses the scheme 'data:', which is not allowed [schema]"),
                tree.structural());
    }

    @Test
    void symbolicLinksOutOfTheContentFolderAreNotFollowed() throws IOException {
        Path outside = Files.writeString(Files.createTempFile("secret", ".txt"), "secret");
        try {
            var tree = ContentTree.minimal(dir);
            Files.createSymbolicLink(dir.resolve("services/api/secret.txt"), outside);
            assertEquals(
                    List.of("services/api/secret.txt: error: symbolic link leads outside the content folder; it is"
                            + " not followed [unsafe-path]"),
                    tree.structural());
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void aServiceCannotDependOnItself() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "owner: ops\ndependsOn: [api]\n");
        assertEquals(
                List.of("services/api/service.yaml:2:13: error: service 'api' depends on itself [broken-reference]"),
                tree.structural());
    }
}
