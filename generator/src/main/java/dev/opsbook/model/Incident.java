package dev.opsbook.model;

import java.util.Arrays;
import java.util.List;

/**
 * {@code services/<service>/incidents/<id>.md}: a post-incident review. {@code cause} names one of the handbook's
 * causes ({@code causes:} in opsbook.yaml), or is null; {@code outOfHours} is what the file says of whether it
 * started out of hours, null where it says nothing (then the service's business hours decide).
 */
public record Incident(
        String id,
        String service,
        String title,
        Ref severity,
        When started,
        When detected,
        When resolved,
        List<Ref> services,
        Resolution resolution,
        Ref supportLead,
        Ref supportEngineer,
        List<Action> actions,
        Markdown body,
        Pos pos,
        Ref cause,
        Boolean outOfHours) {

    public Incident(
            String id,
            String service,
            String title,
            Ref severity,
            When started,
            When detected,
            When resolved,
            List<Ref> services,
            Resolution resolution,
            Ref supportLead,
            Ref supportEngineer,
            List<Action> actions,
            Markdown body,
            Pos pos) {
        this(
                id,
                service,
                title,
                severity,
                started,
                detected,
                resolved,
                services,
                resolution,
                supportLead,
                supportEngineer,
                actions,
                body,
                pos,
                null,
                null);
    }

    /** How an incident was ended: the values {@code resolution:} takes, each with its label on the page. */
    public enum Resolution {
        ROLLBACK("rollback", "rollback"),
        FIX_FORWARD("fix-forward", "fix forward"),
        FEATURE_TOGGLE("feature-toggle", "feature toggle"),
        OTHER("other", "other");

        private final String id;
        private final String label;

        Resolution(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** As written in the file. */
        public String id() {
            return id;
        }

        /** As the incident's page says it. */
        public String label() {
            return label;
        }

        /** Every id, in the order above (what the schema accepts). */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Resolution::id).toList();
        }

        /** The resolution written {@code id}, or null for null (a value the schema refused). */
        public static Resolution of(String id) {
            if (id == null) {
                return null;
            }
            for (Resolution r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("not a resolution: " + id); // the schema admits only the ids
        }
    }
}
