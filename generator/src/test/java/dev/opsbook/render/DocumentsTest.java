package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service's other Markdown (helpers beside its runbooks, notes in its folder, a layout's sub-folders) is
 * published as pages, not copied as .md files: the site's frame, a table of contents, checked links,
 * search, and a place on the service's page.
 */
class DocumentsTest {
    @TempDir
    Path dir;

    @Test
    void helpersAndNotesArePagesOfTheirService() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        ContentTree.RUNBOOK + "\nRun [the slow queries](helpers/queries.md#slow-requests).\n")
                .file(
                        "services/api/runbooks/helpers/queries.md",
                        "# Useful queries\n\n## Slow requests\n\n```promql\nrate(x[5m])\n```\n\n## Errors\n\n## More\n\n"
                                + "Back to [the runbook](../api-down.md) and [nowhere](../nothing.md).\n")
                .file(
                        "services/api/docs/architecture.md",
                        "---\ntitle: Architecture\ndescription: How the API is built\n---\nSee [queries](../runbooks/helpers/queries.md).\n")
                .file("services/api/README.md", "# About this folder\n")
                .file("opsbook.yaml", "layouts:\n  - runbooks: \"alerts/{service}/{runbook}.md\"\n    owner: ops\n")
                .file("alerts/node/NodeDown.md", "# NodeDown\n\nSee [the helper](helpers/check.md).\n")
                .file("alerts/node/helpers/check.md", "# How to check a node\n");
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        List<String> broken = r.findings().stream()
                .filter(f -> f.rule().equals("broken-reference") || f.rule().equals("unsafe-path"))
                .map(f -> f.pos() + " " + f.message())
                .toList();
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith("services/api/runbooks/helpers/queries.md:13:"), broken.toString());
        Document helper = Jsoup.parse(
                site.resolve("services/api/runbooks/helpers/queries.html").toFile(), "UTF-8");
        assertEquals("Useful queries", helper.selectFirst("h1").text());
        assertEquals(1, helper.select("h1").size());
        assertEquals(3, helper.select("nav.toc li").size(), "a table of contents");
        assertEquals("../api-down.html", helper.selectFirst(".markdown a").attr("href"));
        assertEquals(
                List.of("API"),
                helper.select(".crumbs a").eachText().stream()
                        .filter(t -> t.equals("API"))
                        .toList(),
                "its service in the breadcrumbs");
        Document runbook =
                Jsoup.parse(site.resolve("services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(
                "helpers/queries.html#slow-requests",
                runbook.selectFirst(".markdown a").attr("href"));
        Document service = Jsoup.parse(site.resolve("services/api/index.html").toFile(), "UTF-8");
        assertEquals(
                List.of("About this folder", "Architecture", "Useful queries"),
                service.select("#documents li a").eachText());
        assertTrue(service.select("#documents").text().contains("How the API is built"));
        assertFalse(Files.exists(site.resolve("services/api/runbooks/helpers/queries.md")), "not copied as a file");
        assertTrue(Files.isRegularFile(site.resolve("alerts/node/helpers/check.html")), "a layout's helper");
        Document node =
                Jsoup.parse(site.resolve("services/node/runbooks/NodeDown.html").toFile(), "UTF-8");
        assertEquals(
                "../../../alerts/node/helpers/check.html",
                node.selectFirst(".markdown a").attr("href"));
        String search = Files.readString(site.resolve("assets/search-index.js"));
        assertTrue(search.contains("Useful queries") && search.contains("document"), "searched");
    }

    @Test
    void aDocumentWhosePageTheSiteMakesIsRefused() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file("services/api/index.md", "# Would replace the service's page\n")
                .file("services/api/reviews/osr-1.md", "# Would replace a review's page\n")
                .file("services/api/notes/index.md", "# Fine\n");
        BuildResult r = new Opsbook(1)
                .build(new BuildRequest(
                        tree.root(), dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(
                List.of("services/api/index.md", "services/api/reviews/osr-1.md"),
                r.findings().stream()
                        .filter(f -> f.rule().equals("unsafe-path"))
                        .map(f -> f.pos().file())
                        .sorted()
                        .toList());
        assertTrue(Files.isRegularFile(dir.resolve("site/services/api/notes/index.html")));
    }
}
