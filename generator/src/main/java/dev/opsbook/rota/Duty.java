package dev.opsbook.rota;

import dev.opsbook.model.Pos;
import dev.opsbook.model.Rota;
import java.time.ZonedDateTime;

/**
 * One person holding one role for a span, [from, to).
 *
 * @param role   {@code lead} or {@code engineer}
 * @param source where the assignment comes from: the person in the role list, or the override
 * @param override true when an override put the person there
 */
public record Duty(Rota.Role role, String person, ZonedDateTime from, ZonedDateTime to, Pos source, boolean override) {}
