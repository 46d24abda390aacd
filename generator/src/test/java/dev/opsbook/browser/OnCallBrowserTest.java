package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ExampleHandbook;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** "Now" is the reader's clock: the same page, opened at simulated times, names who is on duty then. */
class OnCallBrowserTest {
    static Path site;
    Browser browser;

    @BeforeAll
    static void build() throws Exception {
        site = ExampleHandbook.shared().site();
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    /** Opens the on-call page with the page's clock set to {@code at}. */
    WebElement openAt(String at, String service) throws Exception {
        browser = new Browser(1280, 900);
        browser.fakeClock(ZonedDateTime.parse(at).toInstant());
        browser.open(site.resolve("oncall.html"));
        return browser.driver().findElement(By.cssSelector("[data-oncall-now=" + service + "]"));
    }

    static String person(WebElement box, String role) {
        return box.findElement(By.cssSelector("[data-role=" + role + "]")).getAttribute("data-person");
    }

    @Test
    void aWeekAfterTheBuildTheNextShiftIsOnDuty() throws Exception {
        WebElement pay = openAt("2026-11-24T10:00:00Z[Europe/London]", "payments-api");
        // shift 3 of the payments rota (from Monday 2026-11-23 09:00): alice leads, dave engineers
        assertEquals("alice", person(pay, "lead"));
        assertEquals("dave", person(pay, "engineer"));
        assertTrue(pay.getText().contains("Alice Moreno"), pay.getText());
        assertTrue(pay.getText().contains("24 Nov 2026") && pay.getText().contains("(Europe/London)"), pay.getText());
        assertEquals(
                List.of(), browser.console().stream().map(e -> e.getMessage()).toList());
    }

    @Test
    void aHandoffHappensAtItsLocalTime() throws Exception {
        WebElement before = openAt("2026-11-23T08:59:00Z[Europe/London]", "payments-api");
        assertEquals("carol", person(before, "lead"));
        browser.close();
        WebElement after = openAt("2026-11-23T09:00:00Z[Europe/London]", "payments-api");
        assertEquals("alice", person(after, "lead"));
    }

    @Test
    void anOverrideTakesEffectAtTheReadersClock() throws Exception {
        // 2026-12-24 09:00 to 2026-12-27 09:00: dave replaces the engineer of shift 7 (erin)
        WebElement pay = openAt("2026-12-25T15:00:00Z[Europe/London]", "payments-api");
        assertEquals("dave", person(pay, "engineer"));
    }

    @Test
    void outsideBusinessHoursNobodyIsOnDuty() throws Exception {
        WebElement routes = openAt("2026-11-25T23:00:00-05:00[America/New_York]", "route-planner");
        assertEquals("", person(routes, "lead"));
        assertTrue(routes.getText().contains("outside covered hours"), routes.getText());
        browser.close();
        routes = openAt("2026-11-25T10:00:00-05:00[America/New_York]", "route-planner");
        // Wednesday morning in New York: shift 3 of a rota starting 2026-11-02 08:30, so lead[1] and engineer[1]
        assertEquals("ken", person(routes, "lead"));
        assertEquals("laura", person(routes, "engineer"));
    }

    @Test
    void atThreeInTheMorningThePageSaysWhenCoverResumesAndWhoTakesIt() throws Exception {
        // Wednesday 03:00 in New York, outside route-planner's business hours (Mon–Fri 08:30–18:30)
        WebElement routes = openAt("2026-11-25T03:00:00-05:00[America/New_York]", "route-planner");
        assertEquals("", person(routes, "lead"));
        String when = routes.findElement(By.cssSelector("[data-oncall-when]")).getText();
        assertEquals(
                "Now, Wed, 25 Nov 2026, 03:00 (America/New_York) — outside covered hours (business hours, 08:30"
                        + " to 18:30); cover resumes Wed 25 Nov, 08:30",
                when);
        WebElement lead = routes.findElement(By.cssSelector("[data-role=lead]"));
        assertEquals("ken", lead.getAttribute("data-next"));
        assertEquals(
                "nobody on duty; from Wed 25 Nov, 08:30: Ken Mbeki",
                lead.findElement(By.cssSelector(".duty-who")).getText().replaceAll(" · .*", ""));
        assertEquals(
                "laura",
                routes.findElement(By.cssSelector("[data-role=engineer]")).getAttribute("data-next"));
    }

    @Test
    void inCoveredHoursThePageSaysUntilWhenAndWhoIsNext() throws Exception {
        // Friday 17:00 in New York: ken leads until the end of covered hours at 18:30
        WebElement routes = openAt("2026-11-27T17:00:00-05:00[America/New_York]", "route-planner");
        String lead =
                routes.findElement(By.cssSelector("[data-role=lead] .duty-who")).getText();
        assertTrue(lead.startsWith("Ken Mbeki") && lead.endsWith("— until Fri 27 Nov, 18:30"), lead);
        browser.close();
        // payments-api (24x7) on Sunday evening: carol leads until the handoff on Monday 09:00, then alice
        WebElement pay = openAt("2026-11-22T20:00:00Z[Europe/London]", "payments-api");
        String payLead =
                pay.findElement(By.cssSelector("[data-role=lead] .duty-who")).getText();
        assertTrue(payLead.contains("— until Mon 23 Nov, 09:00, then Alice Moreno"), payLead);
        assertEquals(
                "alice", pay.findElement(By.cssSelector("[data-role=lead]")).getAttribute("data-next"));
    }

    @Test
    void beyondTheHorizonThePageSaysToRebuild() throws Exception {
        WebElement pay = openAt("2027-06-01T12:00:00Z[Europe/London]", "payments-api");
        assertEquals("", person(pay, "lead"));
        assertTrue(pay.getText().contains("rebuild the handbook"), pay.getText());
    }

    @Test
    void pastTheSixWeeksAPageHoldsItSaysToRebuildWhileTheFeedGoesOn() throws Exception {
        // built as of 21 November 2026 with a horizon of 12 weeks: the pages hold six weeks, to 2 January
        WebElement before = openAt("2026-12-30T12:00:00Z[Europe/London]", "payments-api");
        assertTrue(
                !person(before, "lead").isEmpty() && !before.getText().contains("rebuild the handbook"),
                before.getText());
        WebElement after = openAt("2027-01-12T12:00:00Z[Europe/London]", "payments-api");
        assertEquals("", person(after, "lead"));
        assertTrue(after.getText().contains("rebuild the handbook"), after.getText());
        // the calendar feed holds the whole horizon
        String feed = java.nio.file.Files.readString(site.resolve("services/payments-api/oncall.ics"));
        assertTrue(feed.contains("DTSTART;TZID=Europe/London:20270111T"), "the feed goes on past the page's six weeks");
    }
}
