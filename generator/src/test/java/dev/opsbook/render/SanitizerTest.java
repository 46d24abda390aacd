package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw HTML in Markdown and strings from YAML cannot put script into a page. */
class SanitizerTest {
    @TempDir
    Path dir;

    @Test
    void rawHtmlIsSanitisedAndYamlIsEscaped() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/service.yaml",
                        """
                        name: "<script>window.__xss=1</script>API"
                        description: "<img src=x onerror=alert(1)>"
                        owner: ops
                        alerts:
                          - { name: ApiDown, severity: P1, runbook: api-down }
                        """)
                .file(
                        "services/api/runbooks/api-down.md",
                        """
                        ---
                        title: "Down <b onmouseover=alert(1)>now</b>"
                        ---
                        ## Symptoms

                        <script>window.__xss = 1</script>
                        <div onclick="alert(1)" style="color:red">Click <a href="javascript:alert(1)">me</a></div>
                        <a href="JaVaScRiPt:alert(1)">mixed case</a> <a href="jav&#x09;ascript:alert(1)">entity</a>
                        <img src="x" onerror="alert(1)"> <iframe src="https://evil.example"></iframe>
                        [md link](javascript:alert(1)) <a href="service:api">ok</a>

                        | a | b |
                        |---|---|
                        | 1 | 2 |
                        """);
        Path out = dir.resolve("site");
        new Opsbook().build(BuildRequest.build(tree.root(), out));
        Document rb =
                Jsoup.parse(out.resolve("services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertTrue(rb.select("script:not([src]):not([type=application/json])").isEmpty());
        assertTrue(rb.select("iframe").isEmpty());
        for (Element e : rb.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().startsWith("on"), e.outerHtml()));
            assertFalse(e.attr("href").toLowerCase().replaceAll("\\s", "").startsWith("javascript"), e.outerHtml());
            assertFalse(e.hasAttr("style"), e.outerHtml());
        }
        assertEquals(
                "Down <b onmouseover=alert(1)>now</b>", rb.selectFirst("h1").text());
        assertEquals("../index.html", rb.select(".markdown a").last().attr("href"));
        assertEquals(1, rb.select(".markdown table").size(), "Markdown tables render");
        String service = Files.readString(out.resolve("services/api/index.html"));
        assertFalse(service.contains("<script>window"), "YAML strings are escaped");
        assertTrue(service.contains("&lt;script&gt;window.__xss=1&lt;/script&gt;API"));
    }

    @Test
    void rawHtmlThatWouldSwallowHeadingsIsShownAsText() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        """
                ---
                title: API down
                ---
                ## Symptoms

                Press <kbd>Ctrl</kbd> and an unclosed <textarea> follows.

                ## Impact

                Everything.
                """)
                .file("services/api/runbooks/other.md", "---\ntitle: Other\n---\nSee [impact](api-down.md#impact).\n");
        Path out = dir.resolve("site");
        new Opsbook().build(BuildRequest.build(tree.root(), out));
        Document rb =
                Jsoup.parse(out.resolve("services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals("Impact", rb.getElementById("impact").text());
        assertTrue(rb.selectFirst(".markdown").text().contains("an unclosed <textarea> follows"));
        assertTrue(rb.select("textarea").isEmpty());
        var fine = ContentTree.minimal(dir.resolve("content2"))
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: API down\n---\n## Symptoms\n\nPress <kbd>Ctrl</kbd>+<kbd>C</kbd>.\n");
        new Opsbook().build(BuildRequest.build(fine.root(), dir.resolve("site2")));
        Document ok = Jsoup.parse(
                dir.resolve("site2/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(2, ok.select(".markdown kbd").size(), "harmless raw HTML keeps working");
    }
}
