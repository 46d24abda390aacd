package dev.opsbook.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.ContentTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** yaml-syntax: a file that does not parse is one finding, and the rest of the handbook is still checked. */
class YamlSyntaxTest {
    @TempDir
    Path dir;

    @Test
    void tabIndentationIsOneFindingAndTheRestIsStillChecked() {
        var tree = ContentTree.minimal(dir)
                .file("teams/ops.yaml", "name: Ops\nmembers:\n\t- { id: alice, name: Alice }\n")
                .file("services/api/sla.yaml", "availability: 99.9\nperod: month\n");
        assertEquals(
                List.of(
                        "services/api/sla.yaml:2:1: error: unknown key 'perod' (did you mean 'period'?) [schema]",
                        "teams/ops.yaml:3:1: error: YAML does not parse: found character '\\t(TAB)' that cannot start any token."
                                + " (Do not use \\t(TAB) for indentation) (while scanning for the next token) [yaml-syntax]"),
                tree.structural().stream()
                        .filter(f -> !f.contains("broken-reference"))
                        .toList());
    }

    @Test
    void unclosedQuote() {
        var tree = ContentTree.minimal(dir).file("services/api/service.yaml", "owner: ops\nname: \"API\n");
        List<String> findings = tree.structural();
        assertEquals(1, findings.size(), findings.toString());
        // reported where the quote opens, not at the end of the file where the parser noticed
        assertEquals(
                "services/api/service.yaml:2:7: error: YAML does not parse: the quoted text that starts here is not"
                        + " closed by the end of the file [yaml-syntax]",
                findings.get(0));
    }

    @Test
    void unclosedListOrMappingIsReportedWhereItOpens() {
        var tree = ContentTree.minimal(dir)
                .file("services/api/service.yaml", "owner: ops\nname: API\ndependsOn: [ledger,\n  fraud\n")
                .file("teams/ops.yaml", "name: Ops\nmembers:\n  - { id: alice, name: Alice\n");
        assertEquals(
                List.of(
                        "services/api/service.yaml:3:12: error: YAML does not parse: the list in [ ] that starts here is not"
                                + " closed by the end of the file [yaml-syntax]",
                        "teams/ops.yaml:3:5: error: YAML does not parse: the mapping in { } that starts here is not closed by"
                                + " the end of the file [yaml-syntax]"),
                syntaxErrors(tree));
    }

    @Test
    void aBracketOpenedJustBeforeTheEndIsFoundPastQuotesCommentsAndClosedOnes() {
        // the parser says only "expected the node content, but found '<stream end>'", at the end
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/service.yaml",
                        "owner: ops\n# a comment with [ and {\nname: 'API [beta'\n"
                                + "description: a[b] {c}\ndependsOn: [ledger, \"x]\", {a: [1]},\n  {b: [\n")
                .file("teams/ops.yaml", "name: Ops\nmembers: [\n");
        assertEquals(
                List.of(
                        "services/api/service.yaml:5:12: error: YAML does not parse: the list in [ ] that starts here is not"
                                + " closed by the end of the file [yaml-syntax]",
                        "teams/ops.yaml:2:10: error: YAML does not parse: the list in [ ] that starts here is not closed by the"
                                + " end of the file [yaml-syntax]"),
                syntaxErrors(tree));
    }

    @Test
    void unclosedQuoteInFrontMatterCountsTheLinesBeforeIt() {
        var tree = ContentTree.minimal(dir)
                .file("services/api/runbooks/api-down.md", "---\ntitle: \"API down\nseverity: P1\n---\n## Symptoms\n");
        assertEquals(
                List.of("services/api/runbooks/api-down.md:2:8: error: YAML does not parse: the quoted text that"
                        + " starts here is not closed by the end of the file [yaml-syntax]"),
                syntaxErrors(tree));
    }

    @Test
    void theCommonestMistakesGetAHintOfTheirOwn() {
        var tree = ContentTree.minimal(dir)
                .file("services/api/service.yaml", "owner: ops\nname: API: public\n")
                .file("teams/ops.yaml", "name: Ops\nmembers:\n\t- { id: alice, name: Alice }\n")
                .file(
                        "services/api/sla.yaml",
                        "availability: 99.9\nresponseTimes:\n  P1: { acknowledge: 15m }\n   P2: x\n");
        assertEquals(
                List.of(
                        "a value that holds ': ' must be in quotes, such as name: \"Ledger: the books\"",
                        "indent the entries of one list or mapping by the same number of spaces",
                        "indent with spaces, not tabs"),
                tree.result().findings().stream()
                        .filter(f -> f.rule().equals("yaml-syntax"))
                        .sorted(java.util.Comparator.comparing(f -> f.pos().file()))
                        .map(f -> f.hint())
                        .toList());
    }

    @Test
    void frontMatterThatIsNotClosed() {
        var tree = ContentTree.minimal(dir)
                .file("services/api/runbooks/api-down.md", "---\ntitle: API down\n## Symptoms\n");
        assertEquals(
                List.of("services/api/runbooks/api-down.md:1:1: error: front matter is not closed: no line '---'"
                        + " after the opening '---' [yaml-syntax]"),
                tree.structural());
    }

    @Test
    void anUnreadableFileIsOneFindingWithoutFollowOnReferences() {
        var tree = ContentTree.minimal(dir)
                .file("teams/ops.yaml", "name: Ops\nmembers: [\n")
                .file(
                        "services/api/rota.yaml",
                        "start: 2026-11-02T09:00\nrotation: 1w\nlead: [alice]\nengineer: [bob]\n")
                .file("services/api/service.yaml", "owner: ops\nname: [API\n");
        List<String> findings = tree.structural();
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("services/api/service.yaml:"), findings.get(0));
        assertTrue(findings.get(1).startsWith("teams/ops.yaml:"), findings.get(1));
    }

    @Test
    void shortReferencesInMarkdownToWhatAnUnreadableFileDefinesAreNotReportedEither() {
        var tree = ContentTree.minimal(dir)
                .file("teams/ops.yaml", "name: Ops\nmembers: [\n")
                .file("severities.yaml", "severities:\n  - { id: P1, name: Critical\n")
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: API down\n---\nAsk [Alice](person:alice) and"
                                + " [Ops](team:ops) at [P1](severity:P1); [Nobody](service:nobody) is still reported.\n");
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md:4:78: error: broken link 'service:nobody': there is no service"
                                + " 'nobody' [broken-reference]",
                        "severities.yaml:2:5: error: YAML does not parse: the mapping in { } that starts here is not closed by"
                                + " the end of the file [yaml-syntax]",
                        "teams/ops.yaml:2:10: error: YAML does not parse: the list in [ ] that starts here is not closed by the"
                                + " end of the file [yaml-syntax]"),
                tree.structural());
    }

    @Test
    void frontMatterErrorsPointAtTheLineOfTheFile() {
        var tree = ContentTree.minimal(dir)
                .file(
                        "services/api/runbooks/api-down.md",
                        "---\ntitle: API down\nlastReviewed: yesterday\n---\n## Symptoms\n");
        assertEquals(
                List.of("services/api/runbooks/api-down.md:3:15: error: 'lastReviewed' is not a valid date"
                        + " (YYYY-MM-DD): 'yesterday' [schema]"),
                tree.structural());
    }

    @Test
    void frontMatterThatIsNotAMapping() {
        var tree =
                ContentTree.minimal(dir).file("services/api/runbooks/api-down.md", "---\n- a\n- b\n---\n## Symptoms\n");
        assertEquals(
                List.of("services/api/runbooks/api-down.md:2:1: error: the document must be a mapping of keys to"
                        + " values, found a list [schema]"),
                tree.structural());
    }

    @Test
    void aliasBombIsRefusedQuickly() {
        StringBuilder bomb =
                new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c)
                    .append(": &")
                    .append(c)
                    .append(" [*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append(",*")
                    .append(p)
                    .append("]\n");
        }
        var tree = ContentTree.minimal(dir).file("teams/bomb.yaml", bomb.toString());
        List<String> findings = tree.structural();
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("teams/bomb.yaml:"), findings.get(0));
        assertTrue(findings.get(0).endsWith("[yaml-syntax]"), findings.get(0));
    }

    @Test
    void emptyFileIsAnEmptyMapping() {
        var tree = ContentTree.minimal(dir).file("services/api/sla.yaml", "");
        assertEquals(
                List.of("services/api/sla.yaml:1:1: error: missing required key 'availability' [schema]"),
                tree.structural());
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] text = ("\uFEFF" + ContentTree.TEAM).getBytes(StandardCharsets.UTF_8);
        var tree = ContentTree.minimal(dir).bytes("teams/ops.yaml", text);
        assertEquals(List.of(), tree.structural());
    }

    @Test
    void textBeyondAsciiIsReadAsWritten() throws Exception {
        // ASCII files take a shortcut past the UTF-8 decoder; the others must still decode exactly
        String name = "Ren\u00e9e \u03a9mega \ud83d\ude80";
        var handbook = ContentTree.minimal(dir)
                .bytes(
                        "teams/ops.yaml",
                        ("name: Ops\nmembers:\n  - { id: alice, name: " + name + " }\n  - { id: bob, name: Bob }\n")
                                .getBytes(StandardCharsets.UTF_8))
                .handbook();
        assertEquals(name, handbook.person("alice").orElseThrow().name());
        assertEquals("Bob", handbook.person("bob").orElseThrow().name());
    }

    @Test
    void bytesThatAreNotUtf8NameTheLine() {
        byte[] latin1 =
                "name: Ops\nmembers:\n  - { id: alice, name: Ren\u00e9e }\n".getBytes(StandardCharsets.ISO_8859_1);
        var tree = ContentTree.minimal(dir).bytes("teams/ops.yaml", latin1);
        assertEquals(
                List.of("teams/ops.yaml:3:27: error: file is not valid UTF-8: byte 0xe9 cannot start or continue a"
                        + " character [yaml-syntax]"),
                tree.structural().stream()
                        .filter(f -> !f.contains("broken-reference"))
                        .toList());
    }

    /** The yaml-syntax findings of a tree, as the CLI prints them. */
    private static List<String> syntaxErrors(ContentTree tree) {
        return tree.structural().stream().filter(f -> f.contains("yaml-syntax")).toList();
    }
}
