package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.browser.Browser;
import dev.opsbook.finding.Findings;
import dev.opsbook.load.HandbookLoader;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The index opsbook makes at build time is, to the last number, the one MiniSearch itself makes in
 * Chromium from the same documents: so the browser can load it instead of building it.
 */
class SearchIndexBrowserTest {
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = new Browser(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        browser.close();
    }

    @Test
    void theExampleHandbooksIndexIsTheOneMiniSearchMakes(@TempDir Path dir) throws Exception {
        assertSameIndex(ExampleHandbook.content(), dir.resolve("site"));
    }

    @Test
    void textThatIsHardToSplitOrQuoteGivesTheSameIndex(@TempDir Path dir) throws Exception {
        // punctuation of every kind, quotes and backslashes (the index travels in a quoted string),
        // letters beyond Latin-1, an emoji, no-break and line separators, a tab, upper and final-sigma case
        var tree = ContentTree.complete(dir.resolve("content"))
                .file(
                        "services/api/runbooks/odd.md",
                        """
                ---
                title: "Don't \\\\ panic snake_case tab\\there \u2014 \u039f\u0394\u039f\u03a3 \u00abquoted\u00bb 'single' \\"double\\""
                lastReviewed: 2026-10-01
                ---
                ## Z\u00fcrich\u00a0failover (step\u20111) \u2028 next
                Run `kubectl -n prod rollout undo deploy/api` \u2014 then check p99.9% latency\ttab; C++ & C# & snake_case.
                \ud83d\ude80 Rocket \u0130stanbul \u00c9COLE e-mail: ops@example.com </script> \\u0041 \\' \\\\
                """);
        assertSameIndex(tree.root(), dir.resolve("site"));
    }

    private static void assertSameIndex(Path content, Path site) throws Exception {
        new Opsbook().build(BuildRequest.build(content, site).withAsOf(LocalDate.of(2026, 11, 21)));
        var handbook = new HandbookLoader(new MarkdownEngine(), 1, BodyStore.inMemory()).load(content, new Findings());
        List<Map<String, Object>> docs = new ArrayList<>();
        for (SearchIndex.Doc d : SearchIndex.documents(dev.opsbook.link.SitePlan.of(handbook, false))) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("i", docs.size());
            for (int f = 0; f < SearchIndex.FIELDS.size(); f++) {
                doc.put(SearchIndex.FIELDS.get(f), d.fields().get(f));
            }
            docs.add(doc);
        }
        browser.open(site.resolve("index.html"));
        browser.driver().findElement(By.id("search")).click(); // the first use loads MiniSearch and the index
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(
                        browser.driver().executeScript("return !!(window.MiniSearch && window.OPSBOOK_SEARCH)")));
        @SuppressWarnings("unchecked")
        List<String> both = (List<String>) browser.driver()
                .executeScript(
                        """
                var options = { fields: ["t", "a", "h", "s", "b"], idField: "i" };
                var built = new MiniSearch(options);
                built.addAll(JSON.parse(arguments[0]));
                var shipped = MiniSearch.loadJSON(window.OPSBOOK_SEARCH.index, options);
                function plain(index) {
                  var js = index.toJSON();
                  js.index.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
                  return JSON.stringify(js);
                }
                return [plain(built), plain(shipped), String(window.OPSBOOK_SEARCH.docs.length)];
                """,
                        new ObjectMapper().writeValueAsString(docs));
        assertTrue(both.get(0).length() > 1000, both.get(0));
        assertEquals(both.get(0), both.get(1));
        assertEquals(String.valueOf(docs.size()), both.get(2));
        assertEquals(
                List.of(), browser.console().stream().map(e -> e.getMessage()).toList());
    }
}
