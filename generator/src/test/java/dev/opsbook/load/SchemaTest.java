package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.ContentTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema rule: unknown keys, types, required keys, enums, dates and durations, each exactly. */
class SchemaTest {
    @TempDir
    Path dir;

    @Test
    void minimalHandbookHasNoFindings() {
        assertEquals(List.of(), ContentTree.minimal(dir).structural());
    }

    @Test
    void unknownKeySuggestsTheClosestKnownKey() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                name: API
                ownr: ops
                """);
        // one mistake, one finding: not also "missing required key 'owner'"
        assertEquals(
                List.of("services/api/service.yaml:2:1: error: unknown key 'ownr' (did you mean 'owner'?) [schema]"),
                tree.structural());
    }

    @Test
    void aSuggestionIsNeverAKeyThatIsWrittenBesideIt() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                name: API
                owner: ops
                ownr: ops
                """);
        assertEquals(List.of("services/api/service.yaml:3:1: error: unknown key 'ownr' [schema]"), tree.structural());
    }

    @Test
    void unknownKeyWithoutNearMissListsNothingMisleading() {
        var tree = ContentTree.minimal(dir).file("teams/ops.yaml", ContentTree.TEAM + "budget: 12\n");
        assertEquals(List.of("teams/ops.yaml:5:1: error: unknown key 'budget' [schema]"), tree.structural());
    }

    @Test
    void missingRequiredKey() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "name: API\n");
        assertEquals(
                List.of("services/api/service.yaml:1:1: error: missing required key 'owner' [schema]"),
                tree.structural());
    }

    @Test
    void wrongTypes() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                name: API
                owner: ops
                tier: one
                dependsOn: ledger
                telemetry: [grafana]
                """);
        assertEquals(
                List.of(
                        "services/api/service.yaml:3:7: error: 'tier' must be a whole number, found 'one' [schema]",
                        "services/api/service.yaml:4:12: error: 'dependsOn' must be a list, found 'ledger' [schema]",
                        "services/api/service.yaml:5:12: error: 'telemetry' must be a mapping of keys to values, found a list [schema]"),
                tree.structural());
    }

    @Test
    void tierOutOfRange() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "owner: ops\ntier: 7\n");
        assertEquals(
                List.of("services/api/service.yaml:2:7: error: 'tier' must be from 1 to 4, found 7 [schema]"),
                tree.structural());
    }

    @Test
    void badEnumValueSuggestsTheValueMeant() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "owner: ops\nlifecycle: prod\n");
        assertEquals(
                List.of("services/api/service.yaml:2:12: error: 'lifecycle' must be one of experimental, production,"
                        + " deprecated; found 'prod' (did you mean 'production'?) [schema]"),
                tree.structural());
    }

    @Test
    void impossibleDateIsAFindingThoughSnakeYamlWouldAcceptIt() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                owner: ops
                readiness:
                  loadTest: { date: 2026-13-45 }
                  gameDay: { date: 2026-02-30 }
                """);
        assertEquals(
                List.of(
                        "services/api/service.yaml:3:21: error: 'date' is not a valid date (YYYY-MM-DD): '2026-13-45' [schema]",
                        "services/api/service.yaml:4:20: error: 'date' is not a valid date (YYYY-MM-DD): '2026-02-30' [schema]"),
                tree.structural());
    }

    @Test
    void badDurations() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/rota.yaml",
                        """
                start: 2026-11-02T09:00
                rotation: 1 week
                lead: [alice]
                engineer: [bob]
                escalation:
                  - { after: 0m, contact: alice }
                """);
        assertEquals(
                List.of(
                        "services/api/rota.yaml:2:11: error: 'rotation' is not a valid duration (such as 30s, 15m, 4h, 1d, 2w or 1h30m): '1 week' [schema]",
                        "services/api/rota.yaml:6:14: error: 'after' must be longer than nothing, found '0m' [schema]"),
                tree.structural());
    }

    @Test
    void aRotationOfSecondsIsNotAShift() {
        // 30s shifts would expand into hundreds of thousands of shifts and calendar events
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/rota.yaml",
                        """
                start: 2026-11-02T09:00
                rotation: 30s
                lead: [alice]
                engineer: [bob]
                """);
        assertEquals(
                List.of("services/api/rota.yaml:2:11: error: 'rotation' is the length of one shift, at least 1h;"
                        + " found '30s' [schema]"),
                tree.structural());
        tree.file("services/api/rota.yaml", "start: 2026-11-02T09:00\nrotation: 1h\nlead: [alice]\nengineer: [bob]\n");
        assertEquals(List.of(), tree.structural());
    }

    @Test
    void badDateTimeAndTime() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/rota.yaml",
                        """
                start: 2026-11-02 25:00
                rotation: 1w
                businessHours: { from: "9am", to: "17:00" }
                lead: [alice]
                engineer: [bob]
                """);
        assertEquals(
                List.of(
                        "services/api/rota.yaml:1:8: error: 'start' is not a valid date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset): '2026-11-02 25:00' [schema]",
                        "services/api/rota.yaml:3:24: error: 'from' is not a valid time (HH:MM, quoted): '9am' [schema]"),
                tree.structural());
    }

    @Test
    void duplicateKeyIsReportedAtTheSecond() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "owner: ops\nname: A\nname: B\n");
        assertEquals(
                List.of("services/api/service.yaml:3:1: error: duplicate key 'name' (first at line 2) [yaml-syntax]"),
                tree.structural());
    }

    @Test
    void unsafeUrlSchemesAreRefusedInYaml() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        """
                owner: ops
                links:
                  - { title: Source, url: "JaVaScRiPt:alert(1)" }
                  - { title: Docs, url: "https://docs.example/api" }
                """);
        assertEquals(
                List.of("services/api/service.yaml:3:27: error: 'url' must be an http, https or mailto address,"
                        + " found 'JaVaScRiPt:alert(1)' [schema]"),
                tree.structural());
    }

    @Test
    void missingSeveritiesFileIsAFinding() {
        var tree = ContentTree.minimal(dir).delete("severities.yaml");
        assertEquals(
                List.of(
                        "services/api/service.yaml:5:32: error: there is no severity 'P1' [broken-reference]",
                        "severities.yaml: error: severities.yaml is missing: every handbook defines its incident severity levels [schema]"),
                tree.structural());
    }

    @Test
    void structuralRulesCannotBeConfiguredWaivedOrMarkedNotApplicable() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "opsbook.yaml",
                        """
                        checks:
                          schema: off
                          runbook-stal: warning
                        waivers:
                          - { rule: broken-reference, service: api, reason: x, approvedBy: alice, expires: 2027-01-01 }
                        """)
                .file(
                        "services/api/service.yaml",
                        ContentTree.SERVICE + "notApplicable:\n  - { rule: invalid-id, reason: legacy }\n");
        assertEquals(
                List.of(
                        "opsbook.yaml:2:11: error: 'schema' is a structural rule: it is always an error and cannot be configured [schema]",
                        "opsbook.yaml:3:17: error: unknown rule 'runbook-stal' (did you mean 'runbook-stale'?) [schema]",
                        "opsbook.yaml:5:13: error: 'broken-reference' is a structural rule and cannot be waived [schema]",
                        "services/api/service.yaml:7:13: error: 'invalid-id' is a structural rule and cannot be marked not applicable [schema]"),
                tree.structural());
    }

    @Test
    void eachErrorSaysWhatToDo() {
        // the hint is printed under each error in a console or build log: the near miss, or what to write
        var tree = ContentTree.minimal(dir)
                .file("opsbook.yaml", "timezone: Europe/Lodnon\nchecks:\n  runbook-stael: warning\n")
                .file("services/api/sla.yaml", "availability: high\nperiod: monthly\n")
                .file("services/api/reviews/osr-1.yaml", "title: T\ndate: 2026-02-30\noutcome: approved\n");
        assertEquals(
                List.of(
                        "opsbook.yaml:1:11: error: 'timezone' is not an IANA time zone: 'Europe/Lodnon' (did you mean 'Europe/London'?)"
                                + " [schema] | change it to 'Europe/London'",
                        "opsbook.yaml:3:18: error: unknown rule 'runbook-stael' (did you mean 'runbook-stale'?) [schema]"
                                + " | change it to 'runbook-stale'",
                        "services/api/reviews/osr-1.yaml:2:7: error: 'date' is not a valid date (YYYY-MM-DD): '2026-02-30' [schema]"
                                + " | write a date that exists, as YYYY-MM-DD (such as 2026-11-21)",
                        "services/api/sla.yaml:1:15: error: 'availability' must be a percentage such as 99.9, found 'high' [schema]"
                                + " | write the number alone, without a % sign: 99.9",
                        "services/api/sla.yaml:2:9: error: 'period' must be one of month, quarter, year; found 'monthly'"
                                + " (did you mean 'month'?) [schema] | change it to 'month'"),
                schemaWithHints(tree));
    }

    @Test
    void timesTheWrongWayRoundNameBothAndSayWhatToDo() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/rota.yaml",
                        """
                start: 2026-11-02T09:00
                rotation: 1w
                coverage: business-hours
                businessHours: { days: [mon, tue], from: "17:30", to: "09:00" }
                lead: [alice, bob]
                engineer: [bob, alice]
                overrides:
                  - { role: lead, person: alice, from: 2026-12-27T09:00, to: 2026-12-24T09:00 }
                """);
        assertEquals(
                List.of(
                        "services/api/rota.yaml:4:55: error: 'to' (09:00) must be later in the day than 'from' (17:30) [schema]"
                                + " | business hours end on the day they start: write, say, from: \"09:00\" and to: \"17:30\"",
                        "services/api/rota.yaml:8:62: error: 'to' (2026-12-24T09:00) must be after 'from' (2026-12-27T09:00) [schema]"
                                + " | swap them if they are the wrong way round, or correct the date"),
                schemaWithHints(tree));
    }

    @Test
    void everyFileKindOfTheSpecIsReadStrictly() {
        var tree = ContentTree.minimal(dir)
                .file("severities.yaml", "severities:\n  - { id: P1, name: Critical, colour: red }\n")
                .file("services/api/sla.yaml", "availability: 99.9\nperiod: monthly\n")
                .file(
                        "services/api/reviews/osr-1.yaml",
                        "title: T\ndate: 2026-10-01\noutcome: approved\nanswers:\n"
                                + "  newSystems: { answer: maybe }\n")
                .file(
                        "services/api/incidents/i-1.md",
                        "---\ntitle: T\nseverity: P1\nstarted: 2026-10-01T10:00Z\n"
                                + "resolution: magic\n---\n## Summary\n");
        assertEquals(
                List.of(
                        "services/api/incidents/i-1.md:5:13: error: 'resolution' must be one of rollback, fix-forward, feature-toggle, other; found 'magic' [schema]",
                        "services/api/reviews/osr-1.yaml:5:25: error: 'answer' must be one of yes, no, unsure; found 'maybe' [schema]",
                        "services/api/sla.yaml:2:9: error: 'period' must be one of month, quarter, year; found 'monthly' (did you mean 'month'?) [schema]",
                        "severities.yaml:2:31: error: unknown key 'colour' [schema]"),
                tree.structural());
    }

    @Test
    void aRunbookSectionListedTwiceIsASlip() {
        var tree = ContentTree.minimal(dir).file("opsbook.yaml", "runbookSections: [Symptoms, Impact, symptoms]\n");
        assertEquals(
                List.of("opsbook.yaml:1:37: error: section 'symptoms' is listed twice in 'runbookSections' [schema]"
                        + " | remove one, or name the section it was meant to be"),
                schemaWithHints(tree));
    }

    @Test
    void durationsOfNothingAndResolutionsBeforeAcknowledgementSayWhatIsWrong() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/sla.yaml",
                        """
                availability: 99.9
                responseTimes:
                  P1: { acknowledge: 15m, resolve: 10m }
                  P2: { acknowledge: 0m, resolve: 1d }
                """);
        assertEquals(
                List.of(
                        "services/api/sla.yaml:3:36: error: 'resolve' (10m) is shorter than 'acknowledge' (15m): an incident is"
                                + " resolved after it is acknowledged [schema] | swap them if they are the wrong way round",
                        "services/api/sla.yaml:4:22: error: 'acknowledge' must be longer than nothing, found '0m' [schema]"
                                + " | write how long, such as 15m or 1h30m"),
                schemaWithHints(tree));
    }

    @Test
    void anIncidentIsDetectedAndResolvedAfterItStartsComparedAsInstants() {
        // 02:20 in London in September is 01:20Z, and 03:05+05:30 is 21:35Z the day before: both before 02:14Z;
        // 03:20 in London and 08:00+05:30 are 02:20Z and 02:30Z, after it
        String head = "---\ntitle: T\nseverity: P1\nstarted: 2026-09-03T02:14Z\n";
        var tree = ContentTree.minimal(dir)
                .file("opsbook.yaml", "timezone: Europe/London\n")
                .file(
                        "services/api/incidents/i-1.md",
                        head + "detected: 2026-09-03T02:20\nresolved: 2026-09-03T03:05+05:30\n---\n## Summary\n")
                .file(
                        "services/api/incidents/i-2.md",
                        head + "detected: 2026-09-03T03:20\nresolved: 2026-09-03T08:00+05:30\n---\n## Summary\n");
        String hint =
                " [schema] | correct the date or time of one of them (times without an offset are in the handbook's"
                        + " time zone, Europe/London)";
        assertEquals(
                List.of(
                        "services/api/incidents/i-1.md:5:11: error: 'detected' (2026-09-03T02:20) is before 'started'"
                                + " (2026-09-03T02:14Z)" + hint,
                        "services/api/incidents/i-1.md:6:11: error: 'resolved' (2026-09-03T03:05+05:30) is before 'started'"
                                + " (2026-09-03T02:14Z)" + hint),
                schemaWithHints(tree));
    }

    @Test
    void phoneNumbersAndEmailAddressesAreWhatTheirLinksCanUse() {
        // a phone becomes a tel: link and an address a mailto: link: what they cannot use is left out, with a finding
        var tree = ContentTree.minimal(dir)
                .file(
                        "teams/ops.yaml",
                        """
                name: Operations
                email: "Ops Team <ops@example.com>"
                members:
                  - { id: alice, name: Alice, phone: "call me maybe", email: "mailto:alice@example.com" }
                  - { id: bob, name: Bob, phone: "+44 (0)20 7946-0102", email: " bob.o'neil+ops@example.co.uk " }
                  - { id: carol, name: Carol, phone: "12", email: "carol@example.com?cc=boss@example.com" }
                  - { id: dave, name: Dave, phone: "+1 555 0100 ext 12", email: "d\u00e5ve@ex\u00e4mple.se" }
                """);
        assertEquals(
                List.of(
                        "teams/ops.yaml:2:8: error: 'email' is not an email address: 'Ops Team <ops@example.com>' [schema]"
                                + " | write the address alone, such as alice@example.com (no mailto:, no name, no spaces)",
                        "teams/ops.yaml:4:38: error: 'phone' is not a phone number: 'call me maybe' [schema]"
                                + " | write the number as dialled from abroad, in digits with spaces, such as +44 20 7946 0101",
                        "teams/ops.yaml:4:62: error: 'email' is not an email address: 'mailto:alice@example.com' [schema]"
                                + " | write the address alone, such as alice@example.com (no mailto:, no name, no spaces)",
                        "teams/ops.yaml:6:38: error: 'phone' is not a phone number: '12' [schema]"
                                + " | write the number as dialled from abroad, in digits with spaces, such as +44 20 7946 0101",
                        "teams/ops.yaml:6:51: error: 'email' is not an email address: 'carol@example.com?cc=boss@example.com' [schema]"
                                + " | write the address alone, such as alice@example.com (no mailto:, no name, no spaces)",
                        "teams/ops.yaml:7:36: error: 'phone' is not a phone number: '+1 555 0100 ext 12' [schema]"
                                + " | write the number as dialled from abroad, in digits with spaces, such as +44 20 7946 0101"),
                schemaWithHints(tree));
        var handbook = tree.handbook();
        assertEquals("+44 (0)20 7946-0102", handbook.person("bob").orElseThrow().phone());
        assertEquals(
                "bob.o'neil+ops@example.co.uk",
                handbook.person("bob").orElseThrow().email());
        assertEquals(
                "d\u00e5ve@ex\u00e4mple.se",
                handbook.person("dave").orElseThrow().email());
        assertEquals(null, handbook.person("alice").orElseThrow().phone());
    }

    /** The schema findings of a tree as the CLI prints them, each with its hint after a bar. */
    private static List<String> schemaWithHints(ContentTree tree) {
        return tree.result().findings().stream()
                .filter(f -> f.rule().equals("schema"))
                .map(f -> f.format() + " | " + f.hint())
                .toList();
    }
}
