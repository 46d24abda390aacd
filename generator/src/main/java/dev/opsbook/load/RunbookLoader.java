package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Runbook;
import java.util.List;

/** Reads {@code services/<service>/runbooks/<id>.md}: front matter and Markdown. */
final class RunbookLoader {
    private RunbookLoader() {}

    static Runbook read(
            String id,
            String service,
            String file,
            FrontMatter fm,
            YamlMap y,
            MarkdownEngine md,
            BodyStore bodies,
            Findings findings) {
        Markdown body = md.read(fm.body(), file, fm.bodyLine(), bodies, service, findings);
        if (y == null) {
            return new Runbook(
                    id,
                    service,
                    firstHeading(body, id),
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    body,
                    new Pos(file, 1, 1));
        }
        TeamLoader.checkId(id, y);
        String title = y.string("title");
        var runbook = new Runbook(
                id,
                service,
                title != null ? title : firstHeading(body, id),
                y.string("summary"),
                y.ref("severity"),
                y.refs("alerts"),
                y.ref("owner"),
                y.date("lastReviewed"),
                y.keyPos("lastReviewed"),
                y.ref("reviewedBy"),
                y.date("lastExercised"),
                y.strings("tags"),
                body,
                new Pos(file, 1, 1));
        y.finish();
        return runbook;
    }

    /** A runbook whose file could not be read: it exists, so links to it are not broken. */
    static Runbook unknown(String id, String service, String file) {
        return new Runbook(
                id,
                service,
                id,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Markdown.EMPTY,
                new Pos(file, 1, 1));
    }

    static String firstHeading(Markdown body, String fallback) {
        return body.headings().stream()
                .filter(h -> h.level() == 1)
                .map(Markdown.MdHeading::text)
                .findFirst()
                .orElse(fallback);
    }
}
