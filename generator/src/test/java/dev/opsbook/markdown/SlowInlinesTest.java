package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Findings;
import dev.opsbook.model.Markdown;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * A paragraph whose inline parsing would take time growing with the square of its length (a 100 KB
 * paragraph of {@code <a} took 25 s) is kept as plain text and reported; every other paragraph of the
 * same body is formatted exactly as commonmark formats it.
 */
class SlowInlinesTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    @Test
    void aParagraphOfThousandsOfAngleBracketsOrBracketsIsPlainTextAtItsPlace() {
        // (each within the elements a body may hold: MarkdownBudget)
        for (String slow : List.of(
                "<a".repeat(20_000),
                "x " + "<!--".repeat(12_000),
                "x " + "<?".repeat(20_000),
                "x " + "<a b=\"".repeat(12_000),
                "<".repeat(40_000) + ">",
                "[".repeat(20_000) + "x" + "]".repeat(20_000))) {
            Findings findings = new Findings();
            String text = "Intro with [a link](other.md).\n\n" + slow + "\n\nAfter, *formatted*.\n";
            Markdown md = engine.read(text, "services/s/runbooks/r.md", 6, BodyStore.inMemory(), "s", findings);
            List<Finding> found = findings.sorted();
            assertEquals(1, found.size(), slow.substring(0, 8));
            assertEquals("services/s/runbooks/r.md:8:1", found.get(0).pos().toString());
            assertEquals("schema", found.get(0).rule());
            assertTrue(
                    found.get(0).message().contains("more than 200 '<' or '['"),
                    found.get(0).message());
            String html = MarkdownEngine.fill(md.prepared(), u -> u);
            assertTrue(html.contains("<em>formatted</em>"), slow.substring(0, 8));
            assertEquals(
                    List.of("other.md"),
                    md.links().stream().map(Markdown.MdLink::url).toList());
            // the slow paragraph as its text, escaped
            assertTrue(
                    html.contains("<p>"
                            + slow.substring(0, 40)
                                    .replace("&", "&amp;")
                                    .replace("<", "&lt;")
                                    .replace(">", "&gt;")
                                    .replace("\"", "&quot;")),
                    slow.substring(0, 8));
        }
    }

    @Test
    void paragraphsUpToTheLimitAreFormattedAsCommonmarkFormatsThem() {
        // more than 200 '<' and '[' in the body, at most 200 in any paragraph, and 1,000 in fenced code
        String para = "An <https://example.org/a> autolink, <b>bold</b> tag, <!-- a comment --> and [a link](x.md "
                + "\"title\") with `List<Map<K, V>>` code and a <mail@example.org> address. ";
        String body = (para.repeat(20) + "\n\n").repeat(3) + "```\n" + "<[".repeat(1_000) + "\n```\n\n" + "- item "
                + para.repeat(5) + "\n- ~~struck~~ <i>it</i>\n";
        assertTrue(SlowInlines.risky(body));
        Findings findings = new Findings();
        Markdown md = engine.read(body, "r.md", 1, BodyStore.inMemory(), null, findings);
        assertEquals(List.of(), findings.sorted());
        var extensions = List.of(TablesExtension.create(), StrikethroughExtension.create());
        String expected = HtmlRenderer.builder()
                .extensions(extensions)
                .softbreak("\n")
                .build()
                .render(Parser.builder().extensions(extensions).build().parse(body));
        assertEquals(expected, engine.toHtml(body));
        assertEquals(
                20 * 3 + 5,
                md.links().stream().filter(l -> l.url().equals("x.md")).count());
    }

    @Test
    void aBodyBothTooDeepAndSlowIsOneFindingForTheNesting() {
        // the parser overflows on the emphasis; the slow paragraph, met on the way and again when the deep block is
        // looked for, is not reported: the whole body is shown as written
        Findings findings = new Findings();
        engine.read(
                "<a".repeat(300) + "\n\n" + "*".repeat(24_000) + "a" + "*".repeat(24_000) + "\n",
                "r.md",
                1,
                BodyStore.inMemory(),
                null,
                findings);
        assertEquals(
                List.of("r.md:3:1"),
                findings.sorted().stream().map(f -> f.pos().toString()).toList());
    }
}
