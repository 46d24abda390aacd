package dev.opsbook.markdown;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
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
                    "input",
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
                    "section",
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
            .addAttributes("a", "href", "title", "id", "name", "class", "aria-label")
            .addAttributes("input", "type", "checked", "disabled", "aria-label")
            .addAttributes("li", "id", "class")
            .addAttributes("section", "class")
            .addAttributes("sup", "class")
            .addAttributes("div", "class")
            .addAttributes("p", "class")
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

    /**
     * The classes a body may give an element, by tag: those the Markdown renderer writes (callouts,
     * footnotes, task lists, tables, code languages). Any other class is dropped, so that a contributor
     * cannot dress text up as part of the page's frame.
     */
    private static final Pattern CLASSES = Pattern.compile(
            "markdown-alert(-(note|tip|important|warning|caution|title))?|footnotes|footnote-ref|footnote-backref"
                    + "|task-list-item|md-table|as-written|language-[A-Za-z0-9_+.#-]{1,40}");

    /** An anchor a body may give an element: letters, digits and {@code _ . : -}, up to 100 of them. */
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}");

    private HtmlSanitizer() {}

    /**
     * The anchor a body's {@code <a id>} or {@code <a name>} gives its page, or null when it is not kept:
     * an unusual one, one that the page's frame uses ({@code search}: its script would find the anchor), or
     * one of the footnotes' ({@code fn-1}).
     */
    public static String anchor(String written) {
        if (written == null) {
            return null;
        }
        String id = kept(written);
        return id != null && !id.startsWith("fn-") && !id.startsWith("fnref-") ? id : null;
    }

    /** An id as the page keeps it (the footnotes' included), or null. */
    private static String kept(String written) {
        String id = written.strip();
        return ANCHOR.matcher(id).matches() && !HeadingIds.RESERVED.contains(id.toLowerCase(Locale.ROOT)) ? id : null;
    }

    /**
     * @param rewrite maps an address as written to the address to emit, or to null to drop it
     */
    public static String clean(String html, UnaryOperator<String> rewrite) {
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        for (Element a : clean.select("a")) {
            String href = a.hasAttr("href") ? rewrite.apply(a.attr("href")) : null;
            String anchor = kept(a.hasAttr("id") ? a.attr("id") : a.attr("name"));
            a.removeAttr("name");
            if (anchor == null) {
                a.removeAttr("id");
            } else {
                a.attr("id", anchor); // a name is an id (HTML 5 has no a name)
            }
            if (href != null) {
                a.attr("href", href);
            } else if (anchor != null) {
                a.removeAttr("href"); // an anchor, or a link to nowhere kept as its anchor
            } else {
                a.unwrap();
            }
        }
        for (Element li : clean.select("li[id]")) {
            if (!li.id().startsWith("fn-")) {
                li.removeAttr("id"); // a footnote's definition, and only that
            }
        }
        for (Element input : clean.select("input")) {
            if (input.attr("type").equalsIgnoreCase("checkbox")) {
                input.attr("disabled", true); // a task list's box: shown, never ticked by the reader
                input.attr("aria-label", input.hasAttr("checked") ? "done" : "to do");
            } else {
                input.remove();
            }
        }
        for (Element e : clean.select("[class]")) {
            List<String> kept = Arrays.stream(e.className().split("\\s+"))
                    .filter(c -> CLASSES.matcher(c).matches())
                    .toList();
            if (kept.isEmpty()) {
                e.removeAttr("class");
            } else {
                e.attr("class", String.join(" ", kept));
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
