package dev.opsbook.rota;

import dev.opsbook.model.Rota;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Who did how much on call: per person, the time on duty as Support Lead or Support Engineer (covered time
 * only: a business-hours rota's week is its business hours), and of that the night hours (22:00 to 07:00),
 * weekend hours (Saturday and Sunday), both at the person's own clock, and holiday hours (holiday cover, and
 * duty on a holiday of the layer); time as Shadow apart. A rota shared by several services counts once.
 */
public final class OnCallHours {
    /** Night: from 22:00 to 07:00 at the person's own clock. */
    public static final LocalTime NIGHT_FROM = LocalTime.of(22, 0);

    public static final LocalTime NIGHT_TO = LocalTime.of(7, 0);

    private OnCallHours() {}

    /** One rota to count: its schedule over the whole span counted, and what it is called. */
    public record Source(Rota rota, RotaSchedule schedule, String label) {}

    /** What one person did (or will do) in [from, to); durations exact, to the second. */
    public record Tally(
            String person,
            Duration onDuty,
            Duration nights,
            Duration weekends,
            Duration holidays,
            Duration shadow,
            Set<String> rotas) {}

    /**
     * Each person's tally over [from, to), in person id order; {@code zones} gives a person's own zone (null:
     * the zone of the layer they are on duty in).
     */
    public static Map<String, Tally> tally(
            List<Source> sources, ZonedDateTime from, ZonedDateTime to, Function<String, ZoneId> zones) {
        Map<String, Tally> out = new TreeMap<>();
        for (Source src : sources) {
            RotaSchedule sch = src.schedule();
            Map<String, Rota.Holidays> holidays = new HashMap<>();
            for (Rota.Layer l : src.rota().layers()) {
                Rota.Holidays h =
                        l.holidays() != null ? l.holidays() : src.rota().holidays();
                if (h != null) {
                    holidays.put(String.valueOf(l.name()), h);
                }
            }
            for (Rota.Role role : Rota.Role.values()) {
                // covered time only: a rota without layers keeps whole shifts, its coverage says when they work
                for (Duty d : RotaSchedule.intersect(sch.duties(role), sch.coverage())) {
                    ZonedDateTime a = d.from().isBefore(from) ? from : d.from();
                    ZonedDateTime b = d.to().isAfter(to) ? to : d.to();
                    if (!a.isBefore(b)) {
                        continue;
                    }
                    Duration all = Duration.between(a, b);
                    if (role == Rota.Role.SHADOW) {
                        Duration none = Duration.ZERO;
                        out.merge(
                                d.person(),
                                new Tally(d.person(), none, none, none, none, all, Set.of(src.label())),
                                OnCallHours::sum);
                        continue;
                    }
                    ZoneId own = zones.apply(d.person());
                    ZoneId zone = own != null ? own : d.from().getZone();
                    Duration nights = Duration.ZERO;
                    Duration weekends = Duration.ZERO;
                    for (LocalDate day = a.withZoneSameInstant(zone).toLocalDate();
                            day.atStartOfDay(zone).isBefore(b);
                            day = day.plusDays(1)) {
                        ZonedDateTime start = day.atStartOfDay(zone);
                        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
                        nights = nights.plus(overlap(
                                        a, b, start, day.atTime(NIGHT_TO).atZone(zone)))
                                .plus(overlap(a, b, day.atTime(NIGHT_FROM).atZone(zone), end));
                        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                            weekends = weekends.plus(overlap(a, b, start, end));
                        }
                    }
                    Duration onHoliday = Duration.ZERO;
                    if (d.holiday() != null) {
                        onHoliday = all;
                    } else {
                        Rota.Holidays h = holidays.get(String.valueOf(d.layer()));
                        ZoneId lz = d.from().getZone();
                        if (h != null) {
                            for (LocalDate day = a.withZoneSameInstant(lz).toLocalDate();
                                    day.atStartOfDay(lz).isBefore(b);
                                    day = day.plusDays(1)) {
                                if (h.on(day).isPresent()) {
                                    onHoliday = onHoliday.plus(overlap(
                                            a,
                                            b,
                                            day.atStartOfDay(lz),
                                            day.plusDays(1).atStartOfDay(lz)));
                                }
                            }
                        }
                    }
                    out.merge(
                            d.person(),
                            new Tally(d.person(), all, nights, weekends, onHoliday, Duration.ZERO, Set.of(src.label())),
                            OnCallHours::sum);
                }
            }
        }
        return out;
    }

    private static Tally sum(Tally x, Tally y) {
        Set<String> r = new TreeSet<>(x.rotas());
        r.addAll(y.rotas());
        return new Tally(
                x.person(),
                x.onDuty().plus(y.onDuty()),
                x.nights().plus(y.nights()),
                x.weekends().plus(y.weekends()),
                x.holidays().plus(y.holidays()),
                x.shadow().plus(y.shadow()),
                r);
    }

    private static Duration overlap(ZonedDateTime a, ZonedDateTime b, ZonedDateTime c, ZonedDateTime d) {
        ZonedDateTime x = a.isAfter(c) ? a : c;
        ZonedDateTime y = b.isBefore(d) ? b : d;
        return x.isBefore(y) ? Duration.between(x, y) : Duration.ZERO;
    }

    /** A limit exceeded: {@code person} on duty {@code onDuty} in the block [from, to), over {@code limit}. */
    public record Excess(String person, ZonedDateTime from, ZonedDateTime to, Duration onDuty, Duration limit) {}

    /**
     * The blocks of {@code per} from {@code from} to {@code to} in which someone is on duty (Lead or Engineer)
     * for longer than {@code limit}, in block then person order.
     */
    public static List<Excess> over(
            List<Source> sources, ZonedDateTime from, ZonedDateTime to, Duration limit, java.time.Period per) {
        List<Excess> out = new ArrayList<>();
        for (ZonedDateTime a = from; a.isBefore(to); a = a.plus(per)) {
            ZonedDateTime b = a.plus(per).isAfter(to) ? to : a.plus(per);
            for (Tally t : tally(sources, a, b, p -> null).values()) {
                if (t.onDuty().compareTo(limit) > 0) {
                    out.add(new Excess(t.person(), a, b, t.onDuty(), limit));
                }
            }
        }
        return out;
    }

    /** Hours with two decimals, as payroll reads them: {@code 37.50}. */
    public static String hours(Duration d) {
        return java.math.BigDecimal.valueOf(d.getSeconds())
                .divide(java.math.BigDecimal.valueOf(3600), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
