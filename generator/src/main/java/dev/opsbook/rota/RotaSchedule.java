package dev.opsbook.rota;

import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The expanded rota. Shift {@code k} starts at {@code start + k × rotation}: whole days are added to
 * the local date-time (so a 09:00 handoff stays at 09:00 across daylight-saving changes) and any
 * hours, minutes and seconds as exact time. Each role's list is taken in turn independently;
 * overrides replace one role's person for their span.
 *
 * @param windowStart the start of the shift in progress at the as-of date (or the rota's start, if later)
 * @param windowEnd   the as-of date plus the horizon
 */
public record RotaSchedule(
        ZoneId zone,
        ZonedDateTime windowStart,
        ZonedDateTime windowEnd,
        ZonedDateTime rotaStart,
        List<Duty> leads,
        List<Duty> engineers,
        List<Span> coverage) {

    /** A span of time, [from, to). */
    public record Span(ZonedDateTime from, ZonedDateTime to) {
        public boolean contains(ZonedDateTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** An upper bound on shifts expanded, so that a rota of 1s shifts cannot exhaust memory. */
    static final int MAX_SHIFTS = 20_000;

    /** The zone of a rota, or empty when it names no IANA zone. */
    public static Optional<ZoneId> zone(Rota rota, ZoneId handbookZone) {
        if (rota.timezone() == null) {
            return Optional.of(handbookZone);
        }
        try {
            return Optional.of(ZoneId.of(rota.timezone()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Expands {@code rota} in {@code zone} from the as-of date to {@code horizonWeeks} after it. */
    public static RotaSchedule expand(Rota rota, ZoneId zone, LocalDate asOf, int horizonWeeks) {
        ZonedDateTime asOfStart = asOf.atStartOfDay(zone);
        ZonedDateTime end = asOf.plusWeeks(horizonWeeks).atStartOfDay(zone);
        ZonedDateTime rotaStart = rota.start().at(zone);
        List<ZonedDateTime> bounds = new ArrayList<>();
        long first = 0;
        if (rota.rotation() != null) {
            LocalDateTime startLocal =
                    rota.start().offset() == null ? rota.start().local() : rotaStart.toLocalDateTime();
            // the shift in progress at the start of the as-of date: jump close, then step
            if (asOfStart.isAfter(rotaStart)) {
                long shiftSeconds = Math.max(1, rota.rotation().toDuration().getSeconds());
                first = Math.max(0, Duration.between(rotaStart, asOfStart).getSeconds() / shiftSeconds - 1);
                while (first > 0 && shiftStart(startLocal, zone, rota, first).isAfter(asOfStart)) {
                    first--;
                }
                while (shiftStart(startLocal, zone, rota, first + 1).compareTo(asOfStart) <= 0) {
                    first++;
                }
            }
            for (long k = first; k - first < MAX_SHIFTS; k++) {
                ZonedDateTime s = shiftStart(startLocal, zone, rota, k);
                bounds.add(s);
                if (!s.isBefore(end)) {
                    break;
                }
            }
        }
        List<Duty> leads = role(Rota.Role.LEAD, rota.lead(), rota, bounds, first, zone);
        List<Duty> engineers = role(Rota.Role.ENGINEER, rota.engineer(), rota, bounds, first, zone);
        ZonedDateTime windowStart = bounds.isEmpty() || bounds.get(0).isAfter(asOfStart) ? asOfStart : bounds.get(0);
        return new RotaSchedule(
                zone, windowStart, end, rotaStart, leads, engineers, coverage(rota, zone, windowStart, end));
    }

    /** The covered time of the window: all of it for 24x7, the business hours of each business day otherwise. */
    static List<Span> coverage(Rota rota, ZoneId zone, ZonedDateTime from, ZonedDateTime to) {
        if (!"business-hours".equals(rota.coverage())) {
            return List.of(new Span(from, to));
        }
        Rota.BusinessHours hours = rota.businessHours() != null ? rota.businessHours() : DEFAULT_HOURS;
        List<Span> out = new ArrayList<>();
        for (LocalDate d = from.toLocalDate(); !d.isAfter(to.toLocalDate()); d = d.plusDays(1)) {
            if (!hours.days().contains(d.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime a = d.atTime(hours.from()).atZone(zone);
            ZonedDateTime b = d.atTime(hours.to()).atZone(zone);
            if (a.isBefore(from)) {
                a = from;
            }
            if (b.isAfter(to)) {
                b = to;
            }
            if (a.isBefore(b)) {
                out.add(new Span(a, b));
            }
        }
        return List.copyOf(out);
    }

    /** Monday to Friday, 09:00 to 17:00: the business hours of a rota that names none. */
    public static final Rota.BusinessHours DEFAULT_HOURS = new Rota.BusinessHours(
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(9, 0),
            LocalTime.of(17, 0),
            null);

    /** True when {@code t} falls in covered time. */
    public boolean covered(ZonedDateTime t) {
        return coverage.stream().anyMatch(s -> s.contains(t));
    }

    static ZonedDateTime shiftStart(LocalDateTime startLocal, ZoneId zone, Rota rota, long k) {
        return startLocal
                .plusDays(k * rota.rotation().days())
                .atZone(zone)
                .plusSeconds(k * rota.rotation().seconds());
    }

    private static List<Duty> role(
            Rota.Role role, List<Ref> people, Rota rota, List<ZonedDateTime> bounds, long k0, ZoneId zone) {
        List<Duty> duties = new ArrayList<>();
        if (!people.isEmpty()) {
            for (int i = 0; i + 1 < bounds.size(); i++) {
                Ref who = people.get((int) ((k0 + i) % people.size()));
                duties.add(new Duty(role, who.id(), bounds.get(i), bounds.get(i + 1), who.pos(), false));
            }
        }
        for (Rota.Override o : rota.overrides()) {
            if (role != o.role()) {
                continue;
            }
            duties = apply(duties, new Duty(role, o.person().id(), o.from().at(zone), o.to().at(zone), o.pos(), true));
        }
        duties.sort(Comparator.comparing(Duty::from));
        return List.copyOf(duties);
    }

    /** Cuts the override's span out of every duty it overlaps and adds the override itself. */
    private static List<Duty> apply(List<Duty> duties, Duty o) {
        List<Duty> out = new ArrayList<>();
        for (Duty d : duties) {
            if (!d.to().isAfter(o.from()) || !d.from().isBefore(o.to())) {
                out.add(d);
                continue;
            }
            if (d.from().isBefore(o.from())) {
                out.add(new Duty(d.role(), d.person(), d.from(), o.from(), d.source(), d.override()));
            }
            if (d.to().isAfter(o.to())) {
                out.add(new Duty(d.role(), d.person(), o.to(), d.to(), d.source(), d.override()));
            }
        }
        out.add(o);
        return out;
    }

    /** Who holds {@code role} at {@code t}, if anyone, whether or not {@code t} is covered time. */
    public Optional<Duty> at(Rota.Role role, ZonedDateTime t) {
        for (Duty d : role == Rota.Role.LEAD ? leads : engineers) {
            if (!t.isBefore(d.from()) && t.isBefore(d.to())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
