package dev.opsbook.model;

import java.util.List;

/**
 * What the loader found in the Markdown body of a runbook or incident: the line of the file it starts
 * on, its links and headings with their places, the first words (for search) and whether it holds raw
 * HTML. The text itself is not kept: the renderer reads the file again, so that a handbook of tens of
 * thousands of runbooks fits in little memory.
 */
public record Markdown(int firstLine, List<MdLink> links, List<MdHeading> headings, String snippet,
                       boolean rawHtml) {

    public static final Markdown EMPTY = new Markdown(1, List.of(), List.of(), "", false);

    /** A link or image destination as written. */
    public record MdLink(String url, boolean image, Pos pos) {
    }

    /** A heading with the anchor the site gives it. */
    public record MdHeading(int level, String text, String anchor, Pos pos) {
    }
}
