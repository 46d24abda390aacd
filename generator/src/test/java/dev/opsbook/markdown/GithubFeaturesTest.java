package dev.opsbook.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.model.Markdown;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What GitHub renders that CommonMark alone does not, on both of opsbook's paths (a body rendered once
 * when read, and one with raw HTML rendered again and sanitised): alerts as callouts, the anchors of raw
 * HTML and of footnotes as places a link may lead to, the shortcodes a page cannot show, and nothing a
 * contributor could use to dress text up as the page's own.
 */
class GithubFeaturesTest {
    private final MarkdownEngine engine = new MarkdownEngine();

    private static final UnaryOperator<String> SAME = u -> u;

    private Document page(String text) {
        Markdown md = engine.read(text, "x.md", 1);
        String html = MarkdownEngine.fill(md.prepared(), SAME);
        return Jsoup.parseBodyFragment(html != null ? html : HtmlSanitizer.clean(engine.toHtml(text), SAME));
    }

    @Test
    void everyAlertTypeIsACalloutWithItsTitle() {
        for (String type : List.of("NOTE", "Tip", "important", "WARNING", "CAUTION")) {
            Document d = page("> [!" + type + "]\n> Drain the node **first**.\n>\n> Then restart it.\n");
            String lower = type.toLowerCase();
            assertEquals(
                    1, d.select("div.markdown-alert.markdown-alert-" + lower).size(), d.html());
            assertEquals(
                    Character.toUpperCase(lower.charAt(0)) + lower.substring(1),
                    d.selectFirst(".markdown-alert-title").text());
            assertEquals(
                    List.of("Drain the node first.", "Then restart it."),
                    d.select(".markdown-alert > p:not(.markdown-alert-title)").eachText());
            assertTrue(d.select("blockquote").isEmpty(), d.html());
        }
    }

    @Test
    void aQuoteThatIsNotAnAlertStaysAQuote() {
        assertEquals(
                1,
                page("> [!DANGER]\n> not a type GitHub knows\n")
                        .select("blockquote")
                        .size());
        assertEquals(
                1,
                page("> [!NOTE] text on the marker's line\n")
                        .select("blockquote")
                        .size());
        assertEquals(1, page("> Just a quote [!NOTE]\n").select("blockquote").size());
        // as on GitHub, only a quote at the top of the body is an alert
        assertEquals(
                1,
                page("- item\n\n  > [!NOTE]\n  > inside a list\n")
                        .select("li blockquote")
                        .size());
        // with raw HTML in the body, on the sanitised path, the callout keeps its classes
        Document raw = page("<b>x</b>\n\n> [!WARNING]\n> Data loss.\n");
        assertEquals(
                1,
                raw.select("div.markdown-alert.markdown-alert-warning p.markdown-alert-title")
                        .size(),
                raw.html());
    }

    @Test
    void htmlAnchorsAndFootnotesArePlacesALinkMayLeadTo() {
        Markdown md = engine.read(
                "<a id=\"manual-steps\"></a>\n\nText <a name='Legacy.Anchor'></a> and a note[^n].\n\n"
                        + "<a id=\"search\"></a><a id=\"bad id\"></a><a id=\"fn-9\"></a>\n\n[^n]: The note.\n",
                "x.md",
                1);
        assertEquals(List.of("manual-steps", "Legacy.Anchor", "fnref-n", "fn-n"), md.anchors());
        Document d = page(
                "<a id=\"manual-steps\"></a> <a name=\"old\"></a> <a id=\"search\"></a> <a href=\"#old\" id=\"x\">go</a>\n");
        assertEquals(List.of("manual-steps", "old", "x"), d.select("a[id]").eachAttr("id"));
        assertTrue(d.select("a[name]").isEmpty(), "a name becomes an id");
        assertEquals("#old", d.selectFirst("a[href]").attr("href"));
    }

    @Test
    void shortcodesOtherThanRefAreFoundWhereTheyAreWrittenButNotInCode() {
        Markdown md = engine.read(
                "Intro\n\n{{< figure src=\"a.png\" >}}\n\nSee {{% notice warning %}}x{{% /notice %}}\n\n"
                        + "```\n{{< not-this-one >}}\n```\n\n`{{< nor-this >}}`\n",
                "x.md", 10);
        assertEquals(
                List.of("figure x.md:12:1", "notice x.md:14:5"),
                md.shortcodes().stream()
                        .map(s -> s.name() + " " + s.pos().file() + ":"
                                + s.pos().line() + ":" + s.pos().column())
                        .toList());
    }

    @Test
    void taskBoxesAreShownNeverTickedAndNoOtherInputOrClassSurvives() {
        Document d = page("<i>raw</i>\n\n- [x] done\n- [ ] to do\n\n<input type=\"text\" name=\"q\">"
                + "<p class=\"site-header skip\">dressed up</p><table class=\"md-table evil\"></table>\n");
        assertEquals(2, d.select("input[type=checkbox][disabled]").size(), d.html());
        assertEquals(1, d.select("input[checked]").size());
        assertTrue(d.select("input[type=text]").isEmpty(), d.html());
        assertEquals("", d.selectFirst("p:containsOwn(dressed up)").className(), "the frame's classes are dropped");
        assertEquals("md-table", d.selectFirst("table").className());
    }

    @Test
    void bareAddressesBecomeLinks() {
        Document d = page("See https://status.example.com/x, www.example.com and ops@example.com.\n");
        assertEquals(
                List.of("https://status.example.com/x", "http://www.example.com", "mailto:ops@example.com"),
                d.select("a").eachAttr("href"));
    }
}
