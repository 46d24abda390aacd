package dev.opsbook.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus rule files are input like every other file: an alias bomb, nesting thousands deep, a huge file,
 * tabs, a tag, a rule without its expression, a document of another kind: a finding each at its place,
 * quickly, with no stack trace, and the rest of the handbook still checked.
 */
class HostileRuleFilesTest {
    @TempDir
    Path dir;

    private static final String RULES = "services/api/alerts.rules.yaml";

    private List<String> findings(String text) {
        return HostileInputTest.structural(ContentTree.minimal(dir).file(RULES, text)).stream()
                .filter(f -> f.startsWith(RULES))
                .toList();
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [")
                    .append(String.join(",", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
                    .append("]\n");
        }
        List<String> f = findings(bomb.toString());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith(RULES + ":1:1: error: YAML is refused: Number of aliases"), f.get(0));
    }

    @Test
    void nestingThousandsDeepIsRefused() {
        List<String> f = findings("groups: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("Nesting Depth exceeded"), f.get(0));
    }

    @Test
    void aHugeFileIsRefused() {
        List<String> f = findings("groups:\n  - name: big\n    rules:\n      - alert: X\n        expr: \""
                + "x".repeat(3 * 1024 * 1024) + "\"\n");
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("more than the limit of"), f.get(0));
    }

    @Test
    void tabsAndTagsAreFindingsAtTheirPlace() {
        List<String> tabs = findings("groups:\n\t- name: x\n");
        assertEquals(1, tabs.size(), tabs.toString());
        assertTrue(tabs.get(0).startsWith(RULES + ":2:") && tabs.get(0).endsWith("[yaml-syntax]"), tabs.get(0));
        List<String> tag = findings("groups: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertEquals(1, tag.size(), tag.toString());
        assertTrue(tag.get(0).contains("Global tag is not allowed"), tag.get(0));
    }

    @Test
    void rulesWithoutExpressionOrNameAndForeignObjectsAreSchemaFindings() {
        List<String> f = findings(
                """
                groups:
                  - name: api
                    rules:
                      - alert: ApiDown
                        labels: { severity: critical }
                      - expr: up == 0
                      - record: job:up:sum
                        expr: sum(up)
                      - alert: ApiSlow
                        expr: latency > 1
                        labels: { severity: page }
                        colour: red
                ---
                apiVersion: v1
                kind: ConfigMap
                """);
        assertEquals(5, f.size(), f.toString());
        assertTrue(f.get(0).startsWith(RULES + ":4:9:") && f.get(0).contains("'expr'"), f.get(0));
        assertTrue(f.get(1).startsWith(RULES + ":6:9:") && f.get(1).contains("'alert'"), f.get(1));
        assertTrue(f.get(2).startsWith(RULES + ":11:29:") && f.get(2).contains("severity 'page'"), f.get(2));
        assertTrue(f.get(3).startsWith(RULES + ":12:9:") && f.get(3).contains("unknown key 'colour'"), f.get(3));
        assertTrue(f.get(4).startsWith(RULES + ":15:7:") && f.get(4).contains("ConfigMap"), f.get(4));
    }
}
