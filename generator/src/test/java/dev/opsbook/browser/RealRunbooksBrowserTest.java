package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The 108 runbooks that prometheus-operator publishes for its Hugo site (../shared/realworld, which CI
 * has; their text is not copied into this repository), used as a content folder as they are: no file
 * moved, renamed or changed, with only opsbook.yaml (a layout: one service per component folder), the
 * severity levels and a team added beside them. No front matter, id or link finding (Hugo's ref
 * shortcodes resolved), every page one h1, none scrolls sideways on a phone, and every runbook reachable
 * at the address kube-prometheus's alert rules give as their runbook_url.
 */
class RealRunbooksBrowserTest {
    @TempDir
    Path dir;

    private static final Path RUNBOOKS = Path.of("../../shared/realworld/prometheus-operator-runbooks/runbooks");
    private static final Path RULES = Path.of("../../shared/realworld/kube-prometheus-rules");

    @Test
    void theRunbooksOfPrometheusOperatorAsTheyAre() throws Exception {
        assumeTrue(Files.isDirectory(RUNBOOKS), "../shared/realworld is beside the repository in CI");
        Path content = dir.resolve("content");
        int copied = 0;
        try (Stream<Path> files = Files.walk(RUNBOOKS)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path to = content.resolve(RUNBOOKS.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
                copied += f.getFileName().toString().startsWith("_") ? 0 : 1;
            }
        }
        Files.createDirectories(content.resolve("teams"));
        Files.writeString(
                content.resolve("severities.yaml"),
                "severities:\n  - { id: critical, name: Critical }\n  - { id: warning, name: Warning }\n");
        Files.writeString(
                content.resolve("teams/SRE-A.yaml"),
                "name: SRE A\nmembers:\n  - { id: amelia.park, name: Amelia Park }\n");
        Files.writeString(
                content.resolve("opsbook.yaml"),
                "layouts:\n  - runbooks: \"{service}/{runbook}.md\"\n    owner: SRE-A\n"
                        + "    addresses: \"runbooks/{service}/{runbook:lower}/\"\n");
        assertTrue(copied >= 108, copied + " files");
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook().build(new BuildRequest(content, site, LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(
                List.of(),
                r.findings().stream()
                        .filter(f -> List.of(
                                        "yaml-syntax",
                                        "schema",
                                        "invalid-id",
                                        "duplicate-id",
                                        "unsafe-path",
                                        "unsafe-content")
                                .contains(f.rule()))
                        .map(f -> f.format())
                        .toList());
        // every {{< ref >}} between them is a link to the page
        String nodeDown = Files.readString(site.resolve("services/node/runbooks/NodeFilesystemSpaceFillingUp.html"));
        assertTrue(nodeDown.contains("<h1>Node Filesystem Space Filling Up</h1>"), "the Hugo title");
        assertTrue(nodeDown.contains("href=\"NodeFilesystemFilesFillingUp.html\""), "a ref shortcode became a link");
        List<String> pages;
        try (Stream<Path> files = Files.walk(site.resolve("services"))) {
            pages = files.filter(f -> f.getParent().getFileName().toString().equals("runbooks")
                            && f.toString().endsWith(".html"))
                    .map(f -> site.relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(108, pages.size(), pages.toString());
        List<String> wrong = new ArrayList<>();
        try (Browser phone = new Browser(360, 740)) {
            for (String page : pages) {
                phone.open(site.resolve(page));
                int h1 = phone.driver().findElements(By.tagName("h1")).size();
                Object overflow = phone.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                if (h1 != 1 || !Long.valueOf(0).equals(overflow)) {
                    wrong.add(page + ": " + h1 + " h1, " + overflow + " px sideways");
                }
            }
        }
        assertEquals(List.of(), wrong);
        // the addresses the alert rules link to: each leads to its runbook's page
        Pattern url = Pattern.compile(
                "runbook_url: https://runbooks\\.prometheus-operator\\.dev/(runbooks/([^/\\s]+)/(\\S+))");
        int reached = 0;
        List<String> lost = new ArrayList<>();
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = url.matcher(Files.readString(f));
                while (m.find()) {
                    Path redirect = site.resolve(m.group(1)).resolve("index.html");
                    boolean written = pages.stream().anyMatch(p -> p.toLowerCase(java.util.Locale.ROOT)
                            .equals("services/" + m.group(2) + "/runbooks/" + m.group(3) + ".html"));
                    if (written && Files.isRegularFile(redirect)) {
                        reached++;
                    } else if (written) {
                        lost.add(m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), lost, "runbooks not at their alert's runbook_url");
        assertTrue(reached >= 99, reached + " runbook_urls reach their runbook");
    }
}
