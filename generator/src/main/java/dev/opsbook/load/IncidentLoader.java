package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import java.util.List;

/** Reads {@code services/<service>/incidents/<id>.md}: a post-incident review. */
final class IncidentLoader {
    static final List<String> RESOLUTIONS = List.of("rollback", "fix-forward", "feature-toggle", "other");

    private IncidentLoader() {
    }

    /** An incident whose file could not be read. */
    static Incident unknown(String id, String service, String file) {
        return new Incident(id, service, id, null, null, null, null, List.of(), null, null, null, List.of(),
                Markdown.EMPTY, new Pos(file, 1, 1));
    }

    static Incident read(String id, String service, String file, FrontMatter fm, YamlMap y, MarkdownEngine md,
                        BodyStore bodies, Findings findings) {
        Markdown body = md.read(fm.body(), file, fm.bodyLine(), bodies, service, findings);
        Pos pos = new Pos(file, 1, 1);
        if (y == null) {
            return new Incident(id, service, RunbookLoader.firstHeading(body, id), null, null, null, null, List.of(),
                    null, null, null, List.of(), body, pos);
        }
        y.require("title", "severity", "started");
        TeamLoader.checkId(id, y);
        String title = y.string("title");
        var severity = y.ref("severity");
        var started = y.dateTime("started");
        var detected = y.dateTime("detected");
        var resolved = y.dateTime("resolved");
        if (started != null && resolved != null && resolved.local().isBefore(started.local())
                && started.offset() == resolved.offset()) {
            y.schema("resolved", "'resolved' (" + resolved + ") is before 'started' (" + started + ")",
                    "correct the date or time of one of them (times without an offset are in the handbook's time zone)");
            resolved = null;
        }
        var incident = new Incident(id, service, title != null ? title : id, severity, started, detected, resolved,
                y.refs("services"), y.oneOf("resolution", RESOLUTIONS), y.ref("supportLead"), y.ref("supportEngineer"),
                ActionLoader.read(y), body, pos);
        y.finish();
        return incident;
    }
}
