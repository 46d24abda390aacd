package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Support staff at 3 a.m.: search from file://, the keyboard, dark mode, a phone screen, print. */
class ReadingBrowserTest extends ExampleSiteInBrowser {

    List<WebElement> results() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("#search-results [role=option]"))
                        .isEmpty());
        return browser.driver().findElements(By.cssSelector("#search-results [role=option]"));
    }

    @Test
    void pastingAnExactAlertNamePutsItsRunbookFirst() {
        browser.open(site.resolve("services/web-shop/index.html"));
        WebElement box = browser.driver().findElement(By.cssSelector("input[type=search]"));
        box.sendKeys("LedgerReplicationLag");
        List<WebElement> r = results();
        assertEquals(
                "Ledger replica lagging behind",
                r.get(0).findElement(By.tagName("a")).getText());
        assertTrue(
                r.get(0).getText().toLowerCase().contains("runbook")
                        && r.get(0).getText().contains("Ledger"),
                r.get(0).getText());
        assertTrue(r.get(0)
                .findElement(By.tagName("a"))
                .getAttribute("href")
                .endsWith("/services/ledger/runbooks/replication-lag.html"));
        assertEquals(
                List.of(), browser.console().stream().map(e -> e.getMessage()).toList());
    }

    @Test
    void pastingANotificationFindsItsAlertsRunbook() {
        // as Alertmanager titles a notification; the alert comes from the example's Prometheus rule file
        browser.open(site.resolve("index.html"));
        WebElement box = browser.driver().findElement(By.cssSelector("input[type=search]"));
        box.sendKeys("[FIRING:2] PaymentsHighLatency (service=payments-api, route=/payments)");
        List<WebElement> r = results();
        // its runbook first, as when the name alone is pasted (the words of the labels would put the service first)
        assertEquals(
                "payments-api/runbooks/high-latency.html",
                r.get(0).findElement(By.tagName("a")).getAttribute("href").replaceFirst(".*/services/", ""));
    }

    @Test
    void searchFindsPeopleTeamsSeveritiesAndWordsInRunbooks() {
        browser.open(site.resolve("index.html"));
        WebElement box = browser.driver().findElement(By.id("search"));
        box.sendKeys("Carol");
        assertTrue(results().get(0).getText().contains("Carol Lindqvist")
                && results().get(0).getText().toLowerCase().contains("person"));
        box.clear();
        box.sendKeys("patronictl");
        assertTrue(
                results().get(0).getText().startsWith("Fail the ledger database over"),
                results().get(0).getText());
        box.clear();
        box.sendKeys("Critical");
        assertTrue(results().stream()
                .anyMatch(r -> r.getText().contains("P1 Critical")
                        && r.getText().toLowerCase().contains("severity")));
        // a runbook by its id, as runbook:ledger/failover names it; a review by its id and by its story
        box.clear();
        box.sendKeys("failover");
        assertTrue(
                results().get(0).getText().startsWith("Fail the ledger database over"),
                results().get(0).getText());
        for (String q : List.of("osr-2026-014", "PAY-1234")) {
            box.clear();
            box.sendKeys(q);
            assertTrue(
                    results().get(0).getText().startsWith("Apple Pay at checkout"),
                    q + ": " + results().get(0).getText());
        }
    }

    @Test
    void keyboardOnlyFromSlashToTheRunbook() {
        browser.open(site.resolve("severities.html"));
        new Actions(browser.driver()).sendKeys("/").perform();
        WebElement focused = browser.driver().switchTo().activeElement();
        assertEquals("search", focused.getAttribute("id"), "/ focuses the search box");
        focused.sendKeys("failover");
        results();
        focused.sendKeys(Keys.ARROW_DOWN);
        String selected = browser.driver()
                .findElement(By.cssSelector("#search-results [aria-selected=true] a"))
                .getText();
        focused.sendKeys(Keys.ENTER);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/runbooks/"));
        assertEquals(selected, browser.driver().findElement(By.tagName("h1")).getText());
    }

    @Test
    void darkModeFollowsTheSystemAndTheToggleIsRemembered() throws Exception {
        try (Browser darkBrowser = new Browser(1280, 900)) {
            darkBrowser
                    .driver()
                    .executeCdpCommand(
                            "Emulation.setEmulatedMedia",
                            Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            darkBrowser.open(site.resolve("index.html"));
            assertEquals(
                    "rgba(13, 17, 23, 1)",
                    darkBrowser.driver().findElement(By.tagName("body")).getCssValue("background-color"));
            WebElement toggle = darkBrowser.driver().findElement(By.id("theme-toggle"));
            assertEquals("true", toggle.getAttribute("aria-pressed"));
            toggle.click();
            assertEquals(
                    "rgba(255, 255, 255, 1)",
                    darkBrowser.driver().findElement(By.tagName("body")).getCssValue("background-color"));
            darkBrowser.open(site.resolve("severities.html"));
            assertEquals(
                    "rgba(255, 255, 255, 1)",
                    darkBrowser.driver().findElement(By.tagName("body")).getCssValue("background-color"),
                    "the choice is remembered from page to page");
            screenshots(darkBrowser, "dark");
        }
    }

    @Test
    void aPhoneScreenNeverScrollsSideways() throws Exception {
        // every page of the example, not one of each type: a runbook's 440 px diagram once widened only its own
        List<String> every;
        try (var files = Files.walk(site)) {
            every = files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertTrue(every.size() > 30, every.toString());
        try (Browser phone = new Browser(360, 740)) {
            for (String page : every) {
                phone.open(site.resolve(page));
                assertEquals(360L, phone.driver().executeScript("return window.innerWidth;"), page);
                Object overflow = phone.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, overflow, page + " scrolls sideways at 360 px");
            }
            screenshots(phone, "phone");
        }
    }

    @Test
    void onAPhoneWhoIsOnCallIsOnTheHomePagesFirstScreen() throws Exception {
        try (Browser phone = new Browser(360, 740)) {
            phone.open(site.resolve("index.html"));
            // the services are cards: nothing to scroll sideways, not even inside the table's box
            assertEquals(
                    0L,
                    phone.driver()
                            .executeScript("var w = document.querySelector('.table-wrap');"
                                    + " return w.scrollWidth - w.clientWidth;"));
            // the first service's on-call people are on the first screen, within its width
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> box = (java.util.Map<String, Object>) phone.driver()
                    .executeScript("var r = document.querySelector('#services-table td.now').getBoundingClientRect();"
                            + " return {top: r.top, bottom: r.bottom, right: r.right};");
            assertTrue(((Number) box.get("bottom")).doubleValue() < 740, box.toString());
            assertTrue(((Number) box.get("right")).doubleValue() <= 360, box.toString());
        }
        // and on the on-call page, the first service's Support Lead and Engineer: at 03:00, when the box says the
        // most (outside covered hours, when cover resumes and who takes it), and in covered hours ("until … then")
        for (String at : List.of("2026-11-24T03:00:00Z", "2026-11-24T11:00:00Z")) {
            try (Browser phone = new Browser(360, 740)) {
                phone.fakeClock(java.time.Instant.parse(at));
                phone.open(site.resolve("oncall.html"));
                Object engineer = phone.driver()
                        .executeScript("return document.querySelector('.oncall-box [data-role=engineer]')"
                                + ".getBoundingClientRect().bottom;");
                assertTrue(((Number) engineer).doubleValue() < 740, "on-call page at " + at + ": " + engineer);
            }
        }
    }

    @Test
    void longUnbrokenWordsDoNotWidenAPhoneScreen(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        // topic names, pod names and URLs written as text: in a table cell they widened the runbook by 565 px
        String topic = "harbourvine.ledger.postings.v2.deadletter.partition0007";
        var tree = dev.opsbook.ContentTree.complete(tmp.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        dev.opsbook.ContentTree.COMPLETE_RUNBOOK
                                + "\n| Kafka topic of the dead letters | Consumer group that reads them |\n|---|---|\n| "
                                + topic
                                + " | " + topic + ".consumers |\n\nThe `" + topic
                                + "` topic, and https://grafana.example/d/"
                                + topic + "/overview.\n\n### " + topic + "\n")
                // a real surname, on duty in the on-call box of every page of the service; long names in breadcrumbs
                .file(
                        "teams/ops.yaml",
                        dev.opsbook.ContentTree.TEAM
                                        .replace(
                                                "name: Alice",
                                                "name: Alice Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft")
                                        .replace(
                                                "name: Operations",
                                                "name: Donaudampfschifffahrtselektrizitaetenhauptbetriebswerk")
                                + "  - { id: carol, name: Carol }\n  - { id: dave, name: Dave }\n")
                .file(
                        "services/api/service.yaml",
                        dev.opsbook.ContentTree.COMPLETE_SERVICE.replace(
                                "name: API",
                                "name: Donaudampfschifffahrtselektrizitaetenhauptbetriebswerkbauunterbeamten"));
        new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        try (Browser phone = new Browser(360, 740)) {
            for (String page : List.of(
                    "services/api/runbooks/api-down.html",
                    "oncall.html",
                    "teams/ops.html",
                    "index.html",
                    "services/api/index.html")) {
                phone.open(tmp.resolve("site").resolve(page));
                assertTrue(phone.driver().getPageSource().contains("Wolfeschlegel"), page);
                Object overflow = phone.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, overflow, page + " scrolls sideways at 360 px");
            }
        }
    }

    @Test
    void printingHidesTheNavigation() {
        browser.open(site.resolve("services/payments-api/runbooks/high-error-rate.html"));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals(
                    "none",
                    browser.driver().findElement(By.cssSelector(".site-header")).getCssValue("display"));
            assertEquals(
                    "none",
                    browser.driver().findElement(By.cssSelector("nav.toc")).getCssValue("display"));
            assertFalse(browser.driver().findElement(By.tagName("h1")).getText().isEmpty());
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void theReadinessReportLaysOutOnlyTheFailuresOnScreenAndPrintsThemAll() {
        // thousands of failures at organisation scale: on screen the browser skips laying out those not
        // scrolled to; find-in-page still sees them, and print lays every one out
        browser.open(site.resolve("readiness/index.html"));
        String visibility = "return [...document.querySelectorAll('section.service-failures')]"
                + ".map(s => getComputedStyle(s).contentVisibility).join(' ')";
        String screen = (String) browser.driver().executeScript(visibility);
        assertFalse(screen.isEmpty());
        assertTrue(java.util.Arrays.stream(screen.split(" ")).allMatch("auto"::equals), screen);
        assertEquals(Boolean.TRUE, browser.driver().executeScript("return window.find('What to do')"), "find-in-page");
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            String print = (String) browser.driver().executeScript(visibility);
            assertTrue(java.util.Arrays.stream(print.split(" ")).allMatch("visible"::equals), print);
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void lightScreenshotsOfEachPageType() throws Exception {
        screenshots(browser, "light");
    }

    static List<String> pages() {
        return List.of(
                "index.html",
                "services/payments-api/index.html",
                "services/payments-api/runbooks/high-error-rate.html",
                "oncall.html",
                "severities.html",
                "readiness/index.html",
                "actions.html",
                "operations.html",
                "teams/payments.html",
                "services/payments-api/reviews/osr-2026-014.html",
                "services/payments-api/incidents/2026-09-03-card-outage.html",
                "guides/index.html",
                "guides/incident-response.html",
                "services/payments-api/runbooks/helpers/latency-queries.html");
    }

    /** Writes a screenshot of each page type under target/screenshots, for a person to look at. */
    static void screenshots(Browser b, String kind) throws Exception {
        Path out = Path.of("target/screenshots");
        Files.createDirectories(out);
        for (String page : pages()) {
            b.open(site.resolve(page));
            byte[] png = b.driver().getScreenshotAs(OutputType.BYTES);
            Files.write(out.resolve(kind + "-" + page.replace('/', '_').replace(".html", ".png")), png);
        }
    }
}
