package dev.opsbook.render;

import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.SitePaths;
import dev.opsbook.load.MarkdownSource;
import dev.opsbook.markdown.HtmlSanitizer;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Markdown;
import dev.opsbook.render.Views.*;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Markdown bodies on a page: their table of contents, and their HTML with every link pointed at its page. */
final class MarkdownBodies {
    private final ContentLinks contentLinks;
    private final MarkdownEngine markdown;
    /** Where the Markdown is read from when a body must be rendered again. */
    private final Path contentRoot;

    MarkdownBodies(ContentLinks contentLinks, MarkdownEngine markdown, Path contentRoot) {
        this.contentLinks = contentLinks;
        this.markdown = markdown;
        this.contentRoot = contentRoot;
    }

    /**
     * The body's level-2 headings, each with the level-3 headings that follow it (a level-3 heading before
     * any level-2 one stands on its own).
     */
    static List<TocEntry> toc(Markdown body) {
        List<TocEntry> top = new ArrayList<>();
        List<TocEntry> under = null;
        for (Markdown.MdHeading h : body.headings()) {
            if (h.anchor().isEmpty() || h.level() < 2 || h.level() > 3) {
                continue;
            }
            if (h.level() == 3 && under != null) {
                under.add(new TocEntry(3, h.text(), h.anchor(), List.of()));
            } else {
                List<TocEntry> children = h.level() == 2 ? new ArrayList<>() : List.of();
                top.add(new TocEntry(h.level(), h.text(), h.anchor(), Collections.unmodifiableList(children)));
                under = h.level() == 2 ? children : null;
            }
        }
        return List.copyOf(top);
    }

    /**
     * The Markdown body as safe HTML, every link pointed at its page on the site. Raw HTML that would
     * swallow headings (an unclosed script or comment, say) loses its privileges: the body is rendered
     * again with raw HTML shown as text, so that every heading, and every link to one, still works.
     */
    String html(Markdown body, String file, String service, String from) {
        // each address is resolved once, though a slow render may ask for it more than once
        Map<String, Optional<String>> resolved = new HashMap<>();
        UnaryOperator<String> rewrite = url -> resolved.computeIfAbsent(
                        url, u -> Optional.ofNullable(resolveForPage(contentLinks.resolve(file, service, u), from)))
                .orElse(null);
        String prepared = MarkdownEngine.fill(body.prepared(), rewrite);
        if (prepared != null) {
            return prepared;
        }
        // raw HTML, or a link that leads nowhere (it is dropped): render again and sanitise
        String text = MarkdownSource.body(contentRoot, file);
        String html = HtmlSanitizer.clean(markdown.toHtml(text), rewrite);
        Set<String> expected = body.headings().stream()
                .map(Markdown.MdHeading::anchor)
                .filter(a -> !a.isEmpty())
                .collect(Collectors.toSet());
        if (!HtmlSanitizer.headingIds(html).containsAll(expected)) {
            html = HtmlSanitizer.clean(markdown.toHtmlEscapingRawHtml(text), rewrite);
        }
        return html;
    }

    private static String resolveForPage(ContentLinks.Resolution r, String from) {
        if (r instanceof ContentLinks.External e) {
            return e.url();
        }
        if (r instanceof ContentLinks.Internal i) {
            // a place on the page itself is its fragment alone, as GitHub writes it
            return i.target().startsWith(from + "#")
                    ? i.target().substring(from.length())
                    : SitePaths.relative(from, i.target());
        }
        return null;
    }
}
