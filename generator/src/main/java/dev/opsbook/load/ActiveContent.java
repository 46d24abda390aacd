package dev.opsbook.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Judges whether a file of the content would run script when a browser opens it from the site. Such a
 * file, published as it is, runs at the handbook's origin and outside the Content-Security-Policy of
 * opsbook's own pages (a policy that is a meta tag of each page): it could read the handbook, rewrite it
 * for the reader or send it elsewhere.
 *
 * <p>HTML and script files are active by their type. A file of markup that browsers open as XML (SVG
 * above all, but also {@code .xml}, feeds and whatever starts with {@code <}) is parsed as strictly as a
 * browser parses it, and is active when it holds a script element, HTML that can run or load script, an
 * event handler attribute, an address with a scheme that runs script ({@code javascript:}), an animation
 * that sets such an attribute, or an XSLT stylesheet. A diagram (SVG without any of these, embedded
 * raster images and HTML labels included) is published unchanged.
 */
final class ActiveContent {
    /** Types that a browser runs or renders as a document with script: never published. */
    private static final Set<String> ACTIVE_TYPES = Set.of(
            "html", "htm", "xhtml", "xht", "shtml", "shtm", "mht", "mhtml", "js", "mjs", "cjs", "xsl", "xslt", "svgz",
            "swf", "hta", "xul", "xbl");
    /** Types that browsers open as XML: one that does not parse cannot be judged, so it is not published. */
    private static final Set<String> XML_TYPES =
            Set.of("svg", "xml", "rss", "atom", "rdf", "xsd", "kml", "gpx", "mathml", "mml", "opml", "xspf");
    /** Files of markup larger than this are not parsed (nor published): a diagram is far smaller. */
    static final long MAX_MARKUP_BYTES = 16L * 1024 * 1024;

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XLINK = "http://www.w3.org/1999/xlink";
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    private static final String MATHML = "http://www.w3.org/1998/Math/MathML";
    /** The namespaces whose elements browsers give event handlers and links. */
    private static final Set<String> LIVE_NAMESPACES = Set.of(XHTML, SVG, MATHML);
    /** HTML elements that run script, load a document or plug-in, or submit: anything else is a label. */
    private static final Set<String> ACTIVE_HTML = Set.of(
            "script",
            "iframe",
            "frame",
            "frameset",
            "object",
            "embed",
            "applet",
            "form",
            "input",
            "button",
            "textarea",
            "select",
            "link",
            "meta",
            "base",
            "portal");

    private static final Set<String> ACTIVE_SVG = Set.of("script", "handler", "listener");
    private static final Set<String> ANIMATIONS =
            Set.of("set", "animate", "animatemotion", "animatetransform", "animatecolor", "discard");
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "action",
            "formaction",
            "data",
            "base",
            "background",
            "poster",
            "codebase",
            "cite",
            "srcdoc");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Set<String> SAFE_DATA = Set.of(
            "image/png",
            "image/jpeg",
            "image/jpg",
            "image/gif",
            "image/webp",
            "image/avif",
            "image/bmp",
            "font/woff",
            "font/woff2",
            "font/ttf",
            "font/otf",
            "application/font-woff",
            "application/x-font-woff",
            "application/font-woff2");

    private ActiveContent() {}

    /** Why the file would run script in a browser, or null when it is inert. */
    static String reason(Path file, String rel) throws IOException {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String ext = name.lastIndexOf('.') > 0
                ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        if (ACTIVE_TYPES.contains(ext)) {
            return "a ." + ext + " file runs script when a browser opens it, at the handbook's address and outside"
                    + " its Content-Security-Policy, so it is not published";
        }
        boolean xmlType = XML_TYPES.contains(ext);
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        }
        if (!xmlType && !startsWithMarkup(head)) {
            return null; // an image, a PDF, plain text: a browser shows it, it never runs it
        }
        if (size > MAX_MARKUP_BYTES) {
            return "a file of markup larger than " + MAX_MARKUP_BYTES / (1024 * 1024) + " MiB cannot be checked for"
                    + " script, so it is not published";
        }
        return reasonInMarkup(Files.readAllBytes(file), xmlType);
    }

    /** @param xmlType whether browsers open the file as XML by its type (it must then parse to be judged) */
    static String reasonInMarkup(byte[] bytes, boolean xmlType) {
        Document doc;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // and print nothing: the finding says it
                }
            });
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new ByteArrayInputStream(new byte[0])));
            doc = builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            // not XML: a browser that opens it as XML shows an error, and one that opens it as text runs nothing;
            // but a parser that accepts more than this one (another encoding, say) might render it
            return xmlType
                    ? "it is not well-formed XML (" + firstLine(e.getMessage()) + "), so opsbook cannot tell"
                            + " whether a browser would run script in it; it is not published"
                    : null;
        }
        return active(doc);
    }

    private static String active(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            String found =
                    switch (n.getNodeType()) {
                        case Node.ELEMENT_NODE -> element((Element) n);
                        case Node.PROCESSING_INSTRUCTION_NODE -> stylesheet((ProcessingInstruction) n);
                        default -> null;
                    };
            if (found == null && n.getNodeType() == Node.ELEMENT_NODE) {
                found = active(n);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String stylesheet(ProcessingInstruction pi) {
        if (!pi.getTarget().equalsIgnoreCase("xml-stylesheet")) {
            return null;
        }
        String data = pi.getData().toLowerCase(Locale.ROOT);
        return data.contains("text/css")
                ? null
                : "it names an XSLT stylesheet (<?xml-stylesheet?>), which can make script";
    }

    private static String element(Element e) {
        String ns = e.getNamespaceURI();
        String local = (e.getLocalName() == null ? e.getTagName() : e.getLocalName()).toLowerCase(Locale.ROOT);
        if (XHTML.equals(ns) && ACTIVE_HTML.contains(local)) {
            return "it holds an HTML <" + local + "> element, which can run or load script";
        }
        if (SVG.equals(ns) && ACTIVE_SVG.contains(local)) {
            return "it holds an SVG <" + local + "> element, which runs script when the file is opened";
        }
        boolean animation = SVG.equals(ns) && ANIMATIONS.contains(local);
        boolean live = ns != null && LIVE_NAMESPACES.contains(ns);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String an = (a.getLocalName() == null ? a.getName() : a.getLocalName()).toLowerCase(Locale.ROOT);
            if (live && an.startsWith("on") && a.getNamespaceURI() == null) {
                return "the <" + local + "> element has an event handler (" + a.getName() + "), which runs script";
            }
            if (animation && an.equals("attributename")) {
                String target = a.getValue().strip().toLowerCase(Locale.ROOT);
                if (target.startsWith("on")
                        || target.endsWith("href")
                        || target.equals("src")
                        || target.contains(":")) {
                    return "an SVG <" + local + "> element sets the attribute '" + a.getValue()
                            + "', which can make a link run script";
                }
            }
            if (live && (URL_ATTRIBUTES.contains(an) || an.equals("style"))
                    || XLINK.equals(a.getNamespaceURI())
                    || an.equals("base") && XML_NS.equals(a.getNamespaceURI())
                    || animation && (an.equals("values") || an.equals("to") || an.equals("from") || an.equals("by"))) {
                String scheme = unsafeScheme(a.getValue(), an.equals("style"));
                if (scheme != null) {
                    return "the <" + local + "> element's " + a.getName() + " uses the address scheme '" + scheme
                            + ":', which can run script";
                }
            }
        }
        return null;
    }

    /**
     * The scheme of {@code value} when it is one that may run script or carry a document ({@code javascript:},
     * {@code data:text/html}), or null. Browsers skip control characters and spaces in a scheme, so this does
     * too; in a style, every {@code url(…)} is judged.
     */
    static String unsafeScheme(String value, boolean style) {
        if (style) {
            String lower = value.toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf("url("); at >= 0; at = lower.indexOf("url(", at + 4)) {
                int end = lower.indexOf(')', at);
                String inner =
                        value.substring(at + 4, end < 0 ? value.length() : end).strip();
                if (inner.length() >= 2 && (inner.charAt(0) == '"' || inner.charAt(0) == '\'')) {
                    inner = inner.substring(1, inner.length() - 1);
                }
                String s = unsafeScheme(inner, false);
                if (s != null) {
                    return s;
                }
            }
            return null;
        }
        StringBuilder squeezed = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ') {
                squeezed.append(c);
            }
        }
        String v = squeezed.toString();
        int colon = v.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String scheme = v.substring(0, colon);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '-' || c == '.')) {
                return null; // a colon after a path or fragment ("#a:b"): no scheme
            }
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (SAFE_SCHEMES.contains(lower)) {
            return null;
        }
        if (lower.equals("data")) {
            String type = v.substring(colon + 1).toLowerCase(Locale.ROOT);
            int end = type.length();
            for (char stop : new char[] {';', ','}) {
                int at = type.indexOf(stop);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            return SAFE_DATA.contains(type.substring(0, end)) ? null : scheme;
        }
        return scheme;
    }

    /** Whether the first bytes (after a byte order mark and white space) open markup: {@code <}. */
    static boolean startsWithMarkup(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        } else if (head.length >= 2
                && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                        || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return true; // UTF-16: judged as markup, whatever it holds
        }
        while (i < head.length
                && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n' || head[i] == '\f')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "it does not parse";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static final DocumentBuilderFactory FACTORY = factory();

    /**
     * A namespace-aware parser that expands the document's own entities (as browsers do, within the JDK's
     * limits on expansion) and fetches nothing: no external DTD or entity, no XInclude.
     */
    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(true);
        f.setValidating(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a safety feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }
}
