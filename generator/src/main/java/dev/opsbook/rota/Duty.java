package dev.opsbook.rota;

import dev.opsbook.model.Pos;
import dev.opsbook.model.Rota;
import java.time.ZonedDateTime;

/**
 * One person holding one role for a span, [from, to), in the zone of the layer that holds it.
 *
 * @param role     Support Lead, Support Engineer or Shadow
 * @param source   where the assignment comes from: the person in the role list, the holiday cover, or the override
 * @param override true when an override put the person there
 * @param layer    the name of the layer that holds the span; null for a rota without layers
 * @param holiday  the name of the holiday when the person covers it as holiday cover; else null
 */
public record Duty(
        Rota.Role role,
        String person,
        ZonedDateTime from,
        ZonedDateTime to,
        Pos source,
        boolean override,
        String layer,
        String holiday) {

    /** Both ends in one zone, the start's: a span cut at a bound of another zone (a layer's, the window's) too. */
    public Duty {
        if (!to.getZone().equals(from.getZone())) {
            to = to.withZoneSameInstant(from.getZone());
        }
    }

    public Duty(Rota.Role role, String person, ZonedDateTime from, ZonedDateTime to, Pos source, boolean override) {
        this(role, person, from, to, source, override, null, null);
    }

    /** This duty over [from, to). */
    Duty during(ZonedDateTime from, ZonedDateTime to) {
        return new Duty(role, person, from, to, source, override, layer, holiday);
    }
}
