package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsbook.BuildRequest;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The example's follow-the-sun rota (rotas/follow-the-sun.yaml, shared by ledger and notifications), read with
 * a faked clock on every page that has its box (the runbook, the service, the team and the on-call page): at
 * 03:00, at a handoff between regions, on Christmas Day (holiday cover), and across a daylight-saving change.
 * What the box says is asserted exactly.
 */
class FollowTheSunBrowserTest {
    static Path site;
    Browser browser;

    /** The pages with ledger's box, and notifications'. */
    static final List<String> LEDGER_PAGES = List.of(
            "services/ledger/runbooks/failover.html",
            "services/ledger/index.html",
            "teams/payments.html",
            "oncall.html");

    static final List<String> NOTIFICATIONS_PAGES =
            List.of("services/notifications/index.html", "teams/platform.html", "oncall.html");

    @BeforeAll
    static void build() throws Exception {
        site = ExampleHandbook.shared().site();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** What the box of {@code service} on {@code page} of {@code in} says at {@code at}: when, and each role. */
    String box(Path in, String page, String service, String at) throws Exception {
        if (browser == null) {
            browser = new Browser(1280, 900);
        }
        // the clock is set before the page's own script runs: each open is a new document
        browser.fakeClock(ZonedDateTime.parse(at).toInstant());
        browser.open(in.resolve(page));
        WebElement box = browser.driver().findElement(By.cssSelector("[data-oncall-now=" + service + "]"));
        StringBuilder out = new StringBuilder(
                box.findElement(By.cssSelector("[data-oncall-when]")).getText());
        for (WebElement duty : box.findElements(By.cssSelector(".duty"))) {
            out.append("\n")
                    // the role as written (the style sheet shows it in capitals)
                    .append(duty.findElement(By.cssSelector(".duty-role"))
                            .getAttribute("textContent")
                            .strip())
                    .append(": ")
                    .append(duty.findElement(By.cssSelector(".duty-who")).getText());
        }
        return out.toString();
    }

    void assertEveryPage(List<String> pages, String service, String at, String expected) throws Exception {
        assertEveryPage(site, pages, service, at, expected);
    }

    void assertEveryPage(Path in, List<String> pages, String service, String at, String expected) throws Exception {
        for (String page : pages) {
            assertEquals(expected, box(in, page, service, at), page + " at " + at);
        }
    }

    @Test
    void atThreeInTheMorningInLondonSydneyIsOnDutyWithItsShadow() throws Exception {
        // Wednesday 25 November 03:00 GMT is 14:00 in Sydney: APAC's week 3 (from Monday 23 November 10:00
        // Sydney), lead [oscar, priya] and engineer [priya, oscar] taken in turn, so priya leads and oscar
        // engineers; quinn shadows; at 07:00 London takes over: EMEA's week 3, alice and erin
        String expected =
                """
                Now, Wed, 25 Nov 2026, 03:00 (Europe/London); APAC layer
                Support Lead: Priya Raman · +61 2 5550 0412 — until Wed 25 Nov, 07:00, then Alice Moreno · +44 20 7946 0101 (EMEA)
                Support Engineer: Oscar Tan · +61 2 5550 0411 — until Wed 25 Nov, 07:00, then Erin Walsh · +353 1 555 0105 (EMEA)
                Shadow: Quinn Walker — until Wed 25 Nov, 07:00""";
        assertEveryPage(LEDGER_PAGES, "ledger", "2026-11-25T03:00:00Z[Europe/London]", expected);
        assertEveryPage(NOTIFICATIONS_PAGES, "notifications", "2026-11-25T03:00:00Z[Europe/London]", expected);
    }

    @Test
    void atTheHandoffFromLondonToNewYorkTheBoxChangesOnTheMinute() throws Exception {
        // 15:00 GMT is 10:00 in New York: AMER's week 3, lead [judy, ken] and engineer [laura, judy]: ken, judy
        String before =
                """
                Now, Wed, 25 Nov 2026, 14:59 (Europe/London); EMEA layer
                Support Lead: Alice Moreno · +44 20 7946 0101 — until Wed 25 Nov, 15:00, then Ken Mbeki · +1 212 555 0302 (AMER)
                Support Engineer: Erin Walsh · +353 1 555 0105 — until Wed 25 Nov, 15:00, then Judy Nakamura · +1 212 555 0301 (AMER)
                Shadow: none at this hour""";
        String after =
                """
                Now, Wed, 25 Nov 2026, 15:00 (Europe/London); AMER layer
                Support Lead: Ken Mbeki · +1 212 555 0302 — until Wed 25 Nov, 23:00, then Priya Raman · +61 2 5550 0412 (APAC)
                Support Engineer: Judy Nakamura · +1 212 555 0301 — until Wed 25 Nov, 23:00, then Oscar Tan · +61 2 5550 0411 (APAC)
                Shadow: none at this hour""";
        assertEveryPage(LEDGER_PAGES, "ledger", "2026-11-25T14:59:00Z[Europe/London]", before);
        assertEveryPage(LEDGER_PAGES, "ledger", "2026-11-25T15:00:00Z[Europe/London]", after);
    }

    @Test
    void onChristmasDayTheHolidayCoverIsOnDutyInLondonsHours() throws Exception {
        // England's calendar (holidays/england-2026-27.ics) has Christmas Day: EMEA's hours are bob's and mike's
        String expected =
                """
                Now, Fri, 25 Dec 2026, 10:00 (Europe/London); EMEA layer; Christmas Day, holiday cover
                Support Lead: Bob Okafor · +44 20 7946 0102 — until Fri 25 Dec, 15:00, then Ken Mbeki · +1 212 555 0302 (AMER)
                Support Engineer: Mike Osei · +44 20 7946 0402 — until Fri 25 Dec, 15:00, then Judy Nakamura · +1 212 555 0301 (AMER)
                Shadow: none at this hour""";
        assertEveryPage(LEDGER_PAGES, "ledger", "2026-12-25T10:00:00Z[Europe/London]", expected);
    }

    @Test
    void acrossTheSpringChangesTheRegionsDriftApartAndTheBoxSaysWhenCoverResumes(@TempDir Path tmp) throws Exception {
        // (cover resumes at 23:00 with Sydney's Monday 10:00: APAC's week 19, priya and oscar)
        // the example as of 8 March 2027: New York moves to summer time on 14 March, London on 28 March, so
        // New York's 18:00 is 22:00 GMT, an hour before Sydney's 10:00 (23:00 GMT); check reports the gap
        Path content = tmp.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        Path spring = tmp.resolve("site");
        var result =
                new Opsbook(1).build(new BuildRequest(content, spring, LocalDate.of(2027, 3, 8), null, true, null));
        assertEquals(
                "rotas/follow-the-sun.yaml:6:1: error: no layer is on duty from 2027-03-14 22:00 to 2027-03-14 23:00"
                        + " (Europe/London) (24x7 promised) [rota-coverage-gap]",
                result.findings().stream()
                        .filter(f -> f.rule().equals("rota-coverage-gap"))
                        .map(f -> f.format())
                        .findFirst()
                        .orElseThrow());
        assertEveryPage(
                spring,
                LEDGER_PAGES,
                "ledger",
                "2027-03-14T22:30:00Z[Europe/London]",
                """
                Now, Sun, 14 Mar 2027, 22:30 (Europe/London) — outside covered hours (24x7, by 3 layers); cover resumes Sun 14 Mar, 23:00
                Support Lead: nobody on duty; from Sun 14 Mar, 23:00: Priya Raman · +61 2 5550 0412
                Support Engineer: nobody on duty; from Sun 14 Mar, 23:00: Oscar Tan · +61 2 5550 0411
                Shadow: none at this hour""");
        // after London's change, on the morning of Monday 29 March, London takes over at 07:00 BST (06:00 UTC):
        // EMEA's week 21, alice and erin; New York at 15:00 BST (10:00 EDT), AMER's week 21, ken and judy
        assertEveryPage(
                spring,
                List.of("oncall.html"),
                "ledger",
                "2027-03-29T06:00:00Z[Europe/London]",
                """
                Now, Mon, 29 Mar 2027, 07:00 (Europe/London); EMEA layer
                Support Lead: Alice Moreno · +44 20 7946 0101 — until Mon 29 Mar, 15:00, then Ken Mbeki · +1 212 555 0302 (AMER)
                Support Engineer: Erin Walsh · +353 1 555 0105 — until Mon 29 Mar, 15:00, then Judy Nakamura · +1 212 555 0301 (AMER)
                Shadow: none at this hour""");
    }
}
