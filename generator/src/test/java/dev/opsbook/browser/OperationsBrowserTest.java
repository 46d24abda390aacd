package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The operations page as an operations manager reads it: on a phone the charts shrink to the screen with their
 * labels still readable and the tables scroll in their own box, in print every chart and table is laid out and
 * the navigation is gone, and a screen reader is told what each chart shows (axe runs on it in
 * AccessibilityBrowserTest, with the other page types).
 */
class OperationsBrowserTest extends ExampleSiteInBrowser {
    private static final String CHART_BOX =
            "var r = arguments[0].getBoundingClientRect(); return [r.left, r.right, r.width, r.height];";

    @SuppressWarnings("unchecked")
    private static List<Number> box(Browser b, WebElement e) {
        return (List<Number>) b.driver().executeScript(CHART_BOX, e);
    }

    @Test
    void onAPhoneTheChartsFitTheScreenAndTheirLabelsStayReadable() throws Exception {
        try (Browser phone = new Browser(360, 740)) {
            phone.open(site.resolve("operations.html"));
            Object overflow = phone.driver()
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, overflow, "the page does not scroll sideways at 360 px");
            for (String id : List.of("ops-months", "ops-causes")) {
                WebElement svg = phone.driver().findElement(By.cssSelector("#" + id + " figure > svg"));
                List<Number> b = box(phone, svg);
                assertTrue(b.get(0).doubleValue() >= 0 && b.get(1).doubleValue() <= 360, id + " " + b);
                assertTrue(b.get(3).doubleValue() > 40, id + " keeps a height to read: " + b);
                // a 640-unit-wide drawing at about 330 px: its labels, 20 units there, at least 9 px high
                WebElement label = svg.findElement(By.tagName("text"));
                double height = ((Number) phone.driver()
                                .executeScript("return arguments[0].getBoundingClientRect().height;", label))
                        .doubleValue();
                assertTrue(height >= 9, id + " label " + height + " px high");
            }
            Path out = Path.of("target/screenshots");
            Files.createDirectories(out);
            Files.write(out.resolve("phone-operations.png"), phone.driver().getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    void printLaysOutEveryChartAndTable() {
        browser.open(site.resolve("operations.html"));
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals(
                    "none",
                    browser.driver().findElement(By.cssSelector(".site-header")).getCssValue("display"));
            List<WebElement> charts = browser.driver().findElements(By.cssSelector("figure.chart > svg"));
            assertEquals(2, charts.size());
            for (WebElement c : charts) {
                assertTrue(c.isDisplayed());
                assertTrue(box(browser, c).get(2).doubleValue() > 200, "drawn at a readable width in print");
            }
            for (WebElement t : browser.driver().findElements(By.cssSelector("table.figures"))) {
                assertTrue(t.isDisplayed());
            }
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void eachChartSaysWhatItShowsAndWhereItsNumbersAre() {
        browser.open(site.resolve("operations.html"));
        WebElement svg = browser.driver().findElement(By.cssSelector("#ops-months figure > svg"));
        assertEquals("img", svg.getAttribute("role"));
        String caption = browser.driver()
                .findElement(By.id(svg.getAttribute("aria-labelledby")))
                .getText();
        assertTrue(caption.startsWith("Incidents by month and severity, Dec 2025 to Nov 2026"), caption);
        assertTrue(caption.contains("The numbers are in the table below"), caption);
        // each bar names its month, count and severity for a pointer
        assertTrue(svg.findElements(By.cssSelector("rect > title")).stream()
                .anyMatch(t -> t.getAttribute("textContent").equals("Sep 2026: 1 P1")));
    }
}
