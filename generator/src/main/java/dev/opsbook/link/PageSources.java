package dev.opsbook.link;

import dev.opsbook.model.Action;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Review;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which content files each page of a {@link SitePlan} is made from: what the page presents, and every
 * file whose content it shows (the preview asks, to rewrite the pages an edited file feeds).
 */
final class PageSources {
    private final Handbook handbook;

    PageSources(Handbook handbook) {
        this.handbook = handbook;
    }

    /** Who names whom, worked out once: not a scan of every service for each page. */
    private static final class Index {
        /** Each team's services: those it owns, and those whose rota names one of its people. */
        final Map<String, List<Service>> byTeam = new HashMap<>();
        /** The services that depend on each service. */
        final Map<String, List<Service>> dependents = new HashMap<>();
    }

    private volatile Index index;

    private Index index() {
        Index i = index;
        if (i == null) {
            i = new Index();
            for (Service x : handbook.services()) {
                Set<String> teams = new LinkedHashSet<>();
                if (x.owner() != null) {
                    teams.add(x.owner().id());
                }
                rotaPeople(x.rota()).forEach(p -> handbook.person(p.id()).ifPresent(m -> teams.add(m.team())));
                for (String t : teams) {
                    i.byTeam.computeIfAbsent(t, k -> new ArrayList<>()).add(x);
                }
                for (String d : x.dependsOn().stream().map(Ref::id).distinct().toList()) {
                    i.dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(x);
                }
            }
            index = i;
        }
        return i;
    }

    /**
     * Whether {@code file} can be among the sources of {@code page}, judged by the kinds alone: a cheap
     * test, true whenever {@link #of} could name the file (a test holds it to that), so that the pages an
     * edited runbook feeds are found without working out the sources of every page of the site.
     */
    static boolean mayFeed(SitePlan.Page page, String file) {
        return mayFeed(page, ContentPaths.of(file));
    }

    static boolean mayFeed(SitePlan.Page page, ContentPaths.Entry e) {
        return switch (e.kind()) {
                // a document of a service shows on its service's pages, on service pages whose alerts lead
                // to it, on the page of the team that owns it (incidents out of hours), and in the reports
            case RUNBOOK, REVIEW, INCIDENT -> page.kind().fromReport()
                    || page.kind() == SitePlan.Kind.SERVICE
                    || page.kind() == SitePlan.Kind.TEAM
                    || page.service() != null && page.service().id().equals(e.service());
            default -> true;
        };
    }

    /**
     * The content files the page is made from: what it presents, and every file whose content it shows
     * (the team file of each person it names, the service file of each service it names, the severity
     * levels …). A page made from the checks' results is made from every file.
     */
    Set<String> of(SitePlan.Page page) {
        Set<String> out = new LinkedHashSet<>();
        out.add(ContentPaths.SETTINGS); // every page's frame has the handbook's title
        out.addAll(page.presents().keySet());
        Service s = page.service();
        switch (page.kind()) {
            case HOME, ONCALL, ONCALL_HOURS, TEAMS -> {
                handbook.teams().forEach(t -> out.add(ContentPaths.team(t.id())));
                handbook.services().forEach(x -> serviceAndRota(x, out));
                if (page.kind() == SitePlan.Kind.HOME) {
                    out.add(ContentPaths.SEVERITIES);
                }
            }
            case SEVERITIES -> handbook.services().stream()
                    .filter(x -> x.sla() != null)
                    .forEach(x -> {
                        out.add(ContentPaths.serviceFile(x.id()));
                        out.add(ContentPaths.sla(x.id()));
                    });
            case TEAM -> {
                Team t = page.subject(Team.class);
                for (Service x : index().byTeam.getOrDefault(t.id(), List.of())) {
                    serviceAndRota(x, out);
                    if (x.owner() != null && x.owner().id().equals(t.id())) {
                        rotaPeople(x.rota()).forEach(p -> person(p, out));
                        x.incidents().forEach(i -> out.add(i.pos().file()));
                    }
                }
            }
            case SERVICE -> {
                out.add(ContentPaths.SEVERITIES);
                s.runbooks().forEach(r -> out.add(r.file()));
                s.reviews().forEach(r -> out.add(r.pos().file()));
                s.incidents().forEach(i -> out.add(i.pos().file()));
                s.documents().forEach(d -> out.add(d.file()));
                team(s.owner(), out);
                onCall(s, out);
                s.dependsOn().forEach(d -> out.add(ContentPaths.serviceFile(d.id())));
                index().dependents
                        .getOrDefault(s.id(), List.of())
                        .forEach(x -> out.add(ContentPaths.serviceFile(x.id())));
                s.alerts().stream()
                        .filter(a -> a.runbook() != null)
                        .forEach(a -> handbook.runbook(s.id(), a.runbook().id()).ifPresent(r -> out.add(r.file())));
            }
            case RUNBOOK -> {
                Runbook r = page.subject(Runbook.class);
                out.add(ContentPaths.SEVERITIES);
                if (page.index() > 0) {
                    out.add(s.runbooks().get(page.index() - 1).file());
                }
                if (page.index() + 1 < s.runbooks().size()) {
                    out.add(s.runbooks().get(page.index() + 1).file());
                }
                team(r.owner() != null ? r.owner() : s.owner(), out);
                person(r.reviewedBy(), out);
                onCall(s, out);
                handbook.alertsLeadingTo(r)
                        .forEach(a ->
                                out.add(ContentPaths.serviceFile(a.service().id())));
            }
            case REVIEW -> {
                Review r = page.subject(Review.class);
                out.add(ContentPaths.serviceFile(s.id()));
                r.participants().forEach(p -> person(p, out));
                actions(r.actions(), out);
            }
            case INCIDENT -> {
                Incident i = page.subject(Incident.class);
                out.add(ContentPaths.SEVERITIES);
                serviceAndRota(s, out); // the rota's business hours say whether it started out of hours
                person(i.supportLead(), out);
                person(i.supportEngineer(), out);
                actions(i.actions(), out);
                i.services().forEach(x -> out.add(ContentPaths.serviceFile(x.id())));
            }
            case READINESS, ACTIONS, CHANGES, OPERATIONS -> out.addAll(handbook.files());
            case GUIDES -> handbook.guides().forEach(g -> out.add(g.file()));
            case GUIDE -> {}
            case DOCUMENT -> out.add(ContentPaths.serviceFile(s.id()));
            case REDIRECT -> out.addAll(
                    page.subject(SitePlan.Page.class).presents().keySet());
            case NOT_FOUND -> {}
        }
        return out;
    }

    private static void serviceAndRota(Service s, Set<String> out) {
        out.add(ContentPaths.serviceFile(s.id()));
        out.add(ContentPaths.rotaFile(s));
    }

    /** What an on-call box shows: the service, its rota, the people on duty and those escalated to. */
    private void onCall(Service s, Set<String> out) {
        serviceAndRota(s, out);
        rotaPeople(s.rota()).forEach(p -> person(p, out));
        if (s.rota() != null) {
            s.rota().escalation().forEach(e -> {
                if (handbook.person(e.contact().id()).isPresent()) {
                    person(e.contact(), out);
                } else {
                    team(e.contact(), out);
                }
            });
        }
    }

    private static Stream<Ref> rotaPeople(Rota r) {
        return r == null
                ? Stream.empty()
                : java.util.Arrays.stream(Rota.Role.values()).flatMap(role -> r.everyone(role).stream());
    }

    private void actions(List<Action> actions, Set<String> out) {
        actions.forEach(a -> person(a.owner(), out));
    }

    private void person(Ref ref, Set<String> out) {
        if (ref != null) {
            handbook.person(ref.id()).ifPresent(p -> out.add(ContentPaths.team(p.team())));
        }
    }

    private void team(Ref ref, Set<String> out) {
        if (ref != null) {
            handbook.team(ref.id()).ifPresent(t -> out.add(ContentPaths.team(t.id())));
        }
    }
}
