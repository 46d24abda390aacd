package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A runbook's earlier addresses (Hugo's {@code aliases:}) are pages that send the reader on, from
 * {@code file://} in a real browser; an alias that is no path of the site, takes a path the site writes,
 * or is claimed twice is a finding.
 */
class AliasesBrowserTest {
    @TempDir
    Path dir;

    private static final String RUNBOOK =
            """
            ---
            title: API down
            aliases:
              - /kubepodcrashlooping/
              - old/name.html
            ---
            ## Symptoms
            """;

    @Test
    void anEarlierAddressSendsTheReaderToThePage() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file("services/api/runbooks/api-down.md", RUNBOOK)
                .file("guides/basics.md", "---\naliases: [handbook/basics]\n---\n# Basics\n");
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(
                List.of(),
                r.findings().stream()
                        .filter(f -> f.rule().equals("schema")
                                || f.rule().equals("unsafe-path")
                                || f.rule().equals("duplicate-id"))
                        .toList());
        String alias = Files.readString(site.resolve("kubepodcrashlooping/index.html"));
        assertTrue(
                alias.contains(
                        "<meta http-equiv=\"refresh\" content=\"0; url=../services/api/runbooks/api-down.html\">"),
                alias);
        assertTrue(
                Files.readString(site.resolve("old/name.html")).contains("url=../services/api/runbooks/api-down.html"));
        assertTrue(
                Files.readString(site.resolve("handbook/basics/index.html")).contains("url=../../guides/basics.html"));
        assertTrue(
                !Files.readString(site.resolve("sitemap.xml")).contains("kubepodcrashlooping"), "not in the sitemap");
        try (Browser browser = new Browser(1024, 768)) {
            browser.open(site.resolve("kubepodcrashlooping/index.html"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.getCurrentUrl().endsWith("services/api/runbooks/api-down.html"));
            assertEquals(
                    "API down", browser.driver().findElement(By.tagName("h1")).getText());
        }
    }

    @Test
    void anAliasThatIsNoPathOfTheSiteOrIsTakenIsAFinding() throws Exception {
        ContentTree tree = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        """
                        ---
                        title: API down
                        aliases: ["https://elsewhere.example/x", "../../etc/passwd", "assets/opsbook.html", "services/api/index.html", "shared/"]
                        ---
                        ## Symptoms
                        """)
                .file("services/api/runbooks/second.md", "---\ntitle: Second\naliases: [shared/]\n---\n## Symptoms\n");
        BuildResult r = new Opsbook(1)
                .build(new BuildRequest(
                        tree.root(), dir.resolve("site"), LocalDate.of(2026, 11, 21), null, true, null));
        List<String> found = r.findings().stream()
                .filter(f -> List.of("schema", "unsafe-path", "duplicate-id").contains(f.rule()))
                .map(f -> f.rule() + ": " + f.message())
                .toList();
        assertEquals(
                List.of(
                        "schema: alias '../../etc/passwd' is not a path of this site",
                        "schema: alias 'https://elsewhere.example/x' is not a path of this site",
                        "unsafe-path: alias 'assets/opsbook.html' cannot be published: assets/ is a folder that only the site writes into",
                        "unsafe-path: alias 'services/api/index.html' cannot be published: services/api/index.html is a file the"
                                + " site generates",
                        "duplicate-id: alias 'shared/index.html' is already an earlier address of services/api/runbooks/api-down.html"),
                found);
    }
}
