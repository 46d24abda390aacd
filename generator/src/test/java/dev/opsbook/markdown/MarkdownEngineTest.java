package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.model.Markdown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One parse per body: links and headings with their places, and HTML whose address slots each page fills. */
class MarkdownEngineTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    @Test
    void headingAnchorsAreThoseEarlierSitesGave() {
        // expectations recorded from the flexmark-based renderer opsbook used before, so old links keep working
        String text =
                """
                # Ärger über Größe

                ## Step 1: restart the `cache`

                ## Step 1: restart the `cache`

                ## snake_case and kebab-case  double  space

                ## [Link *text*](x.md) & <b>co</b>

                ## 日本語 テスト

                ## ![img alt](a.png) after

                ## Ⅻ roman ² sup

                ## --leading-- trailing--

                Setext line
                one
                ---

                ## step-1-restart-the-cache
                """;
        Markdown md = engine.read(text, "x.md", 5);
        assertEquals(
                List.of(
                        "ärger-über-größe",
                        "step-1-restart-the-cache",
                        "step-1-restart-the-cache-1",
                        "snake-case-and-kebab-case--double--space",
                        "link-text--co",
                        "日本語-テスト",
                        "img-alt-after",
                        "ⅻ-roman--sup",
                        "--leading---trailing--",
                        "setext-lineone",
                        "step-1-restart-the-cache-2"),
                md.headings().stream().map(Markdown.MdHeading::anchor).toList());
        assertEquals("Step 1: restart the cache", md.headings().get(1).text());
        assertEquals("Link text & co", md.headings().get(4).text());
        assertEquals("x.md:5:3", md.headings().get(0).pos().toString());
        assertEquals("x.md:7:4", md.headings().get(1).pos().toString());
        assertEquals("x.md:23:1", md.headings().get(9).pos().toString());
        // the ids in the HTML are the anchors the checks know
        String html = engine.toHtml(text);
        for (Markdown.MdHeading h : md.headings()) {
            assertTrue(html.contains("id=\"" + h.anchor() + "\""), h.anchor());
        }
    }

    @Test
    void linksAreFoundWhereTheirAddressIsWritten() {
        String text =
                """
                See [the failover](../ledger/runbooks/failover.md#steps) and ![graph](img/g.svg "Graph").
                Mail <mailto:ops@example.com>, a link over
                [two
                lines](  <runbook:failover>) and a [reference][ref] used [twice][ref].

                [ref]:
                   service:ledger
                """;
        Markdown md = engine.read(text, "r.md", 10);
        assertEquals(
                List.of(
                        "../ledger/runbooks/failover.md#steps false r.md:10:20",
                        "img/g.svg true r.md:10:71",
                        "mailto:ops@example.com false r.md:11:7",
                        "runbook:failover false r.md:13:11",
                        "service:ledger false r.md:16:4"),
                md.links().stream()
                        .map(l -> l.url() + " " + l.image() + " " + l.pos())
                        .toList());
    }

    @Test
    void eachPageFillsTheSlotsWithItsOwnAddresses() {
        Markdown md = engine.read(
                """
                ## Steps

                [a](x.md) [b](x.md) ![c](pic.png) [d][d] [q](https://example.com/?a=1&b="2")

                [d]: service:ledger
                """,
                "r.md",
                1);
        assertNotNull(md.prepared());
        Map<String, String> site = Map.of(
                "x.md",
                "x.html",
                "pic.png",
                "../pic.png",
                "service:ledger",
                "../../ledger/index.html",
                "https://example.com/?a=1&b=\"2\"",
                "https://example.com/?a=1&b=\"2\"");
        assertEquals(
                """
                <h2 id="steps">Steps</h2>
                <p><a href="x.html">a</a> <a href="x.html">b</a> <img src="../pic.png" alt="c" /> \
                <a href="../../ledger/index.html">d</a> <a href="https://example.com/?a=1&amp;b=&quot;2&quot;">q</a></p>
                """,
                MarkdownEngine.fill(md.prepared(), site::get));
        // an address the page cannot make: the caller renders again and sanitises (the link is dropped)
        assertNull(MarkdownEngine.fill(md.prepared(), u -> u.equals("pic.png") ? null : site.get(u)));
    }

    @Test
    void bodiesThatCannotBePreparedAreRenderedWithTheirPage() {
        assertNull(engine.read("Hello <b>raw</b> [x](y.md)", "r.md", 1).prepared());
        // the text itself holds the characters that mark slots: slots could not be told apart
        Markdown tricky = engine.read("[x](y.md) &#1;0&#2; \u0001", "r.md", 1);
        assertNull(tricky.prepared());
        assertEquals(1, tricky.links().size());
        assertNull(MarkdownEngine.fill(null, u -> u));
    }

    @Test
    void aRunThatWritesNoPagesReadsLinksAndHeadingsOnly() {
        String text = "## Steps\n\nSee [the failover](../ledger/runbooks/failover.md#steps).\n";
        Markdown rendered =
                engine.read(text, "r.md", 5, BodyStore.inMemory(), null, new dev.opsbook.finding.Findings());
        Markdown checked = engine.read(text, "r.md", 5, BodyStore.none(), null, new dev.opsbook.finding.Findings());
        assertNotNull(rendered.prepared());
        assertNull(checked.prepared());
        assertEquals(rendered.links(), checked.links());
        assertEquals(rendered.headings(), checked.headings());
        assertEquals("Steps See the failover .", rendered.snippet());
        assertEquals("", checked.snippet()); // for search, which a run without pages does not write
    }

    @Test
    void tablesGetTheirClass() {
        String html = MarkdownEngine.fill(
                engine.read("| a | b |\n|---|--:|\n| 1 | 2 |\n", "r.md", 1).prepared(), u -> u);
        assertTrue(html.startsWith("<table class=\"md-table\">"), html);
        assertTrue(html.contains("<td align=\"right\">2</td>"), html);
    }
}
