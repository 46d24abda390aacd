package dev.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the site promises against a careless or hostile contributor and against faults (issue 15): no
 * content file replaces what opsbook generates, active files are not published, links out are followed
 * nowhere, two builds into one folder never lose it, and the output guard cannot be walked round.
 */
class SitePromisesTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

    @TempDir
    Path dir;

    private Path build(Path content, Path out) throws OpsbookException {
        new Opsbook().build(BuildRequest.build(content, out).withAsOf(AS_OF));
        return out;
    }

    @Test
    void contentCannotReplaceTheSitesScriptReportsOrPages() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file("assets/opsbook.js", "alert('forged')")
                .file("opsbook-report.json", "{\"forged\": true}")
                .file("index.html", "<p>forged</p>")
                .file("services/api/runbooks/api-down.html", "<p>forged</p>")
                .file("people", "a file where the site needs a folder")
                .file("oncall.html/x.txt", "a folder where the site needs a page")
                .file("readiness", "a file where the site needs a folder");
        assertEquals(
                List.of(
                        "assets/opsbook.js: error: 'assets/opsbook.js' cannot be published: assets/ is a folder that only the"
                                + " site writes into [unsafe-path]",
                        "index.html: error: 'index.html' cannot be published: index.html is a file the site generates [unsafe-path]",
                        "oncall.html/x.txt: error: 'oncall.html/x.txt' cannot be published: oncall.html is a file the site"
                                + " generates, so it cannot be a folder [unsafe-path]",
                        "opsbook-report.json: error: 'opsbook-report.json' cannot be published: opsbook-report.json is a file"
                                + " the site generates [unsafe-path]",
                        "people: error: 'people' cannot be published: people/ is a folder the site generates, so it cannot be"
                                + " a file [unsafe-path]",
                        "readiness: error: 'readiness' cannot be published: readiness/ is a folder the site generates, so it"
                                + " cannot be a file [unsafe-path]",
                        "services/api/runbooks/api-down.html: error: 'services/api/runbooks/api-down.html' cannot be published:"
                                + " services/<id>/runbooks/*.html are pages the site generates [unsafe-path]"),
                tree.structural().stream().filter(f -> f.contains("unsafe-")).toList());
        Path site = build(tree.root(), dir.resolve("site"));
        assertFalse(Files.readString(site.resolve("assets/opsbook.js")).contains("forged"));
        assertFalse(Files.readString(site.resolve("opsbook-report.json")).contains("forged"));
        assertFalse(Files.readString(site.resolve("index.html")).contains("forged"));
        assertFalse(Files.readString(site.resolve("services/api/runbooks/api-down.html"))
                .contains("forged"));
        assertTrue(Files.isDirectory(site.resolve("readiness")));
        assertTrue(Files.isRegularFile(site.resolve("oncall.html")));
    }

    @Test
    void activeFilesAreNotPublishedAndDiagramsAre() throws Exception {
        String clean = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect{fill:red}</style>"
                + "<rect width=\"10\" height=\"10\"/><image href=\"data:image/png;base64,AAAA\"/>"
                + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">a label</div></foreignObject></svg>";
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file("services/api/diagram.svg", clean)
                .file(
                        "services/api/script.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .file("services/api/handler.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")
                .file(
                        "services/api/link.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\">"
                                + "<a x:href=\" java&#x09;script:alert(1)\"><text>x</text></a></svg>")
                .file(
                        "services/api/animate.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><a><set attributeName=\"href\""
                                + " to=\"javascript:alert(1)\"/></a></svg>")
                .file(
                        "services/api/entity.svg",
                        "<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>"
                                + "<svg xmlns=\"http://www.w3.org/2000/svg\">&s;</svg>")
                .file(
                        "services/api/html.xml",
                        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>")
                .file("services/api/broken.svg", "<svg><script>alert(1)</svg>")
                .file("services/api/tool.js", "alert(1)")
                .file("services/api/page.xhtml", "<p/>")
                .file("services/api/config.xml", "<server online=\"true\"><a href=\"x\"/></server>")
                .file("services/api/notes.txt", "<script>alert(1)</script> is what the attacker wrote");
        List<String> refused = tree.findings("unsafe-content").stream()
                .map(f -> f.substring(0, f.indexOf(':')))
                .toList();
        assertEquals(
                List.of(
                        "services/api/animate.svg",
                        "services/api/broken.svg",
                        "services/api/entity.svg",
                        "services/api/handler.svg",
                        "services/api/html.xml",
                        "services/api/link.svg",
                        "services/api/page.xhtml",
                        "services/api/script.svg",
                        "services/api/tool.js"),
                refused);
        Path site = build(tree.root(), dir.resolve("site"));
        assertArrayEquals(
                clean.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(site.resolve("services/api/diagram.svg")),
                "a clean diagram is published unchanged");
        assertTrue(Files.isRegularFile(site.resolve("services/api/config.xml")));
        assertTrue(Files.isRegularFile(site.resolve("services/api/notes.txt")), "text is shown, never run");
        assertFalse(Files.exists(site.resolve("services/api/script.svg")));
        assertFalse(Files.exists(site.resolve("services/api/tool.js")));
        String headers = Files.readString(site.resolve("_headers"));
        assertTrue(headers.startsWith("/*\n  Content-Security-Policy: default-src 'none';"), headers);
        assertTrue(headers.contains("X-Content-Type-Options: nosniff"), headers);
    }

    /**
     * In a real browser, from disk: a contributor's {@code assets/opsbook.js} and a scripted SVG linked
     * and embedded from a runbook never run (before, the first became every page's script).
     */
    @Test
    void aContributorsScriptAndScriptedSvgNeverRunInTheBrowser() throws Exception {
        String mark = "window.top.__forged = (window.top.__forged || 0) + 1;";
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file("assets/opsbook.js", mark)
                .file(
                        "services/api/map.svg",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + mark
                                + "</script><rect width=\"10\" height=\"10\"/></svg>")
                .file(
                        "services/api/runbooks/api-down.md",
                        ContentTree.COMPLETE_RUNBOOK
                                + "\nThe [map](../map.svg), and here it is: ![map](../map.svg)\n\n<object data=\"../map.svg\"></object>\n");
        Path site = build(tree.root(), dir.resolve("site"));
        try (dev.opsbook.browser.Browser browser = new dev.opsbook.browser.Browser(1024, 768)) {
            for (String page : List.of("index.html", "services/api/runbooks/api-down.html", "services/api/map.svg")) {
                browser.open(site.resolve(page));
                Object forged =
                        browser.driver().executeScript("return window.__forged === undefined ? 0 : window.__forged;");
                assertEquals(0L, ((Number) forged).longValue(), page);
            }
            // the control: the same SVG put in the site by hand does run, so the counts above could have been 1
            Files.writeString(
                    site.resolve("control.svg"),
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>" + mark + "</script></svg>");
            browser.open(site.resolve("control.svg"));
            assertEquals(1L, ((Number) browser.driver().executeScript("return window.__forged;")).longValue());
            // the site's own script does run: the search box finds the runbook
            browser.open(site.resolve("index.html"));
            browser.driver().findElement(org.openqa.selenium.By.id("search")).sendKeys("API down");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElement(org.openqa.selenium.By.id("search-results"))
                            .getText()
                            .contains("API down"));
        }
    }

    @Test
    void aTeamNamedIndexDoesNotReplaceThePageOfAllTeams() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file("teams/index.yaml", "name: Index\nmembers:\n  - { id: zed, name: Zed }\n");
        assertEquals(
                List.of("teams/index.yaml: error: team id 'index' is taken: teams/index.html is the page of all"
                        + " teams [invalid-id]"),
                tree.structural().stream().filter(f -> f.contains("index.yaml")).toList());
        Path site = build(tree.root(), dir.resolve("site"));
        assertTrue(
                Files.readString(site.resolve("teams/index.html")).contains("href=\"ops.html\""),
                "the page of all teams, linking each team");
    }

    @Test
    void aLinkToAFileThatIsNotPublishedIsNotASecondError() {
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file("services/api/tool.js", "alert(1)")
                .file(
                        "services/api/runbooks/api-down.md",
                        ContentTree.COMPLETE_RUNBOOK + "\nRun [the tool](../tool.js).\n");
        assertEquals(
                List.of("services/api/tool.js"),
                tree.structural().stream()
                        .map(f -> f.substring(0, f.indexOf(':')))
                        .toList());
    }

    @Test
    void aSettingsFileThatLeadsOutIsNotRead() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.yaml"), "title: Read from outside\n");
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Files.deleteIfExists(tree.root().resolve("opsbook.yaml"));
        Files.createSymbolicLink(tree.root().resolve("opsbook.yaml"), outside);
        assertEquals(
                List.of("opsbook.yaml: error: symbolic link leads outside the content folder; it is not followed"
                        + " [unsafe-path]"),
                tree.structural());
        Path site = build(tree.root(), dir.resolve("site"));
        assertFalse(Files.readString(site.resolve("index.html")).contains("Read from outside"));
    }

    @Test
    void aContentFolderGivenAsALinkIsReadWhereItLeads() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Path link = Files.createSymbolicLink(dir.resolve("content-link"), tree.root());
        Path site = build(link, dir.resolve("site"));
        assertTrue(Files.isRegularFile(site.resolve("services/api/index.html")), "not an empty handbook");
    }

    @Test
    void twoBuildsIntoOneFolderNeverLoseIt() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        for (int s = 0; s < 30; s++) {
            tree.file("services/s" + s + "/service.yaml", ContentTree.COMPLETE_SERVICE);
        }
        Path site = dir.resolve("site");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int trial = 0; trial < 3; trial++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> runs = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        try {
                            new Opsbook(1)
                                    .build(BuildRequest.build(tree.root(), site).withAsOf(AS_OF));
                            return "built";
                        } catch (OpsbookException e) {
                            assertTrue(e.isUsage(), e.getMessage());
                            assertTrue(e.getMessage().startsWith("another opsbook build is writing "), e.getMessage());
                            return "refused";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : runs) {
                    outcomes.add(f.get());
                }
                assertTrue(outcomes.contains("built"), outcomes.toString());
                assertTrue(
                        Files.isRegularFile(site.resolve("services/s29/index.html")), "the site is there: " + outcomes);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var siblings = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    siblings.map(p -> p.getFileName().toString())
                            .filter(n -> n.contains(".opsbook-new") || n.contains(".opsbook-old"))
                            .toList(),
                    "no staging left");
        }
    }

    @Test
    void checkThenBuildDoesNotTakeTheUsersFolderForASite() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("index.html"), "<p>the user's own docs</p>");
        new Opsbook().build(BuildRequest.check(tree.root(), docs).withAsOf(AS_OF));
        try {
            build(tree.root(), docs);
            throw new AssertionError("the build replaced the user's folder");
        } catch (OpsbookException e) {
            assertTrue(e.getMessage().contains("holds files that are not an earlier site"), e.getMessage());
        }
        assertEquals("<p>the user's own docs</p>", Files.readString(docs.resolve("index.html")));
        Path site = build(tree.root(), dir.resolve("site"));
        assertTrue(Files.isRegularFile(site.resolve(".opsbook-site")));
        build(tree.root(), site); // a site that opsbook built is replaced
    }

    @Test
    void anOutputInsideTheContentThroughALinkIsRefused() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Path link = Files.createSymbolicLink(dir.resolve("alias"), tree.root());
        try {
            build(tree.root(), link.resolve("site"));
            throw new AssertionError("a site was written into the content folder");
        } catch (OpsbookException e) {
            assertTrue(e.getMessage().contains("is inside the content folder"), e.getMessage());
        }
        assertFalse(Files.exists(tree.root().resolve("site")));
    }

    @Test
    void anOutputThatIsALinkIsReplacedWhereItLeads() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Path served = Files.createDirectories(dir.resolve("www/handbook"));
        Path link = Files.createSymbolicLink(dir.resolve("site"), served);
        build(tree.root(), link);
        assertTrue(Files.isSymbolicLink(link), "the link stays");
        assertTrue(
                Files.isRegularFile(served.resolve("services/api/index.html")), "the folder it leads to has the site");
        tree.file("services/api/runbooks/second.md", ContentTree.COMPLETE_RUNBOOK);
        build(tree.root(), link);
        assertTrue(Files.isRegularFile(served.resolve("services/api/runbooks/second.html")), "and the next one");
    }

    @Test
    void aFileNameInAnErrorMessageReachesTheConsoleEscaped() throws Exception {
        ContentTree tree = ContentTree.complete(dir.resolve("content"));
        Path file = Files.writeString(dir.resolve("out\u001b[2J"), "a file, not a folder");
        var err = new java.io.StringWriter();
        int code = dev.opsbook.cli.OpsbookCommand.execute(
                new String[] {"build", "--content", tree.root().toString(), "--out", file.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err));
        assertEquals(2, code);
        String first = err.toString().lines().findFirst().orElseThrow();
        assertFalse(first.contains("\u001b"), first);
        assertTrue(first.contains("out\\u001b[2J"), first);
    }
}
