package dev.opsbook.model;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code rota.yaml} (or a shared {@code rotas/<id>.yaml}): who is Support Lead and Support Engineer when.
 * {@code timezone} is kept as written (it is checked later, by the rota rules); {@code timezonePos} says
 * where, and {@code keys} where the other keys are written.
 *
 * <p>{@code layers} is never empty: a rota written without {@code layers:} is one layer, unnamed, made of its
 * top-level {@code start}, {@code rotation}, people and covered hours. Where layers' hours overlap, the later
 * layer holds the time (as in PagerDuty). {@code holidays} may be null.
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
        List<Ref> shadow,
        List<Layer> layers,
        Holidays holidays,
        List<Override> overrides,
        List<EscalationStep> escalation,
        OutOfHours outOfHours,
        Keys keys,
        Pos pos) {

    public record BusinessHours(List<DayOfWeek> days, LocalTime from, LocalTime to, Pos pos) {}

    /**
     * One layer of a rota: its own people, taken in turn from {@code start} every {@code rotation}, on duty in
     * {@code hours} (null: every hour of every day) in its own time zone ({@code timezone} null: the rota's).
     * {@code name} is null for the one layer of a rota written without layers. {@code holidays} null: the
     * rota's.
     */
    public record Layer(
            String name,
            String timezone,
            Pos timezonePos,
            When start,
            Dur rotation,
            BusinessHours hours,
            List<Ref> lead,
            List<Ref> engineer,
            List<Ref> shadow,
            Holidays holidays,
            Keys keys,
            Pos pos) {

        /** The layer's people for {@code role}, in turn. */
        public List<Ref> people(Role role) {
            return switch (role) {
                case LEAD -> lead;
                case ENGINEER -> engineer;
                case SHADOW -> shadow;
            };
        }

        /** "EMEA layer", or "the rota" for the one layer of a rota written without layers. */
        public String label() {
            return name == null ? "the rota" : name + " layer";
        }
    }

    /**
     * Days off: {@code days} (written, and read from the {@code .ics} calendar {@code calendar} names) and who
     * covers them ({@code lead}, {@code engineer}: for every day that names no cover of its own; either may
     * be null). On a holiday a layer with covered hours is off unless someone covers it; a layer on duty at
     * every hour stays on duty (its people's hours count as holiday hours). A role with cover is held by the
     * cover for the layer's hours of that day.
     */
    public record Holidays(List<Holiday> days, Ref lead, Ref engineer, String calendar, Pos pos) {
        /** The holiday on {@code date}, if it is one. */
        public Optional<Holiday> on(java.time.LocalDate date) {
            for (Holiday h : days) {
                if (h.date().equals(date)) {
                    return Optional.of(h);
                }
            }
            return Optional.empty();
        }

        /** Who covers {@code role} on {@code h}: the day's own cover, else the holidays' cover; may be null. */
        public Ref cover(Holiday h, Role role) {
            return switch (role) {
                case LEAD -> h.lead() != null ? h.lead() : lead;
                case ENGINEER -> h.engineer() != null ? h.engineer() : engineer;
                case SHADOW -> null;
            };
        }
    }

    /** One holiday: a whole day in the zone of each layer; {@code lead}, {@code engineer}: its own cover, or null. */
    public record Holiday(java.time.LocalDate date, String name, Ref lead, Ref engineer, Pos pos) {}

    /** Everyone the rota names for {@code role}: in every layer, as holiday cover and in overrides. */
    public List<Ref> everyone(Role role) {
        List<Ref> out = new java.util.ArrayList<>();
        for (Layer l : layers) {
            out.addAll(l.people(role));
            Holidays h = l.holidays() != null ? l.holidays() : holidays;
            if (h != null) {
                for (Holiday d : h.days()) {
                    Ref c = h.cover(d, role);
                    if (c != null) {
                        out.add(c);
                    }
                }
            }
        }
        for (Override o : overrides) {
            if (o.role() == role && o.person() != null) {
                out.add(o.person());
            }
        }
        return out;
    }

    /** Whether the rota is written with {@code layers:}. */
    public boolean layered() {
        return layers.size() > 1 || !layers.isEmpty() && layers.get(0).name() != null;
    }

    /** The two roles of a rota, by the key they are written under and the name people know them by. */
    public enum Role {
        LEAD("lead", "Support Lead"),
        ENGINEER("engineer", "Support Engineer"),
        /** Learns by following the Engineer: never counts as Lead or Engineer, never paged. */
        SHADOW("shadow", "Shadow");

        /** The two roles that must be held at every moment of covered time. */
        public static final List<Role> ON_DUTY = List.of(LEAD, ENGINEER);

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

        /** "Lead", "Engineer", "Shadow". */
        public String title() {
            return label.startsWith("Support ") ? label.substring("Support ".length()) : label;
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
