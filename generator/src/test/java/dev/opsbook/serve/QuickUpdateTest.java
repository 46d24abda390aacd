package dev.opsbook.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's quick update asks the site plan which pages an edited file feeds and rewrites exactly
 * those: a team file the pages that show its people, a rota the pages that show who is on call, a
 * service file the pages that name the service; the pages of another team's service, and the reports,
 * stay as they were until the full build.
 */
class QuickUpdateTest {
    @TempDir
    Path dir;

    private ContentTree tree;
    private BuildRequest request;
    private final Opsbook opsbook = new Opsbook(2);
    private Path site;

    @BeforeEach
    void build() throws Exception {
        tree = ContentTree.complete(dir.resolve("content"))
                .file(
                        "teams/web.yaml",
                        "name: Web\nmembers:\n  - { id: erin, name: Erin }\n  - { id: frank, name: Frank }\n")
                .file(
                        "services/shop/service.yaml",
                        "name: Shop\nowner: web\nalerts:\n"
                                + "  - { name: ShopDown, severity: P2, runbook: shop-down }\n")
                .file(
                        "services/shop/rota.yaml",
                        "start: 2026-11-02T09:00\nrotation: 1w\nlead: [erin]\nengineer: [frank]\n")
                .file(
                        "services/shop/runbooks/shop-down.md",
                        ContentTree.COMPLETE_RUNBOOK.replace("API down", "Shop down"));
        site = dir.resolve("site");
        request = new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null);
        opsbook.build(request);
    }

    private Map<String, byte[]> files() throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> all = Files.walk(site)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                out.put(site.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private List<String> update(String file) {
        Optional<List<String>> written = new QuickUpdate(opsbook).update(request, List.of(file));
        assertTrue(written.isPresent(), "a quick update for " + file);
        return written.get();
    }

    /** The files whose bytes differ between two states of the site. */
    private static List<String> changed(Map<String, byte[]> before, Map<String, byte[]> after) {
        return after.keySet().stream()
                .filter(f -> !java.util.Arrays.equals(before.get(f), after.get(f)))
                .sorted()
                .toList();
    }

    @Test
    void anEditedTeamFileRewritesThePagesThatShowItsPeopleAsTheFullBuildWould() throws Exception {
        Map<String, byte[]> before = files();
        tree.file("teams/ops.yaml", ContentTree.COMPLETE_TEAM.replace("name: Carol,", "name: Caroline Quay,"));
        List<String> written = update("teams/ops.yaml");
        assertTrue(
                written.containsAll(List.of(
                        "teams/ops.html",
                        "teams/index.html",
                        "index.html",
                        "oncall.html",
                        "services/api/index.html",
                        "services/api/runbooks/api-down.html")),
                written.toString());
        for (String page : List.of(
                "services/shop/index.html",
                "services/shop/runbooks/shop-down.html",
                "teams/web.html",
                "severities.html",
                "readiness/index.html",
                "actions.html",
                "services/api/reviews/osr-1.html")) {
            assertFalse(written.contains(page), page + " does not show the people of ops: " + written);
        }
        Map<String, byte[]> quick = files();
        for (String page : written) {
            assertTrue(
                    new String(quick.get(page), java.nio.charset.StandardCharsets.UTF_8).contains("Caroline Quay")
                            || page.equals("teams/index.html")
                            || page.equals("index.html"),
                    page);
        }
        // nothing else was touched, and what was written is what the full build writes
        assertEquals(
                written.stream()
                        .filter(p -> changed(before, quick).contains(p))
                        .sorted()
                        .toList(),
                changed(before, quick));
        opsbook.build(request);
        Map<String, byte[]> full = files();
        for (String page : written) {
            assertTrue(java.util.Arrays.equals(full.get(page), quick.get(page)), page + " as the full build writes it");
        }
        assertTrue(
                new String(full.get("assets/search-index.js"), java.nio.charset.StandardCharsets.UTF_8)
                        .contains("Caroline Quay"),
                "the full build brings the rest");
    }

    @Test
    void anEditedRotaRewritesThePagesThatShowWhoIsOnCall() throws Exception {
        Map<String, byte[]> before = files();
        tree.file(
                "services/api/rota.yaml",
                ContentTree.COMPLETE_ROTA.replace("lead: [alice, bob]", "lead: [bob, alice]"));
        List<String> written = update("services/api/rota.yaml");
        assertTrue(
                written.containsAll(List.of(
                        "services/api/index.html",
                        "services/api/runbooks/api-down.html",
                        "oncall.html",
                        "index.html",
                        "teams/ops.html")),
                written.toString());
        assertFalse(written.contains("services/shop/index.html"), written.toString());
        assertFalse(written.contains("services/api/reviews/osr-1.html"), written.toString());
        List<String> changed = changed(before, files());
        assertTrue(changed.contains("services/api/index.html"), "the service page shows the new order: " + changed);
        assertTrue(written.containsAll(changed), changed.toString());
    }

    @Test
    void anEditedServiceFileRewritesThePagesThatNameTheService() throws Exception {
        tree.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE.replace("name: API", "name: Public API"));
        List<String> written = update("services/api/service.yaml");
        assertTrue(
                written.containsAll(List.of(
                        "services/api/index.html",
                        "services/api/runbooks/api-down.html",
                        "services/api/reviews/osr-1.html",
                        "index.html",
                        "teams/ops.html",
                        "oncall.html")),
                written.toString());
        assertFalse(written.contains("services/shop/runbooks/shop-down.html"), written.toString());
        assertTrue(Files.readString(site.resolve("services/api/reviews/osr-1.html"))
                .contains("Public API"));
    }

    @Test
    void whatAQuickUpdateCannotStandInForIsLeftToTheFullBuild() throws Exception {
        QuickUpdate quick = new QuickUpdate(opsbook);
        tree.file("opsbook.yaml", "title: Another\n");
        assertEquals(
                Optional.empty(),
                quick.update(request, List.of("opsbook.yaml")),
                "every page and the reading depend on it");
        tree.file("teams/ops.yaml", "name: [unclosed\n");
        assertEquals(Optional.empty(), quick.update(request, List.of("teams/ops.yaml")), "a file that does not parse");
        assertEquals(
                Optional.empty(),
                quick.update(request, List.of("services/api/runbooks/new.md")),
                "a file the build did not read");
        assertEquals(
                Optional.empty(),
                new QuickUpdate(new Opsbook(1)).update(request, List.of("services/api/rota.yaml")),
                "no build yet");
    }
}
