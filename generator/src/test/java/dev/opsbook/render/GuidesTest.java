package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guides (guides/**.md at the content root): the organisation's playbooks as pages of the site, with
 * the frame, a table of contents, checked links, search, and a place in the navigation.
 */
class GuidesTest {
    @TempDir
    Path dir;

    private static Document page(Path site, String path) throws Exception {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    @Test
    void theExampleHandbooksPlaybooksArePagesLinkedFromHomeSeveritiesAndRunbooks() throws Exception {
        Path site = ExampleHandbook.shared().site();
        Document index = page(site, "guides/index.html");
        List<String> listed = index.select("main .cards a").eachText();
        assertEquals(
                List.of(
                        "Game days",
                        "Running an incident",
                        "Out-of-hours support",
                        "The post-incident review",
                        "The Support Engineer",
                        "The Support Lead"),
                listed);
        Document guide = page(site, "guides/incident-response.html");
        assertEquals(1, guide.select("h1").size());
        assertEquals("Running an incident", guide.selectFirst("h1").text());
        assertTrue(guide.select("nav.toc a[href=#restore-service-first]").size() == 1, "a table of contents");
        assertEquals(
                "support-lead.html",
                guide.select("a:containsOwn(the Support Lead)").attr("href"));
        assertEquals(
                "../severities.html",
                guide.select("a:containsOwn(severity levels)").attr("href"));
        assertEquals(
                "../services/payments-api/index.html",
                guide.select("a:containsOwn(the payments API)").attr("href"));
        assertEquals(
                "Guides", guide.select("header nav a[aria-current=page]").text(), "Guides in the navigation, current");
        assertTrue(
                page(site, "index.html")
                                .select("a[href=guides/incident-response.html]")
                                .size()
                        == 1,
                "home links it");
        assertTrue(
                page(site, "severities.html")
                                .select("a[href=guides/index.html]")
                                .size()
                        >= 1,
                "severities link them");
        assertTrue(
                page(site, "services/payments-api/runbooks/card-processor-outage.html")
                                .select("a[href=../../../guides/incident-response.html]")
                                .size()
                        == 1,
                "a runbook links its playbook");
        String search = Files.readString(site.resolve("assets/search-index.js"));
        assertTrue(
                search.contains("\\\"k\\\":\\\"guide\\\"") || search.contains("\"k\":\"guide\""),
                "guides are searched");
    }

    @Test
    void guidesInFoldersLinksBetweenThemAndWhatIsRefused() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "guides/onboarding/first-week.md",
                        "# First week\n\nRead [the basics](../basics.md#roles) and "
                                + "[the runbook](../../services/api/runbooks/api-down.md).\n")
                .file(
                        "guides/basics.md",
                        "---\ntitle: The basics\n---\n## Roles\n\nSee [week one](guide:onboarding/first-week),"
                                + " [nothing](guide:basic), [nowhere](missing.md) and [a section](#nope).\n")
                .file("guides/index.md", "# Index\n")
                .file("guides/Bad Name.md", "# Bad\n")
                .file("guides/page.html", "<p>hi</p>\n");
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        List<String> errors = r.findings().stream()
                .filter(f -> f.level().id().equals("error"))
                .map(f -> f.pos() + " [" + f.rule() + "] " + f.message())
                .toList();
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.startsWith("guides/basics.md:6:")
                                && e.contains("[broken-reference]")
                                && e.contains("guide:basic")
                                && e.contains("did you mean 'basics'")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("guides/basics.md:6:") && e.contains("missing.md")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("guides/basics.md:6:") && e.contains("#nope")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("guides/index.md") && e.contains("[invalid-id]")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("guides/Bad Name.md") && e.contains("[invalid-id]")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("guides/page.html") && e.contains("[unsafe-")),
                errors.toString());
        assertEquals(6, errors.stream().filter(e -> e.startsWith("guides/")).count(), errors.toString());
        Document week = page(site, "guides/onboarding/first-week.html");
        assertEquals("First week", week.selectFirst("h1").text());
        assertEquals(
                "../basics.html#roles", week.select("a:containsOwn(the basics)").attr("href"));
        assertEquals(
                "../../services/api/runbooks/api-down.html",
                week.select("a:containsOwn(the runbook)").attr("href"));
        assertEquals("../index.html", week.select("nav a:containsOwn(Guides)").attr("href"));
        assertEquals(
                "onboarding/first-week.html",
                page(site, "guides/basics.html")
                        .select("a:containsOwn(week one)")
                        .attr("href"));
        assertTrue(page(site, "guides/index.html")
                        .select("a[href=onboarding/first-week.html]")
                        .size()
                == 1);
        assertTrue(
                r.findings().stream().map(Finding::rule).noneMatch(rule -> rule.equals("schema")),
                r.findings().toString());
    }
}
