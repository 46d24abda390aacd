package dev.opsbook.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import dev.opsbook.load.TestRotas;
import dev.opsbook.model.Rota;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotas as support organisations run them: layers handing over between regions (each in its own zone), the
 * later layer holding shared hours, overnight hours, holidays with their cover, a shadow that never counts as
 * Lead or Engineer; and the distinct-roles and coverage-gap checks exact across all of it.
 */
class LayeredRotaTest {
    @TempDir
    Path dir;

    static final String ROTA = "services/api/rota.yaml";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    static final String TEAM = ContentTree.COMPLETE_TEAM
            + "  - { id: erin, name: Erin, phone: \"+44 20 7946 0005\" }\n"
            + "  - { id: frank, name: Frank, phone: \"+44 20 7946 0006\" }\n"
            + "  - { id: grace, name: Grace, phone: \"+44 20 7946 0007\" }\n";

    static final String EVERY_DAY = "days: [mon, tue, wed, thu, fri, sat, sun]";

    /** Three regions, each on duty eight hours of its own day: in November they hand over without a gap. */
    static final String FOLLOW_THE_SUN =
            """
            timezone: Europe/London
            coverage: 24x7
            rotation: 1w
            layers:
              - name: APAC
                timezone: Australia/Sydney
                start: 2026-11-02T10:00
                hours: { %1$s, from: "10:00", to: "18:00" }
                lead: [alice, bob]
                engineer: [bob, alice]
                shadow: [grace]
              - name: EMEA
                timezone: Europe/London
                start: 2026-11-02T07:00
                hours: { %1$s, from: "07:00", to: "15:00" }
                lead: [carol, dave]
                engineer: [dave, carol]
              - name: AMER
                timezone: America/New_York
                start: 2026-11-02T10:00
                hours: { %1$s, from: "10:00", to: "18:00" }
                lead: [erin, frank]
                engineer: [frank, erin]
            escalation: [{ after: 15m, contact: ops }]
            """
                    .formatted(EVERY_DAY);

    ContentTree tree(String rota) {
        return ContentTree.complete(dir).file("teams/ops.yaml", TEAM).file(ROTA, rota);
    }

    RotaSchedule schedule(String rota, int weeks) {
        Rota r = new TestRotas(dir).parse(rota);
        return RotaSchedule.expand(r, LONDON, AS_OF, weeks);
    }

    static ZonedDateTime utc(String t) {
        return ZonedDateTime.parse(t + "Z[UTC]");
    }

    static String who(RotaSchedule s, Rota.Role role, String t) {
        return s.at(role, utc(t)).map(d -> d.person() + "@" + d.layer()).orElse("nobody");
    }

    @Test
    void threeRegionsHandOverAtTheirOwnHoursExactlyToTheMinute() {
        RotaSchedule s = schedule(FOLLOW_THE_SUN, 12);
        // Monday 23 November, the fourth week of each layer (odd weeks: the second person of each list).
        // APAC 10:00–18:00 Sydney (UTC+11) is 23:00–07:00 UTC, EMEA 07:00–15:00 UTC, AMER 10:00–18:00 New York
        // (UTC-5) is 15:00–23:00 UTC
        assertEquals("bob@APAC", who(s, Rota.Role.LEAD, "2026-11-23T06:59"));
        assertEquals("alice@APAC", who(s, Rota.Role.ENGINEER, "2026-11-23T06:59"));
        assertEquals("dave@EMEA", who(s, Rota.Role.LEAD, "2026-11-23T07:00"));
        assertEquals("carol@EMEA", who(s, Rota.Role.ENGINEER, "2026-11-23T07:00"));
        assertEquals("dave@EMEA", who(s, Rota.Role.LEAD, "2026-11-23T14:59"));
        assertEquals("frank@AMER", who(s, Rota.Role.LEAD, "2026-11-23T15:00"));
        assertEquals("frank@AMER", who(s, Rota.Role.LEAD, "2026-11-23T22:59"));
        assertEquals("bob@APAC", who(s, Rota.Role.LEAD, "2026-11-23T23:00"));
        // the APAC duty that ends at the handoff ends there, in its own zone
        Duty apac = s.at(Rota.Role.LEAD, utc("2026-11-23T06:59")).orElseThrow();
        assertEquals(utc("2026-11-23T07:00").toInstant(), apac.to().toInstant());
        assertEquals(ZoneId.of("Australia/Sydney"), apac.to().getZone());
        // a shadow is on duty with APAC and is never Lead or Engineer
        assertEquals("grace@APAC", who(s, Rota.Role.SHADOW, "2026-11-23T06:59"));
        assertEquals("nobody", who(s, Rota.Role.SHADOW, "2026-11-23T07:00"));
        assertTrue(s.duties(Rota.Role.LEAD).stream().noneMatch(d -> d.person().equals("grace")));
        // and every minute of the 24x7 promise is held
        var t = tree(FOLLOW_THE_SUN);
        assertEquals(List.of(), t.findings("rota-coverage-gap"));
        assertEquals(List.of(), t.findings("rota-distinct-roles"));
    }

    @Test
    void regionsThatChangeToSummerTimeOnDifferentDatesLeaveGapsTheCheckFinds() {
        // New York changes on 14 March 2027, London on 28 March, Sydney (to winter time) on 4 April: the same
        // local hours then leave 22:00–23:00 UTC uncovered, and from 4 April 22:00–00:00 UTC
        var t = tree(FOLLOW_THE_SUN).file("opsbook.yaml", "rotaHorizonWeeks: 20\n");
        List<String> gaps = t.findings("rota-coverage-gap");
        // five listed, the last counting the rest: 14 gaps of an hour until London changes, 6 of an hour
        // (23:00–00:00 BST) until Sydney does, then 7 of two hours (23:00–01:00 BST) until the horizon, 10 April
        assertEquals(5, gaps.size(), gaps.toString());
        assertEquals(
                "services/api/rota.yaml:4:1: error: no layer is on duty from 2027-03-14 22:00 to 2027-03-14 23:00"
                        + " (Europe/London) (24x7 promised) [rota-coverage-gap]",
                gaps.get(0));
        assertEquals(
                "services/api/rota.yaml:4:1: error: no layer is on duty from 2027-03-18 22:00 to 2027-03-18 23:00"
                        + " (Europe/London) (24x7 promised); and 22 more such gaps before the horizon"
                        + " [rota-coverage-gap]",
                gaps.get(4));
        // with twelve weeks, none of it is in the horizon
        assertEquals(
                List.of(),
                tree(FOLLOW_THE_SUN)
                        .file("opsbook.yaml", "rotaHorizonWeeks: 12\n")
                        .findings("rota-coverage-gap"));
        // and the schedule agrees, to the minute, on either side of the change
        RotaSchedule s = schedule(FOLLOW_THE_SUN, 20);
        assertEquals("erin@AMER", who(s, Rota.Role.LEAD, "2027-03-13T22:59")); // week 18 of each layer
        assertEquals("alice@APAC", who(s, Rota.Role.LEAD, "2027-03-13T23:00"));
        assertEquals("nobody", who(s, Rota.Role.LEAD, "2027-03-14T22:00"));
        assertEquals("nobody", who(s, Rota.Role.LEAD, "2027-04-03T23:59"));
        assertEquals("bob@APAC", who(s, Rota.Role.LEAD, "2027-04-04T00:00")); // week 21
    }

    @Test
    void aLaterLayerHoldsTheHoursItSharesWithAnEarlierOneAndAnOvernightLayerRunsPastMidnight() {
        String rota =
                """
                timezone: UTC
                coverage: 24x7
                start: 2026-11-02T00:00
                rotation: 1w
                layers:
                  - name: day
                    hours: { %1$s, from: "08:00", to: "20:00" }
                    lead: [alice, bob]
                    engineer: [carol, dave]
                  - name: lunch
                    hours: { %1$s, from: "12:00", to: "13:00" }
                    lead: [erin, erin]
                    engineer: [frank, frank]
                  - name: night
                    hours: { %1$s, from: "20:00", to: "08:00" }
                    lead: [bob, alice]
                    engineer: [dave, carol]
                escalation: [{ after: 15m, contact: ops }]
                """
                        .formatted(EVERY_DAY);
        RotaSchedule s = schedule(rota, 4);
        assertEquals("bob@day", who(s, Rota.Role.LEAD, "2026-11-23T11:59"));
        assertEquals("erin@lunch", who(s, Rota.Role.LEAD, "2026-11-23T12:00"));
        assertEquals("frank@lunch", who(s, Rota.Role.ENGINEER, "2026-11-23T12:59"));
        assertEquals("bob@day", who(s, Rota.Role.LEAD, "2026-11-23T13:00"));
        Duty night = s.at(Rota.Role.LEAD, utc("2026-11-23T23:00")).orElseThrow();
        assertEquals("alice", night.person());
        assertEquals(utc("2026-11-23T20:00").toInstant(), night.from().toInstant());
        assertEquals(utc("2026-11-24T08:00").toInstant(), night.to().toInstant(), "20:00 to 08:00 the next day");
        var t = tree(rota);
        assertEquals(List.of(), t.findings("rota-coverage-gap"));
        assertEquals(List.of(), t.findings("rota-distinct-roles"));
    }

    static final String HOLIDAYS =
            """
            timezone: UTC
            coverage: 24x7
            start: 2026-11-02T00:00
            rotation: 1w
            layers:
              - name: day
                hours: { %1$s, from: "08:00", to: "20:00" }
                lead: [alice, bob]
                engineer: [carol, dave]
                holidays:
                  days:
                    - { date: 2026-12-25, name: Christmas Day, lead: erin, engineer: frank }
                    - { date: 2026-12-26, name: Boxing Day }
              - name: night
                hours: { %1$s, from: "20:00", to: "08:00" }
                lead: [bob, alice]
                engineer: [dave, carol]
            escalation: [{ after: 15m, contact: ops }]
            """
                    .formatted(EVERY_DAY);

    @Test
    void aHolidayIsHeldByItsCoverAndOneWithoutCoverIsAGap() {
        RotaSchedule s = schedule(HOLIDAYS, 12);
        Duty christmas = s.at(Rota.Role.LEAD, utc("2026-12-25T10:00")).orElseThrow();
        assertEquals("erin", christmas.person());
        assertEquals("Christmas Day", christmas.holiday());
        assertEquals("frank@day", who(s, Rota.Role.ENGINEER, "2026-12-25T19:59"));
        // the night layer keeps its people on Christmas night: the holiday is the day layer's
        assertEquals("alice@night", who(s, Rota.Role.LEAD, "2026-12-25T20:00"));
        assertEquals("nobody", who(s, Rota.Role.LEAD, "2026-12-26T08:00"));
        assertEquals(
                List.of("services/api/rota.yaml:5:1: error: no layer is on duty from 2026-12-26 08:00 to 2026-12-26"
                        + " 20:00 (UTC) (24x7 promised) [rota-coverage-gap]"),
                tree(HOLIDAYS).findings("rota-coverage-gap"));
    }

    @Test
    void holidayCoverThatMeetsTheEngineerOnDutyIsAClashAtTheCover() {
        // in the week of 21 December the day layer's Engineer is dave (week 7 of [carol, dave])
        String rota = HOLIDAYS.replace("lead: erin, engineer: frank", "lead: dave")
                .replace("        - { date: 2026-12-26, name: Boxing Day }\n", "");
        List<String> f = tree(rota).findings("rota-distinct-roles");
        assertEquals(1, f.size(), f.toString());
        assertTrue(
                f.get(0)
                        .equals(
                                "services/api/rota.yaml:12:58: error: dave is Support Lead and Support Engineer"
                                        + " from 2026-12-25 08:00 to 2026-12-25 20:00 (layer 'day', UTC), as cover for Christmas Day [rota-distinct-roles]"),
                f.get(0));
    }

    @Test
    void aClashInsideALayerNamesTheLayer() {
        // EMEA's two lists in one order: the same person holds both roles every week, in EMEA's hours each day
        String rota = FOLLOW_THE_SUN.replace("engineer: [dave, carol]", "engineer: [carol, dave]");
        List<String> f = tree(rota).findings("rota-distinct-roles");
        assertEquals(
                "services/api/rota.yaml:17:16: error: carol is Support Lead and Support Engineer from 2026-11-16 07:00"
                        + " to 2026-11-16 15:00 (layer 'EMEA', Europe/London) [rota-distinct-roles]",
                f.get(0));
        // every day from the shift in progress on 21 November (the week of 16 November) to the horizon, 13 February: 89
        // days
        assertEquals(89, f.size(), f.toString());
        assertTrue(f.stream().allMatch(x -> x.contains("(layer 'EMEA', Europe/London)")), f.toString());
    }

    @Test
    void aShadowIsNeverLeadOrEngineerAndNeverOnDutyAsOneOfThemAtOnce() {
        // a shadow alone holds no role: AMER without an Engineer is a gap though it has a shadow
        String alone = FOLLOW_THE_SUN.replace("    engineer: [frank, erin]\n", "    shadow: [grace]\n");
        List<String> gap = tree(alone).findings("rota-coverage-gap");
        assertEquals(1, gap.size(), gap.toString());
        assertTrue(gap.get(0).contains("layer 'AMER' names no Support Engineer: its hours are a gap"), gap.get(0));
        // a shadow who is Lead or Engineer at the same hours learns from nobody: a clash, naming both
        String both = FOLLOW_THE_SUN.replace("shadow: [grace]", "shadow: [alice]");
        List<String> f = tree(both).findings("rota-distinct-roles");
        assertTrue(!f.isEmpty());
        assertTrue(
                f.stream()
                        .allMatch(x -> x.contains("alice is Shadow and Support Lead")
                                || x.contains("alice is Shadow and Support Engineer")),
                f.toString());
        assertTrue(f.stream().allMatch(x -> x.contains("(layer 'APAC', Europe/London)")), f.toString());
    }

    @Test
    void aLayerWithoutALeadLeavesItsHoursAGapNamingTheLayer() {
        String rota = FOLLOW_THE_SUN.replace("    lead: [erin, frank]\n", "");
        List<String> f = tree(rota).findings("rota-coverage-gap");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("layer 'AMER' names no Support Lead: its hours are a gap"), f.get(0));
    }
}
