package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;

/** The example handbook opened from disk in headless Chromium: styles, scripts, CSP, the readiness filters. */
class SiteBrowserTest extends ExampleSiteInBrowser {

    @Test
    void pagesLoadFromDiskWithTheirStylesAndScriptsAndNoConsoleErrors() {
        for (String page : List.of(
                "index.html",
                "services/payments-api/index.html",
                "services/payments-api/runbooks/high-error-rate.html",
                "severities.html",
                "teams/payments.html",
                "readiness/index.html",
                "actions.html",
                "services/payments-api/reviews/osr-2026-014.html",
                "services/payments-api/incidents/2026-09-03-card-outage.html")) {
            browser.open(site.resolve(page));
            String header =
                    browser.driver().findElement(By.cssSelector(".site-header")).getCssValue("display");
            assertEquals("flex", header, page + ": the stylesheet applies");
            List<LogEntry> console = browser.console();
            assertEquals(List.of(), console.stream().map(LogEntry::getMessage).toList(), page);
        }
    }

    @Test
    void codeBlocksGetACopyButtonFromTheSitesOwnScriptUnderTheCsp() {
        browser.open(site.resolve("services/payments-api/runbooks/high-error-rate.html"));
        List<WebElement> buttons = browser.driver().findElements(By.cssSelector(".markdown .code-block > button.copy"));
        assertEquals(
                browser.driver().findElements(By.cssSelector(".markdown pre")).size(), buttons.size());
        assertFalse(buttons.isEmpty());
    }

    @Test
    void theReadinessMatrixFiltersByTeamTierLevelAndStatus() {
        browser.open(site.resolve("readiness/index.html"));
        WebElement form = browser.driver().findElement(By.id("readiness-filters"));
        assertTrue(form.isDisplayed(), "the filters show once the script runs");
        Select team = new Select(form.findElement(By.cssSelector("select[data-filter=team]")));
        team.selectByVisibleText("payments");
        assertEquals(List.of("Fraud Check", "Ledger", "Payments API"), visibleServices());
        new Select(form.findElement(By.cssSelector("select[data-filter=tier]"))).selectByVisibleText("1");
        assertEquals(List.of("Ledger", "Payments API"), visibleServices());
        team.selectByVisibleText("all");
        new Select(form.findElement(By.cssSelector("select[data-filter=tier]"))).selectByVisibleText("all");
        new Select(form.findElement(By.cssSelector("select[data-filter=status]"))).selectByVisibleText("waived");
        assertEquals(List.of("Notifications"), visibleServices());
        assertEquals(
                "1 of 6 services",
                browser.driver().findElement(By.id("filter-count")).getText());
        new Select(form.findElement(By.cssSelector("select[data-filter=status]"))).selectByVisibleText("all");
        new Select(form.findElement(By.cssSelector("select[data-filter=level]"))).selectByVisibleText("documented");
        assertEquals(List.of("Notifications", "Route Planner", "Web Shop"), visibleServices());
    }

    static List<String> visibleServices() {
        return browser.driver().findElements(By.cssSelector("#readiness-matrix tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.cssSelector("th")).getText())
                .toList();
    }

    @Test
    void theHomePageListsServicesWithWhoIsOnCallAndFilters() {
        browser.open(site.resolve("index.html"));
        WebElement form = browser.driver().findElement(By.cssSelector("form[data-filters-for=services-table]"));
        assertTrue(form.isDisplayed());
        List<WebElement> boxes = browser.driver().findElements(By.cssSelector("#services-table [data-oncall-now]"));
        assertEquals(6, boxes.size());
        new Select(form.findElement(By.cssSelector("select[data-filter=level]")))
                .selectByVisibleText("operations-ready");
        List<String> shown = browser.driver().findElements(By.cssSelector("#services-table tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.tagName("a")).getText())
                .toList();
        assertEquals(List.of("Fraud Check", "Ledger"), shown);
        new Select(form.findElement(By.cssSelector("select[data-filter=level]"))).selectByVisibleText("all");
        new Select(form.findElement(By.cssSelector("select[data-filter=team]"))).selectByVisibleText("storefront");
        shown = browser.driver().findElements(By.cssSelector("#services-table tbody tr")).stream()
                .filter(WebElement::isDisplayed)
                .map(r -> r.findElement(By.tagName("a")).getText())
                .toList();
        assertEquals(List.of("Web Shop"), shown);
    }
}
