package dev.opsbook.rota;

import dev.opsbook.model.Dur;
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
 * The expanded rota. In each layer, shift {@code k} starts at {@code start + k × rotation}: whole days are
 * added to the local date-time (so a 09:00 handoff stays at 09:00 across daylight-saving changes) and any
 * hours, minutes and seconds as exact time. Each role's list is taken in turn independently. A layer with
 * hours holds only those (in its own zone), and on a holiday only if someone covers it; where layers' hours
 * overlap, the later layer holds the time. Holiday cover replaces a role's person for the layer's hours of
 * that day; overrides, last, replace one role's person for their span whichever layer holds it.
 *
 * @param windowStart the start of the shift in progress at the as-of date (or the rota's start, if later)
 * @param windowEnd   the as-of date plus the horizon
 * @param rotaStart   the first handoff (of the earliest layer)
 * @param expandedFrom where every layer is expanded from (the latest of their shifts in progress): what the
 *     rota promises is judged from there
 * @param coverage    the covered time: when some layer is on duty, in order, adjacent spans joined
 */
public record RotaSchedule(
        ZoneId zone,
        ZonedDateTime windowStart,
        ZonedDateTime windowEnd,
        ZonedDateTime rotaStart,
        ZonedDateTime expandedFrom,
        List<Duty> leads,
        List<Duty> engineers,
        List<Duty> shadows,
        List<Span> coverage) {

    /** A span of time, [from, to). */
    public record Span(ZonedDateTime from, ZonedDateTime to) {
        public boolean contains(ZonedDateTime t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** An upper bound on shifts expanded per layer, so that a rota of 1s shifts cannot exhaust memory. */
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

    /** The zone of a layer: its own, or the rota's. */
    public static ZoneId zone(Rota.Layer layer, ZoneId rotaZone) {
        if (layer.name() == null || layer.timezone() == null) {
            return rotaZone;
        }
        try {
            return ZoneId.of(layer.timezone());
        } catch (DateTimeException e) {
            return rotaZone; // refused when read, with its own finding
        }
    }

    /** Whether every layer has what expanding it takes: a start and a rotation. */
    public static boolean expandable(Rota rota) {
        return rota.layers().stream().allMatch(l -> l.start() != null && l.rotation() != null);
    }

    /** The duties of {@code role}, in order. */
    public List<Duty> duties(Rota.Role role) {
        return switch (role) {
            case LEAD -> leads;
            case ENGINEER -> engineers;
            case SHADOW -> shadows;
        };
    }

    /** Expands {@code rota} in {@code zone} from the as-of date to {@code horizonWeeks} after it. */
    public static RotaSchedule expand(Rota rota, ZoneId zone, LocalDate asOf, int horizonWeeks) {
        return expand(rota, zone, asOf, asOf.plusWeeks(horizonWeeks));
    }

    /** Expands {@code rota} from the shift in progress at the start of {@code from} to the start of {@code to}. */
    public static RotaSchedule expand(Rota rota, ZoneId zone, LocalDate from, LocalDate to) {
        ZonedDateTime asOfStart = from.atStartOfDay(zone);
        ZonedDateTime end = to.atStartOfDay(zone);
        boolean layered = rota.layered();
        List<Layer> layers = new ArrayList<>();
        for (Rota.Layer l : rota.layers()) {
            layers.add(layer(rota, l, zone(l, zone), asOfStart, end, layered));
        }
        ZonedDateTime windowStart = layers.stream()
                .map(Layer::windowStart)
                .min(Comparator.naturalOrder())
                .orElse(asOfStart);
        // every layer is expanded from the latest of their shifts in progress (each began at or before the as-of
        // date): before it, a layer's hours would read as gaps
        ZonedDateTime expandedFrom = layers.stream()
                .map(Layer::windowStart)
                .max(Comparator.naturalOrder())
                .orElse(asOfStart);
        ZonedDateTime rotaStart =
                layers.stream().map(Layer::start).min(Comparator.naturalOrder()).orElse(asOfStart);
        // later layers hold their time: each layer keeps what no later layer covers
        List<List<Duty>> roles = new ArrayList<>();
        for (int r = 0; r < Rota.Role.values().length; r++) {
            roles.add(new ArrayList<>());
        }
        List<Span> above = List.of();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            for (Rota.Role role : Rota.Role.values()) {
                roles.get(role.ordinal()).addAll(above.isEmpty() ? l.duties(role) : subtract(l.duties(role), above));
            }
            above = union(above, l.active());
        }
        List<List<Duty>> out = new ArrayList<>();
        for (Rota.Role role : Rota.Role.values()) {
            List<Duty> duties = roles.get(role.ordinal());
            for (Rota.Override o : rota.overrides()) {
                if (role == o.role()) {
                    duties = apply(
                            duties,
                            new Duty(
                                    role,
                                    o.person().id(),
                                    o.from().at(zone),
                                    o.to().at(zone),
                                    o.pos(),
                                    true,
                                    layerAt(duties, o.from().at(zone)),
                                    null));
                }
            }
            duties.sort(Comparator.comparingLong(Duty::fromSecond));
            out.add(List.copyOf(duties));
        }
        return new RotaSchedule(
                zone,
                windowStart,
                end,
                rotaStart,
                expandedFrom,
                out.get(Rota.Role.LEAD.ordinal()),
                out.get(Rota.Role.ENGINEER.ordinal()),
                out.get(Rota.Role.SHADOW.ordinal()),
                List.copyOf(above));
    }

    /** One layer expanded: its duties per role (in order) and the time it holds. */
    private record Layer(ZonedDateTime windowStart, ZonedDateTime start, List<List<Duty>> roles, List<Span> active) {
        List<Duty> duties(Rota.Role role) {
            return roles.get(role.ordinal());
        }
    }

    private static Layer layer(
            Rota rota, Rota.Layer layer, ZoneId zone, ZonedDateTime asOfStart, ZonedDateTime end, boolean layered) {
        ZonedDateTime layerStart = layer.start().at(zone);
        List<ZonedDateTime> bounds = new ArrayList<>();
        long first = 0;
        LocalDateTime startLocal =
                layer.start().offset() == null ? layer.start().local() : layerStart.toLocalDateTime();
        Dur rotation = layer.rotation();
        // the shift in progress at the start of the as-of date: jump close, then step
        if (asOfStart.isAfter(layerStart)) {
            long shiftSeconds = Math.max(1, rotation.toDuration().getSeconds());
            first = Math.max(0, Duration.between(layerStart, asOfStart).getSeconds() / shiftSeconds - 1);
            while (first > 0 && shiftStart(startLocal, zone, rotation, first).isAfter(asOfStart)) {
                first--;
            }
            while (shiftStart(startLocal, zone, rotation, first + 1).compareTo(asOfStart) <= 0) {
                first++;
            }
        }
        for (long k = first; k - first < MAX_SHIFTS; k++) {
            ZonedDateTime s = shiftStart(startLocal, zone, rotation, k);
            bounds.add(s);
            if (!s.isBefore(end)) {
                break;
            }
        }
        ZonedDateTime windowStart = bounds.isEmpty() || bounds.get(0).isAfter(asOfStart) ? asOfStart : bounds.get(0);
        Rota.Holidays holidays = layer.holidays() != null ? layer.holidays() : rota.holidays();
        // a rota without layers keeps its shifts whole (its covered hours are its coverage); a layer holds its hours
        List<Span> active = layered || layer.hours() != null
                ? active(layer, zone, holidays, windowStart, end)
                : List.of(new Span(windowStart, end));
        List<List<Duty>> roles = new ArrayList<>();
        for (Rota.Role role : Rota.Role.values()) {
            List<Duty> duties = new ArrayList<>();
            List<Ref> people = layer.people(role);
            if (!people.isEmpty()) {
                for (int i = 0; i + 1 < bounds.size(); i++) {
                    Ref who = people.get((int) ((first + i) % people.size()));
                    duties.add(new Duty(
                            role, who.id(), bounds.get(i), bounds.get(i + 1), who.pos(), false, layer.name(), null));
                }
            }
            if (layered) {
                duties = intersect(duties, active);
            }
            if (holidays != null) {
                for (Rota.Holiday h : holidays.days()) {
                    Ref cover = holidays.cover(h, role);
                    if (cover == null) {
                        continue;
                    }
                    for (Span day : holidaySpans(layer, zone, h.date(), active)) {
                        duties = apply(
                                duties,
                                new Duty(
                                        role,
                                        cover.id(),
                                        day.from(),
                                        day.to(),
                                        cover.pos(),
                                        false,
                                        layer.name(),
                                        h.name() != null ? h.name() : "holiday"));
                    }
                }
                duties.sort(Comparator.comparingLong(Duty::fromSecond));
            }
            roles.add(duties);
        }
        return new Layer(windowStart, layerStart, roles, active);
    }

    /** The time a layer holds in [from, to): its hours on each of its days (not on an uncovered holiday), or all. */
    private static List<Span> active(
            Rota.Layer layer, ZoneId zone, Rota.Holidays holidays, ZonedDateTime from, ZonedDateTime to) {
        Rota.BusinessHours hours = layer.hours();
        if (hours == null) {
            return List.of(new Span(from, to));
        }
        List<Span> out = new ArrayList<>();
        boolean overnight = !hours.to().isAfter(hours.from());
        for (LocalDate d = from.toLocalDate().minusDays(overnight ? 1 : 0);
                !d.isAfter(to.toLocalDate());
                d = d.plusDays(1)) {
            if (!hours.days().contains(d.getDayOfWeek()) || offOn(holidays, d)) {
                continue;
            }
            ZonedDateTime a = d.atTime(hours.from()).atZone(zone);
            ZonedDateTime b = (overnight ? d.plusDays(1) : d).atTime(hours.to()).atZone(zone);
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
        return out;
    }

    /** A day the layer is off: a holiday nobody covers. */
    private static boolean offOn(Rota.Holidays holidays, LocalDate d) {
        if (holidays == null) {
            return false;
        }
        Optional<Rota.Holiday> h = holidays.on(d);
        return h.isPresent()
                && holidays.cover(h.get(), Rota.Role.LEAD) == null
                && holidays.cover(h.get(), Rota.Role.ENGINEER) == null;
    }

    /** The layer's time on holiday {@code date} (the whole day for a layer on duty at every hour). */
    private static List<Span> holidaySpans(Rota.Layer layer, ZoneId zone, LocalDate date, List<Span> active) {
        ZonedDateTime a = date.atStartOfDay(zone);
        ZonedDateTime b = date.plusDays(1).atStartOfDay(zone);
        if (layer.hours() != null) {
            a = date.atTime(layer.hours().from()).atZone(zone);
            b = (layer.hours().to().isAfter(layer.hours().from()) ? date : date.plusDays(1))
                    .atTime(layer.hours().to())
                    .atZone(zone);
        }
        List<Span> out = new ArrayList<>();
        for (Span s : active) {
            ZonedDateTime x = s.from().isAfter(a) ? s.from() : a;
            ZonedDateTime y = s.to().isBefore(b) ? s.to() : b;
            if (x.isBefore(y)) {
                out.add(new Span(x, y));
            }
        }
        return out;
    }

    /** The parts of {@code duties} (in order, not overlapping) inside {@code spans} (in order): linear. */
    static List<Duty> intersect(List<Duty> duties, List<Span> spans) {
        List<Duty> out = new ArrayList<>();
        long[] from = seconds(spans, true);
        long[] to = seconds(spans, false);
        int j = 0;
        for (Duty d : duties) {
            long df = d.fromSecond();
            long dt = d.toSecond();
            while (j < from.length && to[j] <= df) {
                j++;
            }
            for (int k = j; k < from.length && from[k] < dt; k++) {
                long a = Math.max(from[k], df);
                long b = Math.min(to[k], dt);
                if (a < b) {
                    out.add(d.during(a, b));
                }
            }
        }
        return out;
    }

    /** The parts of {@code duties} (in order) outside {@code spans} (in order, not overlapping): linear. */
    static List<Duty> subtract(List<Duty> duties, List<Span> spans) {
        List<Duty> out = new ArrayList<>();
        long[] from = seconds(spans, true);
        long[] to = seconds(spans, false);
        int j = 0;
        for (Duty d : duties) {
            long df = d.fromSecond();
            long dt = d.toSecond();
            while (j < from.length && to[j] <= df) {
                j++;
            }
            long at = df;
            for (int k = j; k < from.length && from[k] < dt; k++) {
                if (from[k] > at) {
                    out.add(d.during(at, from[k]));
                }
                if (to[k] > at) {
                    at = to[k];
                }
            }
            if (at < dt) {
                out.add(d.during(at, dt));
            }
        }
        return out;
    }

    /** The starts (or the ends) of {@code spans} as seconds since the epoch. */
    private static long[] seconds(List<Span> spans, boolean starts) {
        long[] out = new long[spans.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (starts ? spans.get(i).from() : spans.get(i).to()).toEpochSecond();
        }
        return out;
    }

    /** Two lists of spans (each in order) as one, in order, overlapping and adjacent spans joined. */
    static List<Span> union(List<Span> a, List<Span> b) {
        List<Span> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            all.add(
                    j >= b.size()
                                    || i < a.size()
                                            && !a.get(i).from().isAfter(b.get(j).from())
                            ? a.get(i++)
                            : b.get(j++));
        }
        List<Span> out = new ArrayList<>();
        for (Span s : all) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && !s.from().isAfter(last.to())) {
                if (s.to().isAfter(last.to())) {
                    out.set(out.size() - 1, new Span(last.from(), s.to()));
                }
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** The parts of {@code required} that {@code have} does not cover (both in order, not overlapping). */
    public static List<Span> gaps(List<Span> required, List<Span> have) {
        List<Span> out = new ArrayList<>();
        int j = 0;
        for (Span r : required) {
            while (j < have.size() && !have.get(j).to().isAfter(r.from())) {
                j++;
            }
            ZonedDateTime at = r.from();
            for (int k = j; k < have.size() && have.get(k).from().isBefore(r.to()); k++) {
                if (have.get(k).from().isAfter(at)) {
                    out.add(new Span(at, have.get(k).from()));
                }
                if (have.get(k).to().isAfter(at)) {
                    at = have.get(k).to();
                }
            }
            if (at.isBefore(r.to())) {
                out.add(new Span(at, r.to()));
            }
        }
        return out;
    }

    /** The time {@code duties} (in order) hold, as spans in order, adjacent ones joined. */
    public static List<Span> spans(List<Duty> duties) {
        List<Span> out = new ArrayList<>();
        for (Duty d : duties) {
            out.add(new Span(d.from(), d.to()));
        }
        out.sort(Comparator.comparing(Span::from));
        return union(out, List.of());
    }

    /**
     * The time a rota promises: every hour for 24x7, else its business hours (or Monday to Friday, 09:00 to
     * 17:00) on each business day that is not one of its holidays, in the rota's zone, within the window.
     */
    public List<Span> promised(Rota rota) {
        if (!"business-hours".equals(rota.coverage())) {
            return List.of(new Span(expandedFrom, windowEnd));
        }
        Rota.BusinessHours hours = rota.businessHours() != null ? rota.businessHours() : DEFAULT_HOURS;
        Rota.Layer as = new Rota.Layer(
                "promised", null, null, null, null, hours, List.of(), List.of(), List.of(), null, null, null);
        return active(as, zone, rota.holidays(), expandedFrom, windowEnd);
    }

    /** The layer of the duty in progress at {@code t}, if any. */
    private static String layerAt(List<Duty> duties, ZonedDateTime t) {
        long at = t.toEpochSecond();
        for (Duty d : duties) {
            if (d.fromSecond() <= at && d.toSecond() > at) {
                return d.layer();
            }
        }
        return null;
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

    static ZonedDateTime shiftStart(LocalDateTime startLocal, ZoneId zone, Dur rotation, long k) {
        return startLocal.plusDays(k * rotation.days()).atZone(zone).plusSeconds(k * rotation.seconds());
    }

    /** Cuts the override's span out of every duty it overlaps and adds the override itself. */
    private static List<Duty> apply(List<Duty> duties, Duty o) {
        List<Duty> out = new ArrayList<>();
        long of = o.fromSecond();
        long ot = o.toSecond();
        for (Duty d : duties) {
            if (d.toSecond() <= of || d.fromSecond() >= ot) {
                out.add(d);
                continue;
            }
            if (d.fromSecond() < of) {
                out.add(d.during(d.fromSecond(), of));
            }
            if (d.toSecond() > ot) {
                out.add(d.during(ot, d.toSecond()));
            }
        }
        out.add(o);
        return out;
    }

    /** Who holds {@code role} at {@code t}, if anyone, whether or not {@code t} is covered time. */
    public Optional<Duty> at(Rota.Role role, ZonedDateTime t) {
        long at = t.toEpochSecond();
        for (Duty d : duties(role)) {
            if (at >= d.fromSecond() && at < d.toSecond()) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
