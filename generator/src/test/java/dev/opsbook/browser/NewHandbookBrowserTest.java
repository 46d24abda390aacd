package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

/**
 * The sites of a handbook as it starts: one written by {@code opsbook new handbook}, and Backstage's example
 * catalog read as it is. Every page opens from disk with its styles and scripts, says nothing in the
 * console, and has no WCAG 2 A or AA violation (axe-core); the catalog's service and team pages show what the
 * catalog says.
 */
class NewHandbookBrowserTest {
    static Browser browser;
    static String axe;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(1280, 900);
        try (InputStream in = NewHandbookBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static List<String> pages(Path site) throws Exception {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString())
                    .filter(p -> !p.equals("readiness/audit.html")) // a print document, without the site's frame
                    .sorted()
                    .toList();
        }
    }

    /** What is wrong on every page of {@code site}: console messages, a stylesheet not applied, axe's violations. */
    @SuppressWarnings("unchecked")
    static List<String> problems(Path site) throws Exception {
        List<String> out = new ArrayList<>();
        List<String> pages = pages(site);
        assertTrue(pages.size() > 5, pages.toString());
        for (String page : pages) {
            browser.open(site.resolve(page));
            List<LogEntry> console = browser.console();
            console.forEach(e -> out.add(page + ": console: " + e.getMessage()));
            if (browser.driver().findElements(By.cssSelector(".site-header")).isEmpty()) {
                continue; // a redirect page
            }
            String display =
                    browser.driver().findElement(By.cssSelector(".site-header")).getCssValue("display");
            if (!display.equals("flex")) {
                out.add(page + ": the stylesheet does not apply");
            }
            browser.driver().executeScript(axe);
            List<String> violations = (List<String>) browser.driver()
                    .executeAsyncScript("var done = arguments[arguments.length - 1];"
                            + "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } })"
                            + ".then(function (r) { done(r.violations.map(function (v) { return v.id + ': '"
                            + " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');"
                            + " })); }, function (e) { done(['axe failed: ' + e]); });");
            violations.forEach(v -> out.add(page + ": " + v));
        }
        return out;
    }

    @Test
    void aNewHandbooksSiteIsWholeAndAccessible() throws Exception {
        Path content = dir.resolve("new");
        StringWriter err = new StringWriter();
        int code = dev.opsbook.cli.OpsbookCommand.execute(
                new String[] {"new", "handbook", "--content", content.toString(), "--today", "2026-11-21"},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertEquals(0, code, err.toString());
        Path site = dir.resolve("new-site");
        new Opsbook().build(BuildRequest.build(content, site).withAsOf(LocalDate.of(2026, 11, 21)));
        assertEquals(List.of(), problems(site));
        browser.open(site.resolve("services/my-service/index.html"));
        assertTrue(browser.driver().findElement(By.tagName("main")).getText().contains("my-service"));
    }

    @Test
    void theExampleCatalogsSiteIsWholeAndAccessible() throws Exception {
        Path content = dir.resolve("catalog");
        ExampleHandbook.copy(Path.of("../../shared/realworld/backstage-catalog"), content);
        Files.writeString(content.resolve("opsbook.yaml"), "title: ACME\ncatalog: [\"*.yaml\"]\n");
        Files.writeString(content.resolve("severities.yaml"), ContentTree.SEVERITIES);
        Path site = dir.resolve("catalog-site");
        new Opsbook().build(BuildRequest.build(content, site).withAsOf(LocalDate.of(2026, 11, 21)));
        assertEquals(List.of(), problems(site));
        browser.open(site.resolve("services/artist-lookup/index.html"));
        String main = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(main.contains("artist-engagement-portal"), main);
        assertTrue(main.contains("component:default/artist-lookup"), main);
        browser.open(site.resolve("teams/team-a.html"));
        String team = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(team.contains("Janelle Dawe") && team.contains("Nigel Manning"), team);
    }
}
