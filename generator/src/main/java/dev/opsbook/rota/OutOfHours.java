package dev.opsbook.rota;

import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.When;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Whether a moment falls outside a service's business hours: those of its rota (or Monday to Friday,
 * 09:00 to 17:00), in the rota's time zone (or the handbook's).
 */
public final class OutOfHours {
    private OutOfHours() {}

    /** The moment in the service's zone. */
    public static ZonedDateTime local(Service s, When when, ZoneId handbookZone) {
        ZoneId zone = s.rota() == null
                ? handbookZone
                : RotaSchedule.zone(s.rota(), handbookZone).orElse(handbookZone);
        return when.at(zone);
    }

    /** Whether incident {@code i} started out of hours: as its file says ({@code outOfHours:}), else by the hours. */
    public static boolean started(Service s, dev.opsbook.model.Incident i, ZoneId handbookZone) {
        return i.outOfHours() != null ? i.outOfHours() : isOutOfHours(s, i.started(), handbookZone);
    }

    public static boolean isOutOfHours(Service s, When when, ZoneId handbookZone) {
        ZonedDateTime t = local(s, when, handbookZone);
        Rota.BusinessHours hours = s.rota() != null && s.rota().businessHours() != null
                ? s.rota().businessHours()
                : RotaSchedule.DEFAULT_HOURS;
        return !hours.days().contains(t.getDayOfWeek())
                || t.toLocalTime().isBefore(hours.from())
                || !t.toLocalTime().isBefore(hours.to());
    }
}
