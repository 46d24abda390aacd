package dev.opsbook.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code rota.yaml}: who is Support Lead and Support Engineer when. {@code timezone} is kept as
 * written (it is checked later, by the rota rules); {@code timezonePos} says where, and {@code keys} where
 * the other keys are written.
 */
public record Rota(
        String timezone,
        Pos timezonePos,
        When start,
        Dur rotation,
        String coverage,
        BusinessHours businessHours,
        List<Ref> lead,
        List<Ref> engineer,
        List<Override> overrides,
        List<EscalationStep> escalation,
        OutOfHours outOfHours,
        Keys keys,
        Pos pos) {

    public record BusinessHours(List<DayOfWeek> days, LocalTime from, LocalTime to, Pos pos) {}

    /** The two roles of a rota, by the key they are written under and the name people know them by. */
    public enum Role {
        LEAD("lead", "Support Lead"),
        ENGINEER("engineer", "Support Engineer");

        private final String id;
        private final String label;

        Role(String id, String label) {
            this.id = id;
            this.label = label;
        }

        /** The key of {@code rota.yaml} that lists the role's people, and the role's name in an override. */
        public String id() {
            return id;
        }

        /** "Support Lead", "Support Engineer". */
        public String label() {
            return label;
        }

        /** "Lead", "Engineer". */
        public String title() {
            return label.substring("Support ".length());
        }

        /** The people the rota lists for this role, in turn. */
        public List<Ref> people(Rota rota) {
            return this == LEAD ? rota.lead() : rota.engineer();
        }

        /** The role written {@code id}, if there is one. */
        public static Optional<Role> of(String id) {
            for (Role r : values()) {
                if (r.id.equals(id)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        /** Every role's id, in order. */
        public static List<String> ids() {
            return Arrays.stream(values()).map(Role::id).toList();
        }
    }

    /** Replaces one role's person for a span. */
    public record Override(Role role, Ref person, When from, When to, String reason, Pos pos) {}

    /** After {@code after} without acknowledgement, call {@code contact} (a person or a team id). */
    public record EscalationStep(Dur after, Ref contact, Pos pos) {}

    public record OutOfHours(Boolean onCall, String compensation, List<String> tools) {}
}
