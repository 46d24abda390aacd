package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;

/**
 * GitHub's Markdown as a reader sees it in Chromium, from disk under the page's CSP: code highlighted by
 * the site's own copy of highlight.js, table columns aligned as written, callouts styled, the Copy button
 * clear of every line of a long command, subsections unnumbered in the table of contents.
 */
class GithubMarkdownBrowserTest {
    @TempDir
    Path dir;

    @Test
    void codeTablesCalloutsAndTheTableOfContentsAsGithubShowsThem() throws Exception {
        String features = Files.readString(Path.of("src/test/resources/gfm/features.md"));
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "guides/features.md",
                        "# Features\n\n" + features + "\n## Callouts\n\n> [!WARNING]\n> Do not restart the primary.\n\n"
                                + "```bash\nkubectl -n monitoring logs deploy/prometheus-operator --since=10m"
                                + " --all-containers --prefix --timestamps | grep -v level=debug | tail -n 200\n```\n");
        Path site = dir.resolve("site");
        new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        try (Browser browser = new Browser(360, 740)) {
            browser.open(site.resolve("guides/features.html"));
            // highlight.js runs once loaded: wait for it
            long deadline = System.currentTimeMillis() + 10_000;
            while (browser.driver().findElements(By.cssSelector("code.hljs")).size() < 3
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(
                    3,
                    browser.driver().findElements(By.cssSelector("code.hljs")).size(),
                    "three blocks highlighted");
            WebElement key = browser.driver().findElement(By.cssSelector("code.language-yaml .hljs-attr"));
            assertEquals("groups:", key.getText());
            assertFalse(
                    key.getCssValue("color")
                            .equals(browser.driver()
                                    .findElement(By.cssSelector("code.language-yaml"))
                                    .getCssValue("color")),
                    "a key has a colour of its own");
            assertEquals("right", cell("td[align=right]", browser));
            assertEquals("center", cell("td[align=center]", browser));
            assertEquals("left", cell("td:not([align])", browser));
            WebElement title =
                    browser.driver().findElement(By.cssSelector(".markdown-alert-warning .markdown-alert-title"));
            assertEquals("Warning", title.getText());
            assertEquals("rgba(154, 103, 0, 1)", title.getCssValue("color"), "the warning colour");
            // the Copy button covers no line of a block, however long its lines
            for (WebElement block : browser.driver().findElements(By.cssSelector(".markdown .code-block"))) {
                Map<?, ?> overlap = (Map<?, ?>) browser.driver()
                        .executeScript(
                                "var b = arguments[0].querySelector('button.copy').getBoundingClientRect();"
                                        + "var p = arguments[0].querySelector('pre').getBoundingClientRect();"
                                        + "return {above: b.bottom <= p.top + 1.5, inside: b.right <= p.right + 0.5};",
                                block);
                assertEquals(Map.of("above", true, "inside", true), overlap);
            }
            assertEquals(
                    List.of(),
                    browser.driver().findElements(By.cssSelector("nav.toc ol ol, nav.toc ul li.toc-2")).stream()
                            .map(WebElement::getText)
                            .toList(),
                    "subsections in an unnumbered list under their section");
            assertEquals(
                    1,
                    browser.driver()
                            .findElements(
                                    By.cssSelector("nav.toc ol > li > ul > li > a[href='#strikethrough-and-emphasis']"))
                            .size());
            Object sideways = browser.driver()
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertEquals(0L, sideways, "no sideways scroll at 360 px");
            List<LogEntry> console = browser.console();
            assertEquals(List.of(), console.stream().map(LogEntry::getMessage).toList());
        }
    }

    private static String cell(String selector, Browser browser) {
        return browser.driver()
                .findElement(By.cssSelector(".md-table " + selector))
                .getCssValue("text-align");
    }
}
