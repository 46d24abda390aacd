package dev.opsbook.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.ContentTree;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rota expansion and the rota-distinct-roles rule: clashes exact to the minute, overrides, DST. */
class RotaScheduleTest {
    @TempDir
    Path dir;

    static final String ROTA = "services/api/rota.yaml";

    ContentTree tree(String rota) {
        return ContentTree.complete(dir).file(ROTA, rota);
    }

    @Test
    void aClashIsOneFindingPerShiftNamingThePersonAndTheLocalSpan() {
        var t = tree(
                """
                start: 2026-11-02T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [carol, bob, dave]
                escalation: [{ after: 15m, contact: ops }]
                """);
        // bob leads odd shifts and engineers shifts 1, 4, 7 …: they meet in shift 7 (2026-12-21) and 13 (2027-02-01)
        assertEquals(
                List.of(
                        "services/api/rota.yaml:4:19: error: bob is Support Lead and Support Engineer from 2026-12-21 09:00 to"
                                + " 2026-12-28 09:00 [rota-distinct-roles]",
                        "services/api/rota.yaml:4:19: error: bob is Support Lead and Support Engineer from 2027-02-01 09:00 to"
                                + " 2027-02-08 09:00 [rota-distinct-roles]"),
                t.findings("rota-distinct-roles"));
    }

    @Test
    void theShiftInProgressAtTheAsOfDateIsIncluded() {
        var t = tree(
                """
                start: 2026-11-02T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [alice, carol]
                escalation: [{ after: 15m, contact: ops }]
                """);
        List<String> f = t.findings("rota-distinct-roles");
        assertEquals(
                "services/api/rota.yaml:4:12: error: alice is Support Lead and Support Engineer from 2026-11-16 09:00"
                        + " to 2026-11-23 09:00 [rota-distinct-roles]",
                f.get(0));
        assertEquals(7, f.size(), "shifts 2, 4 … 14 within 12 weeks of 2026-11-21: " + f);
    }

    @Test
    void anOverrideCanCreateAClashAndPointsAtTheOverride() {
        var t = tree(
                """
                start: 2026-11-02T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [carol, dave]
                overrides:
                  - { role: engineer, person: alice, from: 2026-11-30T13:30, to: 2026-12-01T08:15, reason: Swap }
                escalation: [{ after: 15m, contact: ops }]
                """);
        assertEquals(
                List.of("services/api/rota.yaml:6:5: error: alice is Support Lead and Support Engineer from"
                        + " 2026-11-30 13:30 to 2026-12-01 08:15 [rota-distinct-roles]"),
                t.findings("rota-distinct-roles"));
    }

    @Test
    void anOverrideCanRemoveAClash() {
        String clash =
                """
                start: 2026-11-02T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [carol, bob, dave]
                escalation: [{ after: 15m, contact: ops }]
                """;
        var t = tree(clash + "overrides:\n"
                + "  - { role: engineer, person: dave, from: 2026-12-21T09:00, to: 2026-12-28T09:00 }\n"
                + "  - { role: lead, person: alice, from: 2027-02-01T09:00, to: 2027-02-08T09:00 }\n");
        assertEquals(List.of(), t.findings("rota-distinct-roles"));
    }

    @Test
    void handoffsKeepTheirLocalTimeAcrossDaylightSavingInLondon() {
        // Europe/London leaves summer time on 2026-10-25 and starts it on 2027-03-28
        var t = tree(
                """
                timezone: Europe/London
                start: 2026-03-23T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [alice, carol]
                escalation: [{ after: 15m, contact: ops }]
                """);
        List<String> f = t.findings("rota-distinct-roles");
        assertEquals(
                List.of(),
                f.stream()
                        .filter(x -> !x.contains(" 09:00 to ") || !x.endsWith("09:00 [rota-distinct-roles]"))
                        .toList());
        // 2027-03-22 09:00 GMT to 2027-03-29 09:00 BST: the span crosses the change and still says 09:00
        var schedule = RotaSchedule.expand(
                new dev.opsbook.load.TestRotas(dir).read(ROTA),
                java.time.ZoneId.of("Europe/London"),
                LocalDate.of(2027, 3, 20),
                2);
        Duty crossing = schedule.leads().stream()
                .filter(d -> d.from().toLocalDate().equals(LocalDate.of(2027, 3, 22)))
                .findFirst()
                .orElseThrow();
        assertEquals("2027-03-22T09:00Z[Europe/London]", crossing.from().toString());
        assertEquals("2027-03-29T09:00+01:00[Europe/London]", crossing.to().toString());
        assertEquals(
                167, java.time.Duration.between(crossing.from(), crossing.to()).toHours(), "one hour short");
    }

    @Test
    void handoffsKeepTheirLocalTimeAcrossDaylightSavingInNewYork() {
        // America/New_York leaves daylight time on 2026-11-01
        var rota = new dev.opsbook.load.TestRotas(dir)
                .parse(
                        """
                timezone: America/New_York
                start: 2026-10-26T08:30
                rotation: 1d
                lead: [judy, ken]
                engineer: [laura, judy]
                """);
        var schedule =
                RotaSchedule.expand(rota, java.time.ZoneId.of("America/New_York"), LocalDate.of(2026, 10, 31), 1);
        Duty d = schedule.leads().stream()
                .filter(x -> x.from().toLocalDate().equals(LocalDate.of(2026, 10, 31)))
                .findFirst()
                .orElseThrow();
        assertEquals("2026-10-31T08:30-04:00[America/New_York]", d.from().toString());
        assertEquals("2026-11-01T08:30-05:00[America/New_York]", d.to().toString());
        assertEquals(25, java.time.Duration.between(d.from(), d.to()).toHours());
        // each role in turn, independently: 2026-10-31 is shift 5, with lead[5 mod 2] and engineer[5 mod 2]
        assertEquals(
                "ken",
                schedule.at(dev.opsbook.model.Rota.Role.LEAD, d.from())
                        .orElseThrow()
                        .person());
        assertEquals(
                "judy",
                schedule.at(dev.opsbook.model.Rota.Role.ENGINEER, d.from())
                        .orElseThrow()
                        .person());
    }

    @Test
    void rotasInDifferentTimeZonesAreExpandedInTheirOwn() {
        var t = tree(
                """
                timezone: Asia/Tokyo
                start: 2026-11-02T09:00
                rotation: 1w
                lead: [alice, bob]
                engineer: [alice, carol]
                escalation: [{ after: 15m, contact: ops }]
                """);
        assertEquals(
                "services/api/rota.yaml:5:12: error: alice is Support Lead and Support Engineer from 2026-11-16 09:00"
                        + " to 2026-11-23 09:00 [rota-distinct-roles]",
                t.findings("rota-distinct-roles").get(0));
    }

    @Test
    void aBusinessHoursRotaThatStartsLateLeavesAGapOnlyInCoveredTime() {
        String rota =
                """
                start: %s
                rotation: 1w
                coverage: business-hours
                businessHours: { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:30" }
                lead: [alice, bob]
                engineer: [carol, dave]
                escalation: [{ after: 15m, contact: ops }]
                """;
        // as of Saturday 2026-11-21: a rota starting on Wednesday misses Monday and Tuesday
        var t = tree(rota.formatted("2026-11-25T09:00"));
        assertEquals(
                List.of("services/api/rota.yaml:1:1: error: nobody is on duty from 2026-11-23 09:00 until the rota"
                        + " starts at 2026-11-25 09:00 [rota-coverage-gap]"),
                t.findings("rota-coverage-gap"));
        // starting on Monday at 09:00 leaves only the weekend, which is not covered
        t.file(ROTA, rota.formatted("2026-11-23T09:00"));
        assertEquals(List.of(), t.findings("rota-coverage-gap"));
    }

    @Test
    void aHandbookWithOneClashFromTheListsAndOneFromAnOverrideGetsExactlyThoseTwo() {
        var t = tree(
                """
                timezone: Europe/London
                start: 2026-11-02T09:00
                rotation: 2w
                lead: [alice, bob, carol]
                engineer: [dave, carol]
                overrides:
                  - { role: lead, person: dave, from: 2026-11-24T18:00, to: 2026-11-25T07:30, reason: Night swap }
                escalation: [{ after: 15m, contact: ops }]
                """);
        // fortnightly: shift k has lead[k mod 3] and engineer[k mod 2], so the lists clash in shift 5 only
        // (2027-01-11: carol and carol); dave leading for a night of shift 1 clashes with nobody
        assertEquals(
                List.of(
                        "services/api/rota.yaml:5:18: error: carol is Support Lead and Support Engineer from 2027-01-11 09:00 to"
                                + " 2027-01-25 09:00 [rota-distinct-roles]"),
                t.findings("rota-distinct-roles"));
        t.file(
                ROTA,
                """
                timezone: Europe/London
                start: 2026-11-02T09:00
                rotation: 2w
                lead: [alice, bob, carol]
                engineer: [dave, carol]
                overrides:
                  - { role: lead, person: carol, from: 2026-11-24T18:00, to: 2026-11-25T07:30, reason: Night swap }
                escalation: [{ after: 15m, contact: ops }]
                """);
        // carol leading that night clashes with her own engineer shift: one more finding, at the override
        assertEquals(
                List.of(
                        "services/api/rota.yaml:5:18: error: carol is Support Lead and Support Engineer from 2027-01-11 09:00 to"
                                + " 2027-01-25 09:00 [rota-distinct-roles]",
                        "services/api/rota.yaml:7:5: error: carol is Support Lead and Support Engineer from 2026-11-24 18:00 to"
                                + " 2026-11-25 07:30 [rota-distinct-roles]"),
                t.findings("rota-distinct-roles"));
    }

    @Test
    void anHourlyRotaTwoYearsAheadHasEveryClashFoundAmongSeventeenThousandShiftsARole() {
        var t =
                tree("""
                timezone: UTC
                start: 2026-11-02T09:00
                rotation: 1h
                lead: [alice, bob]
                engineer: [bob, carol, alice]
                escalation: [{ after: 15m, contact: ops }]
                """)
                        .file("opsbook.yaml", "rotaHorizonWeeks: 104\n");
        // shift k: lead[k mod 2], engineer[k mod 3]; alice holds both when k = 2 (mod 6), bob when k = 3 (mod 6).
        // From shift 447 (2026-11-21 00:00) for 104 weeks: 17,472 shifts, a third of them clashes
        List<String> f = t.findings("rota-distinct-roles");
        assertEquals(17_472 / 3, f.size());
        assertEquals(
                true,
                f.contains("services/api/rota.yaml:5:12: error: bob is Support Lead and Support Engineer from"
                        + " 2026-11-21 00:00 to 2026-11-21 01:00 [rota-distinct-roles]"),
                f.get(0));
        assertEquals(
                true,
                f.contains("services/api/rota.yaml:5:24: error: alice is Support Lead and Support Engineer from"
                        + " 2028-11-17 23:00 to 2028-11-18 00:00 [rota-distinct-roles]"),
                f.get(f.size() - 1));
    }
}
