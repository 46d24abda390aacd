package dev.opsbook.markdown;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import dev.opsbook.text.Escape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserFactory;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Parses and renders Markdown as GitHub does: CommonMark with GitHub's tables, strikethrough, autolinks,
 * task lists, footnotes and alerts ({@link Alerts}). One instance serves a whole run, from any number of
 * threads.
 *
 * <p>Each body is parsed once, when it is loaded ({@link #read}): that one parse gives the links and
 * headings with their places, for the checks, and the HTML of the body with a numbered slot for every
 * link and image address, which each page fills with addresses relative to itself ({@link #fill}).
 * Bodies with raw HTML are rendered again with their page and pass through {@link HtmlSanitizer}.
 */
public final class MarkdownEngine {
    /** Opens a numbered address slot in prepared HTML; {@link #SLOT_END} closes it. */
    static final char SLOT_START = '\u0001';

    static final char SLOT_END = '\u0002';

    private final Parser parser;
    /** The same, for bodies where some paragraph may be slow to parse (see {@link SlowInlines}). */
    private final Parser guarded;
    /** Blocks only, every inline left unparsed: to find which block of a body nests too deeply. */
    private final Parser blockParser;

    private final HtmlRenderer renderer;
    private final HtmlRenderer escaping;

    /** The addresses of the render under way on this thread, when it leaves slots for them. */
    private static final ThreadLocal<List<String>> SLOTS = new ThreadLocal<>();

    public MarkdownEngine() {
        List<Extension> extensions = List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                AutolinkExtension.create(),
                TaskListItemsExtension.create(),
                FootnotesExtension.create(),
                Alerts.create());
        parser = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .inlineParserFactory(counted(InlineParserImpl::new))
                .build();
        guarded = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
                .inlineParserFactory(counted(SlowInlines::create))
                .build();
        blockParser = Parser.builder()
                .extensions(extensions)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> (lines, block) -> {})
                .build();
        renderer = HtmlRenderer.builder()
                .extensions(extensions)
                .softbreak("\n")
                .attributeProviderFactory(context -> new Attributes())
                .build();
        escaping = HtmlRenderer.builder()
                .extensions(extensions)
                .softbreak("\n")
                .escapeHtml(true)
                .attributeProviderFactory(context -> new Attributes())
                .build();
    }

    /**
     * Reads a Markdown body: its links and headings, with their places in the file, and its HTML.
     *
     * @param firstLine the line of the file the body starts on (after any front matter)
     */
    public Markdown read(String text, String file, int firstLine) {
        return read(text, file, firstLine, BodyStore.inMemory(), null, new Findings());
    }

    /** Blocks given to the inline parser (paragraphs, headings, table cells) in the parse under way on this thread. */
    private static final ThreadLocal<int[]> INLINE_BLOCKS = ThreadLocal.withInitial(() -> new int[1]);

    /** A parse stopped because it makes more blocks than {@link MarkdownBudget#MAX_ELEMENTS} (a table padded wide). */
    private static final class TooManyBlocks extends RuntimeException {
        TooManyBlocks() {
            super(null, null, false, false);
        }
    }

    /**
     * The inline parser of {@code factory}, counting the blocks it is given: a table's rows are padded to
     * the header's width, one cell each, so that 20,000 rows under a header of 40,000 columns would make
     * 800 million cells out of 100,000 elements. Past {@link MarkdownBudget#MAX_ELEMENTS} the parse stops.
     */
    private static InlineParserFactory counted(InlineParserFactory factory) {
        return context -> {
            InlineParser inner = factory.create(context);
            return (lines, block) -> {
                if (++INLINE_BLOCKS.get()[0] > MarkdownBudget.MAX_ELEMENTS) {
                    throw new TooManyBlocks();
                }
                inner.parse(lines, block);
            };
        };
    }

    /** {@code p} parsing {@code text}, its blocks counted from nought. */
    private static Node parseCounted(Parser p, String text) {
        INLINE_BLOCKS.get()[0] = 0;
        return p.parse(text);
    }

    /** A body shown as written, with an error at its first line saying which limit it is over. */
    private static Markdown asWritten(
            String text,
            String file,
            int firstLine,
            BodyStore bodies,
            String service,
            Findings findings,
            String message,
            String hint) {
        findings.error(Rules.SCHEMA, service, new Pos(file, firstLine, 1), message, hint);
        boolean pages = bodies.forPages();
        return new Markdown(
                firstLine,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                pages ? snippet(text) : "",
                pages ? new Markdown.Prepared(bodies.keep(asWritten(text)), List.of()) : null);
    }

    /**
     * {@link #read(String, String, int)}, keeping the rendered body in {@code bodies}; with
     * {@link BodyStore#none()} (a run without pages) only the links and headings are read: no prepared
     * HTML, an empty snippet. A body nested too deeply to parse and render safely (see {@link Nesting}) is
     * a {@code schema} error in {@code findings} (for {@code service}, which may be null), and is shown as
     * written.
     */
    public Markdown read(String text, String file, int firstLine, BodyStore bodies, String service, Findings findings) {
        MarkdownMemo memo = bodies.memo();
        if (memo == null) {
            return readNow(text, file, firstLine, bodies, service, findings, MarkdownBudget.elements(text));
        }
        // a body read in an earlier build, from the same text at the same place: what it gave then, taken out
        // of this build's budget as reading it would
        byte[] key = MarkdownCodec.key(text, file, firstLine, service, bodies.forPages());
        byte[] was = memo.find(key);
        MarkdownCodec.Decoded known = was == null ? null : MarkdownCodec.decode(was);
        if (known != null) {
            if (!bodies.markdown().take(known.elements())) {
                return overHandbook(text, file, firstLine, bodies, service, findings, false);
            }
            if (!bodies.markdown().keep(known.kept())) {
                return overHandbook(text, file, firstLine, bodies, service, findings, true);
            }
            return known.in(bodies);
        }
        // read now: remembered when it gave no finding (a body with one is read again, and says it again)
        Findings own = new Findings();
        int elements = MarkdownBudget.elements(text);
        Markdown m = readNow(text, file, firstLine, bodies, service, own, elements);
        List<dev.opsbook.finding.Finding> found = own.sorted();
        found.forEach(findings::add);
        if (found.isEmpty()) {
            memo.put(
                    key,
                    MarkdownCodec.encode(
                            m, elements, m.links().size() + m.headings().size()));
        }
        return m;
    }

    private Markdown readNow(
            String text,
            String file,
            int firstLine,
            BodyStore bodies,
            String service,
            Findings findings,
            int elements) {
        if (elements > MarkdownBudget.MAX_ELEMENTS) {
            return asWritten(
                    text,
                    file,
                    firstLine,
                    bodies,
                    service,
                    findings,
                    "Markdown of " + elements
                            + " elements (lines, and characters that can start one) is more than the "
                            + MarkdownBudget.MAX_ELEMENTS + " a body may hold: the page shows this text as written",
                    "split it into several runbooks, or put long listings in a file of their own and link to it");
        }
        if (!bodies.markdown().take(elements)) {
            return overHandbook(text, file, firstLine, bodies, service, findings, false);
        }
        try {
            return bodies.markdown().parsing(elements, () -> parsed(text, file, firstLine, bodies, service, findings));
        } catch (TooManyBlocks e) {
            SlowInlines.drain();
            return asWritten(
                    text,
                    file,
                    firstLine,
                    bodies,
                    service,
                    findings,
                    "Markdown that makes more than "
                            + MarkdownBudget.MAX_ELEMENTS + " paragraphs, headings and table cells (a table's rows are"
                            + " filled out to the width of its header): the page shows this text as written",
                    "give the table a header no wider than its rows, or split it");
        }
    }

    private Markdown parsed(
            String text, String file, int firstLine, BodyStore bodies, String service, Findings findings) {
        boolean pages = bodies.forPages();
        Pos tooDeep = Nesting.blocks(text, file, firstLine);
        Node doc = null;
        List<SourceSpan> plain = List.of();
        if (tooDeep == null) {
            Parser p = parserFor(text);
            try {
                doc = parseCounted(p, text);
            } catch (StackOverflowError e) {
                // inline elements nested thousands deep: the parser recurses through them
                SlowInlines.drain();
                INLINE_BLOCKS.get()[0] = 0;
                tooDeep = Nesting.firstTooDeep(text, file, firstLine, blockParser, p);
            }
            plain = SlowInlines.drain();
        }
        if (doc != null) {
            Node deep = Nesting.tooDeep(doc);
            if (deep != null) {
                tooDeep = Nesting.place(Nesting.topLevel(deep), file, firstLine);
                doc = null;
            }
        }
        if (doc == null) { // the whole body as written: its paragraphs kept as text do not matter
            findings.error(
                    Rules.SCHEMA,
                    service,
                    tooDeep,
                    "Markdown nested more than " + Nesting.LIMIT
                            + " levels deep (block quotes, lists, emphasis or links): the page shows this text as written",
                    "flatten the nesting; no reader follows more than a few levels");
            return new Markdown(
                    firstLine,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    pages ? snippet(text) : "",
                    pages ? new Markdown.Prepared(bodies.keep(asWritten(text)), List.of()) : null);
        }
        for (SourceSpan kept : plain) {
            findings.error(
                    Rules.SCHEMA,
                    service,
                    new Pos(file, firstLine + kept.getLineIndex(), kept.getColumnIndex() + 1),
                    "a paragraph with more than " + SlowInlines.LIMIT
                            + " '<' or '[' is shown as plain text: formatting it"
                            + " would take time that grows with the square of its length",
                    "put code and markup in a fenced code block (```), or split the paragraph");
        }
        Reader reader = new Reader(text, file, firstLine);
        reader.visit(doc);
        long addresses = addressLength(doc);
        long most = (long) MarkdownBudget.MAX_EXPANSION * text.length() + (1 << 20);
        if (addresses > most) {
            // one reference definition of 4 KB used 25,000 times: a page of 100 MB from 100 KB of text
            return asWritten(
                    text,
                    file,
                    firstLine,
                    bodies,
                    service,
                    findings,
                    "the links of this Markdown would write "
                            + addresses + " characters of addresses into its page, more than "
                            + MarkdownBudget.MAX_EXPANSION
                            + " times its own length: the page shows this text as written",
                    "link to long addresses a few times, not thousands");
        }
        if (!bodies.markdown().keep(reader.links.size() + reader.headings.size())) {
            return overHandbook(text, file, firstLine, bodies, service, findings, true);
        }
        return new Markdown(
                firstLine,
                List.copyOf(reader.links),
                List.copyOf(reader.headings),
                List.copyOf(reader.anchors),
                List.copyOf(reader.shortcodes),
                pages ? snippet(text) : "",
                pages && !reader.rawHtml ? prepare(doc, bodies) : null);
    }

    /** A body past the build's budget of elements (or of headings and links, {@code kept}): shown as written. */
    private static Markdown overHandbook(
            String text,
            String file,
            int firstLine,
            BodyStore bodies,
            String service,
            Findings findings,
            boolean kept) {
        return asWritten(
                text,
                file,
                firstLine,
                bodies,
                service,
                findings,
                "the Markdown of this build holds more than its limit of "
                        + (kept
                                ? MarkdownBudget.MAX_HANDBOOK_KEPT + " headings and links"
                                : MarkdownBudget.MAX_HANDBOOK_ELEMENTS + " elements")
                        + ": the page shows this text as written",
                "build the handbook in parts, or leave generated listings out of the content");
    }

    /** The length of every link's and image's address, as the page will write them (references resolved). */
    private static long addressLength(Node node) {
        long n = 0;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Link l) {
                n += l.getDestination().length();
            } else if (child instanceof Image i) {
                n += i.getDestination().length();
            }
            n += addressLength(child); // nesting is at most Nesting.LIMIT deep here
        }
        return n;
    }

    /** The parser for a body: the guarded one where a paragraph may be slow to parse. */
    private Parser parserFor(String text) {
        return SlowInlines.risky(text) ? guarded : parser;
    }

    /** A body parsed again for its page (its findings were reported when it was read). */
    private Node parse(String text) {
        try {
            return parseCounted(parserFor(text), text);
        } finally {
            SlowInlines.drain();
        }
    }

    /**
     * A body as preformatted text, escaped as attribute values are: no markup of it takes effect. The slot
     * characters are written as references, so that filling its (no) slots leaves it as it is; NUL becomes
     * U+FFFD, as CommonMark has it.
     */
    static String asWritten(String text) {
        return "<pre class=\"as-written\"><code>"
                + Escape.html(text)
                        .replace(String.valueOf(SLOT_START), "&#1;")
                        .replace(String.valueOf(SLOT_END), "&#2;")
                        .replace('\u0000', '\uFFFD')
                + "</code></pre>\n";
    }

    private Markdown.Prepared prepare(Node doc, BodyStore bodies) {
        List<String> addresses = new ArrayList<>();
        SLOTS.set(addresses);
        String html;
        try {
            html = renderer.render(doc);
        } finally {
            SLOTS.remove();
        }
        // the text itself may hold the slot characters (written as &#1;, say): then slots cannot be told apart
        return count(html, SLOT_START) == addresses.size() && count(html, SLOT_END) == addresses.size()
                ? new Markdown.Prepared(bodies.keep(html), List.copyOf(addresses))
                : null;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * The prepared HTML of a body with each slot filled with {@code rewrite} of its address; null when
     * the body has no prepared HTML or {@code rewrite} refuses one of its addresses (returns null): the
     * caller then renders the body with {@link #toHtml} and {@link HtmlSanitizer}, which drops such links.
     */
    public static String fill(Markdown.Prepared prepared, UnaryOperator<String> rewrite) {
        if (prepared == null) {
            return null;
        }
        List<String> addresses = prepared.addresses();
        String[] filled = new String[addresses.size()];
        int extra = 0;
        for (int i = 0; i < filled.length; i++) {
            String url = rewrite.apply(addresses.get(i));
            if (url == null) {
                return null;
            }
            filled[i] = Escape.html(url);
            extra += filled[i].length();
        }
        String html = prepared.html().get();
        StringBuilder sb = new StringBuilder(html.length() + extra);
        int from = 0;
        for (int start = html.indexOf(SLOT_START); start >= 0; start = html.indexOf(SLOT_START, from)) {
            int end = html.indexOf(SLOT_END, start);
            sb.append(html, from, start).append(filled[Integer.parseInt(html, start + 1, end, 10)]);
            from = end + 1;
        }
        return sb.append(html, from, html.length()).toString();
    }

    /** Characters of plain text kept per document for search. */
    public static final int SNIPPET_CHARS = 600;

    /**
     * The first words of a Markdown text, without markup: no {@code # * _ ` > | [ ]}, no code fence
     * or link address, white space made single spaces.
     */
    static String snippet(String text) {
        int n = Math.min(text.length(), SNIPPET_CHARS * 2);
        StringBuilder sb = new StringBuilder(Math.min(n, SNIPPET_CHARS + 1));
        boolean gap = false;
        for (int i = 0; i < n && sb.length() < SNIPPET_CHARS; i++) {
            char c = text.charAt(i);
            if (c == ']' && i + 1 < n && text.charAt(i + 1) == '(') {
                int close = text.indexOf(')', i + 2);
                if (close >= 0 && close < n) {
                    i = close; // a link's address
                }
                gap = true;
            } else if (c == '`' && text.startsWith("```", i)) {
                i += 2;
                while (i + 1 < n && text.charAt(i + 1) >= 'a' && text.charAt(i + 1) <= 'z') {
                    i++; // the fence's language
                }
                gap = true;
            } else if (Character.isWhitespace(c) || "#*_`>|[]".indexOf(c) >= 0) {
                gap = true;
            } else {
                if (gap && !sb.isEmpty()) {
                    sb.append(' ');
                }
                gap = false;
                sb.append(c);
            }
        }
        return sb.length() > SNIPPET_CHARS ? sb.substring(0, SNIPPET_CHARS) : sb.toString();
    }

    /** Renders Markdown to HTML. The result is not yet safe: pass it through {@link HtmlSanitizer}. */
    public String toHtml(String text) {
        return renderer.render(parse(text));
    }

    /** Renders Markdown with every piece of raw HTML shown as text: for bodies whose HTML breaks the page. */
    public String toHtmlEscapingRawHtml(String text) {
        return escaping.render(parse(text));
    }

    /** The text of a heading as a reader sees it: no markup, raw HTML left out. */
    static String headingText(Heading h) {
        StringBuilder sb = new StringBuilder();
        collectText(h, sb);
        return sb.toString().strip();
    }

    private static void collectText(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append('\n');
            } else if (!(n instanceof HtmlInline)) {
                collectText(n, sb);
            }
        }
    }

    /**
     * Heading ids, the class of tables, the names of task boxes, and (when the render leaves slots) every link and image address
     * replaced by its slot. A new one serves each render, so that heading ids start afresh.
     */
    private static final class Attributes implements AttributeProvider {
        private final HeadingIds ids = new HeadingIds();
        private final List<String> slots = SLOTS.get();

        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Heading h) {
                String id = ids.next(headingText(h));
                if (!id.isEmpty()) {
                    attributes.put("id", id);
                }
            } else if (node instanceof TableBlock) {
                attributes.put("class", "md-table");
            } else if (node instanceof TaskListItemMarker m) {
                // a box a screen reader can name (its item's text follows it)
                attributes.put("aria-label", m.isChecked() ? "done" : "to do");
            } else if (slots != null && node instanceof Link l) {
                attributes.put("href", slot(l.getDestination().intern()));
            } else if (slots != null && node instanceof Image i) {
                attributes.put("src", slot(i.getDestination().intern()));
            }
        }

        private String slot(String address) {
            slots.add(address);
            return SLOT_START + Integer.toString(slots.size() - 1) + SLOT_END;
        }
    }

    /** Collects the links, headings and raw HTML of a parsed document, with their places in the file. */
    private static final class Reader {
        private static final Pattern HTML_LINK = Pattern.compile("<(a|img)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
        private static final Pattern ANCHOR = Pattern.compile(
                "\\b(?:id|name)\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
        /** A Hugo shortcode's opening: {@code {{< name} or {@code {{% name}; closing ones ({@code {{< /name}) are not counted. */
        private static final Pattern SHORTCODE = Pattern.compile("\\{\\{([<%])\\s*([A-Za-z][\\w./-]*)");

        private static final Pattern HREF =
                Pattern.compile("\\bhref\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
        private static final Pattern SRC =
                Pattern.compile("\\bsrc\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))", Pattern.CASE_INSENSITIVE);
        private final String text;
        private final String file;
        private final int firstLine;
        private final HeadingIds ids = new HeadingIds();
        final List<Markdown.MdLink> links = new ArrayList<>();
        final List<Markdown.MdHeading> headings = new ArrayList<>();
        final List<String> anchors = new ArrayList<>();
        final List<Markdown.MdShortcode> shortcodes = new ArrayList<>();
        boolean rawHtml;
        private int[] lineStarts;

        Reader(String text, String file, int firstLine) {
            this.text = text;
            this.file = file;
            this.firstLine = firstLine;
        }

        void visit(Node node) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof HtmlBlock b) {
                    rawHtml = true;
                    htmlLinks(b.getLiteral(), start(n));
                } else if (n instanceof HtmlInline h) {
                    rawHtml = true;
                    htmlLinks(h.getLiteral(), start(n));
                } else if (n instanceof Text t) {
                    shortcodes(t);
                } else if (n instanceof FootnoteDefinition f) {
                    anchors.add(Footnotes.definition(f.getLabel()));
                } else if (n instanceof FootnoteReference f) {
                    anchors.add(Footnotes.reference(f.getLabel()));
                } else if (n instanceof Link l) {
                    inline(n, l.getDestination().intern(), false);
                } else if (n instanceof Image i) {
                    inline(n, i.getDestination().intern(), true);
                } else if (n instanceof LinkReferenceDefinition d) {
                    int colon = text.indexOf("]:", start(n));
                    links.add(new Markdown.MdLink(
                            d.getDestination().intern(), false, colon < 0 ? pos(n) : at(destination(colon + 2))));
                } else if (n instanceof Heading h) {
                    // runbooks repeat the same headings and links: one copy of each string for all of them
                    String headingText = headingText(h).intern();
                    Node first = h.getFirstChild();
                    headings.add(new Markdown.MdHeading(
                            h.getLevel(),
                            headingText,
                            ids.next(headingText).intern(),
                            first != null && !first.getSourceSpans().isEmpty() ? pos(first) : pos(h),
                            section(h)));
                }
                visit(n);
            }
        }

        /**
         * What the section of {@code h} holds: the blocks after it up to the next heading of its level or
         * above. Only paragraphs starting {@code TODO} are a placeholder; nothing at all is empty.
         */
        private static Markdown.Section section(Heading h) {
            boolean any = false;
            for (Node n = h.getNext(); n != null; n = n.getNext()) {
                if (n instanceof Heading next && next.getLevel() <= h.getLevel()) {
                    break;
                }
                if (n instanceof LinkReferenceDefinition) {
                    continue;
                }
                if (!(n instanceof Paragraph p
                        && p.getFirstChild() instanceof Text t
                        && dev.opsbook.model.Placeholders.is(t.getLiteral()))) {
                    return Markdown.Section.TEXT;
                }
                any = true;
            }
            return any ? Markdown.Section.PLACEHOLDER : Markdown.Section.EMPTY;
        }

        /**
         * A link or image written in place: {@code [text](address)} or {@code <address>}. One that
         * uses a reference definition ({@code [text][ref]}) is not counted: the definition is.
         */
        private void inline(Node n, String destination, boolean image) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (spans.isEmpty()) {
                return;
            }
            int start = spans.get(0).getInputIndex();
            SourceSpan last = spans.get(spans.size() - 1);
            int end = last.getInputIndex() + last.getLength(); // exclusive
            if (text.charAt(start) == '<') {
                links.add(new Markdown.MdLink(destination, image, at(start + 1)));
            } else if (text.charAt(end - 1) == ')') {
                int open = text.lastIndexOf("](", end - 1);
                links.add(new Markdown.MdLink(destination, image, open < start ? pos(n) : at(destination(open + 2))));
            }
        }

        /** The shortcodes of a piece of text other than Hugo's ref and relref (those are links by now). */
        private void shortcodes(Text t) {
            String literal = t.getLiteral();
            if (literal.indexOf("{{") < 0) {
                return;
            }
            Matcher m = SHORTCODE.matcher(literal);
            while (m.find()) {
                int start = start(t);
                int at = text.startsWith(literal, start) ? start + m.start() : text.indexOf(m.group(), start);
                shortcodes.add(new Markdown.MdShortcode(m.group(2), at >= 0 ? at(at) : pos(t)));
            }
        }

        /**
         * The addresses of {@code <a href>} and {@code <img src>} written in raw HTML, which the site rewrites
         * like Markdown links: so that one pointing at nothing is reported where it is written, not dropped
         * in silence. {@code from} is where the HTML starts in the text; the value is looked for from there.
         */
        private void htmlLinks(String html, int from) {
            Matcher tag = HTML_LINK.matcher(html);
            int cursor = from;
            while (tag.find()) {
                boolean image = tag.group(1).equalsIgnoreCase("img");
                if (!image) {
                    Matcher id = ANCHOR.matcher(tag.group());
                    if (id.find()) {
                        String anchor = HtmlSanitizer.anchor(org.jsoup.parser.Parser.unescapeEntities(
                                id.group(2) != null ? id.group(2) : id.group(3) != null ? id.group(3) : id.group(4),
                                true));
                        if (anchor != null) {
                            anchors.add(anchor);
                        }
                    }
                }
                Matcher attr = (image ? SRC : HREF).matcher(tag.group());
                if (!attr.find()) {
                    continue;
                }
                String written =
                        attr.group(2) != null ? attr.group(2) : attr.group(3) != null ? attr.group(3) : attr.group(4);
                int at = text.indexOf(written, cursor);
                if (at >= 0) {
                    cursor = at + written.length();
                }
                links.add(new Markdown.MdLink(
                        org.jsoup.parser.Parser.unescapeEntities(written, true).intern(),
                        image,
                        at >= 0 ? at(at) : at(from)));
            }
        }

        /** Where an address starts: after white space, and inside its angle brackets if it has them. */
        private int destination(int from) {
            int i = from;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i < text.length() && text.charAt(i) == '<' ? i + 1 : i;
        }

        private static int start(Node n) {
            return n.getSourceSpans().isEmpty() ? 0 : n.getSourceSpans().get(0).getInputIndex();
        }

        private Pos pos(Node n) {
            return n.getSourceSpans().isEmpty() ? new Pos(file, firstLine, 1) : at(start(n));
        }

        /** The place of a character of the body, as a line of the file and a column (both from 1). */
        private Pos at(int offset) {
            if (lineStarts == null) {
                int[] starts = new int[64];
                int n = 1;
                for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
                lineStarts = Arrays.copyOf(starts, n);
            }
            int line = Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            return new Pos(file, firstLine + line, offset - lineStarts[line] + 1);
        }
    }
}
