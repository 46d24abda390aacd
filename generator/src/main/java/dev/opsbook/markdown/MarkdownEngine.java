package dev.opsbook.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import java.util.ArrayList;
import java.util.List;

/** Parses and renders Markdown. One instance serves a whole run, from any number of threads. */
public final class MarkdownEngine {
    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlRenderer escaping;
    private final MutableDataSet options;

    public MarkdownEngine() {
        options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create()));
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.CLASS_NAME, "md-table");
        options.toImmutable();
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).linkResolverFactory(new RewritingResolverFactory()).build();
        escaping = HtmlRenderer.builder(new MutableDataSet(options).set(HtmlRenderer.ESCAPE_HTML, true)).build();
    }

    /**
     * Reads a Markdown body: its links and headings, with their places in the file.
     *
     * @param firstLine the line of the file the body starts on (after any front matter)
     */
    public Markdown read(String text, String file, int firstLine) {
        Document doc = parser.parse(text);
        new HeaderIdGenerator(options).generateIds(doc);
        List<Markdown.MdLink> links = new ArrayList<>();
        List<Markdown.MdHeading> headings = new ArrayList<>();
        boolean[] rawHtml = {false};
        collect(doc, doc, file, firstLine, links, headings, rawHtml);
        return new Markdown(firstLine, List.copyOf(links), List.copyOf(headings), snippet(text), rawHtml[0]);
    }

    /** Characters of plain text kept per document for search. */
    public static final int SNIPPET_CHARS = 600;
    private static final java.util.regex.Pattern MARKUP =
            java.util.regex.Pattern.compile("```[a-z]*|[#*_`>|\\[\\]]|\\]\\([^)]*\\)|\\s+");

    /** The first words of a Markdown text, without markup. */
    static String snippet(String text) {
        String head = text.length() > SNIPPET_CHARS * 2 ? text.substring(0, SNIPPET_CHARS * 2) : text;
        String plain = MARKUP.matcher(head).replaceAll(" ").strip();
        return plain.length() > SNIPPET_CHARS ? plain.substring(0, SNIPPET_CHARS) : plain;
    }

    private static void collect(Node node, Document doc, String file, int firstLine,
                                List<Markdown.MdLink> links, List<Markdown.MdHeading> headings, boolean[] rawHtml) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof com.vladsch.flexmark.ast.HtmlBlockBase || n instanceof com.vladsch.flexmark.ast.HtmlInlineBase) {
                rawHtml[0] = true;
            }
            if (n instanceof Link l) {
                links.add(new Markdown.MdLink(l.getUrl().toString(), false, pos(doc, l.getUrl(), l, file, firstLine)));
            } else if (n instanceof Image i) {
                links.add(new Markdown.MdLink(i.getUrl().toString(), true, pos(doc, i.getUrl(), i, file, firstLine)));
            } else if (n instanceof AutoLink a) {
                links.add(new Markdown.MdLink(a.getUrl().toString(), false, pos(doc, a.getUrl(), a, file, firstLine)));
            } else if (n instanceof Reference r) {
                links.add(new Markdown.MdLink(r.getUrl().toString(), false, pos(doc, r.getUrl(), r, file, firstLine)));
            } else if (n instanceof Heading h) {
                String text = new TextCollectingVisitor().collectAndGetText(h).strip();
                headings.add(new Markdown.MdHeading(h.getLevel(), text, h.getAnchorRefId(),
                        pos(doc, h.getText(), h, file, firstLine)));
            }
            collect(n, doc, file, firstLine, links, headings, rawHtml);
        }
    }

    private static Pos pos(Document doc, BasedSequence at, Node fallback, String file, int firstLine) {
        int offset = at != null && at.isNotNull() ? at.getStartOffset() : fallback.getStartOffset();
        int line = doc.getLineNumber(offset);
        int column = offset - doc.getChars().startOfLine(offset) + 1;
        return new Pos(file, firstLine + line, column);
    }

    /** The address rewriting of the render under way on this thread, if any. */
    private static final ThreadLocal<java.util.function.UnaryOperator<String>> REWRITE = new ThreadLocal<>();

    /**
     * Renders Markdown that holds no raw HTML straight to safe HTML, every link and image address
     * passed through {@code rewrite}. flexmark escapes all text and attributes itself, so without raw
     * HTML there is nothing for a sanitiser to remove; the caller makes sure {@code rewrite} accepts
     * every address of the document (else it uses {@link #toHtml} and {@link HtmlSanitizer}).
     */
    public String toSafeHtml(String text, java.util.function.UnaryOperator<String> rewrite) {
        REWRITE.set(rewrite);
        try {
            return renderer.render(parser.parse(text));
        } finally {
            REWRITE.remove();
        }
    }

    /** Applies the thread's rewrite to every link and image the renderer resolves. */
    private static final class RewritingResolverFactory implements com.vladsch.flexmark.html.LinkResolverFactory {
        @Override
        public java.util.Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public java.util.Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }

        @Override
        public com.vladsch.flexmark.html.LinkResolver apply(com.vladsch.flexmark.html.renderer.LinkResolverBasicContext c) {
            return (node, context, link) -> {
                var rewrite = REWRITE.get();
                if (rewrite == null) {
                    return link;
                }
                String url = rewrite.apply(link.getUrl());
                return url == null ? link.withUrl("#").withStatus(com.vladsch.flexmark.html.renderer.LinkStatus.INVALID)
                        : link.withUrl(url).withStatus(com.vladsch.flexmark.html.renderer.LinkStatus.VALID);
            };
        }
    }

    /** Renders Markdown to HTML. The result is not yet safe: pass it through {@link HtmlSanitizer}. */
    public String toHtml(String text) {
        return renderer.render(parser.parse(text));
    }

    /** Renders Markdown with every piece of raw HTML shown as text: for bodies whose HTML breaks the page. */
    public String toHtmlEscapingRawHtml(String text) {
        return escaping.render(parser.parse(text));
    }
}
