package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import java.util.List;

/** Reads {@code guides/<id>.md}: optional front matter ({@code title}, {@code summary}) and Markdown. */
final class GuideLoader {
    private GuideLoader() {}

    static Guide read(
            String id, String file, FrontMatter fm, YamlMap y, MarkdownEngine md, BodyStore bodies, Findings findings) {
        LeadingTitle leading = LeadingTitle.of(fm);
        Markdown body = md.read(leading.body(), file, fm.bodyLine(), bodies, null, findings);
        String title = y == null ? null : y.string("title");
        String summary = y == null ? null : RunbookLoader.summary(y);
        List<String> aliases = y == null ? List.of() : Aliases.read(y);
        if (y != null) {
            y.finish();
        }
        String name = id.substring(id.lastIndexOf('/') + 1);
        return new Guide(
                id,
                title != null ? title : RunbookLoader.firstHeading(leading, body, name),
                summary,
                aliases,
                body,
                new Pos(file, 1, 1));
    }

    /** A guide whose file could not be read: it exists, so links to it are not broken. */
    static Guide unknown(String id, String file) {
        return new Guide(id, id, null, List.of(), Markdown.EMPTY, new Pos(file, 1, 1));
    }
}
