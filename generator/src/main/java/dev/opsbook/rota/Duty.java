package dev.opsbook.rota;

import dev.opsbook.model.Pos;
import dev.opsbook.model.Rota;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One person holding one role for a span, [from, to), in the zone of the layer that holds it.
 *
 * <p>A handbook of 500 services with three layers each holds millions of duties two years ahead, so a duty
 * keeps its ends as seconds since the epoch and one zone (about a quarter of the memory of two
 * {@link ZonedDateTime}s), and makes {@link #from()} and {@link #to()} when asked; {@link #fromSecond()} and
 * {@link #toSecond()} compare without making them.
 *
 * <p>{@code role}: Support Lead, Support Engineer or Shadow; {@code source}: where the assignment comes from
 * (the person in the role list, the holiday cover, or the override); {@code override}: true when an override
 * put the person there; {@code layer}: the name of the layer that holds the span, null for a rota without
 * layers; {@code holiday}: the name of the holiday when the person covers it as holiday cover, else null.
 */
public final class Duty {
    private final Rota.Role role;
    private final String person;
    private final long from;
    private final long to;
    private final ZoneId zone;
    private final Pos source;
    private final boolean override;
    private final String layer;
    private final String holiday;

    /** Both ends in one zone, the start's: a span cut at a bound of another zone (a layer's, the window's) too. */
    public Duty(
            Rota.Role role,
            String person,
            ZonedDateTime from,
            ZonedDateTime to,
            Pos source,
            boolean override,
            String layer,
            String holiday) {
        this(role, person, from.toEpochSecond(), to.toEpochSecond(), from.getZone(), source, override, layer, holiday);
    }

    public Duty(Rota.Role role, String person, ZonedDateTime from, ZonedDateTime to, Pos source, boolean override) {
        this(role, person, from, to, source, override, null, null);
    }

    private Duty(
            Rota.Role role,
            String person,
            long from,
            long to,
            ZoneId zone,
            Pos source,
            boolean override,
            String layer,
            String holiday) {
        this.role = role;
        this.person = person;
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.source = source;
        this.override = override;
        this.layer = layer;
        this.holiday = holiday;
    }

    public Rota.Role role() {
        return role;
    }

    public String person() {
        return person;
    }

    /** The start, in the zone of the layer that holds the duty. */
    public ZonedDateTime from() {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(from), zone);
    }

    /** The end (exclusive), in the start's zone. */
    public ZonedDateTime to() {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(to), zone);
    }

    /** The start as seconds since the epoch. */
    public long fromSecond() {
        return from;
    }

    /** The end as seconds since the epoch. */
    public long toSecond() {
        return to;
    }

    public ZoneId zone() {
        return zone;
    }

    public Pos source() {
        return source;
    }

    public boolean override() {
        return override;
    }

    public String layer() {
        return layer;
    }

    public String holiday() {
        return holiday;
    }

    /** This duty over [from, to). */
    Duty during(ZonedDateTime from, ZonedDateTime to) {
        return new Duty(role, person, from.toEpochSecond(), to.toEpochSecond(), zone, source, override, layer, holiday);
    }

    /** This duty over [from, to), in seconds since the epoch. */
    Duty during(long from, long to) {
        return new Duty(role, person, from, to, zone, source, override, layer, holiday);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Duty d
                && from == d.from
                && to == d.to
                && override == d.override
                && role == d.role
                && person.equals(d.person)
                && zone.equals(d.zone)
                && Objects.equals(source, d.source)
                && Objects.equals(layer, d.layer)
                && Objects.equals(holiday, d.holiday);
    }

    @Override
    public int hashCode() {
        return Objects.hash(role, person, from, to, zone, source, override, layer, holiday);
    }

    @Override
    public String toString() {
        return "Duty[role=" + role + ", person=" + person + ", from=" + from() + ", to=" + to() + ", source=" + source
                + ", override=" + override + ", layer=" + layer + ", holiday=" + holiday + "]";
    }
}
