package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.model.Markdown;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bodies under the size limit whose cost is not: each made a minute of parsing or a gigabyte of heap
 * before these limits (a table padded to a wide header, one reference used thousands of times, millions
 * of elements); and headings that took the ids the page's own script looks up.
 */
class MarkdownBudgetTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    private record Read(Markdown md, List<Finding> findings) {
        String html() {
            return MarkdownEngine.fill(md.prepared(), u -> u);
        }
    }

    private Read read(String body, BodyStore bodies) {
        Findings findings = new Findings();
        Markdown md = engine.read(body, "services/s/runbooks/r.md", 4, bodies, "s", findings);
        return new Read(md, findings.sorted());
    }

    private static void shownAsWritten(Read r, String message) {
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("schema", f.rule());
        assertEquals("services/s/runbooks/r.md:4:1", f.pos().toString());
        assertTrue(f.message().contains(message), f.message());
        assertTrue(r.html().startsWith("<pre class=\"as-written\"><code>"), r::html);
        assertEquals(List.of(), r.md().links());
        assertEquals(List.of(), r.md().headings());
    }

    @Test
    void elementsAreLinesAndWhatCanOpenAnElement() {
        assertEquals(0, MarkdownBudget.elements("plain words, and more words."));
        assertEquals(5, MarkdownBudget.elements("# a\n*b*\n"));
        assertEquals(2, MarkdownBudget.elements("1. x 2) y 3 . z"));
        assertEquals(4, MarkdownBudget.elements("|a|b|\n"));
        // beyond Latin-1 (counted over ISO 8859-1 bytes, where such a character is '?'): neither element nor digit
        assertEquals(3, MarkdownBudget.elements("\u2192*a* \uFF10. \u00e9|"));
        assertEquals(1, MarkdownBudget.elements("\u0663. 3. \u4e2d)"));
    }

    @Test
    void aBodyOfMoreElementsThanABodyMayHoldIsShownAsWritten() {
        // (2.8 million emphasis delimiters in 4 MiB ran a 1 GB heap out of memory)
        shownAsWritten(read("*a_".repeat(26_000), BodyStore.inMemory()), "more than the 50000 a body may hold");
        shownAsWritten(read("# a\n".repeat(30_000), BodyStore.inMemory()), "elements");
        // just under: formatted as ever
        Read fine = read("# a\n".repeat(24_000), BodyStore.inMemory());
        assertEquals(List.of(), fine.findings());
        assertEquals(24_000, fine.md().headings().size());
    }

    @Test
    void aTableFilledOutToAWideHeaderIsShownAsWritten() {
        // 8,000 columns and 25,000 rows of one cell each: 41,000 elements, 200 million cells once padded
        String table = "|a".repeat(8_000) + "|\n" + "|-".repeat(8_000) + "|\n" + "x\n".repeat(25_000);
        assertTrue(MarkdownBudget.elements(table) <= MarkdownBudget.MAX_ELEMENTS);
        shownAsWritten(read(table, BodyStore.inMemory()), "table cells");
        // a table of real size is a table
        Read fine = read("| a | b |\n|---|---|\n" + "| x | y |\n".repeat(2_000), BodyStore.inMemory());
        assertEquals(List.of(), fine.findings());
        assertTrue(fine.html().startsWith("<table class=\"md-table\">"), fine::html);
    }

    @Test
    void oneReferenceUsedThousandsOfTimesIsShownAsWritten() {
        StringBuilder body = new StringBuilder("[a]: https://example.com/" + "x".repeat(4_000) + "\n\n");
        for (int i = 0; i < 100; i++) {
            body.append("[a] ".repeat(150)).append("\n\n"); // 15,000 uses: 60 MB of page from 65 KB
        }
        shownAsWritten(read(body.toString(), BodyStore.inMemory()), "characters of addresses");
        // a reference used a few times, as intended
        Read fine = read(
                "[a]: https://example.com/" + "x".repeat(4_000) + "\n\n" + "[a] ".repeat(20) + "\n",
                BodyStore.inMemory());
        assertEquals(List.of(), fine.findings());
        assertEquals(20, fine.html().split("<a href=", -1).length - 1);
    }

    @Test
    void theBodiesOfOneBuildShareABudget() {
        BodyStore bodies = BodyStore.inMemory();
        assertTrue(bodies.markdown().take((int) (MarkdownBudget.MAX_HANDBOOK_ELEMENTS - 7)));
        Read last = read("# a\n## b\n", bodies);
        assertEquals(List.of(), last.findings(), "5 elements still fit");
        shownAsWritten(read("# a\n## b\n", bodies), "limit of 40000000 elements");
        assertEquals(
                MarkdownBudget.MAX_HANDBOOK_ELEMENTS - 2, bodies.markdown().used(), "a refused body takes nothing");
        // another build has its own
        assertEquals(List.of(), read("# a\n## b\n", BodyStore.inMemory()).findings());

        BodyStore kept = BodyStore.inMemory();
        assertTrue(kept.markdown().keep((int) MarkdownBudget.MAX_HANDBOOK_KEPT - 1));
        shownAsWritten(read("# a\n## b\n", kept), "headings and links");
        assertFalse(kept.markdown().keep(2));
        assertTrue(kept.markdown().keep(1));
    }

    /** The ids opsbook's templates write, as literals: {@code id="search"}. */
    private static Set<String> templateIds() throws IOException {
        Path templates = Path.of("../templates/src/main/resources/dev/opsbook/templates");
        Set<String> ids = new TreeSet<>();
        Pattern id = Pattern.compile("\\bid=\"([a-z][a-z0-9-]*)\"");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Matcher m = id.matcher(Files.readString(f));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    @Test
    void headingsDoNotTakeTheIdsOfThePage() throws IOException {
        Set<String> ids = templateIds();
        assertTrue(ids.contains("search") && ids.contains("main") && ids.size() > 20, ids.toString());
        Set<String> missing = new TreeSet<>(ids);
        missing.removeAll(HeadingIds.RESERVED);
        assertEquals(Set.of(), missing, "every id of a template is reserved from headings");
        Read r = read("# Search\n\n## Main\n\n## Search\n\n## Diagnosis\n", BodyStore.inMemory());
        assertEquals(
                List.of("search-1", "main-1", "search-2", "diagnosis"),
                r.md().headings().stream().map(Markdown.MdHeading::anchor).toList());
    }
}
