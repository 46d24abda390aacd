package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.model.Markdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Markdown nested absurdly deep is a finding at its place, and the page shows the text as written: never
 * a stack overflow (which ended the run with a Java stack trace and exit code 1), never minutes of parsing.
 */
class NestingTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    private record Read(Markdown md, List<Finding> findings) {}

    private Read read(String text) {
        Findings findings = new Findings();
        Markdown md = engine.read(text, "services/s/runbooks/r.md", 4, BodyStore.inMemory(), "s", findings);
        return new Read(md, findings.sorted());
    }

    private static final String HEAD = "# Deep\n\nSee [the runbook](other.md).\n\n";

    @Test
    void blockQuotesAndListsNestedTooDeepAreFoundBeforeParsing() {
        for (String deep : List.of(
                "> ".repeat(45_000) + "quoted",
                "- ".repeat(45_000) + "x",
                "1. ".repeat(20_000) + "x",
                // a list nested by indentation, one level a line
                String.join(
                        "",
                        java.util.stream.IntStream.range(0, 1_500)
                                .mapToObj(i -> "  ".repeat(i) + "- item\n")
                                .toList()))) {
            Read r = read(HEAD + deep + "\n");
            assertEquals(1, r.findings().size(), deep.substring(0, 20));
            Finding f = r.findings().get(0);
            assertEquals("schema", f.rule());
            assertEquals("s", f.service());
            // the body starts on line 4 of the file; the deep part is its fifth line, or (the indented list) the line
            // of the file where the nesting passes the limit
            String expected = deep.startsWith("- item")
                    ? "services/s/runbooks/r.md:" + (4 + 4 + 100) + ":1"
                    : "services/s/runbooks/r.md:8:1";
            assertEquals(expected, f.pos().toString(), deep.substring(0, 20));
            assertTrue(f.message().contains("nested more than 100 levels"), f.message());
            asWritten(r.md(), deep.substring(0, 40));
        }
    }

    @Test
    void emphasisNestedSoDeepThatTheParserOverflowsIsFoundInItsParagraph() {
        Read r = read(
                HEAD + "Fine paragraph.\n\nDeep paragraph\n" + "*".repeat(24_000) + "a" + "*".repeat(24_000) + "\n");
        assertEquals(1, r.findings().size());
        assertEquals("services/s/runbooks/r.md:10:1", r.findings().get(0).pos().toString()); // "Deep paragraph"
        asWritten(r.md(), "emphasis");
    }

    @Test
    void thePlaceIsTheSameWhetherTheParserOverflowedOrNot() {
        // 150 levels parse without trouble and are found by depth; 24,000 overflow the parser: both are reported at
        // the paragraph that holds them, so the output does not depend on the size of the stack
        String moderate = "*a ".repeat(150) + "b" + " a*".repeat(150);
        String extreme = "*".repeat(24_000) + "a" + "*".repeat(24_000);
        for (String deep : List.of(moderate, extreme)) {
            Read r = read(HEAD + "- item\n\n  " + deep + "\n\nAfter.\n");
            assertEquals(
                    List.of("services/s/runbooks/r.md:8:1"),
                    r.findings().stream().map(f -> f.pos().toString()).toList());
        }
    }

    @Test
    void nestingUpToTheLimitIsFormatted() {
        for (String nested : List.of(
                "> ".repeat(97) + "quoted",
                "*a ".repeat(40) + "b" + " a*".repeat(40),
                String.join(
                        "",
                        java.util.stream.IntStream.range(0, 48)
                                .mapToObj(i -> "  ".repeat(i) + "- item\n")
                                .toList()),
                // indented code may hold list-like lines: they open nothing and are not counted
                "```\n" + " ".repeat(400) + "plain\n```")) {
            Read r = read(HEAD + nested + "\n");
            assertEquals(List.of(), r.findings(), nested.substring(0, 12));
            assertEquals(1, r.md().links().size());
            assertTrue(r.md().prepared().html().get().contains("<h1"), nested.substring(0, 12));
        }
    }

    @Test
    void aBodyAsWrittenIsEscapedAndHasNoSlots() {
        String html = MarkdownEngine.asWritten("<script>&\"x\" \u0001\u0002 \u0000");
        assertEquals(
                "<pre class=\"as-written\"><code>&lt;script&gt;&amp;&quot;x&quot; &#1;&#2; \uFFFD</code></pre>\n",
                html);
        assertEquals(html, MarkdownEngine.fill(new Markdown.Prepared(() -> html, List.of()), u -> u));
    }

    /** No links or headings read from a body that was not parsed; its text on the page, escaped. */
    private static void asWritten(Markdown md, String what) {
        assertEquals(List.of(), md.links(), what);
        assertEquals(List.of(), md.headings(), what);
        assertNotNull(md.prepared(), what);
        String html = md.prepared().html().get();
        assertTrue(html.startsWith("<pre class=\"as-written\"><code># Deep\n\nSee [the runbook](other.md)."), what);
        assertTrue(!html.contains("<blockquote") && !html.contains("<em>") && !html.contains("<li>"), what);
    }
}
