package dev.opsbook.model;

import java.util.List;

/** {@code services/<service>/incidents/<id>.md}: a post-incident review. */
public record Incident(
        String id,
        String service,
        String title,
        Ref severity,
        When started,
        When detected,
        When resolved,
        List<Ref> services,
        String resolution,
        Ref supportLead,
        Ref supportEngineer,
        List<Action> actions,
        Markdown body,
        Pos pos) {
}
