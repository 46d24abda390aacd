package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Sla;
import dev.opsbook.render.Views.*;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The page of each service: what it is, its SLA and SLOs, its alerts, its rota, its documents, its readiness. */
final class ServiceViews implements PageFamily {
    private final PageLinks links;
    private final PeopleViews people;
    private final OnCallViews onCall;
    private final ReportViews reportViews;
    /** The services that depend on each service, worked out once (not a scan of every service per page). */
    private final Map<String, List<Service>> dependents = new HashMap<>();

    /** The services that name each shared rota, in handbook order. */
    private final Map<String, List<Service>> sharing = new HashMap<>();

    ServiceViews(Handbook hb, PageLinks links, PeopleViews people, OnCallViews onCall, ReportViews reportViews) {
        this.links = links;
        this.people = people;
        this.onCall = onCall;
        this.reportViews = reportViews;
        for (Service s : hb.services()) {
            if (s.sharedRota() != null) {
                sharing.computeIfAbsent(s.sharedRota().id(), k -> new ArrayList<>())
                        .add(s);
            }
            s.dependsOn().stream().map(d -> d.id()).distinct().forEach(id -> dependents
                    .computeIfAbsent(id, k -> new ArrayList<>())
                    .add(s));
        }
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.SERVICE);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        Service s = page.subject(Service.class);
        return new Rendered("service.ftlh", List.of(), service(s, page.path()), onCall.data(s, page.path()));
    }

    /**
     * What the service's Backstage entity says beyond opsbook's keys: the owner as the catalog names it
     * when that is a person, the system, the type, the component it is part of, tags, the APIs it provides
     * and consumes, where its source is, and the entity's reference.
     */
    private List<Fact> catalogFacts(dev.opsbook.model.CatalogEntry c, String from) {
        List<Fact> out = new ArrayList<>();
        if (c.owner() != null && c.owner().id().startsWith("user:")) {
            out.add(new Fact(
                    "Owner in the catalog",
                    null,
                    links.person(from, c.owner().id().substring(5))));
        }
        if (c.system() != null) {
            out.add(new Fact("System", c.system().id(), null));
        }
        if (c.type() != null) {
            out.add(new Fact("Type", c.kind() + ", " + c.type(), null));
        }
        if (c.subcomponentOf() != null) {
            out.add(new Fact(
                    "Part of", null, links.service(from, c.subcomponentOf().id())));
        }
        if (!c.tags().isEmpty()) {
            out.add(new Fact("Tags", String.join(", ", c.tags()), null));
        }
        if (!c.providesApis().isEmpty()) {
            out.add(new Fact("Provides APIs", String.join(", ", c.providesApis()), null));
        }
        if (!c.consumesApis().isEmpty()) {
            out.add(new Fact("Consumes APIs", String.join(", ", c.consumesApis()), null));
        }
        String source = c.annotations().get("backstage.io/source-location");
        if (source != null && source.matches("url:https?://\\S+")) {
            out.add(new Fact("Source", null, new LinkView(source.substring(4), source.substring(4))));
        }
        String slug = c.annotations().get("github.com/project-slug");
        if (slug != null && slug.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            out.add(new Fact("Repository", null, new LinkView(slug, "https://github.com/" + slug)));
        }
        out.add(new Fact("Catalog entity", c.entityRef(), null));
        return out;
    }

    private ServiceView service(Service s, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Owner", null, links.team(from, s.owner())));
        facts.add(new Fact("Tier", s.tier() == null ? "not set" : String.valueOf(s.tier()), null));
        facts.add(new Fact("Lifecycle", Objects.requireNonNullElse(s.lifecycle(), "not set"), null));
        facts.add(new Fact("Support model", Objects.requireNonNullElse(s.supportModel(), "not set"), null));
        facts.add(new Fact("Support hours", Objects.requireNonNullElse(s.supportHours(), "not set"), null));
        if (s.catalog() != null) {
            facts.addAll(catalogFacts(s.catalog(), from));
        }
        List<LinkView> dependsOn =
                s.dependsOn().stream().map(d -> links.service(from, d.id())).toList();
        List<LinkView> usedBy = dependents.getOrDefault(s.id(), List.of()).stream()
                .map(o -> links.service(from, o.id()))
                .toList();
        List<LinkView> extLinks =
                s.links().stream().map(l -> new LinkView(l.title(), l.url())).toList();
        List<Fact> telemetry = new ArrayList<>();
        s.telemetry()
                .dashboards()
                .forEach(d -> telemetry.add(new Fact("Dashboard", null, new LinkView(d.title(), d.url()))));
        if (s.telemetry().logs() != null) {
            var l = s.telemetry().logs();
            telemetry.add(new Fact(
                    "Logs",
                    Boolean.TRUE.equals(l.structured()) ? "structured" : "not structured",
                    l.url() == null ? null : new LinkView("open logs", l.url())));
        }
        if (s.telemetry().tracing() != null) {
            var t = s.telemetry().tracing();
            telemetry.add(new Fact(
                    "Tracing",
                    Boolean.TRUE.equals(t.enabled()) ? "enabled" : "not enabled",
                    t.url() == null ? null : new LinkView("open traces", t.url())));
        }
        SlaView sla = null;
        if (s.sla() != null) {
            Sla a = s.sla();
            sla = new SlaView(
                    Formats.percent(a.availability()),
                    a.period(),
                    a.availability() == null
                            ? null
                            : Formats.budget(a.availability(), Formats.periodSeconds(a.period())),
                    Formats.CONVENTION,
                    a.supportHours(),
                    a.responseTimes().stream()
                            .map(t -> new SlaCell(
                                    links.severity(from, t.severity()),
                                    PageLinks.text(t.acknowledge()),
                                    PageLinks.text(t.resolve())))
                            .toList(),
                    a.customers());
        }
        List<SloView> slos = new ArrayList<>();
        Map<String, List<LinkView>> protectingBySlo = new HashMap<>(); // in one pass: services may have thousands
        for (Service.Alert a : s.alerts()) {
            if (a.slo() != null) {
                protectingBySlo
                        .computeIfAbsent(a.slo().id(), k -> new ArrayList<>())
                        .add(new LinkView(a.name(), "#" + SitePaths.alertAnchor(a.name())));
            }
        }
        Set<String> sloIds = new HashSet<>();
        for (Service.Slo slo : s.slos()) {
            sloIds.add(slo.id());
            List<LinkView> protecting = List.copyOf(protectingBySlo.getOrDefault(slo.id(), List.of()));
            String budget = slo.objective() == null || slo.window() == null
                    ? null
                    : Formats.budget(slo.objective(), slo.window().toDuration().getSeconds());
            String verdict = null;
            if (s.sla() != null
                    && s.sla().availability() != null
                    && slo.objective() != null
                    && slo.id().contains("availability")) {
                verdict = slo.objective().compareTo(s.sla().availability()) >= 0
                        ? "At least as strict as the SLA ("
                                + Formats.percent(s.sla().availability()) + "): the SLO warns first."
                        : "Below the SLA (" + Formats.percent(s.sla().availability())
                                + "): the SLA can be breached before this SLO is missed.";
            }
            slos.add(new SloView(
                    slo.id(),
                    SitePaths.sloAnchor(slo.id()),
                    slo.description(),
                    slo.sli(),
                    Formats.percent(slo.objective()),
                    PageLinks.text(slo.window()),
                    budget,
                    protecting,
                    verdict));
        }
        List<AlertView> alerts = s.alerts().stream()
                .map(a -> new AlertView(
                        a.name(),
                        SitePaths.alertAnchor(a.name()),
                        links.severity(from, a.severity()),
                        links.runbook(from, s.id(), a.runbook()),
                        a.slo() == null
                                ? null
                                : sloIds.contains(a.slo().id())
                                        ? new LinkView(
                                                a.slo().id(),
                                                "#"
                                                        + SitePaths.sloAnchor(
                                                                a.slo().id()))
                                        : LinkView.plain(a.slo().id()),
                        a.rules().stream()
                                .map(r -> r.pos().file() + ":" + r.pos().line())
                                .toList()))
                .toList();
        RotaView rota = s.rota() == null
                ? null
                : people.rota(
                        s.rota(),
                        from,
                        s.sharedRota() == null ? null : s.sharedRota().id(),
                        s.sharedRota() == null
                                ? List.of()
                                : sharing.get(s.sharedRota().id()).stream()
                                        .filter(x -> x != s)
                                        .map(x -> new LinkView(
                                                x.name(), SitePaths.relative(from, SitePaths.service(x.id()))))
                                        .toList());
        List<RunbookRow> runbooks = s.runbooks().stream()
                .map(r -> new RunbookRow(
                        new LinkView(r.title(), PageLinks.rel(from, SitePaths.runbook(s.id(), r.id()))),
                        r.summary(),
                        links.severity(from, r.severity()),
                        PageLinks.text(r.lastReviewed())))
                .toList();
        List<DatedRow> reviews = s.reviews().stream()
                .map(r -> new DatedRow(
                        new LinkView(r.title(), PageLinks.rel(from, SitePaths.review(s.id(), r.id()))),
                        PageLinks.text(r.date()),
                        r.outcome(),
                        null))
                .toList();
        List<DatedRow> incidents = s.incidents().stream()
                .sorted((x, y) -> String.valueOf(y.started()).compareTo(String.valueOf(x.started())))
                .map(i -> new DatedRow(
                        new LinkView(i.title(), PageLinks.rel(from, SitePaths.incident(s.id(), i.id()))),
                        PageLinks.text(i.started()),
                        i.resolution() == null ? null : i.resolution().id(),
                        links.severity(from, i.severity())))
                .toList();
        List<Fact> readiness = readiness(s.readiness());
        List<Fact> na = s.notApplicable().stream()
                .map(n -> new Fact(n.rule().id(), n.reason(), null))
                .toList();
        return new ServiceView(
                s.id(),
                s.name(),
                s.description(),
                facts,
                dependsOn,
                usedBy,
                extLinks,
                telemetry,
                sla,
                slos,
                alerts,
                rota,
                runbooks,
                reviews,
                incidents,
                s.documents().stream()
                        .map(d -> new GuideRow(
                                new LinkView(d.title(), PageLinks.rel(from, SitePaths.document(d.file()))),
                                d.summary()))
                        .toList(),
                readiness,
                na,
                reportViews.level(links.assessment(s), from),
                onCall.box(s, from).orElse(null),
                s.pos().file());
    }

    private static List<Fact> readiness(Service.Readiness r) {
        List<Fact> out = new ArrayList<>();
        evidence(out, "Load test", r.loadTest());
        evidence(out, "Game day", r.gameDay());
        evidence(out, "Backup restore test", r.backupRestoreTest());
        if (r.rollback() != null) {
            out.add(new Fact(
                    "Rollback",
                    String.join(", ", r.rollback().strategies())
                            + (r.rollback().lastTested() != null
                                    ? "; last tested " + r.rollback().lastTested()
                                    : "; never tested"),
                    null));
        }
        evidence(out, "Security review", r.securityReview());
        if (r.deployment() != null) {
            var d = r.deployment();
            out.add(new Fact(
                    "Deployment",
                    (Boolean.TRUE.equals(d.automated()) ? "automated" : "not automated")
                            + (d.leadTime() != null ? "; lead time " + d.leadTime() : "")
                            + (d.measured() != null ? ", measured on " + d.measured() : ""),
                    d.pipeline() == null ? null : new LinkView("pipeline", d.pipeline())));
        }
        return out;
    }

    private static void evidence(List<Fact> out, String label, Service.Evidence e) {
        if (e != null) {
            out.add(new Fact(
                    label,
                    (e.date() != null ? e.date().toString() : "no date") + (e.notes() != null ? ": " + e.notes() : ""),
                    e.url() == null ? null : new LinkView("evidence", e.url())));
        }
    }
}
