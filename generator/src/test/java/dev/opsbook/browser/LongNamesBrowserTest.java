package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real runbooks are named after their alerts (KubePersistentVolumeFillingUp, CephOSDSlowOps):
 * 60-letter CamelCase names, unbroken, in titles, previous/next links, breadcrumbs, tables and on-call
 * boxes must never make a phone's page scroll sideways.
 */
class LongNamesBrowserTest {
    @TempDir
    Path dir;

    private static final String LONG = "KubePersistentVolumeFillingUpAgainAndAgainOnEveryNodeOfTheFleet";

    @Test
    void sixtyLetterNamesNeverScrollSidewaysAt360Pixels() throws Exception {
        assertTrue(LONG.length() >= 60);
        ContentTree tree = ContentTree.complete(dir.resolve("content"))
                .file(
                        "teams/ops.yaml",
                        "name: " + LONG + "Team\nmembers:\n  - { id: alice, name: " + LONG + "Alice }\n"
                                + "  - { id: bob, name: Bob }\n  - { id: carol, name: Carol }\n  - { id: dave, name: Dave }\n")
                .file(
                        "services/api/service.yaml",
                        ContentTree.COMPLETE_SERVICE
                                .replace("name: API", "name: " + LONG)
                                .replace("name: ApiDown", "name: " + LONG + "Alert"))
                .file(
                        "services/api/runbooks/api-down.md",
                        ContentTree.COMPLETE_RUNBOOK.replace("title: API down", "title: " + LONG + "Down"))
                .file(
                        "services/api/runbooks/b-second.md",
                        ContentTree.COMPLETE_RUNBOOK.replace("title: API down", "title: " + LONG + "Second"))
                .file(
                        "services/api/runbooks/c-third.md",
                        ContentTree.COMPLETE_RUNBOOK.replace("title: API down", "title: " + LONG + "Third"))
                .file("guides/" + "a".repeat(60) + ".md", "# " + LONG + "Guide\n\n## " + LONG + "Section\n\nText.\n")
                .file(
                        "services/api/runbooks/helpers/" + "b".repeat(60) + ".md",
                        "# " + LONG + "Helper\n\n## " + LONG + "Part\n\n- [ ] " + LONG + "Task\n\n> [!NOTE]\n> " + LONG
                                + "Note\n");
        Path site = dir.resolve("site");
        new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        List<String> pages;
        try (var files = Files.walk(site)) {
            pages = files.filter(f -> f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertTrue(pages.contains("services/api/runbooks/b-second.html") && pages.size() > 12, pages.toString());
        assertTrue(pages.contains("services/api/runbooks/helpers/" + "b".repeat(60) + ".html"), "a document");
        List<String> wide = new ArrayList<>();
        try (Browser phone = new Browser(360, 740)) {
            for (String page : pages) {
                phone.open(site.resolve(page));
                Object overflow = phone.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (!Long.valueOf(0).equals(overflow)) {
                    wide.add(page + " by " + overflow + " px");
                }
            }
        }
        assertEquals(List.of(), wide, "pages that scroll sideways at 360 px");
    }
}
