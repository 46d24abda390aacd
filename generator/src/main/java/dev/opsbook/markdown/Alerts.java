package dev.opsbook.markdown;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.parser.PostProcessor;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * GitHub's alerts: a block quote whose first line is {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]},
 * {@code [!WARNING]} or {@code [!CAUTION]} (in any case, alone on its line) is a callout, rendered as GitHub
 * renders it: {@code <div class="markdown-alert markdown-alert-warning"><p class="markdown-alert-title">Warning</p>…}.
 * commonmark-java has this as an extension from 0.28 on, which Maven Central does not serve here; until it
 * does, this post-processor turns the parsed block quote into one (the Markdown is parsed by commonmark-java
 * all the same: only the marker is read here).
 */
final class Alerts implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {
    /** The alert types, as GitHub names them. */
    static final Set<String> TYPES = Set.of("note", "tip", "important", "warning", "caution");

    private Alerts() {}

    static Extension create() {
        return new Alerts();
    }

    /** A callout: its children are the block quote's, the marker taken out. */
    static final class Alert extends CustomBlock {
        private final String type;

        Alert(String type) {
            this.type = type;
        }

        /** {@code note}, {@code tip}, {@code important}, {@code warning} or {@code caution}. */
        String type() {
            return type;
        }
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessor(new Marker());
    }

    @Override
    public void extend(HtmlRenderer.Builder builder) {
        builder.nodeRendererFactory(Rendering::new);
    }

    /** The type of a block quote's marker, or null when it has none. */
    private static String type(BlockQuote quote) {
        if (!(quote.getFirstChild() instanceof Paragraph p) || !(p.getFirstChild() instanceof Text t)) {
            return null;
        }
        String line = t.getLiteral();
        if (!line.startsWith("[!") || !line.endsWith("]")) {
            return null;
        }
        Node next = t.getNext();
        if (next != null && !(next instanceof SoftLineBreak)) {
            return null; // GitHub wants the marker alone on its line
        }
        String type = line.substring(2, line.length() - 1).toLowerCase(Locale.ROOT);
        return TYPES.contains(type) ? type : null;
    }

    /** Turns each block quote at the top of the document that starts with a marker into an alert. */
    private static final class Marker implements PostProcessor {
        @Override
        public Node process(Node document) {
            // GitHub makes only a quote at the top an alert (one inside a list or a quote stays a quote): the
            // document's own children are all there is to look at
            for (Node n = document.getFirstChild(); n != null; ) {
                Node next = n.getNext();
                if (n instanceof BlockQuote quote) {
                    String type = type(quote);
                    if (type != null) {
                        alert(quote, type);
                    }
                }
                n = next;
            }
            return document;
        }

        private static void alert(BlockQuote quote, String type) {
            Paragraph first = (Paragraph) quote.getFirstChild();
            Node marker = first.getFirstChild();
            if (marker.getNext() != null) {
                marker.getNext().unlink(); // the line break after it
            }
            marker.unlink();
            if (first.getFirstChild() == null) {
                first.unlink();
            }
            Alert alert = new Alert(type);
            alert.setSourceSpans(quote.getSourceSpans());
            for (Node child = quote.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                alert.appendChild(child);
                child = next;
            }
            quote.insertAfter(alert);
            quote.unlink();
        }
    }

    private static final class Rendering implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        Rendering(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Alert.class);
        }

        @Override
        public void render(Node node) {
            Alert alert = (Alert) node;
            html.line();
            html.tag(
                    "div",
                    context.extendAttributes(
                            alert, "div", Map.of("class", "markdown-alert markdown-alert-" + alert.type())));
            html.line();
            html.tag("p", context.extendAttributes(alert, "p", Map.of("class", "markdown-alert-title")));
            html.text(
                    Character.toUpperCase(alert.type().charAt(0)) + alert.type().substring(1));
            html.tag("/p");
            html.line();
            for (Node child = alert.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.line();
            html.tag("/div");
            html.line();
        }
    }
}
