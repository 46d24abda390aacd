package dev.opsbook.render;

import dev.opsbook.check.CheckContext;
import dev.opsbook.ical.CalendarFeeds;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Person;
import dev.opsbook.model.Phone;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import dev.opsbook.render.Views.EscalationView;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.OnCallBox;
import dev.opsbook.render.Views.OnCallView;
import dev.opsbook.render.Views.OverrideView;
import dev.opsbook.render.Views.PersonView;
import dev.opsbook.render.Views.RotaView;
import dev.opsbook.render.Views.TeamView;
import dev.opsbook.render.Views.TeamsView;
import dev.opsbook.rota.OutOfHours;
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
        return EnumSet.of(Kind.TEAMS, Kind.TEAM, Kind.ONCALL);
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

    /** Incidents of {@code services} that started out of hours in the 90 days up to the as-of date. */
    private long outOfHoursIncidents(List<Service> services) {
        var zone = hb.settings().timezone();
        LocalDate from = ctx.asOf().minusDays(90);
        return services.stream()
                .flatMap(s -> s.incidents().stream()
                        .filter(i -> i.started() != null)
                        .filter(i -> {
                            var day = OutOfHours.local(s, i.started(), zone).toLocalDate();
                            return day.isAfter(from) && !day.isAfter(ctx.asOf());
                        })
                        .filter(i -> OutOfHours.isOutOfHours(s, i.started(), zone)))
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
        return new OnCallView(ctx.asOf().toString(), hb.settings().rotaHorizonWeeks() + " weeks", boxes, without);
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

    /** A service's rota as its page shows it. */
    RotaView rota(Rota r, String from) {
        String tz =
                r.timezone() != null ? r.timezone() : hb.settings().timezone().getId();
        String hours = r.businessHours() == null
                ? null
                : r.businessHours().days().stream()
                                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                                .collect(Collectors.joining(", "))
                        + " " + r.businessHours().from() + " to "
                        + r.businessHours().to();
        String ooh = r.outOfHours() == null
                ? null
                : (Boolean.TRUE.equals(r.outOfHours().onCall()) ? "On call out of hours" : "No out-of-hours on-call")
                        + (r.outOfHours().compensation() != null
                                ? "; " + r.outOfHours().compensation()
                                : "")
                        + (r.outOfHours().tools().isEmpty()
                                ? ""
                                : "; tools: " + String.join(", ", r.outOfHours().tools()));
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
                ooh);
    }
}
