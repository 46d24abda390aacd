package dev.opsbook.render;

import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.ServiceRow;
import dev.opsbook.report.ReportData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Links to the things of the handbook (services, teams, people, severities, runbooks) from the page
 * being rendered, as the views of every family show them: a name that links to its page, or the id as
 * plain text when it names nothing.
 */
final class PageLinks {
    private final Handbook hb;
    private final OnCallViews onCall;
    private final Map<String, ServiceAssessment> assessments = new HashMap<>();

    PageLinks(Handbook hb, OnCallViews onCall, ReportData report) {
        this.hb = hb;
        this.onCall = onCall;
        report.assessment().services().forEach(a -> assessments.put(a.service().id(), a));
    }

    static String rel(String from, String to) {
        return SitePaths.relative(from, to);
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }

    LinkView service(String from, String id) {
        return hb.service(id)
                .map(s -> new LinkView(s.name(), rel(from, SitePaths.service(id))))
                .orElse(LinkView.plain(id));
    }

    LinkView team(String from, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.team(ref.id())
                .map(t -> new LinkView(t.name(), rel(from, SitePaths.team(t.id()))))
                .orElse(LinkView.plain(ref.id()));
    }

    LinkView person(String from, Ref ref) {
        return ref == null ? null : person(from, ref.id());
    }

    LinkView person(String from, String id) {
        return hb.person(id)
                .map(p -> new LinkView(
                        p.name(), rel(from, SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(p.id()))))
                .orElse(LinkView.plain(id));
    }

    /** A person or a team (escalation contacts may be either). */
    LinkView contact(String from, Ref ref) {
        return hb.person(ref.id()).isPresent() ? person(from, ref) : team(from, ref);
    }

    LinkView severity(String from, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.severity(ref.id())
                .map(s -> new LinkView(
                        s.id() + " " + s.name(),
                        rel(from, SitePaths.SEVERITIES + "#" + SitePaths.severityAnchor(s.id()))))
                .orElse(LinkView.plain(ref.id()));
    }

    LinkView runbook(String from, String service, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.runbook(service, ref.id())
                .map(r -> new LinkView(r.title(), rel(from, SitePaths.runbook(r.service(), r.id()))))
                .orElse(LinkView.plain(ref.id()));
    }

    /** The readiness level the checks gave a service, or null. */
    String level(Service s) {
        ServiceAssessment a = assessments.get(s.id());
        return a == null ? null : a.level();
    }

    ServiceAssessment assessment(Service s) {
        return assessments.get(s.id());
    }

    /** The rows of a list of services (the home page's, a team's). */
    List<ServiceRow> serviceRows(String from, List<Service> services) {
        return services.stream()
                .map(s -> new ServiceRow(
                        s.id(),
                        service(from, s.id()),
                        s.tier() == null ? null : "Tier " + s.tier(),
                        team(from, s.owner()),
                        s.owner() == null ? "" : s.owner().id(),
                        s.lifecycle(),
                        s.supportModel(),
                        s.supportHours(),
                        s.description(),
                        level(s),
                        onCall.box(s, from).orElse(null)))
                .toList();
    }
}
