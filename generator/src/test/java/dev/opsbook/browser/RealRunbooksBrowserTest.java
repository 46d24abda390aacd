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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The 108 runbooks that prometheus-operator publishes for its Hugo site (../shared/realworld, which CI
 * has; their text is not copied into this repository), each file as it is, placed in the native layout
 * (one service per component folder): no front matter, id or link finding (Hugo's ref shortcodes resolved), every page one h1, none scrolls
 * sideways on a phone.
 */
class RealRunbooksBrowserTest {
    @TempDir
    Path dir;

    private static final Path RUNBOOKS = Path.of("../../shared/realworld/prometheus-operator-runbooks/runbooks");

    @Test
    void theRunbooksOfPrometheusOperatorAsTheyAre() throws Exception {
        assumeTrue(Files.isDirectory(RUNBOOKS), "../shared/realworld is beside the repository in CI");
        Path content = dir.resolve("content");
        Files.createDirectories(content.resolve("teams"));
        Files.writeString(
                content.resolve("severities.yaml"),
                "severities:\n  - { id: critical, name: Critical }\n  - { id: warning, name: Warning }\n");
        Files.writeString(
                content.resolve("teams/SRE-A.yaml"),
                "name: SRE A\nmembers:\n  - { id: amelia.park, name: Amelia Park }\n");
        // Hugo's section pages are not runbooks
        Files.writeString(content.resolve("opsbook.yaml"), "exclude: [\"services/*/runbooks/_index.md\"]\n");
        int copied = 0;
        try (Stream<Path> folders = Files.list(RUNBOOKS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path service =
                        content.resolve("services").resolve(folder.getFileName().toString());
                Files.createDirectories(service.resolve("runbooks"));
                Files.writeString(service.resolve("service.yaml"), "owner: SRE-A\n");
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".md"))
                            .sorted()
                            .toList()) {
                        Files.copy(
                                f,
                                service.resolve("runbooks")
                                        .resolve(f.getFileName().toString()));
                        copied++;
                    }
                }
            }
        }
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
    }
}
