package dev.opsbook.rota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import dev.opsbook.check.RuleResult;
import dev.opsbook.check.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who did how much: hours on duty, nights, weekends and holidays per person, on oncall-hours.html and in
 * oncall-hours.csv, worked out by hand here; and rota-oncall-limit, a limit per person whose excess is a finding.
 */
class OnCallHoursTest {
    @TempDir
    Path dir;

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    // the complete handbook's rota: weekly from Monday 2 November 09:00 (London), lead [alice, bob], engineer
    // [carol, dave], 24x7. Alice leads the even weeks. Over the horizon, 21 November 00:00 to 13 February 00:00:
    //   21 Nov 00:00 – 23 Nov 09:00 (the end of week 2): 57 h, nights 7 + 9 + 9 = 25 h, Saturday and Sunday 48 h
    //   weeks 4, 6, 8, 10, 12 whole: 5 × 168 = 840 h, nights 5 × 7 × 9 = 315 h, weekends 5 × 48 = 240 h
    //   8 Feb 09:00 – 13 Feb 00:00 (week 14, cut at the horizon): 111 h, nights 4 × 9 + 2 = 38 h, no weekend
    // in all 1,008 h, 378 h of nights, 288 h of weekends; London keeps GMT all the while
    static final String ALICE_AHEAD =
            "alice,Alice,Operations,horizon,2026-11-21,2027-02-13,1008.00,378.00,288.00,0.00,0.00,API";

    Path build(ContentTree t) throws Exception {
        Path site = dir.resolve("site");
        new Opsbook(1).build(BuildRequest.build(t.root(), site).withAsOf(AS_OF));
        return site;
    }

    @Test
    void theCsvGivesEachPersonsHoursOverTheLast90DaysAndTheHorizonAsWorkedOutByHand() throws Exception {
        Path site = build(ContentTree.complete(dir.resolve("content")));
        List<String> rows = List.of(Files.readString(site.resolve("oncall-hours.csv"), StandardCharsets.UTF_8)
                .split("\r\n"));
        assertEquals(
                "person,name,team,period,from,to,hours_on_duty,night_hours,weekend_hours,holiday_hours,shadow_hours,rotas",
                rows.get(0));
        assertTrue(rows.contains(ALICE_AHEAD), rows.toString());
        // the last 90 days, 23 August to 21 November, from the rota's start, 2 November 09:00: alice led week 0
        // (2–9 November) and week 2 until 21 November 00:00, 168 + 111 = 279 h
        assertTrue(
                rows.stream()
                        .anyMatch(
                                r -> r.startsWith("alice,Alice,Operations,last-90-days,2026-08-23,2026-11-21,279.00,")),
                rows.toString());
        // everyone on the rota, two periods each
        assertEquals(1 + 4 * 2, rows.size(), rows.toString());
        // the page says the same
        Document page = Jsoup.parse(site.resolve("oncall-hours.html").toFile(), "UTF-8");
        assertTrue(page.text().contains("1008.00"), page.text());
        assertTrue(page.select("a[href=oncall-hours.csv]").size() > 0, "the page links its CSV");
    }

    @Test
    void theExamplesFollowTheSunRotaCountsEachRegionInItsOwnDayTheShadowApartAndTheHolidayCover() throws Exception {
        Path site = dev.opsbook.ExampleHandbook.shared().site();
        List<String> rows = List.of(Files.readString(site.resolve("oncall-hours.csv"), StandardCharsets.UTF_8)
                .split("\r\n"));
        // APAC, 10:00–18:00 Sydney: oscar leads one week and engineers the next, so 8 h every day of the 84, none
        // of it at night in Sydney, 24 weekend days; the shared rota is one, named by both its services
        assertTrue(
                rows.contains("oscar,Oscar Tan,Platform,horizon,2026-11-21,2027-02-13,672.00,0.00,192.00,0.00,0.00,"
                        + "\"Ledger, Notifications\""),
                rows.toString());
        // quinn shadows APAC every day: shadow hours only
        assertTrue(
                rows.contains("quinn,Quinn Walker,Platform,horizon,2026-11-21,2027-02-13,0.00,0.00,0.00,0.00,672.00,"
                        + "\"Ledger, Notifications\""),
                rows.toString());
        // mike covers London's hours on Christmas Day, the Boxing Day substitute and New Year's Day: 3 × 8 h
        assertTrue(
                rows.contains("mike,Mike Osei,Platform,horizon,2026-11-21,2027-02-13,24.00,0.00,0.00,24.00,0.00,"
                        + "\"Ledger, Notifications\""),
                rows.toString());
    }

    @Test
    void aNameThatLooksLikeAFormulaStaysTextInTheCsv() throws Exception {
        var t = ContentTree.complete(dir.resolve("content"))
                .file(
                        "teams/ops.yaml",
                        ContentTree.COMPLETE_TEAM.replace(
                                "{ id: alice, name: Alice,", "{ id: alice, name: \"=HYPERLINK(\\\"x\\\")\","));
        String csv = Files.readString(build(t).resolve("oncall-hours.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("alice,\"'=HYPERLINK(\"\"x\"\")\",Operations,horizon,"), csv);
    }

    @Test
    void aLimitPerPersonWhoseExcessIsAFindingPerBlockAndPerson() {
        // every four-week block from 21 November holds 672 h of each role, half of it each person's: 336 h
        var t = ContentTree.complete(dir.resolve("content"))
                .file("opsbook.yaml", "checks:\n  rota-oncall-limit: { maxHours: 330, per: 4w }\n");
        List<String> f = t.findings("rota-oncall-limit");
        assertEquals(4 * 3, f.size(), f.toString());
        assertEquals(
                "services/api/rota.yaml:3:8: warning: Alice (alice) is on duty 336.00 h from 2026-11-21 to 2026-12-19"
                        + " over every rota (336.00 h for 'api'), more than the limit of 330.00 h [rota-oncall-limit]",
                f.get(0));
        RuleResult r = t.result()
                .assessment()
                .services()
                .get(0)
                .result("rota-oncall-limit")
                .orElseThrow();
        assertEquals(Status.FAIL, r.status());
        assertEquals("documented", t.result().assessment().services().get(0).level(), "a rule of supportable fails");
        // exactly the limit is not over it
        t.file("opsbook.yaml", "checks:\n  rota-oncall-limit: { maxHours: 336, per: 4w }\n");
        assertEquals(List.of(), t.findings("rota-oncall-limit"));
        // and without a limit there is nothing to judge
        t.file("opsbook.yaml", "title: T\n");
        assertEquals(
                Status.PASS,
                t.result()
                        .assessment()
                        .services()
                        .get(0)
                        .result("rota-oncall-limit")
                        .orElseThrow()
                        .status());
    }

    @Test
    void aLimitThatCannotBeReadIsOneFindingAtItsKey() {
        var t = ContentTree.complete(dir.resolve("content"))
                .file("opsbook.yaml", "checks:\n  rota-oncall-limit: { maxHours: lots, per: 4w }\n");
        List<String> f = t.findings("schema");
        assertEquals(1, f.size(), f.toString());
        assertTrue(
                f.get(0).equals("opsbook.yaml:2:34: error: 'maxHours' must be a whole number, found 'lots' [schema]"),
                f.get(0));
    }
}
