package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layouts:} in opsbook.yaml: a repository's runbooks read where they are, one service per folder,
 * relative links between them working as on GitHub, their pages also at the addresses alert rules use,
 * and every finding at the file as it is named in the repository.
 */
class LayoutTest {
    @TempDir
    Path dir;

    private static final String RUNBOOK = "---\ntitle: %s\nweight: 10\n---\n# %s\n\n## Meaning\n\n%s\n";

    private BuildResult build(ContentTree tree) throws Exception {
        return new Opsbook(1)
                .build(new BuildRequest(
                        tree.root(), dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
    }

    private static List<String> structural(BuildResult r) {
        return r.findings().stream()
                .filter(f -> Rule.of(f.rule()).orElseThrow().kind() == Rule.Kind.STRUCTURAL)
                .map(f -> f.pos() + " [" + f.rule() + "] " + f.message())
                .toList();
    }

    @Test
    void runbooksAreReadWhereTheyAreAndLinkedAsOnGithub() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "opsbook.yaml",
                        "layouts:\n  - runbooks: \"alerts/{service}/{runbook}.md\"\n    owner: ops\n"
                                + "    addresses: \"runbooks/{service}/{runbook:lower}/\"\n")
                .file("alerts/node/_index.md", "---\ntitle: Node exporter\nbookCollapseSection: true\n---\n")
                .file(
                        "alerts/node/NodeDiskFull.md",
                        RUNBOOK.formatted(
                                "Node disk full",
                                "NodeDiskFull",
                                "See [the clock](../clock/ClockSkew.md#meaning) and [the API](../../services/api/runbooks/api-down.md)."))
                .file(
                        "alerts/clock/ClockSkew.md",
                        RUNBOOK.formatted(
                                "Clock skew", "ClockSkew", "Back to [disks]({{< ref \"../node/NodeDiskFull.md\" >}})."))
                .file("alerts/clock/README.md", "# For the repository's readers\n")
                .file("alerts/api/Extra.md", RUNBOOK.formatted("Extra", "Extra", "More for the native service."))
                .file("guides/policy.md", "# Policy\n\nThe [disk runbook](../alerts/node/NodeDiskFull.md).\n")
                .file(
                        "alerts/node/node.rules.yaml",
                        "groups:\n  - name: node\n    rules:\n      - alert: NodeDiskFull\n        expr: disk_free < 0.05\n"
                                + "        labels: { severity: critical }\n        annotations: { runbook: NodeDiskFull }\n");
        BuildResult r = build(tree);
        assertEquals(List.of(), structural(r));
        Path site = dir.resolve("site");
        Document disk = Jsoup.parse(
                site.resolve("services/node/runbooks/NodeDiskFull.html").toFile(), "UTF-8");
        assertEquals("Node disk full", disk.selectFirst("h1").text());
        assertEquals(1, disk.select("h1").size());
        assertEquals(
                List.of("../../clock/runbooks/ClockSkew.html#meaning", "../../api/runbooks/api-down.html"),
                disk.select(".markdown a").eachAttr("href"));
        assertTrue(disk.select("a[href$=alerts/node/NodeDiskFull.md]").size() <= 1);
        Document clock = Jsoup.parse(
                site.resolve("services/clock/runbooks/ClockSkew.html").toFile(), "UTF-8");
        assertEquals(
                List.of("../../node/runbooks/NodeDiskFull.html"),
                clock.select(".markdown a").eachAttr("href"));
        // Hugo's section page names the service; the native service gets the layout's runbook too
        Document node = Jsoup.parse(site.resolve("services/node/index.html").toFile(), "UTF-8");
        assertEquals("Node exporter", node.selectFirst("h1").text());
        // a rule file in the layout's folder is the service's, its runbook annotation naming the runbook
        assertEquals(
                List.of("runbooks/NodeDiskFull.html"),
                node.select("#alert-NodeDiskFull a[href*=runbooks]").eachAttr("href"));
        assertTrue(
                r.findings().stream().noneMatch(f -> f.rule().startsWith("alert-")),
                r.findings().toString());
        assertTrue(Files.isRegularFile(site.resolve("services/api/runbooks/Extra.html")));
        assertTrue(Files.isRegularFile(site.resolve("services/api/runbooks/api-down.html")));
        // the addresses the alert rules use
        String redirect = Files.readString(site.resolve("runbooks/node/nodediskfull/index.html"));
        assertTrue(redirect.contains("url=../../../services/node/runbooks/NodeDiskFull.html"), redirect);
        Document guide = Jsoup.parse(site.resolve("guides/policy.html").toFile(), "UTF-8");
        assertEquals(
                "../services/node/runbooks/NodeDiskFull.html",
                guide.selectFirst(".markdown a").attr("href"));
        // findings name the files as the repository has them; a layout's own service is defined in opsbook.yaml
        assertTrue(
                r.findings().stream()
                        .anyMatch(f -> f.rule().equals("runbook-stale")
                                && f.pos().file().equals("alerts/node/NodeDiskFull.md")),
                r.findings().toString());
        assertTrue(
                r.findings().stream()
                        .anyMatch(f -> f.rule().equals("sla-present")
                                && f.service().equals("node")
                                && f.pos().file().equals("opsbook.yaml")),
                r.findings().toString());
        assertTrue(
                r.findings().stream()
                        .noneMatch(f -> f.pos() != null && f.pos().file().startsWith("services/node/")),
                "no finding at a file that does not exist");
        assertTrue(
                Files.isRegularFile(site.resolve("alerts/clock/README.html")),
                "a README is no runbook: a document of the service");
        assertTrue(Files.notExists(site.resolve("services/clock/runbooks/README.html")));
    }

    @Test
    void aLayoutThatCannotBeUsedAndAFolderThatIsNoIdAreFindingsWhereTheyAreWritten() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "opsbook.yaml",
                        "layouts:\n  - runbooks: \"{runbook}.md\"\n  - runbooks: \"x/{service}/{service}/{runbook}.md\"\n"
                                + "  - runbooks: \"{service}/{runbook}.md\"\n    addresses: \"../{runbook}\"\n"
                                + "  - runbooks: \"{service}/{runbook}.md\"\n    owner: ops\n    addresses: \"assets/{runbook}/\"\n")
                .file("Bad Folder/Thing.md", RUNBOOK.formatted("T", "T", "x"));
        List<String> errors = structural(build(tree));
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("opsbook.yaml:2:") && e.contains("has no {service}")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("opsbook.yaml:3:") && e.contains("more than once")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("opsbook.yaml:5:") && e.contains("not a path of this site")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("opsbook.yaml:8:") && e.contains("[unsafe-path]")),
                errors.toString());
        assertTrue(
                errors.stream().anyMatch(e -> e.startsWith("Bad Folder/Thing.md") && e.contains("[invalid-id]")),
                errors.toString());
        assertEquals(5, errors.size(), errors.toString());
    }
}
