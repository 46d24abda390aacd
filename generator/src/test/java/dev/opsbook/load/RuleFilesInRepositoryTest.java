package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Rule files where a repository keeps them (deploy/prometheus/, beside the handbook's folder): named in
 * opsbook.yaml, read when they are inside the repository that holds the content folder, never through a
 * link out of it, and refused when a glob reaches beyond it.
 */
class RuleFilesInRepositoryTest {
    @TempDir
    Path dir;

    private static final String RULES =
            "groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n"
                    + "        labels: { severity: critical }\n        annotations: { runbook: api-down }\n";

    @Test
    void ruleFilesBesideTheHandbookInTheRepositoryAreRead() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        ContentTree tree = ContentTree.minimal(repo.resolve("handbook"))
                .file("opsbook.yaml", "alertRules:\n  - files: \"../deploy/prometheus/*.yaml\"\n    service: api\n");
        Path deploy = Files.createDirectories(repo.resolve("deploy/prometheus"));
        Files.writeString(deploy.resolve("api.yaml"), RULES.replace("ApiDown", "ApiErrors"));
        Files.writeString(dir.resolve("outside.yaml"), RULES.replace("ApiDown", "Outside"));
        Files.createSymbolicLink(deploy.resolve("link.yaml"), dir.resolve("outside.yaml"));
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(
                List.of(),
                r.findings().stream()
                        .filter(f -> dev.opsbook.finding.Rules.isStructural(f.rule()))
                        .map(f -> f.format())
                        .toList());
        Document api = Jsoup.parse(site.resolve("services/api/index.html").toFile(), "UTF-8");
        assertEquals(
                List.of("../deploy/prometheus/api.yaml:4"),
                api.select("#alert-ApiErrors small.source").eachText());
        assertTrue(api.select("#alert-Outside").isEmpty(), "a link out of the repository is not followed");
    }

    @Test
    void aGlobBeyondTheRepositoryIsRefused() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo.resolve(".git"));
        ContentTree tree = ContentTree.minimal(repo.resolve("handbook"))
                .file(
                        "opsbook.yaml",
                        "alertRules:\n  - files: \"../../elsewhere/*.yaml\"\n  - files: \"/etc/*.yaml\"\n");
        List<String> f = tree.structural();
        assertEquals(2, f.size(), f.toString());
        assertTrue(
                f.get(0)
                        .startsWith(
                                "opsbook.yaml:2:5: error: rule files '../../elsewhere/*.yaml' are outside the repository"),
                f.get(0));
        assertTrue(
                f.get(1).startsWith("opsbook.yaml:3:12: error: rule files '/etc/*.yaml' are named by an absolute path"),
                f.get(1));
    }
}
