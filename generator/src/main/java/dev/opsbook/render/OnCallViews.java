package dev.opsbook.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.opsbook.check.CheckContext;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Person;
import dev.opsbook.model.Phone;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.render.Views.*;
import dev.opsbook.rota.Duty;
import dev.opsbook.rota.RotaSchedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is on call: the boxes on the on-call, service, runbook and team pages, and the schedule each
 * page embeds as JSON so that its script shows who is on duty at the reader's own clock. Without
 * script, the boxes show the duty at noon of the as-of date.
 */
final class OnCallViews {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final JsonFactory JSON = new JsonFactory();
    /** At most this many upcoming shift rows per service on a page. */
    static final int MAX_ROWS = 100;

    private final Handbook hb;
    private final CheckContext ctx;

    /** The run's error findings, to say where a rota that could not be read went wrong. */
    private final List<Finding> findings;

    OnCallViews(Handbook hb, CheckContext ctx) {
        this(hb, ctx, List.of());
    }

    OnCallViews(Handbook hb, CheckContext ctx, List<Finding> findings) {
        this.hb = hb;
        this.ctx = ctx;
        this.findings = findings;
    }

    /** The moment the no-script fallback shows: noon of the as-of date in the rota's zone. */
    ZonedDateTime fallbackMoment(RotaSchedule s) {
        return ctx.asOf().atTime(12, 0).atZone(s.zone());
    }

    /**
     * Boxes and schedules depend on the service and on the folder of the page (its links are relative),
     * so the twenty runbook pages of a service share one of each.
     */
    private final Map<String, Optional<OnCallBox>> boxes = new ConcurrentHashMap<>();

    private final Map<String, String> schedules = new ConcurrentHashMap<>();

    /** The folder of a page (what relative links from it depend on); the caches here are by service and folder. */
    static String folderOf(String page) {
        int slash = page.lastIndexOf('/');
        return slash < 0 ? "" : page.substring(0, slash);
    }

    Optional<OnCallBox> box(Service s, String from) {
        return boxes.computeIfAbsent(s.id() + "|" + folderOf(from), k -> newBox(s, from));
    }

    /** The schedule JSON of one service, for a page in {@code from}'s folder. */
    String data(Service s, String from) {
        return schedules.computeIfAbsent(s.id() + "|" + folderOf(from), k -> data(List.of(s), from));
    }

    private Optional<OnCallBox> newBox(Service s, String from) {
        Optional<RotaSchedule> schedule = ctx.schedule(s);
        Rota r = s.rota();
        if (schedule.isEmpty()) {
            return unreadable(s, r, from);
        }
        RotaSchedule sch = schedule.get();
        ZonedDateTime at = fallbackMoment(sch);
        boolean covered = sch.covered(at);
        DutyView lead = duty(Rota.Role.LEAD, covered ? sch.at(Rota.Role.LEAD, at) : Optional.empty(), from);
        DutyView engineer = duty(Rota.Role.ENGINEER, covered ? sch.at(Rota.Role.ENGINEER, at) : Optional.empty(), from);
        boolean shadowed = !sch.shadows().isEmpty();
        DutyView shadow = shadowed
                ? duty(Rota.Role.SHADOW, covered ? sch.at(Rota.Role.SHADOW, at) : Optional.empty(), from)
                : null;
        List<EscalationView> escalation = escalation(r, from);
        List<ShiftRow> rows = new ArrayList<>();
        TreeSet<ZonedDateTime> bounds = new TreeSet<>();
        for (Rota.Role role : Rota.Role.values()) {
            for (Duty d : sch.duties(role)) {
                // in one zone: a layer's duties are in its own, and one instant in two zones is two
                // different ZonedDateTimes (a row that starts and ends at the same instant)
                bounds.add(d.from().withZoneSameInstant(sch.zone()));
                bounds.add(d.to().withZoneSameInstant(sch.zone()));
            }
        }
        ZonedDateTime prev = null;
        for (ZonedDateTime b : bounds) {
            if (prev != null
                    && b.isAfter(at.minusWeeks(1))
                    && rows.size() < MAX_ROWS
                    && prev.isBefore(sch.windowEnd())) {
                Optional<Duty> l = sch.at(Rota.Role.LEAD, prev);
                Optional<Duty> e = sch.at(Rota.Role.ENGINEER, prev);
                Optional<Duty> sh = sch.at(Rota.Role.SHADOW, prev);
                if (l.isPresent() || e.isPresent()) {
                    String layer = l.map(Duty::layer).orElse(e.map(Duty::layer).orElse(null));
                    String holiday =
                            l.map(Duty::holiday).orElse(e.map(Duty::holiday).orElse(null));
                    // rows in the rota's zone: a layer's own zone is in its hours, on the service page
                    rows.add(new ShiftRow(
                            LOCAL.format(prev.withZoneSameInstant(sch.zone())),
                            until(prev.withZoneSameInstant(sch.zone()), b.withZoneSameInstant(sch.zone())),
                            l.map(d -> personLink(d.person(), from)).orElse(null),
                            e.map(d -> personLink(d.person(), from)).orElse(null),
                            l.map(Duty::override).orElse(false)
                                    || e.map(Duty::override).orElse(false),
                            layer,
                            sh.map(d -> personLink(d.person(), from)).orElse(null),
                            holiday));
                }
            }
            prev = b;
        }
        String coverage = "business-hours".equals(r.coverage())
                ? "business hours"
                        + (r.businessHours() != null
                                ? ", " + r.businessHours().from() + " to "
                                        + r.businessHours().to()
                                : "")
                : "24x7";
        if (r.layered()) {
            coverage += ", by " + r.layers().size() + (r.layers().size() == 1 ? " layer" : " layers");
        }
        return Optional.of(new OnCallBox(
                s.id(),
                new LinkView(s.name(), SitePaths.relative(from, SitePaths.service(s.id()))),
                sch.zone().getId(),
                coverage,
                LOCAL.format(at)
                        + sch.at(Rota.Role.LEAD, at)
                                .filter(d -> covered && d.layer() != null)
                                .map(d -> ", " + d.layer() + " layer")
                                .orElse(""),
                lead,
                engineer,
                escalation,
                rows,
                covered,
                null,
                null,
                shadow,
                r.layered(),
                shadowed));
    }

    private static LinkView teamLink(dev.opsbook.model.Team t, String from) {
        return new LinkView(t.name(), SitePaths.relative(from, SitePaths.team(t.id())));
    }

    private List<EscalationView> escalation(Rota r, String from) {
        return r.escalation().stream()
                .map(e -> {
                    Optional<Person> person = hb.person(e.contact().id());
                    // a step's number on the box, one tap away, as the people on duty have theirs
                    String phone = person.filter(x -> hb.settings().showContactDetails())
                            .map(Person::phone)
                            .orElse(null);
                    return new EscalationView(
                            e.after() == null ? null : e.after().text(),
                            person.map(p -> personLink(p, from))
                                    .orElseGet(() -> hb.team(e.contact().id())
                                            .map(t -> teamLink(t, from))
                                            .orElse(LinkView.plain(e.contact().id()))),
                            phone,
                            phone == null ? null : Phone.dial(phone));
                })
                .toList();
    }

    /**
     * What to do outside the rota's covered hours with an incident of {@code severity}: its out-of-hours policy
     * ({@code page} or {@code next-business-day}, severities.yaml) and what the rota says of out-of-hours cover;
     * null for a rota that covers every hour (there is no outside) or without a rota.
     */
    String outOfHoursRoute(Service s, dev.opsbook.model.Severity severity) {
        Rota r = s.rota();
        if (r == null || severity == null || severity.outOfHours() == null || "24x7".equals(r.coverage())) {
            return null;
        }
        String when = "Outside covered hours, a " + severity.id() + " ";
        if ("next-business-day".equals(severity.outOfHours())) {
            return when + "waits for the next business day, when cover resumes.";
        }
        boolean onCall =
                r.outOfHours() != null && Boolean.TRUE.equals(r.outOfHours().onCall());
        if (onCall) {
            List<String> tools = r.outOfHours().tools();
            return when + "pages the on-call people"
                    + (tools == null || tools.isEmpty() ? "" : " (" + String.join(", ", tools) + ")") + ".";
        }
        return when + "is to be paged, but this rota has no out-of-hours on-call: escalate as below.";
    }

    /**
     * A service whose rota.yaml is there but gives no schedule (it does not parse, or its start, rotation or
     * zone was refused): never a box that vanishes, but one that says so, where, and whom to turn to.
     */
    private Optional<OnCallBox> unreadable(Service s, Rota r, String from) {
        String file = ContentPaths.rotaFile(s);
        if (r == null && !hb.unreadable(file)) {
            return Optional.empty(); // no rota at all: the service page and oncall.html say so
        }
        String where = findings.stream()
                .filter(f -> f.level() == Level.ERROR && file.equals(f.pos().file()))
                .findFirst()
                .map(f -> f.pos() + ": " + f.message())
                .orElse(file);
        LinkView owner = s.owner() == null
                ? null
                : hb.team(s.owner().id()).map(t -> teamLink(t, from)).orElse(null);
        return Optional.of(OnCallBox.unreadable(
                s.id(),
                new LinkView(s.name(), SitePaths.relative(from, SitePaths.service(s.id()))),
                ctx.asOf().toString(),
                r == null ? List.of() : escalation(r, from),
                "the rota could not be read (" + where + "), so who is on duty is not known",
                owner));
    }

    private DutyView duty(Rota.Role role, Optional<Duty> d, String from) {
        String label = role.label();
        if (d.isEmpty()) {
            return new DutyView(role.id(), label, "", null, null, null, null);
        }
        Optional<Person> p = hb.person(d.get().person());
        String phone = p.filter(x -> hb.settings().showContactDetails())
                .map(Person::phone)
                .orElse(null);
        return new DutyView(
                role.id(),
                label,
                d.get().person(),
                personLink(d.get().person(), from),
                phone,
                phone == null ? null : Phone.dial(phone),
                p.map(Person::email).orElse(null));
    }

    private LinkView personLink(String id, String from) {
        return hb.person(id).map(p -> personLink(p, from)).orElse(LinkView.plain(id));
    }

    private static LinkView personLink(Person p, String from) {
        return new LinkView(
                p.name(), SitePaths.relative(from, SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(p.id())));
    }

    /**
     * The schedules of {@code services} as JSON for a page's {@code <script type="application/json">}:
     * the window's {@code from} and {@code to} in epoch milliseconds, and the covered spans and each role's duties
     * in minutes after {@code from} (a tenth of the text: a follow-the-sun rota hands over three times a day),
     * and the people named. A service whose
     * rota is shared with one written before says so ({@code "same": "<that service>"}) instead of repeating it.
     */
    /**
     * How far ahead a page's schedule reaches: six weeks from the build (or the horizon, if shorter), past
     * which its box says the page does not reach the reader's time and to rebuild. A site rebuilt weekly is
     * always ahead by five weeks or more.
     */
    static final int EMBEDDED_WEEKS = 6;

    String data(Collection<Service> services, String from) {
        StringWriter text = new StringWriter(1_024);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setCharacterEscapes(new HtmlSafeEscapes());
            json.writeStartObject();
            json.writeObjectFieldStart("services");
            Set<String> people = new LinkedHashSet<>();
            // a rota shared by several services is written once, and the others name the first
            java.util.Map<RotaSchedule, String> written = new java.util.IdentityHashMap<>();
            for (Service s : services) {
                Optional<RotaSchedule> schedule = ctx.schedule(s);
                if (schedule.isEmpty()) {
                    continue;
                }
                RotaSchedule sch = schedule.get();
                json.writeObjectFieldStart(s.id());
                String first = written.putIfAbsent(sch, s.id());
                if (first != null) {
                    json.writeStringField("same", first);
                    json.writeEndObject();
                    continue;
                }
                json.writeStringField("zone", sch.zone().getId());
                json.writeNumberField("from", sch.windowStart().toInstant().toEpochMilli());
                // the next weeks only (the calendar feed holds the whole horizon): a page of a hundred
                // follow-the-sun rotas two years ahead would otherwise weigh hundreds of megabytes
                ZonedDateTime limit = ctx.asOf().atStartOfDay(sch.zone()).plusWeeks(EMBEDDED_WEEKS);
                if (limit.isAfter(sch.windowEnd())) {
                    limit = sch.windowEnd();
                }
                long end = limit.toEpochSecond();
                json.writeNumberField("to", limit.toInstant().toEpochMilli());
                long base = sch.windowStart().toInstant().toEpochMilli();
                json.writeArrayFieldStart("coverage");
                for (var c : sch.coverage()) {
                    if (c.from().toEpochSecond() >= end) {
                        continue;
                    }
                    json.writeStartArray();
                    minutes(json, c.from(), base);
                    minutes(json, c.to(), base);
                    json.writeEndArray();
                }
                json.writeEndArray();
                for (Rota.Role role : Rota.Role.values()) {
                    json.writeArrayFieldStart(role.id());
                    // [from, to, person, layer, holiday]: the last two only when there is one
                    for (Duty d : sch.duties(role)) {
                        if (d.fromSecond() >= end) {
                            continue; // past what the page holds; one that begins before it is written whole
                        }
                        json.writeStartArray();
                        minutes(json, d.from(), base);
                        minutes(json, d.to(), base);
                        json.writeString(d.person());
                        if (d.layer() != null || d.holiday() != null) {
                            json.writeString(d.layer());
                        }
                        if (d.holiday() != null) {
                            json.writeString(d.holiday());
                        }
                        json.writeEndArray();
                        people.add(d.person());
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeObjectFieldStart("people");
            for (String id : people) {
                json.writeObjectFieldStart(id);
                var person = hb.person(id);
                if (person.isPresent()) {
                    Person p = person.get();
                    json.writeStringField("name", p.name());
                    json.writeStringField(
                            "href",
                            SitePaths.relative(from, SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(id)));
                    if (hb.settings().showContactDetails() && p.phone() != null) {
                        json.writeStringField("phone", p.phone());
                    }
                    if (p.email() != null) {
                        json.writeStringField("email", p.email());
                    }
                } else {
                    json.writeStringField("name", id);
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** The end of a shift as its row says it: the time alone when it ends on the day it began. */
    static String until(ZonedDateTime from, ZonedDateTime to) {
        return from.toLocalDate().equals(to.toLocalDate()) ? TIME.format(to) : LOCAL.format(to);
    }

    /** {@code t} as minutes after {@code base} (epoch milliseconds): whole, as shifts are, or with a fraction. */
    private static void minutes(JsonGenerator json, ZonedDateTime t, long base) throws IOException {
        long ms = t.toInstant().toEpochMilli() - base;
        if (ms % 60_000 == 0) {
            json.writeNumber(ms / 60_000);
        } else {
            json.writeNumber(ms / 60_000.0);
        }
    }

    /**
     * JSON that is safe inside an HTML {@code <script>} element: {@code <}, {@code >}, {@code &}, quotes
     * and the line separators JavaScript treats as line ends are written as escapes.
     */
    static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028) {
                return new SerializedString("\\u2028");
            }
            if (ch == 0x2029) {
                return new SerializedString("\\u2029");
            }
            return null;
        }
    }
}
