package dev.opsbook.model;

import java.util.List;

/**
 * The Markdown body of a runbook or incident: the source text (front matter removed), the line of
 * the file it starts on, and what the loader found in it (links and headings with their places).
 */
public record Markdown(String text, int firstLine, List<MdLink> links, List<MdHeading> headings) {

    public static final Markdown EMPTY = new Markdown("", 1, List.of(), List.of());

    /** A link or image destination as written. */
    public record MdLink(String url, boolean image, Pos pos) {
    }

    /** A heading with the anchor the site gives it. */
    public record MdHeading(int level, String text, String anchor, Pos pos) {
    }
}
