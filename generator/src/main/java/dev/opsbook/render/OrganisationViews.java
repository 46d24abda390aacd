package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import dev.opsbook.render.Views.HomeView;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.ServiceRow;
import dev.opsbook.render.Views.SeveritiesView;
import dev.opsbook.render.Views.SeverityRow;
import dev.opsbook.render.Views.SlaCell;
import dev.opsbook.report.ReportData;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pages of the whole organisation: the home page (every service), the severity levels, the 404 page. */
final class OrganisationViews implements PageFamily {
    private final Handbook hb;
    private final PageLinks links;
    private final OnCallViews onCall;
    private final ReportData report;

    OrganisationViews(Handbook hb, PageLinks links, OnCallViews onCall, ReportData report) {
        this.hb = hb;
        this.links = links;
        this.onCall = onCall;
        this.report = report;
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.HOME, Kind.SEVERITIES, Kind.NOT_FOUND);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        String from = page.path();
        return switch (page.kind()) {
            case HOME -> new Rendered("index.ftlh", List.of(), home(from), onCall.data(hb.services(), from));
            case SEVERITIES -> new Rendered("severities.ftlh", severities(from));
            case NOT_FOUND -> new Rendered("404.ftlh", Map.of());
            default -> throw new IllegalArgumentException(page.kind().toString());
        };
    }

    private HomeView home(String from) {
        List<ServiceRow> rows = links.serviceRows(from, hb.services());
        return new HomeView(
                rows,
                hb.teams().stream()
                        .map(t -> new LinkView(t.name(), PageLinks.rel(from, SitePaths.team(t.id()))))
                        .toList(),
                severityRows(from, false),
                rows.stream()
                        .map(ServiceRow::team)
                        .filter(t -> !t.isEmpty())
                        .distinct()
                        .sorted()
                        .toList(),
                rows.stream()
                        .map(r -> r.tier() == null ? "—" : r.tier())
                        .distinct()
                        .sorted()
                        .toList(),
                report.assessment().services().stream()
                        .map(a -> a.level())
                        .distinct()
                        .sorted()
                        .toList(),
                GuideViews.rows(hb, from));
    }

    private List<SeverityRow> severityRows(String from, boolean withSlas) {
        List<SeverityRow> rows = new ArrayList<>();
        for (Severity s : hb.severities()) {
            List<SlaCell> slas = new ArrayList<>();
            if (withSlas) {
                for (Service svc : hb.services()) {
                    if (svc.sla() == null) {
                        continue;
                    }
                    svc.sla().responseTimes().stream()
                            .filter(t -> t.severity().id().equals(s.id()))
                            .findFirst()
                            .ifPresent(t -> slas.add(new SlaCell(
                                    links.service(from, svc.id()),
                                    PageLinks.text(t.acknowledge()),
                                    PageLinks.text(t.resolve()))));
                }
            }
            var r = s.response();
            rows.add(new SeverityRow(
                    s.id(),
                    SitePaths.severityAnchor(s.id()),
                    s.name(),
                    s.description(),
                    s.criteria(),
                    PageLinks.text(r.acknowledge()),
                    PageLinks.text(r.firstUpdate()),
                    PageLinks.text(r.updateEvery()),
                    PageLinks.text(r.resolveTarget()),
                    s.communication().channel(),
                    String.join(", ", s.communication().audience()),
                    s.outOfHours() == null
                            ? null
                            : s.outOfHours().equals("page")
                                    ? "Page the on-call people"
                                    : "Wait for the next business day",
                    s.majorIncident(),
                    slas));
        }
        return rows;
    }

    private SeveritiesView severities(String from) {
        return new SeveritiesView(
                severityRows(from, true),
                hb.services().stream()
                        .filter(s -> s.sla() != null)
                        .map(s -> links.service(from, s.id()))
                        .toList(),
                hb.guides().isEmpty() ? null : new LinkView("Guides", PageLinks.rel(from, SitePaths.GUIDES)));
    }
}
