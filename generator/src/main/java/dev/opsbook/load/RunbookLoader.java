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
        LeadingTitle leading = LeadingTitle.of(fm);
        Markdown body = md.read(leading.body(), file, fm.bodyLine(), bodies, service, findings);
        if (y == null) {
            // front matter that does not parse: the runbook is kept with its body and what that gives
            return bare(id, service, firstHeading(leading, body, id), body, file);
        }
        TeamLoader.checkId(id, y);
        String title = y.string("title");
        var runbook = new Runbook(
                id,
                service,
                title != null ? title : firstHeading(leading, body, id),
                summary(y),
                y.ref("severity"),
                y.refs("alerts"),
                y.ref("owner"),
                y.date("lastReviewed"),
                y.keyPos("lastReviewed"),
                y.ref("reviewedBy"),
                y.date("lastExercised"),
                y.strings("tags"),
                Aliases.read(y),
                y.string("noAlert"),
                body,
                new Pos(file, 1, 1),
                java.util.Set.of());
        y.finish();
        return withRefused(runbook, y.keyPositions(runbook.pos()).refused());
    }

    /** {@code summary}, else the {@code description} that Hugo, Jekyll and MkDocs pages carry. */
    static String summary(YamlMap y) {
        String summary = y.string("summary");
        return summary != null ? summary : y.string("description");
    }

    /** A runbook whose file could not be read: it exists, so links to it are not broken. */
    static Runbook unknown(String id, String service, String file) {
        return bare(id, service, id, Markdown.EMPTY, file);
    }

    /** A runbook that is only its title and body: nothing of its front matter could be read. */
    private static Runbook bare(String id, String service, String title, Markdown body, String file) {
        return new Runbook(
                id,
                service,
                title,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                body,
                new Pos(file, 1, 1),
                java.util.Set.of());
    }

    /** The page's title when front matter gives none: the body's leading {@code # Title}, else its first h1. */
    static String firstHeading(LeadingTitle leading, Markdown body, String fallback) {
        return leading.title() != null ? leading.title() : firstHeading(body, fallback);
    }

    static String firstHeading(Markdown body, String fallback) {
        return body.headings().stream()
                .filter(h -> h.level() == 1)
                .map(Markdown.MdHeading::text)
                .findFirst()
                .orElse(fallback);
    }

    /** {@code r} with one more earlier address (a site path; null: none), as its layout gives it. */
    static Runbook withAddress(Runbook r, String address) {
        if (address == null || r.aliases().contains(address)) {
            return r;
        }
        List<String> aliases = new java.util.ArrayList<>(r.aliases());
        aliases.add(address);
        return copy(r, List.copyOf(aliases), r.refused());
    }

    private static Runbook withRefused(Runbook r, java.util.Set<String> refused) {
        return refused.isEmpty() ? r : copy(r, r.aliases(), refused);
    }

    private static Runbook copy(Runbook r, List<String> aliases, java.util.Set<String> refused) {
        return new Runbook(
                r.id(),
                r.service(),
                r.title(),
                r.summary(),
                r.severity(),
                r.alerts(),
                r.owner(),
                r.lastReviewed(),
                r.lastReviewedPos(),
                r.reviewedBy(),
                r.lastExercised(),
                r.tags(),
                aliases,
                r.noAlert(),
                r.body(),
                r.pos(),
                refused);
    }
}
