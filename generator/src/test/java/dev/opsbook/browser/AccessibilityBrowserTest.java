package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** axe-core (WCAG 2 A and AA rules) finds no violation on any page type, in light and dark mode. */
class AccessibilityBrowserTest extends ExampleSiteInBrowser {
    static String axe;

    @BeforeAll
    static void loadAxe() throws Exception {
        try (InputStream in = AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(String page) {
        browser.open(site.resolve(page));
        browser.driver().executeScript(axe);
        Object result = browser.driver()
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })"
                        + ".then(function (r) { done(r.violations.map(function (v) {"
                        + "  return v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');"
                        + "})); }, function (e) { done(['axe failed: ' + e]); });");
        return new ArrayList<>((List<String>) result);
    }

    @Test
    void noViolationsOnAnyPageType() {
        List<String> all = new ArrayList<>();
        for (String page : ReadingBrowserTest.pages()) {
            violations(page).forEach(v -> all.add(page + ": " + v));
        }
        assertEquals(List.of(), all);
    }

    @Test
    void axeReallyRunsAndWouldReportAViolation() {
        browser.open(site.resolve("index.html"));
        browser.driver()
                .executeScript("var i = document.createElement('img'); i.src = 'x.png';"
                        + " document.querySelector('main').appendChild(i);"
                        + " var b = document.createElement('button'); document.querySelector('main').appendChild(b);");
        browser.driver().executeScript(axe);
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) browser.driver()
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })"
                        + ".then(function (r) { done(r.violations.map(function (v) { return v.id; })); });");
        assertEquals(true, ids.contains("image-alt") && ids.contains("button-name"), ids.toString());
    }

    @Test
    void noViolationsInDarkMode() {
        browser.driver()
                .executeCdpCommand(
                        "Emulation.setEmulatedMedia",
                        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        try {
            List<String> all = new ArrayList<>();
            for (String page : ReadingBrowserTest.pages()) {
                violations(page).forEach(v -> all.add(page + ": " + v));
            }
            assertEquals(List.of(), all);
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }
}
