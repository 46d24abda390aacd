package dev.opsbook.render;

import dev.opsbook.check.CheckContext;
import dev.opsbook.ical.CalendarFeeds;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Person;
import dev.opsbook.model.Phone;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import dev.opsbook.render.Views.EscalationView;
import dev.opsbook.render.Views.HolidayView;
import dev.opsbook.render.Views.LayerView;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.OnCallBox;
import dev.opsbook.render.Views.OnCallView;
import dev.opsbook.render.Views.OverrideView;
import dev.opsbook.render.Views.PersonView;
import dev.opsbook.render.Views.RotaView;
import dev.opsbook.render.Views.TeamView;
import dev.opsbook.render.Views.TeamsView;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The pages of people and rotas: the teams, each team with its people, who is on call; and each service's rota. */
final class PeopleViews implements PageFamily {
    private final Handbook hb;
    private final CheckContext ctx;
    private final PageLinks links;
    private final OnCallViews onCall;
    /** The services whose rota names each person, worked out once (not a scan of every service per person). */
    private final Map<String, List<Service>> rotasByPerson = new HashMap<>();

    private volatile SortedMap<String, List<CalendarFeeds.Shift>> shiftsByPerson;

    PeopleViews(Handbook hb, CheckContext ctx, PageLinks links, OnCallViews onCall) {
        this.hb = hb;
        this.ctx = ctx;
        this.links = links;
        this.onCall = onCall;
        for (Service s : hb.services()) {
            rotaPeople(s).distinct().forEach(id -> rotasByPerson
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(s));
        }
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.TEAMS, Kind.TEAM, Kind.ONCALL, Kind.ONCALL_HOURS);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        String from = page.path();
        return switch (page.kind()) {
            case TEAMS -> new Rendered(
                    "teams.ftlh",
                    new TeamsView(hb.teams().stream().map(t -> team(t, from)).toList()));
            case TEAM -> {
                Team t = page.subject(Team.class);
                yield new Rendered(
                        "team.ftlh",
                        List.of(new LinkView("Teams", PageLinks.rel(from, SitePaths.TEAMS))),
                        team(t, from),
                        onCall.data(owned(t), from));
            }
            case ONCALL -> new Rendered("oncall.ftlh", List.of(), onCallPage(from), onCall.data(hb.services(), from));
            case ONCALL_HOURS -> new Rendered(
                    "oncall-hours.ftlh",
                    List.of(new LinkView("On call", PageLinks.rel(from, SitePaths.ONCALL))),
                    hoursPage(from),
                    null);
            default -> throw new IllegalArgumentException(page.kind().toString());
        };
    }

    private TeamView team(Team t, String from) {
        List<PersonView> people = new ArrayList<>();
        boolean contacts = hb.settings().showContactDetails();
        for (Person p : t.members()) {
            List<LinkView> rotas = rotasByPerson.getOrDefault(p.id(), List.of()).stream()
                    .map(s -> new LinkView(s.name(), PageLinks.rel(from, SitePaths.service(s.id()) + "#rota")))
                    .toList();
            people.add(new PersonView(
                    p.id(),
                    SitePaths.personAnchor(p.id()),
                    p.name(),
                    p.email(),
                    contacts ? p.phone() : null,
                    contacts && p.phone() != null ? Phone.dial(p.phone()) : null,
                    p.timezone(),
                    rotas,
                    shiftsByPerson().containsKey(p.id())
                            ? new LinkView("calendar", PageLinks.rel(from, SitePaths.personCalendar(p.id())))
                            : null));
        }
        List<Service> owned = owned(t);
        return new TeamView(
                t.id(),
                t.name(),
                t.email(),
                t.chat(),
                people,
                links.serviceRows(from, owned),
                owned.stream()
                        .map(s -> onCall.box(s, from))
                        .flatMap(Optional::stream)
                        .toList(),
                outOfHoursIncidents(owned));
    }

    /** Incidents of {@code services} that started out of hours in the 90 days that end with the as-of date. */
    private long outOfHoursIncidents(List<Service> services) {
        return services.stream()
                .flatMap(s -> dev.opsbook.check.History.of(s, hb).stream())
                .filter(o -> o.outOfHours() && dev.opsbook.check.History.within(o, ctx.asOf(), PAST_DAYS))
                .count();
    }

    /**
     * The shifts of everyone who holds a role in some rota within the horizon (they get a calendar feed),
     * by person id; worked out once.
     */
    SortedMap<String, List<CalendarFeeds.Shift>> shiftsByPerson() {
        SortedMap<String, List<CalendarFeeds.Shift>> byPerson = shiftsByPerson;
        if (byPerson == null) {
            byPerson = CalendarFeeds.shiftsByPerson(
                    hb.services(), s -> ctx.schedule(s).orElse(null));
            shiftsByPerson = byPerson;
        }
        return byPerson;
    }

    private List<Service> owned(Team t) {
        return hb.services().stream()
                .filter(s -> s.owner() != null && s.owner().id().equals(t.id()))
                .toList();
    }

    private OnCallView onCallPage(String from) {
        List<OnCallBox> boxes = new ArrayList<>();
        List<LinkView> without = new ArrayList<>();
        for (Service s : hb.services()) {
            onCall.box(s, from).ifPresentOrElse(boxes::add, () -> without.add(links.service(from, s.id())));
        }
        // a shared rota's shifts once, under the names of the services it serves
        java.util.Map<String, List<String>> names = new java.util.LinkedHashMap<>();
        java.util.Map<String, OnCallBox> first = new java.util.LinkedHashMap<>();
        for (OnCallBox box : boxes) {
            // one rota file, one table (as the hours count it: CheckContext.hoursSources)
            String key = ContentPaths.rotaFile(hb.service(box.service()).orElseThrow());
            names.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(box.serviceLink().text());
            first.putIfAbsent(key, box);
        }
        List<Views.ShiftTable> shifts = new ArrayList<>();
        first.forEach((key, box) -> {
            List<String> n = names.get(key);
            String title = n.size() == 1
                    ? n.get(0)
                    : String.join(", ", n.subList(0, n.size() - 1)) + " and " + n.get(n.size() - 1);
            shifts.add(new Views.ShiftTable(title, box));
        });
        return new OnCallView(
                ctx.asOf().toString(), hb.settings().rotaHorizonWeeks() + " weeks", boxes, without, shifts);
    }

    /** The people a rota names: as lead, as engineer, in an override. */
    private static Stream<String> rotaPeople(Service s) {
        Rota r = s.rota();
        if (r == null) {
            return Stream.empty();
        }
        return java.util.Arrays.stream(Rota.Role.values())
                .flatMap(role -> r.everyone(role).stream().map(x -> x.id()));
    }

    /** The last 90 days, counted back from the as-of date. */
    static final int PAST_DAYS = 90;

    private volatile Hours hours;

    /** The on-call hours of everyone, worked out once: the last 90 days and the horizon ahead. */
    record Hours(
            java.time.ZonedDateTime pastFrom,
            java.time.ZonedDateTime asOf,
            java.time.ZonedDateTime aheadTo,
            Map<String, dev.opsbook.rota.OnCallHours.Tally> past,
            Map<String, dev.opsbook.rota.OnCallHours.Tally> ahead) {
        java.util.SortedSet<String> people() {
            java.util.SortedSet<String> all = new java.util.TreeSet<>(past.keySet());
            all.addAll(ahead.keySet());
            return all;
        }
    }

    Hours hours() {
        Hours h = hours;
        if (h == null) {
            java.time.ZoneId zone = hb.settings().timezone();
            LocalDate asOf = ctx.asOf();
            java.time.ZonedDateTime from = asOf.minusDays(PAST_DAYS).atStartOfDay(zone);
            java.time.ZonedDateTime now = asOf.atStartOfDay(zone);
            java.time.ZonedDateTime to =
                    asOf.plusWeeks(hb.settings().rotaHorizonWeeks()).atStartOfDay(zone);
            java.util.function.Function<String, java.time.ZoneId> own = id -> hb.person(id)
                    .map(Person::timezone)
                    .flatMap(z -> {
                        try {
                            return Optional.of(java.time.ZoneId.of(z));
                        } catch (RuntimeException e) {
                            return Optional.empty();
                        }
                    })
                    .orElse(null);
            var sources = ctx.hoursSources(asOf.minusDays(PAST_DAYS));
            h = new Hours(
                    from,
                    now,
                    to,
                    dev.opsbook.rota.OnCallHours.tally(sources, from, now, own),
                    dev.opsbook.rota.OnCallHours.tally(sources, now, to, own));
            hours = h;
        }
        return h;
    }

    private Views.OnCallHoursView hoursPage(String from) {
        Hours h = hours();
        List<Views.HoursRow> rows = new ArrayList<>();
        for (String id : h.people()) {
            var p = hb.person(id);
            var past = h.past().get(id);
            var ahead = h.ahead().get(id);
            java.util.Set<String> rotas = new java.util.TreeSet<>();
            if (past != null) {
                rotas.addAll(past.rotas());
            }
            if (ahead != null) {
                rotas.addAll(ahead.rotas());
            }
            rows.add(new Views.HoursRow(
                    p.map(x -> new LinkView(
                                    x.name(),
                                    PageLinks.rel(from, SitePaths.team(x.team()) + "#" + SitePaths.personAnchor(id))))
                            .orElse(LinkView.plain(id)),
                    p.flatMap(x -> hb.team(x.team())).map(Team::name).orElse(""),
                    view(past),
                    view(ahead),
                    String.join("; ", rotas)));
        }
        var limit = ctx.setting(dev.opsbook.finding.Rule.ROTA_ONCALL_LIMIT.id())
                .filter(x -> x.maxHours() != null)
                .map(x -> x.maxHours() + " h per " + x.perOrDefault().text())
                .orElse(null);
        List<String> excess = ctx.onCallExcess().stream()
                .map(e -> hb.person(e.person()).map(Person::name).orElse(e.person()) + ": "
                        + dev.opsbook.rota.OnCallHours.hours(e.onDuty()) + " h from "
                        + e.from().toLocalDate() + " to "
                        + e.to().toLocalDate())
                .toList();
        return new Views.OnCallHoursView(
                h.pastFrom().toLocalDate().toString(),
                h.asOf().toLocalDate().toString(),
                h.asOf().toLocalDate().toString(),
                h.aheadTo().toLocalDate().toString(),
                hb.settings().timezone().getId(),
                rows,
                limit,
                excess);
    }

    private static Views.HoursView view(dev.opsbook.rota.OnCallHours.Tally t) {
        if (t == null) {
            return new Views.HoursView("0.00", "0.00", "0.00", "0.00", "0.00");
        }
        return new Views.HoursView(
                dev.opsbook.rota.OnCallHours.hours(t.onDuty()),
                dev.opsbook.rota.OnCallHours.hours(t.nights()),
                dev.opsbook.rota.OnCallHours.hours(t.weekends()),
                dev.opsbook.rota.OnCallHours.hours(t.holidays()),
                dev.opsbook.rota.OnCallHours.hours(t.shadow()));
    }

    /**
     * The hours as CSV for payroll (RFC 4180, UTF-8, CRLF): one row per person and period, hours with two
     * decimals; the periods are [from, to) dates in the handbook's zone.
     */
    byte[] hoursCsv() {
        Hours h = hours();
        StringBuilder out = new StringBuilder(
                "person,name,team,period,from,to,hours_on_duty,night_hours,weekend_hours,holiday_hours,shadow_hours,rotas\r\n");
        for (String id : h.people()) {
            var p = hb.person(id);
            for (String period : List.of("last-90-days", "horizon")) {
                var t = period.equals("horizon") ? h.ahead().get(id) : h.past().get(id);
                var v = view(t);
                List<String> cells = List.of(
                        id,
                        p.map(Person::name).orElse(id),
                        p.flatMap(x -> hb.team(x.team())).map(Team::name).orElse(""),
                        period,
                        (period.equals("horizon") ? h.asOf() : h.pastFrom())
                                .toLocalDate()
                                .toString(),
                        (period.equals("horizon") ? h.aheadTo() : h.asOf())
                                .toLocalDate()
                                .toString(),
                        v.onDuty(),
                        v.nights(),
                        v.weekends(),
                        v.holidays(),
                        v.shadow(),
                        t == null ? "" : String.join("; ", t.rotas()));
                out.append(cells.stream().map(PeopleViews::csv).collect(Collectors.joining(",")))
                        .append("\r\n");
            }
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ cannot become a formula. */
    static String csv(String cell) {
        String c = cell;
        if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0 && !c.matches("-?\\d+(\\.\\d+)?")) {
            c = "'" + c;
        }
        return c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r") || !c.equals(cell)
                ? "\"" + c.replace("\"", "\"\"") + "\""
                : c;
    }

    /** A service's rota as its page shows it. */
    RotaView rota(Rota r, String from) {
        return rota(r, from, null, List.of());
    }

    /**
     * A service's rota as its page shows it; {@code shared} the id of the shared rota it names (or null), and
     * {@code sharedWith} the other services that name it.
     */
    RotaView rota(Rota r, String from, String shared, List<LinkView> sharedWith) {
        String tz =
                r.timezone() != null ? r.timezone() : hb.settings().timezone().getId();
        String hours = hours(r.businessHours());
        String ooh = r.outOfHours() == null
                ? null
                : (Boolean.TRUE.equals(r.outOfHours().onCall()) ? "On call out of hours" : "No out-of-hours on-call")
                        + (r.outOfHours().compensation() != null
                                ? "; " + r.outOfHours().compensation()
                                : "")
                        + (r.outOfHours().tools().isEmpty()
                                ? ""
                                : "; tools: " + String.join(", ", r.outOfHours().tools()));
        List<LayerView> layers = !r.layered()
                ? List.of()
                : r.layers().stream()
                        .map(l -> new LayerView(
                                l.name(),
                                l.timezone() != null ? l.timezone() : tz,
                                l.hours() == null ? "every hour" : hours(l.hours()),
                                PageLinks.text(l.rotation()),
                                PageLinks.text(l.start()),
                                l.lead().stream()
                                        .map(p -> links.person(from, p))
                                        .toList(),
                                l.engineer().stream()
                                        .map(p -> links.person(from, p))
                                        .toList(),
                                l.shadow().stream()
                                        .map(p -> links.person(from, p))
                                        .toList()))
                        .toList();
        List<HolidayView> holidays = new java.util.ArrayList<>();
        for (Rota.Layer l : r.layers()) {
            Rota.Holidays h = l.holidays() != null ? l.holidays() : r.holidays();
            if (h == null || l.holidays() == null && l != r.layers().get(0)) {
                continue; // the rota's own holidays: listed once
            }
            String layer = l.holidays() != null && l.name() != null ? l.name() : null;
            for (Rota.Holiday d : h.days()) {
                if (d.date().isBefore(ctx.asOf().minusDays(1))
                        || d.date().isAfter(ctx.asOf().plusWeeks(hb.settings().rotaHorizonWeeks()))) {
                    continue;
                }
                Ref lead = h.cover(d, Rota.Role.LEAD);
                Ref engineer = h.cover(d, Rota.Role.ENGINEER);
                holidays.add(new HolidayView(
                        d.date().toString(),
                        d.name() != null ? d.name() : "Holiday",
                        layer,
                        lead == null ? null : links.person(from, lead),
                        engineer == null ? null : links.person(from, engineer)));
            }
        }
        return new RotaView(
                tz,
                PageLinks.text(r.start()),
                PageLinks.text(r.rotation()),
                r.coverage(),
                hours,
                r.lead().stream().map(p -> links.person(from, p)).toList(),
                r.engineer().stream().map(p -> links.person(from, p)).toList(),
                r.overrides().stream()
                        .map(o -> new OverrideView(
                                o.role().label(),
                                links.person(from, o.person()),
                                PageLinks.text(o.from()),
                                PageLinks.text(o.to()),
                                o.reason()))
                        .toList(),
                r.escalation().stream()
                        .map(e -> new EscalationView(PageLinks.text(e.after()), links.contact(from, e.contact())))
                        .toList(),
                ooh,
                r.shadow().stream().map(p -> links.person(from, p)).toList(),
                layers,
                List.copyOf(holidays),
                shared,
                sharedWith);
    }

    private static String hours(Rota.BusinessHours h) {
        return h == null
                ? null
                : h.days().stream()
                                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                                .collect(Collectors.joining(", "))
                        + " " + h.from() + " to " + h.to();
    }
}
