package dev.opsbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.OpsbookException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build safety and determinism. */
class SiteWriterTest {
    @TempDir
    Path dir;

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(
                        root.relativize(p).toString(),
                        new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    @Test
    void twoBuildsOfTheSameContentAreByteIdentical() throws Exception {
        ExampleHandbook.build(dir.resolve("a"));
        ExampleHandbook.build(dir.resolve("b"));
        assertSameFiles(dir.resolve("a"), dir.resolve("b"));
    }

    /** The same files with the same bytes, naming the first file that differs. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        Map<String, String> a = tree(expected);
        Map<String, String> b = tree(actual);
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertEquals(a.get(k), b.get(k), k);
        }
    }

    @Test
    void aParallelBuildWritesTheSameBytesAsASingleThreadedOne() throws Exception {
        var request = BuildRequest.build(ExampleHandbook.content(), dir.resolve("one"))
                .withAsOf(java.time.LocalDate.of(2026, 11, 21));
        new Opsbook(1).build(request);
        new Opsbook(4)
                .build(new BuildRequest(request.content(), dir.resolve("four"), request.asOf(), null, true, null));
        assertSameFiles(dir.resolve("one"), dir.resolve("four"));
    }

    @Test
    void aParallelBuildOfManyServicesWritesTheSameBytesAsASingleThreadedOne() throws Exception {
        // the example handbook with each service copied eleven times: enough services for the work to be
        // split (calendars in pieces, checks and link verification per service and folder), findings too
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        try (Stream<Path> services = Files.list(ExampleHandbook.content().resolve("services"))) {
            for (Path service : services.toList()) {
                for (int k = 1; k <= 11; k++) {
                    ExampleHandbook.copy(service, content.resolve("services").resolve(service.getFileName() + "-" + k));
                }
            }
        }
        var request =
                new BuildRequest(content, dir.resolve("one"), java.time.LocalDate.of(2026, 11, 21), null, true, null);
        var one = new Opsbook(1).build(request);
        var three =
                new Opsbook(3).build(new BuildRequest(content, dir.resolve("three"), request.asOf(), null, true, null));
        assertTrue(one.services() > 70, "services: " + one.services());
        assertFalse(one.report().findings().isEmpty());
        assertSameFiles(dir.resolve("one"), dir.resolve("three"));
    }

    @Test
    void aSiteBuiltFromBodiesKeptInATemporaryFileIsTheSame() throws Exception {
        var asOf = java.time.LocalDate.of(2026, 11, 21);
        new Opsbook()
                .build(BuildRequest.build(ExampleHandbook.content(), dir.resolve("memory"))
                        .withAsOf(asOf));
        String before = System.getProperty("opsbook.bodies.inMemory");
        System.setProperty("opsbook.bodies.inMemory", "0");
        try {
            new Opsbook()
                    .build(BuildRequest.build(ExampleHandbook.content(), dir.resolve("file"))
                            .withAsOf(asOf));
        } finally {
            if (before == null) {
                System.clearProperty("opsbook.bodies.inMemory");
            } else {
                System.setProperty("opsbook.bodies.inMemory", before);
            }
        }
        assertSameFiles(dir.resolve("memory"), dir.resolve("file"));
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"));
        Path out = dir.resolve("site");
        new Opsbook().build(BuildRequest.build(tree.root(), out));
        Map<String, String> before = tree(out);
        Path templates = templates("runbook.ftlh", "<#import \"layout.ftlh\" as layout>${model.noSuchThing}");
        OpsbookException e = assertThrows(OpsbookException.class, () -> new Opsbook()
                .build(BuildRequest.build(tree.root(), out).withTemplates(templates)));
        assertTrue(e.isUsage(), "a user's template is the user's to fix");
        assertTrue(e.getMessage().contains("runbook.ftlh"), e.getMessage());
        assertEquals(before, tree(out));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    s.map(p -> p.getFileName().toString())
                            .filter(n -> n.contains(".opsbook-new") || n.contains(".opsbook-old"))
                            .toList(),
                    "no staging folder is left behind");
        }
    }

    @Test
    void aUsersTemplateWithASyntaxErrorIsReportedAtItsPlaceNotAsAnIoError() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"));
        Path templates = templates("team.ftlh", "<#import \"layout.ftlh\" as layout>\n<#if>\n");
        OpsbookException e = assertThrows(OpsbookException.class, () -> new Opsbook()
                .build(BuildRequest.build(tree.root(), dir.resolve("site")).withTemplates(templates)));
        assertTrue(e.isUsage(), "a user's template is the user's to fix: exit 2, no stack trace");
        assertTrue(
                e.getMessage()
                        .startsWith(templates.resolve("team.ftlh") + ":2:2: template does not parse: #if is an"
                                + " existing directive, but the tag is malformed."),
                e.getMessage());
        // the same in a layout that the default templates import
        Files.delete(templates.resolve("team.ftlh"));
        Files.writeString(templates.resolve("layout.ftlh"), "<#macro frame>\n<#if>\n</#macro>\n");
        e = assertThrows(OpsbookException.class, () -> new Opsbook()
                .build(BuildRequest.build(tree.root(), dir.resolve("site")).withTemplates(templates)));
        assertTrue(
                e.getMessage().startsWith(templates.resolve("layout.ftlh") + ":2:2: template does not parse: "),
                e.getMessage());
    }

    @Test
    void aUsersTemplateThatDropsLinkTargetsIsTheirsToFixNotAnInternalError() throws Exception {
        // the team page without the people's anchors, which the on-call page and rotas link to
        var tree = ContentTree.complete(dir.resolve("content"));
        Path templates = templates(
                "team.ftlh",
                "<#import \"layout.ftlh\" as layout><@layout.frame><h1>${model.name}</h1></@layout.frame>");
        OpsbookException e = assertThrows(OpsbookException.class, () -> new Opsbook()
                .build(BuildRequest.build(tree.root(), dir.resolve("site")).withTemplates(templates)));
        assertTrue(e.isUsage(), "exit 2, not an internal error");
        assertTrue(
                e.getMessage().startsWith("the site built with the templates of " + templates + " has "),
                e.getMessage());
        assertTrue(e.getMessage().contains("(no element with id 'person-alice' in teams/ops.html)"), e.getMessage());
        assertTrue(e.getMessage().lines().count() <= 22, "at most twenty links listed: " + e.getMessage());
    }

    @Test
    void aTemplateOverridesTheDefaultByName() throws Exception {
        var tree = ContentTree.minimal(dir.resolve("content"));
        Path templates = templates(
                "team.ftlh",
                "<#import \"layout.ftlh\" as layout><@layout.frame><h1>Custom ${model.name}</h1></@layout.frame>");
        Path out = dir.resolve("site");
        new Opsbook().build(BuildRequest.build(tree.root(), out).withTemplates(templates));
        assertTrue(Files.readString(out.resolve("teams/ops.html")).contains("<h1>Custom Operations</h1>"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("<h1>Operations Handbook</h1>"));
    }

    @Test
    void aUsersLayoutShapesTheOnCallBoxOfEveryRunbookPage() throws Exception {
        // runbook pages share one rendering of the box: it must still come from the user's layout.ftlh
        Path templates = Files.createDirectories(dir.resolve("templates"));
        String layout;
        try (var in = Opsbook.class.getClassLoader().getResourceAsStream("dev/opsbook/templates/layout.ftlh")) {
            layout = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String custom = layout.replace("<h2 class=\"oncall-title\">On call", "<h2 class=\"oncall-title\">Who to call");
        assertFalse(custom.equals(layout));
        Files.writeString(templates.resolve("layout.ftlh"), custom);
        Path out = dir.resolve("site");
        new Opsbook()
                .build(BuildRequest.build(ExampleHandbook.content(), out)
                        .withTemplates(templates)
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        try (Stream<Path> runbooks = Files.list(out.resolve("services/payments-api/runbooks"))) {
            for (Path page : runbooks.filter(Files::isRegularFile).toList()) { // helpers/ holds documents
                assertTrue(Files.readString(page).contains("Who to call"), page.toString());
            }
        }
    }

    private static final List<String> REPORTS = dev.opsbook.report.ReportFiles.ALL;

    @Test
    void dangerousOutputFoldersAreRefused() {
        Path content = dir.resolve("content");
        assertEquals(
                "the output folder " + content + " is the content folder",
                OutputGuard.refusal(content, content, true, REPORTS));
        assertEquals(
                "the output folder " + dir + " contains the content folder " + content,
                OutputGuard.refusal(content, dir, true, REPORTS));
        assertEquals(
                "the output folder " + content.resolve("site") + " is inside the content folder " + content,
                OutputGuard.refusal(content, content.resolve("site"), true, REPORTS));
        assertEquals(
                "the output folder / is a filesystem root", OutputGuard.refusal(content, Path.of("/"), true, REPORTS));
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        assertTrue(OutputGuard.refusal(content, home, true, REPORTS) != null);
        assertEquals(null, OutputGuard.refusal(content, dir.resolve("site"), true, REPORTS));
    }

    @Test
    void aFileOrAFolderOfOtherFilesIsNotReplacedByASite() throws IOException {
        Path content = dir.resolve("content");
        Path file = Files.writeString(dir.resolve("README.md"), "mine");
        assertEquals("the output folder " + file + " is a file", OutputGuard.refusal(content, file, true, REPORTS));
        assertEquals("the output folder " + file + " is a file", OutputGuard.refusal(content, file, false, REPORTS));
        Path docs = Files.createDirectories(dir.resolve("docs"));
        assertEquals(null, OutputGuard.refusal(content, docs, true, REPORTS), "an empty folder");
        Files.writeString(docs.resolve("guide.md"), "mine");
        String refused = "the output folder " + docs + " holds files that are not an earlier site (a site that opsbook"
                + " built has the file .opsbook-site) or opsbook's reports, and a build replaces the folder as a whole";
        assertEquals(refused, OutputGuard.refusal(content, docs, true, REPORTS));
        assertEquals(null, OutputGuard.refusal(content, docs, false, REPORTS), "check only adds its report files");
        Files.writeString(docs.resolve("opsbook-report.json"), "{}"); // as check leaves it beside the user's files
        assertEquals(refused, OutputGuard.refusal(content, docs, true, REPORTS));
        Path reports = Files.createDirectories(dir.resolve("target/opsbook"));
        for (String r : List.of("opsbook-report.json", "opsbook-report.sarif", "opsbook-report.xml")) {
            Files.writeString(reports.resolve(r), "{}");
        }
        assertEquals(
                null,
                OutputGuard.refusal(content, reports, true, REPORTS),
                "the reports of opsbook:check, then the site");
        Files.writeString(docs.resolve("index.html"), "<!DOCTYPE html>");
        assertEquals(
                refused,
                OutputGuard.refusal(content, docs, true, REPORTS),
                "the user's own index.html beside the reports that check wrote there is not a site of opsbook's");
        Files.writeString(docs.resolve(".opsbook-site"), "");
        assertEquals(null, OutputGuard.refusal(content, docs, true, REPORTS), "an earlier site, marked by its build");
    }

    @Test
    void pagesCannotBeWrittenOutsideTheSite() throws Exception {
        try (OutputLock lock = OutputLock.acquire(dir.resolve("site"));
                SiteWriter w = new SiteWriter(lock)) {
            assertThrows(IllegalArgumentException.class, () -> w.write("../escape.html", new byte[0]));
        }
        assertFalse(Files.exists(dir.resolve("escape.html")));
    }

    /** A templates folder beside the content, holding one template. */
    private Path templates(String name, String text) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve(name), text);
        return templates;
    }
}
