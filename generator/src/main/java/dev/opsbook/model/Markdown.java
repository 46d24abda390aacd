package dev.opsbook.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the loader found in the Markdown body of a runbook or incident: the line of the file it starts
 * on, its links and headings with their places, the other anchors a link may lead to ({@code <a id>} in raw
 * HTML, footnotes), the shortcodes it cannot show, the first words (for search), and the body already
 * rendered (see {@link Prepared}). The Markdown text itself is not kept:
 * each body is parsed once, when it is loaded.
 */
public record Markdown(
        int firstLine,
        List<MdLink> links,
        List<MdHeading> headings,
        List<String> anchors,
        List<MdShortcode> shortcodes,
        String snippet,
        Prepared prepared) {

    public static final Markdown EMPTY = new Markdown(1, List.of(), List.of(), List.of(), List.of(), "", null);

    /**
     * A Hugo shortcode that opsbook does not render ({@code {{< figure … >}}}): the page shows it as
     * written. Hugo's {@code ref} and {@code relref} are not among them: they become links.
     */
    public record MdShortcode(String name, Pos pos) {}

    /** Every fragment a link to the body's page may name: its headings' anchors and its other anchors. */
    public java.util.Set<String> targets() {
        java.util.Set<String> out = new java.util.HashSet<>(anchors);
        headings.forEach(h -> out.add(h.anchor()));
        return java.util.Collections.unmodifiableSet(out);
    }

    /** A link or image destination as written. */
    public record MdLink(String url, boolean image, Pos pos) {}

    /**
     * A heading with the anchor the site gives it, and what its section holds up to the next heading of its
     * level or above: {@code content} ({@link Section}).
     */
    public record MdHeading(int level, String text, String anchor, Pos pos, Section content) {
        public MdHeading(int level, String text, String anchor, Pos pos) {
            this(level, text, anchor, pos, Section.TEXT);
        }
    }

    /**
     * What a section holds: something written, nothing (a heading followed by the next one), or only the
     * placeholder a skeleton of {@code opsbook new} leaves (paragraphs starting {@code TODO}).
     */
    public enum Section {
        TEXT,
        EMPTY,
        PLACEHOLDER
    }

    /**
     * The body rendered to HTML when it was loaded, with a numbered slot wherever a link or image
     * address goes ({@code addresses} holds them as written, by number): a page fills the slots with
     * addresses relative to itself. Null for a body holding raw HTML, which is rendered and sanitised
     * with its page. The HTML is kept where the build's store put it (memory, or a temporary file for
     * very large handbooks).
     */
    public record Prepared(Supplier<String> html, List<String> addresses) {}
}
