package dev.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.browser.Browser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** opsbook serve: builds, serves on loopback only, rebuilds on change, and the open page reloads. */
class PreviewServerTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    String get(PreviewServer s, String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    int status(PreviewServer s, String rawPath) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.getOutputStream()
                    .write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + s.port()
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String line = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    /** The status line's code for a request written by hand (method, Host header and all). */
    static int raw(PreviewServer s, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String line = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(line.substring(9, 12));
        }
    }

    @Test
    void halfARequestDoesNotBlockOthersAndOnlyLocalGetsAndHeadsAreAnswered() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        try (PreviewServer server = new PreviewServer(
                        BuildRequest.build(tree.root(), dir.resolve("site")),
                        0,
                        new PrintWriter(new StringWriter(), true));
                Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.getOutputStream().write("GET /index.html HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
            long start = System.nanoTime();
            String host = "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n";
            assertEquals(200, raw(server, "GET /index.html HTTP/1.1\r\n" + host));
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered while the other request is half sent");
            assertEquals(200, raw(server, "HEAD /index.html HTTP/1.1\r\n" + host));
            for (String method : java.util.List.of("PUT", "DELETE", "TRACE", "POST")) {
                assertEquals(405, raw(server, method + " /index.html HTTP/1.1\r\n" + host + "x"), method);
            }
            assertEquals(
                    421,
                    raw(
                            server,
                            "GET /index.html HTTP/1.1\r\nHost: evil.example:" + server.port()
                                    + "\r\nConnection: close\r\n\r\n"),
                    "DNS rebinding");
            assertEquals(
                    200,
                    raw(
                            server,
                            "GET /index.html HTTP/1.1\r\nHost: localhost:" + server.port()
                                    + "\r\nConnection: close\r\n\r\n"));
        }
    }

    /** Waits (up to 30 s) for the build that a change on disk sets off: the count of builds passes {@code before}. */
    static void awaitBuildAfter(PreviewServer server, long before) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (server.builds() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits (up to 30 s) until no build has ended for a second. */
    static void awaitQuiet(PreviewServer server) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        long seen = server.builds();
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline
                && System.nanoTime() - quietSince < java.util.concurrent.TimeUnit.SECONDS.toNanos(1)) {
            Thread.sleep(50);
            if (server.builds() != seen) {
                seen = server.builds();
                quietSince = System.nanoTime();
            }
        }
    }

    /** Waits (up to 30 s) until the page served at {@code path} is as {@code wanted} says. */
    void awaitPage(PreviewServer server, String path, java.util.function.Predicate<String> wanted) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!wanted.test(get(server, path)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aPortInUseIsReportedBeforeAnyBuild() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.junit.jupiter.api.Assertions.assertThrows(
                    java.net.BindException.class,
                    () -> new PreviewServer(
                            BuildRequest.build(tree.root(), dir.resolve("site")),
                            taken.getLocalPort(),
                            new PrintWriter(new StringWriter())));
        }
        assertFalse(
                java.nio.file.Files.exists(dir.resolve("site")), "no build was made for a server that cannot start");
    }

    @Test
    void aContentFolderThatIsNotThereIsTheUsersError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.opsbook.OpsbookException.class,
                () -> new PreviewServer(
                        BuildRequest.build(dir.resolve("nowhere"), dir.resolve("site")),
                        0,
                        new PrintWriter(new StringWriter())));
        assertTrue(e.isUsage(), "exit 2, as build");
        assertEquals("content folder " + dir.resolve("nowhere") + " does not exist or is not a folder", e.getMessage());
    }

    /**
     * The preview builds with a build cache of its own: after an edit, the full build takes the pages the edit did
     * not change from the site as they were (the same files), and writes the page it changed.
     */
    @Test
    void theBuildAfterAnEditTakesUnchangedPagesFromTheCache() throws Exception {
        Path content = dir.resolve("content");
        dev.opsbook.ExampleHandbook.copy(dev.opsbook.ExampleHandbook.content(), content);
        Path site = dir.resolve("site");
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(content, site).withAsOf(java.time.LocalDate.of(2026, 11, 21)),
                0,
                new PrintWriter(new StringWriter(), true))) {
            Path other = site.resolve("services/ledger/index.html");
            Object before = java.nio.file.Files.getAttribute(other, "unix:ino");
            long builds = server.builds();
            dev.opsbook.ExampleHandbook.edit(
                    content, "services/payments-api/runbooks/high-latency.md", "## Impact", "## Impact, edited");
            awaitBuildAfter(server, builds);
            assertTrue(java.nio.file.Files.readString(site.resolve("services/payments-api/runbooks/high-latency.html"))
                    .contains("Impact, edited"));
            assertEquals(before, java.nio.file.Files.getAttribute(other, "unix:ino"), "taken as it was");
            assertTrue(java.nio.file.Files.isRegularFile(
                    PreviewServer.cacheFolder(BuildRequest.build(content, site)).resolve("pages.bin")));
        }
    }

    @Test
    void anEditedTemplateIsServedAfterItsSave() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        Path templates = java.nio.file.Files.createDirectories(dir.resolve("templates"));
        java.nio.file.Files.writeString(
                templates.resolve("404.ftlh"),
                "<#import \"layout.ftlh\" as layout><@layout.frame><h1>First</h1></@layout.frame>");
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(tree.root(), dir.resolve("site")).withTemplates(templates),
                0,
                new PrintWriter(new StringWriter(), true))) {
            assertTrue(get(server, "/404.html").contains("<h1>First</h1>"));
            long before = server.builds();
            java.nio.file.Files.writeString(
                    templates.resolve("404.ftlh"),
                    "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Second</h1></@layout.frame>");
            awaitBuildAfter(server, before);
            assertTrue(get(server, "/404.html").contains("<h1>Second</h1>"), "rebuilt after the template's save");
        }
    }

    /**
     * A build that dies (here a template that recurses without end, so the JVM's stack runs out) and a value
     * refused on the build path (an escalation step without its time, which once crashed the build) leave
     * the watcher alive: the next save gets its build.
     */
    @Test
    void aMergedHandbookIsServedWithARefusedPartAndRebuiltWholeWhenItsOwnFolderChanges() throws Exception {
        var org = ContentTree.empty(dir.resolve("org"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file("teams/ops.yaml", ContentTree.TEAM);
        var team = ContentTree.minimal(dir.resolve("team"));
        team.delete("severities.yaml").delete("teams/ops.yaml");
        Path hostile = java.nio.file.Files.writeString(dir.resolve("hostile.zip"), "not a zip");
        StringWriter log = new StringWriter();
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(org.root(), dir.resolve("site"))
                        .withParts(java.util.List.of(
                                dev.opsbook.part.Part.of(team.root()), dev.opsbook.part.Part.of(hostile))),
                0,
                new PrintWriter(log, true))) {
            assertEquals(200, status(server, "/services/api/index.html"));
            assertTrue(
                    get(server, "/index.html").contains("hostile.zip is refused"), "the refusal is shown at the top");
            long before = server.builds();
            org.file("teams/ops.yaml", ContentTree.TEAM.replace("name: Operations", "name: Site Reliability"));
            awaitBuildAfter(server, before);
            assertTrue(server.builds() > before, log.toString());
            awaitPage(server, "/teams/ops.html", page -> page.contains("Site Reliability"));
            assertEquals(200, status(server, "/services/api/index.html"), "the part's pages are still there");
        }
    }

    @Test
    void aMergedHandbookIsRebuiltWhenAPartFolderOrAPartZipChangesButNotForOtherFilesBesideTheZip() throws Exception {
        var org = ContentTree.empty(dir.resolve("org"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file("teams/ops.yaml", ContentTree.TEAM);
        var folder = ContentTree.empty(dir.resolve("team-a"))
                .file("services/api/service.yaml", ContentTree.SERVICE)
                .file("services/api/runbooks/api-down.md", ContentTree.RUNBOOK);
        var zipped = ContentTree.empty(dir.resolve("team-b"))
                .file("services/db/service.yaml", ContentTree.SERVICE.replace("name: API", "name: DB One"));
        Path zips = java.nio.file.Files.createDirectories(dir.resolve("target"));
        Path zip = zips.resolve("team-b.zip");
        java.util.List<String> files = java.util.List.of("services/db/service.yaml");
        dev.opsbook.part.PartZip.write(zipped.root(), files, "0.1.0", null, java.util.List.of("db"), zip);
        StringWriter log = new StringWriter();
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(org.root(), dir.resolve("site"))
                        .withParts(java.util.List.of(
                                dev.opsbook.part.Part.of(folder.root()), dev.opsbook.part.Part.of(zip))),
                0,
                new PrintWriter(log, true))) {
            assertTrue(get(server, "/services/db/index.html").contains("DB One"));
            long before = server.builds();
            folder.file("services/api/runbooks/api-down.md", ContentTree.RUNBOOK.replace("It is down.", "It is gone."));
            awaitBuildAfter(server, before);
            assertTrue(server.builds() > before, "an edit in a part's folder rebuilds: " + log);
            awaitPage(server, "/services/api/runbooks/api-down.html", page -> page.contains("It is gone."));
            assertTrue(get(server, "/services/api/runbooks/api-down.html").contains("It is gone."));

            before = server.builds();
            java.nio.file.Files.writeString(zips.resolve("unrelated.txt"), "a build's other output");
            Thread.sleep(1000);
            assertEquals(before, server.builds(), "another file beside the zip is not a change of the handbook");

            zipped.file("services/db/service.yaml", ContentTree.SERVICE.replace("name: API", "name: DB Two"));
            dev.opsbook.part.PartZip.write(zipped.root(), files, "0.1.0", null, java.util.List.of("db"), zip);
            awaitBuildAfter(server, before);
            assertTrue(server.builds() > before, "a part packaged again rebuilds: " + log);
            awaitPage(server, "/services/db/index.html", page -> page.contains("DB Two"));
            assertTrue(get(server, "/services/db/index.html").contains("DB Two"), "a part packaged again rebuilds");
        }
    }

    @Test
    void theWatcherSurvivesABuildThatDiesAndRebuildsOnTheNextSave() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        Path templates = java.nio.file.Files.createDirectories(dir.resolve("templates"));
        Path notFound = templates.resolve("404.ftlh");
        java.nio.file.Files.writeString(
                notFound, "<#import \"layout.ftlh\" as layout><@layout.frame><h1>First</h1></@layout.frame>");
        StringWriter log = new StringWriter();
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(tree.root(), dir.resolve("site")).withTemplates(templates),
                0,
                new PrintWriter(log, true))) {
            java.nio.file.Files.writeString(notFound, "<#macro r><@r/></#macro><@r/>");
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!log.toString().contains("still serving the last site") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(log.toString().contains("still serving the last site"), log.toString());
            assertTrue(get(server, "/404.html").contains("<h1>First</h1>"), "the last good site is still served");

            long before = server.builds();
            tree.file("services/api/rota.yaml", ContentTree.COMPLETE_ROTA.replace("after: 15m, ", "after: ~, "));
            java.nio.file.Files.writeString(
                    notFound, "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Second</h1></@layout.frame>");
            awaitBuildAfter(server, before);
            assertTrue(server.builds() > before, "a build after the one that died: " + log);
            assertTrue(get(server, "/404.html").contains("<h1>Second</h1>"));
            assertEquals(200, status(server, "/services/api/index.html"));
        }
    }

    @Test
    void theLastBuildsErrorsAreShownAtTheTopOfEveryPageServedButNotWritten() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        try (PreviewServer server = new PreviewServer(
                BuildRequest.build(tree.root(), dir.resolve("site")), 0, new PrintWriter(new StringWriter(), true))) {
            assertFalse(get(server, "/index.html").contains("preview-errors"), "no box without an error");
            long before = server.builds();
            tree.file(
                    "teams/ops.yaml",
                    ContentTree.TEAM + "  - { id: carol, name: Carol }\n  - { id: dave, name: Dave }\n"
                            + "  - { id: eve, name: Eve, phone: \"<script>alert(1)</script>\" }\n");
            awaitBuildAfter(server, before);
            // a team file gets a quick update first (no checks); the full build's errors come with the next reload
            awaitPage(server, "/services/api/runbooks/api-down.html", p -> p.contains("preview-errors"));
            String page = get(server, "/services/api/runbooks/api-down.html");
            assertTrue(
                    page.contains("<div class=\"preview-errors\" role=\"alert\">"
                            + "<p><strong>1 error in the content</strong>"),
                    page);
            assertTrue(
                    page.contains("<li><code>teams/ops.yaml:7:34</code> 'phone' is not a phone number:"
                            + " '&lt;script&gt;alert(1)&lt;/script&gt;' <small>[schema]</small>"),
                    page);
            assertFalse(page.contains("<script>alert"), "the box escapes what it quotes");
            assertTrue(page.contains("<br><small>hint: write the number as dialled from abroad"), page);
            assertFalse(
                    java.nio.file.Files.readString(dir.resolve("site/services/api/runbooks/api-down.html"))
                            .contains("preview-errors"),
                    "the site on disk stays as build writes it");

            before = server.builds();
            tree.file(
                    "teams/ops.yaml",
                    ContentTree.TEAM + "  - { id: carol, name: Carol }\n  - { id: dave, name: Dave }\n");
            awaitBuildAfter(server, before);
            awaitPage(server, "/index.html", p -> !p.contains("preview-errors"));
            // a save seen half written (the file cut to nothing, then written) may set off one more build: the
            // box is judged once the builds have settled
            awaitQuiet(server);
            assertFalse(get(server, "/index.html").contains("preview-errors"), "fixed: the box is gone");
        }
    }

    @Test
    void servesRebuildsAndTheOpenPageReloads() throws Exception {
        var tree = ContentTree.complete(dir.resolve("content"));
        StringWriter log = new StringWriter();
        try (PreviewServer server = new PreviewServer(
                        BuildRequest.build(tree.root(), dir.resolve("site")), 0, new PrintWriter(log, true));
                Browser browser = new Browser(1024, 768)) {
            assertEquals(1, server.builds());
            String page = get(server, "/services/api/runbooks/api-down.html");
            assertTrue(page.contains("<meta name=\"opsbook-live\" content=\"1\">"), "the reload hook is added");
            assertTrue(page.contains("connect-src 'self'"));
            assertEquals(404, status(server, "/%2e%2e/%2e%2e/etc/passwd"));
            assertEquals(404, status(server, "/../../../../etc/passwd"));
            // any other file as it is on disk (streamed), an empty one too
            assertEquals(
                    java.nio.file.Files.readString(dir.resolve("site/assets/opsbook.css")),
                    get(server, "/assets/opsbook.css"));
            tree.file("services/api/empty.txt", "");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> java.nio.file.Files.isRegularFile(dir.resolve("site/services/api/empty.txt")));
            assertEquals(200, status(server, "/services/api/empty.txt"));
            assertEquals("", get(server, "/services/api/empty.txt"));

            // the 404 page for a mistyped address deep in the site has its style sheet and working links
            assertEquals(404, status(server, "/services/api/runbooks/no-such-runbook.html"));
            browser.driver().get("http://127.0.0.1:" + server.port() + "/services/api/runbooks/no-such-runbook.html");
            assertEquals(
                    "Page not found",
                    browser.driver().findElement(By.tagName("h1")).getText());
            assertEquals(
                    Boolean.TRUE,
                    browser.driver().executeScript("return [...document.styleSheets].some(s => s.cssRules.length > 0)"),
                    "the style sheet loaded");
            browser.driver().findElement(By.linkText("the list of services")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().equals("http://127.0.0.1:" + server.port() + "/index.html"));

            browser.driver().get("http://127.0.0.1:" + server.port() + "/services/api/runbooks/api-down.html");
            assertEquals(
                    "API down", browser.driver().findElement(By.tagName("h1")).getText());
            tree.file(
                    "services/api/runbooks/api-down.md",
                    ContentTree.COMPLETE_RUNBOOK.replace("title: API down", "title: API is down"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> d.findElement(By.tagName("h1")).getText().equals("API is down"));
            assertTrue(server.builds() >= 2);
            // an edited runbook: its page and its service's page first, then the full build
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> log.toString().split("built in").length > 2);
            assertTrue(log.toString().contains("opsbook: updated 2 pages in "), log.toString());
            assertTrue(server.lastQuickMillis() >= 0);
            assertTrue(java.nio.file.Files.readString(dir.resolve("site/services/api/index.html"))
                    .contains("API is down"));
            // a new file is more than an edit: a full build, and the page reloads
            long before = server.builds();
            tree.file("services/api/runbooks/second.md", ContentTree.COMPLETE_RUNBOOK.replace("API down", "Second"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> server.builds() > before);
            browser.driver().get("http://127.0.0.1:" + server.port() + "/services/api/runbooks/second.html");
            assertEquals(
                    "Second", browser.driver().findElement(By.tagName("h1")).getText());
            // the site on disk is exactly what build writes: no hook in it
            assertFalse(java.nio.file.Files.readString(dir.resolve("site/services/api/runbooks/api-down.html"))
                    .contains("opsbook-live"));
        }
    }
}
