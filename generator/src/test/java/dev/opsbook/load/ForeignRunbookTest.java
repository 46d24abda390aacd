package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Runbooks written for Hugo or GitHub, as they are: the front matter keys of other generators are
 * accepted, {@code description} is the summary, and the body's leading {@code # Title} is the page's
 * one {@code h1}.
 */
class ForeignRunbookTest {
    @TempDir
    Path dir;

    private static final String HUGO =
            """
            ---
            title: Kube Pod Crash Looping
            weight: 20
            aliases:
              - /kubepodcrashlooping/
            description: A pod restarts again and again.
            draft: false
            ---

            # KubePodCrashLooping

            ## Symptoms

            It restarts.
            """;

    private BuildResult build(ContentTree tree) throws Exception {
        return new Opsbook(1)
                .build(new BuildRequest(
                        tree.root(), dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
    }

    @Test
    void hugoFrontMatterIsAcceptedAndTheLeadingHeadingIsTheOneTitle() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content")).file("services/api/runbooks/api-down.md", HUGO);
        BuildResult r = build(tree);
        assertEquals(
                List.of(),
                r.findings().stream().filter(f -> f.rule().equals("schema")).toList());
        Document page = Jsoup.parse(
                dir.resolve("site/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(1, page.select("h1").size(), page.select("h1").toString());
        assertEquals("Kube Pod Crash Looping", page.selectFirst("h1").text());
        assertTrue(page.text().contains("A pod restarts again and again."), "description is the summary");
        // a finding's line is still the line in the file
        tree.file("services/api/runbooks/api-down.md", HUGO.replace("It restarts.", "[x](nowhere.md)"));
        BuildResult again = build(tree);
        assertTrue(
                again.findings().stream()
                        .anyMatch(f -> f.rule().equals("broken-reference")
                                && f.pos().toString().equals("services/api/runbooks/api-down.md:14:5")),
                again.findings().toString());
    }

    @Test
    void withoutFrontMatterTheLeadingHeadingIsTheTitle() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file("services/api/runbooks/api-down.md", "# API `down`\n\n## Symptoms\n\nDown.\n");
        build(tree);
        Document page = Jsoup.parse(
                dir.resolve("site/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(1, page.select("h1").size());
        assertEquals("API down", page.selectFirst("h1").text());
    }

    @Test
    void aNearMissOfOpsbooksOwnKeyIsStillFoundAndMoreForeignKeysCanBeDeclared() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: API down\nlastReviewd: 2026-10-01\nowner_team: x\n---\n## Symptoms\n");
        BuildResult r = build(tree);
        List<String> schema = r.findings().stream()
                .filter(f -> f.rule().equals("schema"))
                .map(f -> f.message())
                .toList();
        assertTrue(schema.contains("unknown key 'lastReviewd' (did you mean 'lastReviewed'?)"), schema.toString());
        assertTrue(schema.stream().anyMatch(m -> m.startsWith("unknown key 'owner_team'")), schema.toString());
        tree.file("opsbook.yaml", "foreignKeys: [owner_team]\n");
        List<String> declared = build(tree).findings().stream()
                .filter(f -> f.rule().equals("schema"))
                .map(f -> f.message())
                .toList();
        assertEquals(List.of("unknown key 'lastReviewd' (did you mean 'lastReviewed'?)"), declared);
    }

    @Test
    void hugoRefShortcodesAreCheckedLinks() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        "# API down\n\n## Symptoms\n\nSee [the other]({{< ref \"./second.md\" >}})"
                                + " and [gone]({{< relref \"./gone.md\" >}}) [x](nowhere.md).\n")
                .file("services/api/runbooks/second.md", "# Second\n");
        BuildResult r = build(tree);
        List<String> broken = r.findings().stream()
                .filter(f -> f.rule().equals("broken-reference"))
                .map(f -> f.pos() + " " + f.message())
                .toList();
        String line =
                "See [the other]({{< ref \"./second.md\" >}}) and [gone]({{< relref \"./gone.md\" >}}) [x](nowhere.md).";
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md:5:" + (line.indexOf("./gone.md") + 1)
                                + " broken link './gone.md': there is no file services/api/runbooks/gone.md",
                        "services/api/runbooks/api-down.md:5:" + (line.indexOf("nowhere.md") + 1)
                                + " broken link 'nowhere.md': there is no file services/api/runbooks/nowhere.md"),
                broken);
        Document page = Jsoup.parse(
                dir.resolve("site/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals("second.html", page.select("a:containsOwn(the other)").attr("href"));
    }

    @Test
    void aFolderOfMarkdownWithoutServiceFoldersIsToldWhatOpsbookFoundAndWhereItExpectsRunbooks() throws Exception {
        ContentTree tree = ContentTree.empty(dir.resolve("content"))
                .file("severities.yaml", ContentTree.SEVERITIES)
                .file("kubernetes/KubePodCrashLooping.md", HUGO)
                .file("node/NodeDown.md", "# NodeDown\n");
        BuildResult r = build(tree);
        List<String> found = r.findings().stream()
                .filter(f -> f.pos().file().equals("services/"))
                .map(f -> f.format() + " | " + f.hint())
                .toList();
        assertEquals(
                List.of("services/: error: no service folders: opsbook found 2 Markdown files (such as"
                        + " kubernetes/KubePodCrashLooping.md) outside services/<service>/runbooks/ and guides/, which are copied"
                        + " as files, not published as pages [schema] | to read them where they are, name their layout in"
                        + " opsbook.yaml (layouts: [{runbooks: \"{service}/{runbook}.md\", owner: <team>}]), or give each"
                        + " service a folder services/<service>/ with a service.yaml and its runbooks in runbooks/;"
                        + " docs/adopting.md walks through adopting a runbook repository"),
                found);
        assertTrue(Files.isRegularFile(Path.of("../docs/adopting.md")), "the walk-through it names");
        // a handbook with services and a Markdown file beside them is not told so
        BuildResult normal = build(ContentTree.minimal(dir.resolve("other")).file("notes.md", "# Notes\n"));
        assertTrue(
                normal.findings().stream().noneMatch(f -> f.pos().file().equals("services/")),
                normal.findings().toString());
    }

    @Test
    void leadingTitleKeepsEveryLineNumber() {
        LeadingTitle t = LeadingTitle.of("\n# Title #\n\ntext\n");
        assertEquals("Title", t.title());
        assertEquals("\n\n\ntext\n", t.body());
        LeadingTitle setext = LeadingTitle.of("Title\n=====\n\ntext\n");
        assertEquals("Title", setext.title());
        assertEquals("\n\n\ntext\n", setext.body());
        assertNull(LeadingTitle.of("## Not a title\n").title());
        assertNull(LeadingTitle.of("#hashtag\n").title());
        assertNull(LeadingTitle.of("    # code\n").title());
    }
}
