package dev.opsbook.ical;

import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Person;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.output.Utf8Writer;
import dev.opsbook.rota.Duty;
import dev.opsbook.rota.RotaSchedule;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import net.fortuna.ical4j.data.FoldingWriter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Writes the on-call calendars. One instance per build; the time zone registry is shared. */
public final class CalendarFeeds {
    private static final DateTimeFormatter UID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Handbook hb;
    private final LocalDate asOf;
    private final String generator;
    private final TimeZoneRegistry registry =
            TimeZoneRegistryFactory.getInstance().createRegistry();
    private final TimeZoneRegistry javaZones = new JavaZones(registry);

    public CalendarFeeds(Handbook hb, LocalDate asOf, String generator) {
        this.hb = hb;
        this.asOf = asOf;
        this.generator = generator;
    }

    /**
     * A shift of one role, for one service ({@code services}: the names of every service whose shared rota
     * it is, for a person's feed, where the shift is one event).
     */
    public record Shift(Service service, RotaSchedule schedule, Duty duty, String services) {
        public Shift(Service service, RotaSchedule schedule, Duty duty) {
            this(service, schedule, duty, service.name());
        }
    }

    /** The rota of {@code service} as a calendar: every shift of every role to the horizon. */
    public byte[] service(Service service, RotaSchedule schedule) {
        List<Shift> shifts = new ArrayList<>();
        for (Rota.Role role : Rota.Role.values()) {
            schedule.duties(role).forEach(d -> shifts.add(new Shift(service, schedule, d)));
        }
        return write(service.name() + " on call", shifts);
    }

    /**
     * Every shift of every rota, by the person who holds it (in id order): one pass over the rotas for all the
     * people's calendars (an organisation of 3,000 people on 500 rotas scanned every rota once for
     * each person).
     */
    public static SortedMap<String, List<Shift>> shiftsByPerson(
            List<Service> services, Function<Service, RotaSchedule> schedules) {
        SortedMap<String, List<Shift>> out = new TreeMap<>();
        // a rota shared by several services is one set of shifts: each once, naming every service
        Map<RotaSchedule, List<Service>> byRota = new java.util.LinkedHashMap<>();
        for (Service s : services) {
            RotaSchedule schedule = schedules.apply(s);
            if (schedule != null) {
                byRota.computeIfAbsent(schedule, k -> new ArrayList<>()).add(s);
            }
        }
        byRota.forEach((schedule, of) -> {
            String names = of.stream().map(Service::name).collect(java.util.stream.Collectors.joining(", "));
            for (Rota.Role role : Rota.Role.values()) {
                for (Duty d : schedule.duties(role)) {
                    out.computeIfAbsent(d.person(), p -> new ArrayList<>())
                            .add(new Shift(of.get(0), schedule, d, names));
                }
            }
        });
        return out;
    }

    /** Every shift of {@code person}, in every rota ({@code shifts}: theirs, from {@link #shiftsByPerson}). */
    public byte[] person(Person person, List<Shift> shifts) {
        return write(person.name() + " on call", new ArrayList<>(shifts));
    }

    /** How often subscribers fetch a feed again. */
    static final java.time.Duration REFRESH = java.time.Duration.ofHours(6);

    private byte[] write(String name, List<Shift> shifts) {
        // in the order of the starts as ZonedDateTime orders them: the instant, then the local time, then the zone
        shifts.sort(Comparator.comparingLong((Shift s) -> s.duty().fromSecond())
                .thenComparing((Shift s) -> s.duty().from().toLocalDateTime())
                .thenComparing((Shift s) -> s.duty().zone().getId())
                .thenComparing(s -> s.service().id())
                .thenComparing(s -> s.duty().role().id()));
        Calendar cal = new Calendar();
        cal.add(new ProdId("-//opsbook//" + generator + "//EN"));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", name));
        // how often a subscribed calendar should fetch the feed again (RFC 7986; Apple and Outlook read the
        // older X-PUBLISHED-TTL): an override written in the morning reaches phones the same day
        cal.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        cal.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        // each zone defined once, for the span its shifts cover: not every rule since 1847
        Map<String, java.time.Instant[]> spans = new java.util.LinkedHashMap<>();
        for (Shift s : shifts) {
            java.time.Instant from = s.duty().from().toInstant();
            java.time.Instant to = s.duty().to().toInstant();
            spans.merge(s.duty().from().getZone().getId(), new java.time.Instant[] {from, to}, (a, b) ->
                    new java.time.Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        for (Map.Entry<String, java.time.Instant[]> e : spans.entrySet()) {
            if (definition(e.getKey()) != null) {
                cal.add(trimmed(e.getKey(), e.getValue()[0], e.getValue()[1]));
            }
        }
        // the calendar's head (its properties and zones), then its events one by one: a feed of a person on
        // a hundred rotas two years ahead holds a hundred thousand events, never all in memory at once
        Utf8Writer out = new Utf8Writer(8_192);
        // ical4j folds lines a character at a time: into a plain buffer, which goes out an event at a time
        Chars chars = new Chars();
        FoldingWriter folding = new FoldingWriter(chars);
        String head = cal.toString();
        String end = "END:VCALENDAR\r\n";
        if (!head.endsWith(end)) {
            throw new IllegalStateException("cannot write calendar " + name + ": its head does not end with " + end);
        }
        // no build time in the output: the stamp is the as-of date
        DtStamp stamp = new DtStamp(asOf.atStartOfDay(ZoneOffset.UTC).toInstant());
        try {
            folding.write(head, 0, head.length() - end.length());
            chars.drainTo(out);
            for (Shift s : shifts) {
                folding.write(event(s, stamp).toString());
                chars.drainTo(out);
            }
            folding.write(end);
            folding.flush();
            chars.drainTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write calendar " + name + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A writer into a buffer that is not shared between threads (no locks, unlike CharArrayWriter). */
    private static final class Chars extends java.io.Writer {
        private final StringBuilder buf = new StringBuilder(1_024);

        @Override
        public void write(int c) {
            buf.append((char) c);
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            buf.append(cbuf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            buf.append(str, off, off + len);
        }

        /** What was written since the last call, to {@code out}. */
        void drainTo(java.io.Writer out) throws IOException {
            out.append(buf);
            buf.setLength(0);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** One shift as an event. */
    private VEvent event(Shift s, DtStamp stamp) {
        Duty d = s.duty();
        ZonedDateTime from = d.from();
        ZonedDateTime to = d.to();
        // the role and, in a rota with layers, the layer ("Support Lead (EMEA)"); holiday cover says so
        String role = d.role().label() + (d.layer() != null ? " (" + d.layer() + ")" : "");
        String who = hb.person(d.person()).map(Person::name).orElse(d.person());
        VEvent ev = new VEvent(false);
        ev.add(new Uid(s.service().id() + "-" + d.role().id() + "-"
                + UID_TIME.format(from.withZoneSameInstant(ZoneOffset.UTC)) + "@opsbook"));
        ev.add(stamp);
        if (definition(from.getZone().getId()) != null) {
            DtStart<ZonedDateTime> start = new DtStart<>(from);
            start.setTimeZoneRegistry(javaZones);
            DtEnd<ZonedDateTime> end = new DtEnd<>(to);
            end.setTimeZoneRegistry(javaZones);
            ev.add(start);
            ev.add(end);
        } else {
            ev.add(new DtStart<>(from.toInstant()));
            ev.add(new DtEnd<>(to.toInstant()));
        }
        ev.add(new Summary(role + ": " + who + " (" + s.services() + ")"
                + (d.holiday() != null ? ", " + d.holiday() + " cover" : "")));
        ev.add(new Categories(d.role().label()));
        ev.add(new Description(who + " is " + role + " for " + s.services() + (d.override() ? " (an override)" : "")
                + (d.holiday() != null ? " (holiday cover: " + d.holiday() + ")" : "") + "."));
        String base = hb.settings().baseUrl();
        if (base != null) {
            ev.add(new Url(URI.create(base + SitePaths.service(s.service().id()))));
        }
        return ev;
    }

    /**
     * The VTIMEZONE that defines {@code zone} under that very id, which the events' TZID parameters
     * name; null for UTC or a fixed offset, whose times are written in UTC, and for a zone ical4j does
     * not know. ical4j files some zones under another name: Europe/Stockholm is a link to Europe/Berlin
     * in the time zone database, UTC is Etc/UTC. Its definition then comes under the name the rota
     * uses (the rules are the same), or calendar programs would find no definition for the events'
     * TZID.
     */
    private VTimeZone definition(String zone) {
        VTimeZone found = definitions.computeIfAbsent(zone, id -> {
            if (ZoneId.of(id).normalized() instanceof ZoneOffset) {
                return NONE;
            }
            net.fortuna.ical4j.model.TimeZone tz = registry.getTimeZone(id);
            if (tz == null) {
                return NONE;
            }
            VTimeZone known = tz.getVTimeZone();
            if (id.equals(known.getTimeZoneId().getValue())) {
                return known;
            }
            VTimeZone renamed = known.copy();
            renamed.replace(new TzId(id));
            renamed.removeAll("TZURL"); // it would fetch the definition under the other name
            if (renamed.getProperty("X-LIC-LOCATION").isPresent()) {
                renamed.replace(new XProperty("X-LIC-LOCATION", id));
            }
            return renamed;
        });
        return found == NONE ? null : found;
    }

    /**
     * The definition of {@code id} for events from {@code from} to {@code to}, made from Java's zone rules: the
     * offset in force a day before the first event, then each change of offset up to the last, each an
     * observance of its own (RFC 5545 3.6.5) — a few lines instead of every rule since the zone began.
     */
    static VTimeZone trimmed(String id, java.time.Instant from, java.time.Instant to) {
        java.time.zone.ZoneRules rules = ZoneId.of(id).getRules();
        java.time.format.DateTimeFormatter abbreviation = java.time.format.DateTimeFormatter.ofPattern(
                        "zzz", java.util.Locale.ENGLISH)
                .withZone(ZoneId.of(id));
        List<net.fortuna.ical4j.model.component.Observance> observances = new ArrayList<>();
        java.time.Instant start = from.minus(java.time.Duration.ofDays(1));
        ZoneOffset offset = rules.getOffset(start);
        observances.add(observance(
                rules.isDaylightSavings(start),
                java.time.LocalDateTime.ofInstant(start, offset).withNano(0),
                offset,
                offset,
                abbreviation.format(start)));
        for (java.time.zone.ZoneOffsetTransition t = rules.nextTransition(start);
                t != null && !t.getInstant().isAfter(to);
                t = rules.nextTransition(t.getInstant())) {
            observances.add(observance(
                    rules.isDaylightSavings(t.getInstant()),
                    t.getDateTimeBefore(),
                    t.getOffsetBefore(),
                    t.getOffsetAfter(),
                    abbreviation.format(t.getInstant())));
        }
        return new VTimeZone(
                new net.fortuna.ical4j.model.PropertyList(List.of(new TzId(id))),
                new net.fortuna.ical4j.model.ComponentList<>(observances));
    }

    private static net.fortuna.ical4j.model.component.Observance observance(
            boolean daylight, java.time.LocalDateTime start, ZoneOffset from, ZoneOffset to, String name) {
        var properties = new net.fortuna.ical4j.model.PropertyList(List.of(
                new net.fortuna.ical4j.model.property.TzName(name),
                new net.fortuna.ical4j.model.property.TzOffsetFrom(from),
                new net.fortuna.ical4j.model.property.TzOffsetTo(to),
                new DtStart<>(start)));
        return daylight
                ? new net.fortuna.ical4j.model.component.Daylight(properties)
                : new net.fortuna.ical4j.model.component.Standard(properties);
    }

    /** What {@link #definitions} holds for a zone without a definition (the map takes no null). */
    private static final VTimeZone NONE = new VTimeZone();

    private final Map<String, VTimeZone> definitions = new ConcurrentHashMap<>();

    /**
     * ical4j's registry, except that a TZID is read as the Java zone of that id. A date property with
     * no registry of its own makes ical4j look the zone up among every zone id the JDK knows, a new set
     * of six hundred each time a date is written (a fifth of a large build); every TZID opsbook writes
     * is the id of a Java zone, so the answer is the same.
     */
    private static final class JavaZones implements TimeZoneRegistry {
        private final TimeZoneRegistry delegate;
        private final Map<String, ZoneId> ids = new ConcurrentHashMap<>();

        JavaZones(TimeZoneRegistry delegate) {
            this.delegate = delegate;
        }

        @Override
        public ZoneId getZoneId(String tzId) {
            return ids.computeIfAbsent(tzId, ZoneId::of);
        }

        /** Not empty, which is what tells ical4j to ask {@link #getZoneId}. */
        @Override
        public Map<String, ZoneRules> getZoneRules() {
            return Map.of("UTC", ZoneOffset.UTC.getRules());
        }

        @Override
        public String getTzId(String zoneId) {
            return delegate.getTzId(zoneId);
        }

        @Override
        public void register(net.fortuna.ical4j.model.TimeZone timezone) {
            delegate.register(timezone);
        }

        @Override
        public void register(net.fortuna.ical4j.model.TimeZone timezone, boolean update) {
            delegate.register(timezone, update);
        }

        @Override
        public void clear() {
            delegate.clear();
        }

        @Override
        public net.fortuna.ical4j.model.TimeZone getTimeZone(String id) {
            return delegate.getTimeZone(id);
        }
    }
}
