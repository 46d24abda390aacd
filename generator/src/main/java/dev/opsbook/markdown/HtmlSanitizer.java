package dev.opsbook.markdown;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes rendered Markdown safe for a page: only the elements and attributes of an allow-list
 * survive (no scripts, no event handlers, no styles), and every link and image address passes
 * through a rewriter that either returns the address to use or null to drop the link.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFELIST = new Safelist()
            .addTags(
                    "a",
                    "abbr",
                    "b",
                    "blockquote",
                    "br",
                    "caption",
                    "cite",
                    "code",
                    "col",
                    "colgroup",
                    "dd",
                    "del",
                    "details",
                    "div",
                    "dl",
                    "dt",
                    "em",
                    "figcaption",
                    "figure",
                    "h1",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "hr",
                    "i",
                    "img",
                    "ins",
                    "kbd",
                    "li",
                    "mark",
                    "ol",
                    "p",
                    "pre",
                    "q",
                    "s",
                    "samp",
                    "small",
                    "span",
                    "strong",
                    "sub",
                    "summary",
                    "sup",
                    "table",
                    "tbody",
                    "td",
                    "tfoot",
                    "th",
                    "thead",
                    "tr",
                    "u",
                    "ul",
                    "var")
            .addAttributes("a", "href", "title")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addAttributes("abbr", "title")
            .addAttributes("ol", "start", "type")
            .addAttributes("td", "align", "colspan", "rowspan")
            .addAttributes("th", "align", "colspan", "rowspan")
            .addAttributes("table", "class")
            .addAttributes("code", "class")
            .addAttributes("pre", "class")
            .addAttributes("details", "open")
            .addAttributes("h1", "id")
            .addAttributes("h2", "id")
            .addAttributes("h3", "id")
            .addAttributes("h4", "id")
            .addAttributes("h5", "id")
            .addAttributes("h6", "id");

    private HtmlSanitizer() {}

    /**
     * @param rewrite maps an address as written to the address to emit, or to null to drop it
     */
    public static String clean(String html, UnaryOperator<String> rewrite) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element a : clean.select("a")) {
            String href = a.hasAttr("href") ? rewrite.apply(a.attr("href")) : null;
            if (href == null) {
                a.unwrap();
            } else {
                a.attr("href", href);
            }
        }
        for (Element img : clean.select("img")) {
            String src = img.hasAttr("src") ? rewrite.apply(img.attr("src")) : null;
            if (src == null) {
                img.replaceWith(new TextNode(img.attr("alt")));
            } else {
                img.attr("src", src);
            }
        }
        return clean.body().html();
    }

    /** The ids of the headings in sanitised HTML. */
    public static Set<String> headingIds(String html) {
        Set<String> ids = new HashSet<>();
        Jsoup.parseBodyFragment(html)
                .select("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]")
                .forEach(e -> ids.add(e.id()));
        return ids;
    }
}
