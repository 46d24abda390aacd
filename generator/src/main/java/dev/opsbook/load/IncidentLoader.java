package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Pos;
import dev.opsbook.model.When;
import java.time.ZoneId;
import java.util.List;

/** Reads {@code services/<service>/incidents/<id>.md}: a post-incident review. */
final class IncidentLoader {
    static final List<String> RESOLUTIONS = Incident.Resolution.ids();

    private IncidentLoader() {}

    /** An incident whose file could not be read. */
    static Incident unknown(String id, String service, String file) {
        return new Incident(
                id,
                service,
                id,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                Markdown.EMPTY,
                new Pos(file, 1, 1));
    }

    /** Reads an incident; times without an offset are in {@code zone}, the handbook's time zone. */
    static Incident read(
            String id,
            String service,
            String file,
            FrontMatter fm,
            YamlMap y,
            ZoneId zone,
            MarkdownEngine md,
            BodyStore bodies,
            Findings findings) {
        LeadingTitle leading = LeadingTitle.of(fm);
        Markdown body = md.read(leading.body(), file, fm.bodyLine(), bodies, service, findings);
        Pos pos = new Pos(file, 1, 1);
        if (y == null) {
            return new Incident(
                    id,
                    service,
                    RunbookLoader.firstHeading(leading, body, id),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    List.of(),
                    body,
                    pos);
        }
        y.require("title", "severity", "started");
        TeamLoader.checkId(id, y);
        String title = y.string("title");
        var severity = y.ref("severity");
        var started = y.dateTime("started");
        var detected = notBefore(y, "detected", started, zone);
        var resolved = notBefore(y, "resolved", started, zone);
        var incident = new Incident(
                id,
                service,
                title != null ? title : id,
                severity,
                started,
                detected,
                resolved,
                y.refs("services"),
                Incident.Resolution.of(y.oneOf("resolution", RESOLUTIONS)),
                y.ref("supportLead"),
                y.ref("supportEngineer"),
                ActionLoader.read(y),
                body,
                pos,
                y.ref("cause"),
                y.bool("outOfHours"));
        y.finish();
        return incident;
    }

    /**
     * The time under {@code key}, or null with a finding when it comes before {@code started}: an incident
     * is detected and resolved after it starts, and a negative time to detect or resolve is a typo.
     * Compared as instants, so that a time with an offset and one in the handbook's zone compare rightly.
     */
    private static When notBefore(YamlMap y, String key, When started, ZoneId zone) {
        When when = y.dateTime(key);
        if (started != null && when != null && when.at(zone).isBefore(started.at(zone))) {
            y.schema(
                    key,
                    "'" + key + "' (" + when + ") is before 'started' (" + started + ")",
                    "correct the date or time of one of them (times without an offset are in the handbook's time zone, "
                            + zone.getId() + ")");
            return null;
        }
        return when;
    }
}
