package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-call page, boxes and calendar feeds of the example handbook, as built (before any script runs). */
class OnCallTest {
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = ExampleHandbook.shared().site();
    }

    static Document page(String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theOnCallPageHasTheHooksOfTheContract() throws Exception {
        Document oncall = page("oncall.html");
        assertEquals(6, oncall.select("[data-oncall-now]").size());
        var pay = oncall.selectFirst("[data-oncall-now=payments-api]");
        // noon of the as-of date, Saturday 2026-11-21: shift 2 of the payments rota
        assertEquals("carol", pay.selectFirst("[data-role=lead]").attr("data-person"));
        assertEquals("bob", pay.selectFirst("[data-role=engineer]").attr("data-person"));
        var routes = oncall.selectFirst("[data-oncall-now=route-planner]");
        assertEquals(
                "", routes.selectFirst("[data-role=lead]").attr("data-person"), "business hours: nobody on Saturday");
        assertTrue(
                pay.parent()
                        .text()
                        .contains(
                                "Escalate if not acknowledged: after 15m → Carol Lindqvist · +46 8 555 010 03; after 1h"
                                        + " → Payments"),
                pay.parent().text());
        assertEquals(
                "tel:+468555" + "01003",
                pay.parent().selectFirst(".escalation-line a[href^=tel:]").attr("href"),
                "the escalation contact's number, one tap away");
    }

    @Test
    void outsideCoveredHoursARunbookSaysWhatItsSeverityCallsFor() throws Exception {
        // route-planner covers business hours and has no out-of-hours on-call: a P2 is to be paged, so escalate
        Document p2 = page("services/route-planner/runbooks/optimiser-backlog.html");
        assertEquals(
                "Outside covered hours, a P2 is to be paged, but this rota has no out-of-hours on-call: escalate as"
                        + " below.",
                p2.selectFirst(".oncall-route").text());
        // a P3 waits for the next business day
        Document p3 = page("services/route-planner/runbooks/map-data-refresh-failed.html");
        assertEquals(
                "Outside covered hours, a P3 waits for the next business day, when cover resumes.",
                p3.selectFirst(".oncall-route").text());
        // a 24x7 rota has no outside
        assertTrue(page("services/payments-api/runbooks/high-error-rate.html")
                .select(".oncall-route")
                .isEmpty());
    }

    @Test
    void serviceRunbookAndTeamPagesSayWhomToCall() throws Exception {
        for (String p : List.of(
                "services/payments-api/index.html",
                "services/payments-api/runbooks/high-error-rate.html",
                "teams/payments.html")) {
            var box = page(p).selectFirst("[data-oncall-now=payments-api]");
            assertEquals("carol", box.selectFirst("[data-role=lead]").attr("data-person"), p);
            assertTrue(box.text().contains("+46 8 555 010 03"), p + ": " + box.text());
            assertFalse(page(p).select("script#oncall-data").isEmpty(), p + " embeds the schedule");
        }
    }

    @Test
    void phoneNumbersStayOutWhenContactDetailsAreOff(@TempDir Path tmp) throws Exception {
        var tree = ContentTree.complete(tmp.resolve("content"))
                .file("opsbook.yaml", "showContactDetails: false\n")
                .file(
                        "teams/ops.yaml",
                        "name: Ops\nmembers:\n  - { id: alice, name: Alice, phone: \"+44 1\" }\n"
                                + "  - { id: bob, name: Bob, phone: \"+44 2\" }\n  - { id: carol, name: Carol, phone: \"+44 3\" }\n"
                                + "  - { id: dave, name: Dave, phone: \"+44 4\" }\n");
        new Opsbook().build(BuildRequest.build(tree.root(), tmp.resolve("site")).withAsOf(LocalDate.of(2026, 11, 21)));
        try (var files = Files.walk(tmp.resolve("site"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).contains("+44 "), p + " shows a phone number");
            }
        }
    }

    @Test
    void calendarFeedsParseBackWithOneEventPerShiftAndRole() throws Exception {
        Calendar cal;
        try (var in = new FileInputStream(
                site.resolve("services/payments-api/oncall.ics").toFile())) {
            cal = new CalendarBuilder().build(in);
        }
        List<VEvent> events = cal.getComponents("VEVENT");
        // 13 weekly shifts from the one in progress (2026-11-16) to the horizon, two roles, plus the override's cut
        assertEquals(28, events.size());
        Set<String> uids = new HashSet<>();
        for (VEvent e : events) {
            assertTrue(uids.add(e.getUid().orElseThrow().getValue()), "UIDs are unique");
            assertEquals("20261121T000000Z", e.getDateTimeStamp().getValue(), "no build timestamp");
            assertEquals(
                    "Europe/London",
                    e.getDateTimeStart().getParameter("TZID").orElseThrow().getValue());
        }
        VEvent first = events.stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals("payments-api-lead-20261116T090000Z@opsbook"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "Support Lead: Carol Lindqvist (Payments API)",
                first.getSummary().getValue());
        ZonedDateTime start = (ZonedDateTime) first.getDateTimeStart().getDate();
        assertEquals("2026-11-16T09:00Z", start.toOffsetDateTime().toString());
        assertFalse(cal.getComponents("VTIMEZONE").isEmpty(), "a real time zone, defined in the feed");
        // the zone is defined for the span the feed covers only, not every rule since 1847
        String text = Files.readString(site.resolve("services/payments-api/oncall.ics"));
        String zone = text.substring(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VTIMEZONE"));
        assertTrue(zone.lines().count() < 20 && !zone.contains("1847") && !zone.contains("RDATE"), zone);
        assertTrue(zone.contains("TZOFFSETTO:+0000") && zone.contains("DTSTART:20261115T"), zone);
        // subscribers are told how often to fetch it again (RFC 7986, and the older X-PUBLISHED-TTL)
        assertEquals("PT6H", cal.getProperty("REFRESH-INTERVAL").orElseThrow().getValue());
        assertEquals(
                "DURATION",
                cal.getProperty("REFRESH-INTERVAL")
                        .orElseThrow()
                        .getParameter("VALUE")
                        .orElseThrow()
                        .getValue());
        assertEquals("PT6H", cal.getProperty("X-PUBLISHED-TTL").orElseThrow().getValue());
    }

    @Test
    void eachPersonsFeedHoldsTheirShiftsFromEveryRotaAndNoOthers() throws Exception {
        // the shifts of the service feeds, by the person in their summary, against each person's own feed,
        // where a shared rota's shift is one event naming every service it serves
        java.util.Map<String, java.util.Map<String, java.util.Set<String>>> fromServices = new java.util.TreeMap<>();
        try (var feeds = Files.list(site.resolve("services"))) {
            for (Path folder : feeds.toList()) {
                Path feed = folder.resolve("oncall.ics");
                if (Files.isRegularFile(feed)) {
                    shifts(feed, fromServices);
                }
            }
        }
        java.util.Map<String, java.util.Map<String, java.util.Set<String>>> ownFeeds = new java.util.TreeMap<>();
        try (var feeds = Files.list(site.resolve("people"))) {
            for (Path feed : feeds.filter(f -> f.toString().endsWith(".ics")).toList()) {
                java.util.Map<String, java.util.Map<String, java.util.Set<String>>> one = new java.util.TreeMap<>();
                shifts(feed, one);
                assertEquals(1, one.size(), feed + " is one person's: " + one.keySet());
                ownFeeds.putAll(one);
            }
        }
        assertEquals(fromServices.keySet(), ownFeeds.keySet());
        fromServices.forEach((who, shifts) -> assertEquals(shifts, ownFeeds.get(who), who));
        // someone on two rotas gets both in one feed
        assertTrue(ownFeeds.get("Bob Okafor").values().stream().distinct().count() > 1);
        // a shift of the shared rota is one event that names both services
        assertTrue(ownFeeds.get("Bob Okafor").containsValue(java.util.Set.of("Ledger", "Notifications")));
    }

    /**
     * The shifts of a feed, by person: role, span and what follows the services in the title, to the services
     * the shift is for (an event's title is "Role (layer): Person (Service, Service), holiday").
     */
    private static void shifts(Path feed, java.util.Map<String, java.util.Map<String, java.util.Set<String>>> into)
            throws Exception {
        Calendar cal;
        try (var in = new FileInputStream(feed.toFile())) {
            cal = new CalendarBuilder().build(in);
        }
        for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
            String summary = e.getSummary().getValue();
            String role = summary.substring(0, summary.indexOf(": "));
            String rest = summary.substring(summary.indexOf(": ") + 2);
            String who = rest.substring(0, rest.indexOf(" ("));
            String services = rest.substring(rest.indexOf(" (") + 2, rest.indexOf(')'));
            String key = role + " " + e.getDateTimeStart().getValue() + "/"
                    + e.getDateTimeEnd().getValue() + rest.substring(rest.indexOf(')') + 1);
            into.computeIfAbsent(who, k -> new java.util.TreeMap<>())
                    .computeIfAbsent(key, k -> new java.util.TreeSet<>())
                    .addAll(List.of(services.split(", ")));
        }
    }

    /** The feed of a handbook whose one rota (weekly, four people) is in {@code zone} from {@code start}. */
    private static Path rotaFeed(Path tmp, String zone, String start, LocalDate asOf) throws Exception {
        var tree = ContentTree.complete(tmp.resolve("content"))
                .file(
                        "services/api/rota.yaml",
                        "timezone: " + zone + "\nstart: " + start + "\nrotation: 1w\nlead: [alice, bob]\n"
                                + "engineer: [carol, dave]\nescalation: [{ after: 15m, contact: ops }]\n");
        new Opsbook().build(BuildRequest.build(tree.root(), tmp.resolve("site")).withAsOf(asOf));
        return tmp.resolve("site/services/api/oncall.ics");
    }

    @Test
    void handoffsInTheFeedKeepLocalTimeAcrossDaylightSaving(@TempDir Path tmp) throws Exception {
        Path feed = rotaFeed(tmp, "America/New_York", "2026-10-26T08:30", LocalDate.of(2026, 10, 27));
        Calendar cal;
        try (var in = new FileInputStream(feed.toFile())) {
            cal = new CalendarBuilder().build(in);
        }
        VEvent crossing = cal.<VEvent>getComponents("VEVENT").stream()
                .filter(e -> e.getUid().orElseThrow().getValue().equals("api-lead-20261026T123000Z@opsbook"))
                .findFirst()
                .orElseThrow();
        assertEquals("20261026T083000", crossing.getDateTimeStart().getValue());
        assertEquals("20261102T083000", crossing.getDateTimeEnd().getValue(), "08:30 after the clocks go back");
        // the feed's own definition of the zone has that change (2026-11-01 02:00 EDT → EST), as a reader
        // without a zone database of its own needs it, and nothing from before the feed
        String text = Files.readString(feed);
        String zone = text.substring(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VTIMEZONE"));
        assertTrue(
                zone.replace("\r\n", "\n")
                        .contains("BEGIN:STANDARD\nTZNAME:EST\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\n"
                                + "DTSTART:20261101T020000\nEND:STANDARD"),
                zone);
        assertFalse(zone.contains("DTSTART:2025"), zone);
        assertTrue(Files.isRegularFile(tmp.resolve("site/people/alice.ics")));
        String alice = Files.readString(tmp.resolve("site/people/alice.ics"));
        assertFalse(alice.contains("Carol"), "a person's feed holds their own shifts only");
        assertTrue(page2(tmp.resolve("site/teams/ops.html"))
                        .select("a[href=../people/alice.ics]")
                        .size()
                == 1);
    }

    @Test
    void everyTimeZoneAFeedNamesItDefinesUnderThatName() throws Exception {
        // fraud-check's rota is in Europe/Stockholm, which the time zone database (and ical4j) keeps as a
        // link to Europe/Berlin: the definition must still be there under the name the events use
        List<Path> feeds;
        try (var files = Files.walk(site)) {
            // the feeds opsbook writes; a holiday calendar of the content is published as it was written
            feeds = files.filter(f -> f.toString().endsWith(".ics") && !f.startsWith(site.resolve("holidays")))
                    .sorted()
                    .toList();
        }
        Set<String> named = new java.util.TreeSet<>();
        for (Path feed : feeds) {
            Calendar cal;
            try (var in = new FileInputStream(feed.toFile())) {
                cal = new CalendarBuilder().build(in);
            }
            Set<String> defined = new HashSet<>();
            cal.<net.fortuna.ical4j.model.component.VTimeZone>getComponents("VTIMEZONE")
                    .forEach(z -> defined.add(z.getTimeZoneId().getValue()));
            for (VEvent e : cal.<VEvent>getComponents("VEVENT")) {
                for (var date : List.of(e.getDateTimeStart(), e.getDateTimeEnd())) {
                    String tzid = date.getParameter("TZID").orElseThrow().getValue();
                    named.add(tzid);
                    assertTrue(defined.contains(tzid), feed + ": TZID " + tzid + " but VTIMEZONEs " + defined);
                }
            }
            assertEquals(defined.size(), cal.getComponents("VTIMEZONE").size(), feed + ": one definition per zone");
        }
        assertEquals(Set.of("America/New_York", "Australia/Sydney", "Europe/London", "Europe/Stockholm"), named);
        String stockholm = Files.readString(site.resolve("services/fraud-check/oncall.ics"));
        assertFalse(stockholm.contains("Berlin"), "no trace of the other name: " + stockholm);
    }

    @Test
    void aRotaInUtcIsWrittenInUtcWithoutATimeZone(@TempDir Path tmp) throws Exception {
        String feed = Files.readString(rotaFeed(tmp, "UTC", "2026-11-16T09:00", LocalDate.of(2026, 11, 21)));
        assertFalse(feed.contains("TZID"), feed);
        assertTrue(feed.contains("\r\nDTSTART:20261116T090000Z\r\nDTEND:20261123T090000Z\r\n"), feed);
    }

    static Document page2(Path p) throws Exception {
        return Jsoup.parse(p.toFile(), "UTF-8");
    }

    @Test
    void feedsAreByteIdenticalAcrossBuilds(@TempDir Path tmp) throws Exception {
        ExampleHandbook.build(tmp.resolve("again"));
        assertEquals(
                Files.readString(site.resolve("people/bob.ics")),
                Files.readString(tmp.resolve("again/people/bob.ics")));
    }

    @Test
    void incidentsSayWhetherTheyStartedOutOfHoursAndTeamsCountThem() throws Exception {
        Document incident = page("services/payments-api/incidents/2026-09-03-card-outage.html");
        assertTrue(
                incident.text().contains("Started out of hours yes (Thursday 03:14 Europe/London)"), incident.text());
        // its times as a reader takes them in, in the handbook's zone (written 2026-09-03T02:14Z)
        assertTrue(incident.text().contains("Started Thu 3 Sep 2026, 03:14 (Europe/London)"), incident.text());
        assertTrue(incident.text().contains("Time to detect 6 min")
                && incident.text().contains("Time to resolve 51 min"));
        Document email = page("services/notifications/incidents/2026-10-14-email-delay.html");
        assertTrue(email.text().contains("Started out of hours no (Wednesday 11:02 Europe/London)"), email.text());
        assertTrue(page("teams/payments.html").text().contains("Out-of-hours incidents, last 90 days 3"));
        assertTrue(page("teams/platform.html").text().contains("Out-of-hours incidents, last 90 days 2"));
    }

    @Test
    void theSeverityPageDrawsTheMajorIncidentLine() throws Exception {
        Document sev = page("severities.html");
        var line = sev.selectFirst(".major-line");
        assertEquals("severity-P3", line.nextElementSibling().id(), "the line sits between P2 and P3");
    }
}
