package dev.opsbook.render;

import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.SitePaths;
import dev.opsbook.markdown.HtmlSanitizer;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Action;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Person;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Review;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import dev.opsbook.model.Sla;
import dev.opsbook.model.Team;
import dev.opsbook.render.Views.*;
import dev.opsbook.check.CheckContext;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.ical.CalendarFeeds;
import dev.opsbook.rota.OutOfHours;
import dev.opsbook.report.ReportData;
import dev.opsbook.report.ReportFiles;
import dev.opsbook.parallel.Parallel;
import dev.opsbook.site.PageSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Renders every page of the site (outputs.md) and copies the content's other files. */
public final class SiteRenderer {
    public static final String SEARCH_INDEX = "assets/search-index.js";

    /**
     * The HTTP headers every file of the site should be served with, in the {@code _headers} format of
     * Netlify and Cloudflare Pages (README shows the same for nginx, Apache and Caddy). The policy is the
     * pages' own (a meta tag in each) made a header, so that it also covers what is not a page (a diagram
     * opened on its own: no script of its own runs, its inline style still shows) and can forbid framing,
     * which a meta tag cannot; {@code nosniff} keeps a browser from taking a file for another type.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline';"
            + " script-src 'self'; img-src 'self' data:; font-src 'self' data:; base-uri 'self'; form-action 'none';"
            + " frame-ancestors 'none'";
    static final String HOSTING_HEADERS = "/*\n"
            + "  Content-Security-Policy: " + CONTENT_SECURITY_POLICY + "\n"
            + "  X-Content-Type-Options: nosniff\n"
            + "  X-Frame-Options: DENY\n"
            + "  Referrer-Policy: no-referrer\n";

    private final Handbook hb;
    private final ContentLinks links;
    private final MarkdownEngine markdown;
    private final PageRenderer pages;
    private final ReportData report;
    private final ReportViews reportViews;
    private final java.util.Map<String, ServiceAssessment> assessments = new java.util.HashMap<>();

    private final OnCallViews onCall;
    private final CheckContext ctx;
    private Path contentRoot;
    private final dev.opsbook.site.LinkVerifier verifier = new dev.opsbook.site.LinkVerifier();

    /** The links and ids of every page rendered so far, to verify once everything is written. */
    public dev.opsbook.site.LinkVerifier verifier() {
        return verifier;
    }

    public SiteRenderer(Handbook hb, ContentLinks links, MarkdownEngine markdown, PageRenderer pages, ReportData report,
                        CheckContext ctx) {
        this.hb = hb;
        this.links = links;
        this.markdown = markdown;
        this.pages = pages;
        this.report = report;
        this.reportViews = new ReportViews(hb, links, report);
        this.onCall = new OnCallViews(hb, ctx);
        this.ctx = ctx;
        report.assessment().services().forEach(a -> assessments.put(a.service().id(), a));
        this.dependents = byName(hb.services(), o -> o.dependsOn().stream().map(d -> d.id()));
        this.rotasByPerson = byName(hb.services(), SiteRenderer::rotaPeople);
    }

    /** The services that depend on each service. */
    private final Map<String, List<Service>> dependents;
    /** The services whose rota names each person. */
    private final Map<String, List<Service>> rotasByPerson;

    /** One file to write; the files are independent, so they are written in parallel. */
    @FunctionalInterface
    private interface Task {
        void run() throws IOException;
    }

    /**
     * Renders everything into {@code sink}; {@code contentRoot} is where Markdown and assets are read
     * from. Pages are rendered on {@code threads} threads; each page depends on the model only, so the
     * bytes are the same whatever the number of threads.
     */
    public void render(Path contentRoot, PageSink sink, int threads) throws IOException {
        this.contentRoot = contentRoot;
        List<Task> tasks = new ArrayList<>();
        // the longest pieces of work first, so that no thread is left with one of them at the end
        tasks.add(() -> sink.write(SEARCH_INDEX, out -> SearchIndex.write(hb, out)));
        for (String file : List.of(ReportFiles.JUNIT, ReportFiles.SARIF)) {
            tasks.add(() -> sink.write(file, out -> ReportFiles.write(file, report, out)));
        }
        // what shows the content digest comes a third of the way in, when the digest is likely computed
        // (see Opsbook.build)
        List<Task> withDigest = List.of(
                () -> sink.write(ReportFiles.JSON, out -> ReportFiles.write(ReportFiles.JSON, report, out)),
                () -> page(sink, SitePaths.READINESS, "readiness.ftlh", "Readiness report", List.of(),
                        reportViews.readiness(SitePaths.READINESS)));
        calendarTasks(sink, tasks);
        tasks.add(() -> page(sink, SitePaths.ONCALL, "oncall.ftlh", "On call", List.of(), onCallPage(SitePaths.ONCALL),
                onCall.data(hb.services(), SitePaths.ONCALL)));
        tasks.add(() -> {
            for (String asset : List.of("static/opsbook.css", "static/opsbook.js", "static/minisearch.js")) {
                byte[] bytes = pages.asset(asset).orElseThrow(() -> new IllegalStateException("missing asset " + asset));
                sink.write("assets/" + asset.substring("static/".length()), bytes);
            }
        });
        tasks.add(() -> page(sink, SitePaths.HOME, "index.ftlh", hb.settings().title(), List.of(), home(SitePaths.HOME),
                onCall.data(hb.services(), SitePaths.HOME)));
        tasks.add(() -> page(sink, SitePaths.SEVERITIES, "severities.ftlh", "Severity levels", List.of(),
                severities(SitePaths.SEVERITIES)));
        tasks.add(() -> page(sink, SitePaths.TEAMS, "teams.ftlh", "Teams", List.of(),
                new TeamsView(hb.teams().stream().map(t -> team(t, SitePaths.TEAMS)).toList())));
        for (Team t : hb.teams()) {
            String path = SitePaths.team(t.id());
            tasks.add(() -> page(sink, path, "team.ftlh", t.name(), List.of(new LinkView("Teams", rel(path, SitePaths.TEAMS))),
                    team(t, path), onCall.data(owned(t), path)));
        }
        for (Service s : hb.services()) {
            String path = SitePaths.service(s.id());
            tasks.add(() -> page(sink, path, "service.ftlh", s.name(), List.of(), service(s, path),
                    onCall.data(s, path)));
            for (int i = 0; i < s.runbooks().size(); i++) {
                int index = i;
                Runbook r = s.runbooks().get(i);
                String rp = SitePaths.runbook(s.id(), r.id());
                tasks.add(() -> page(sink, rp, "runbook.ftlh", r.title(), crumbs(rp, s), runbook(s, index, rp),
                        onCall.data(s, rp)));
            }
            for (Review r : s.reviews()) {
                String rp = SitePaths.review(s.id(), r.id());
                tasks.add(() -> page(sink, rp, "review.ftlh", r.title(), crumbs(rp, s), review(s, r, rp)));
            }
            for (Incident inc : s.incidents()) {
                String ip = SitePaths.incident(s.id(), inc.id());
                tasks.add(() -> page(sink, ip, "incident.ftlh", inc.title(), crumbs(ip, s), incident(s, inc, ip)));
            }
        }
        if (report.changes() != null) {
            tasks.add(() -> page(sink, SitePaths.CHANGES, "changes.ftlh", "Changes since the baseline",
                    List.of(new LinkView("Readiness report", "index.html")), reportViews.changes(SitePaths.CHANGES)));
        }
        tasks.add(() -> page(sink, SitePaths.ACTIONS, "actions.ftlh", "Open actions", List.of(),
                reportViews.actions(SitePaths.ACTIONS)));
        tasks.add(() -> page(sink, SitePaths.NOT_FOUND, "404.ftlh", "Page not found", List.of(), Map.of()));
        for (String asset : hb.assets()) {
            // streamed: an asset may be a video or a large PDF, larger than the heap
            tasks.add(() -> sink.write(asset, (PageSink.Content) out -> Files.copy(contentRoot.resolve(asset), out)));
        }
        tasks.add(() -> sink.write(SitePaths.SITEMAP, sitemap().getBytes(StandardCharsets.UTF_8)));
        tasks.add(() -> sink.write(SitePaths.HEADERS, HOSTING_HEADERS.getBytes(StandardCharsets.US_ASCII)));
        tasks.addAll(tasks.size() / 3, withDigest);
        run(tasks, threads);
    }

    /** One calendar to write, with the writer of its piece of work. */
    @FunctionalInterface
    private interface CalendarJob {
        void write(CalendarFeeds feeds) throws IOException;
    }

    /**
     * The on-call calendars, in pieces of work of a few dozen calendars; each piece has its own time
     * zone registry (ical4j's is not meant to be shared between threads).
     */
    private void calendarTasks(PageSink sink, List<Task> tasks) {
        List<CalendarJob> jobs = new ArrayList<>();
        for (Service s : hb.services()) {
            ctx.schedule(s).ifPresent(schedule -> jobs.add(
                    feeds -> sink.write(SitePaths.serviceCalendar(s.id()), feeds.service(s, schedule))));
        }
        shiftsByPerson().forEach((id, shifts) -> hb.person(id).ifPresent(p -> jobs.add(
                feeds -> sink.write(SitePaths.personCalendar(p.id()), feeds.person(p, shifts)))));
        int piece = 48;
        for (int from = 0; from < jobs.size(); from += piece) {
            List<CalendarJob> part = jobs.subList(from, Math.min(jobs.size(), from + piece));
            tasks.add(() -> {
                CalendarFeeds feeds = new CalendarFeeds(hb, ctx.asOf(), report.generator());
                for (CalendarJob job : part) {
                    job.write(feeds);
                }
            });
        }
    }

    /**
     * Renders only the pages that show the runbook {@code runbookId} of {@code serviceId}: its own page,
     * its neighbours (their previous/next links name it) and its service's page. For the preview's
     * quick update; the full build that follows brings every other page up to date.
     */
    public int renderRunbookPages(Path contentRoot, String serviceId, String runbookId, PageSink sink) throws IOException {
        this.contentRoot = contentRoot;
        Service s = hb.service(serviceId).orElseThrow();
        int at = -1;
        for (int i = 0; i < s.runbooks().size(); i++) {
            if (s.runbooks().get(i).id().equals(runbookId)) {
                at = i;
            }
        }
        int written = 0;
        for (int i = Math.max(0, at - 1); at >= 0 && i <= Math.min(s.runbooks().size() - 1, at + 1); i++) {
            Runbook r = s.runbooks().get(i);
            String rp = SitePaths.runbook(s.id(), r.id());
            page(sink, rp, "runbook.ftlh", r.title(), crumbs(rp, s), runbook(s, i, rp), onCall.data(s, rp));
            written++;
        }
        String path = SitePaths.service(s.id());
        page(sink, path, "service.ftlh", s.name(), List.of(), service(s, path), onCall.data(s, path));
        return written + 1;
    }

    private static void run(List<Task> tasks, int threads) throws IOException {
        Parallel.map(tasks, threads, t -> {
            t.run();
            return Boolean.TRUE;
        });
    }

    private void page(PageSink sink, String path, String template, String title, List<LinkView> crumbs, Object model)
            throws IOException {
        page(sink, path, template, title, crumbs, model, null);
    }

    /** @param onCallData the schedule JSON the page's script reads, or null */
    private void page(PageSink sink, String path, String template, String title, List<LinkView> crumbs, Object model,
                      String onCallData) throws IOException {
        List<NavItem> nav = List.of(
                new NavItem("Services", rel(path, SitePaths.HOME), path.equals(SitePaths.HOME) || path.startsWith("services/")),
                new NavItem("On call", rel(path, SitePaths.ONCALL), path.equals(SitePaths.ONCALL)),
                new NavItem("Teams", rel(path, SitePaths.TEAMS), path.startsWith("teams/")),
                new NavItem("Severities", rel(path, SitePaths.SEVERITIES), path.equals(SitePaths.SEVERITIES)),
                new NavItem("Readiness", rel(path, SitePaths.READINESS), path.startsWith("readiness/")),
                new NavItem("Actions", rel(path, SitePaths.ACTIONS), path.equals(SitePaths.ACTIONS)));
        List<LinkView> all = new ArrayList<>();
        if (!path.equals(SitePaths.HOME)) {
            all.add(new LinkView(hb.settings().title(), rel(path, SitePaths.HOME)));
        }
        all.addAll(crumbs);
        PageView view = new PageView(title, hb.settings().title(), hb.settings().organisation(), SitePaths.root(path),
                path, nav, all, report.generator(), onCallData,
                path.equals(SitePaths.NOT_FOUND) ? hb.settings().baseUrl() : null);
        byte[] html = pages.render(template, view, model);
        verifier.record(path, html);
        sink.write(path, html);
    }

    private List<LinkView> crumbs(String path, Service s) {
        return List.of(new LinkView(s.name(), rel(path, SitePaths.service(s.id()))));
    }

    private static String rel(String from, String to) {
        return SitePaths.relative(from, to);
    }

    // ---- links to things, relative to the page being rendered

    private LinkView serviceLink(String from, String id) {
        return hb.service(id).map(s -> new LinkView(s.name(), rel(from, SitePaths.service(id)))).orElse(LinkView.plain(id));
    }

    private LinkView teamLink(String from, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.team(ref.id()).map(t -> new LinkView(t.name(), rel(from, SitePaths.team(t.id()))))
                .orElse(LinkView.plain(ref.id()));
    }

    private LinkView personLink(String from, Ref ref) {
        return ref == null ? null : personLink(from, ref.id());
    }

    private LinkView personLink(String from, String id) {
        return hb.person(id).map(p -> new LinkView(p.name(),
                rel(from, SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(p.id())))).orElse(LinkView.plain(id));
    }

    /** A person or a team (escalation contacts may be either). */
    private LinkView contactLink(String from, Ref ref) {
        return hb.person(ref.id()).isPresent() ? personLink(from, ref) : teamLink(from, ref);
    }

    private LinkView severityLink(String from, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.severity(ref.id()).map(s -> new LinkView(s.id() + " " + s.name(),
                rel(from, SitePaths.SEVERITIES + "#" + SitePaths.severityAnchor(s.id())))).orElse(LinkView.plain(ref.id()));
    }

    private LinkView runbookLink(String from, String service, Ref ref) {
        if (ref == null) {
            return null;
        }
        return hb.runbook(service, ref.id()).map(r -> new LinkView(r.title(), rel(from, SitePaths.runbook(r.service(), r.id()))))
                .orElse(LinkView.plain(ref.id()));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    // ---- pages

    private List<ServiceRow> serviceRows(String from, List<Service> services) {
        return services.stream().map(s -> new ServiceRow(s.id(), serviceLink(from, s.id()),
                s.tier() == null ? null : "Tier " + s.tier(), teamLink(from, s.owner()),
                s.owner() == null ? "" : s.owner().id(), s.lifecycle(), s.supportModel(), s.supportHours(), s.description(),
                levelOf(s), onCall.box(s, from).orElse(null))).toList();
    }

    private String levelOf(Service s) {
        ServiceAssessment a = assessments.get(s.id());
        return a == null ? null : a.level();
    }

    private HomeView home(String from) {
        List<ServiceRow> rows = serviceRows(from, hb.services());
        return new HomeView(rows,
                hb.teams().stream().map(t -> new LinkView(t.name(), rel(from, SitePaths.team(t.id())))).toList(),
                severityRows(from, false),
                rows.stream().map(ServiceRow::team).filter(t -> !t.isEmpty()).distinct().sorted().toList(),
                rows.stream().map(r -> r.tier() == null ? "—" : r.tier()).distinct().sorted().toList(),
                report.assessment().services().stream().map(a -> a.level()).distinct().sorted().toList());
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
                    svc.sla().responseTimes().stream().filter(t -> t.severity().id().equals(s.id())).findFirst()
                            .ifPresent(t -> slas.add(new SlaCell(serviceLink(from, svc.id()), text(t.acknowledge()),
                                    text(t.resolve()))));
                }
            }
            var r = s.response();
            rows.add(new SeverityRow(s.id(), SitePaths.severityAnchor(s.id()), s.name(), s.description(), s.criteria(),
                    text(r.acknowledge()), text(r.firstUpdate()), text(r.updateEvery()), text(r.resolveTarget()),
                    s.communication().channel(), String.join(", ", s.communication().audience()),
                    s.outOfHours() == null ? null : s.outOfHours().equals("page") ? "Page the on-call people"
                            : "Wait for the next business day",
                    s.majorIncident(), slas));
        }
        return rows;
    }

    private SeveritiesView severities(String from) {
        return new SeveritiesView(severityRows(from, true), hb.services().stream()
                .filter(s -> s.sla() != null).map(s -> serviceLink(from, s.id())).toList());
    }

    private TeamView team(Team t, String from) {
        List<PersonView> people = new ArrayList<>();
        boolean contacts = hb.settings().showContactDetails();
        for (Person p : t.members()) {
            List<LinkView> rotas = rotasByPerson.getOrDefault(p.id(), List.of()).stream()
                    .map(s -> new LinkView(s.name(), rel(from, SitePaths.service(s.id()) + "#rota"))).toList();
            people.add(new PersonView(p.id(), SitePaths.personAnchor(p.id()), p.name(), p.email(),
                    contacts ? p.phone() : null, p.timezone(), rotas, shiftsByPerson().containsKey(p.id())
                    ? new LinkView("calendar", rel(from, SitePaths.personCalendar(p.id()))) : null));
        }
        List<Service> owned = owned(t);
        return new TeamView(t.id(), t.name(), t.email(), t.chat(), people, serviceRows(from, owned),
                owned.stream().map(s -> onCall.box(s, from)).flatMap(java.util.Optional::stream).toList(),
                outOfHoursIncidents(owned));
    }

    /** Incidents of {@code services} that started out of hours in the 90 days up to the as-of date. */
    private long outOfHoursIncidents(List<Service> services) {
        var zone = hb.settings().timezone();
        java.time.LocalDate from = ctx.asOf().minusDays(90);
        return services.stream().flatMap(s -> s.incidents().stream().filter(i -> i.started() != null)
                .filter(i -> {
                    var day = OutOfHours.local(s, i.started(), zone).toLocalDate();
                    return day.isAfter(from) && !day.isAfter(ctx.asOf());
                })
                .filter(i -> OutOfHours.isOutOfHours(s, i.started(), zone))).count();
    }

    private volatile java.util.SortedMap<String, List<CalendarFeeds.Shift>> shiftsByPerson;

    /**
     * The shifts of everyone who holds a role in some rota within the horizon (they get a calendar feed),
     * by person id; worked out once.
     */
    private java.util.SortedMap<String, List<CalendarFeeds.Shift>> shiftsByPerson() {
        java.util.SortedMap<String, List<CalendarFeeds.Shift>> byPerson = shiftsByPerson;
        if (byPerson == null) {
            byPerson = CalendarFeeds.shiftsByPerson(hb.services(), s -> ctx.schedule(s).orElse(null));
            shiftsByPerson = byPerson;
        }
        return byPerson;
    }

    private List<Service> owned(Team t) {
        return hb.services().stream().filter(s -> s.owner() != null && s.owner().id().equals(t.id())).toList();
    }

    private OnCallView onCallPage(String from) {
        List<OnCallBox> boxes = new ArrayList<>();
        List<LinkView> without = new ArrayList<>();
        for (Service s : hb.services()) {
            onCall.box(s, from).ifPresentOrElse(boxes::add, () -> without.add(serviceLink(from, s.id())));
        }
        return new OnCallView(report.asOf().toString(), hb.settings().rotaHorizonWeeks() + " weeks", boxes, without);
    }

    /**
     * The services that name each key, in the handbook's order: worked out once, not once per page
     * (a scan of every service per service or per team member is quadratic at organisation scale).
     */
    private static Map<String, List<Service>> byName(List<Service> services,
                                                     java.util.function.Function<Service, java.util.stream.Stream<String>> names) {
        Map<String, List<Service>> found = new java.util.HashMap<>();
        for (Service s : services) {
            names.apply(s).distinct().forEach(id -> found.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
        }
        return found;
    }

    /** The people a rota names: as lead, as engineer, in an override. */
    private static java.util.stream.Stream<String> rotaPeople(Service s) {
        Rota r = s.rota();
        if (r == null) {
            return java.util.stream.Stream.empty();
        }
        return java.util.stream.Stream.of(r.lead().stream().map(x -> x.id()), r.engineer().stream().map(x -> x.id()),
                r.overrides().stream().map(o -> o.person().id())).flatMap(x -> x);
    }

    private ServiceView service(Service s, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Owner", null, teamLink(from, s.owner())));
        facts.add(new Fact("Tier", s.tier() == null ? "not set" : String.valueOf(s.tier()), null));
        facts.add(new Fact("Lifecycle", Objects.requireNonNullElse(s.lifecycle(), "not set"), null));
        facts.add(new Fact("Support model", Objects.requireNonNullElse(s.supportModel(), "not set"), null));
        facts.add(new Fact("Support hours", Objects.requireNonNullElse(s.supportHours(), "not set"), null));
        List<LinkView> dependsOn = s.dependsOn().stream().map(d -> serviceLink(from, d.id())).toList();
        List<LinkView> usedBy = dependents.getOrDefault(s.id(), List.of()).stream()
                .map(o -> serviceLink(from, o.id())).toList();
        List<LinkView> extLinks = s.links().stream().map(l -> new LinkView(l.title(), l.url())).toList();
        List<Fact> telemetry = new ArrayList<>();
        s.telemetry().dashboards().forEach(d -> telemetry.add(new Fact("Dashboard", null, new LinkView(d.title(), d.url()))));
        if (s.telemetry().logs() != null) {
            var l = s.telemetry().logs();
            telemetry.add(new Fact("Logs", Boolean.TRUE.equals(l.structured()) ? "structured" : "not structured",
                    l.url() == null ? null : new LinkView("open logs", l.url())));
        }
        if (s.telemetry().tracing() != null) {
            var t = s.telemetry().tracing();
            telemetry.add(new Fact("Tracing", Boolean.TRUE.equals(t.enabled()) ? "enabled" : "not enabled",
                    t.url() == null ? null : new LinkView("open traces", t.url())));
        }
        SlaView sla = null;
        if (s.sla() != null) {
            Sla a = s.sla();
            sla = new SlaView(Formats.percent(a.availability()), a.period(),
                    a.availability() == null ? null : Formats.budget(a.availability(), Formats.periodSeconds(a.period())),
                    Formats.CONVENTION, a.supportHours(),
                    a.responseTimes().stream().map(t -> new SlaCell(severityLink(from, t.severity()),
                            text(t.acknowledge()), text(t.resolve()))).toList(), a.customers());
        }
        List<SloView> slos = new ArrayList<>();
        Map<String, List<LinkView>> protectingBySlo = new java.util.HashMap<>(); // in one pass: services may have thousands
        for (Service.Alert a : s.alerts()) {
            if (a.slo() != null) {
                protectingBySlo.computeIfAbsent(a.slo().id(), k -> new ArrayList<>())
                        .add(new LinkView(a.name(), "#" + SitePaths.alertAnchor(a.name())));
            }
        }
        java.util.Set<String> sloIds = new java.util.HashSet<>();
        for (Service.Slo slo : s.slos()) {
            sloIds.add(slo.id());
            List<LinkView> protecting = List.copyOf(protectingBySlo.getOrDefault(slo.id(), List.of()));
            String budget = slo.objective() == null || slo.window() == null ? null
                    : Formats.budget(slo.objective(), slo.window().toDuration().getSeconds());
            String verdict = null;
            if (s.sla() != null && s.sla().availability() != null && slo.objective() != null
                    && slo.id().contains("availability")) {
                verdict = slo.objective().compareTo(s.sla().availability()) >= 0
                        ? "At least as strict as the SLA (" + Formats.percent(s.sla().availability()) + "): the SLO warns first."
                        : "Below the SLA (" + Formats.percent(s.sla().availability())
                                + "): the SLA can be breached before this SLO is missed.";
            }
            slos.add(new SloView(slo.id(), SitePaths.sloAnchor(slo.id()), slo.description(), slo.sli(),
                    Formats.percent(slo.objective()), text(slo.window()), budget, protecting, verdict));
        }
        List<AlertView> alerts = s.alerts().stream().map(a -> new AlertView(a.name(), SitePaths.alertAnchor(a.name()),
                severityLink(from, a.severity()), runbookLink(from, s.id(), a.runbook()),
                a.slo() == null ? null : sloIds.contains(a.slo().id())
                        ? new LinkView(a.slo().id(), "#" + SitePaths.sloAnchor(a.slo().id())) : LinkView.plain(a.slo().id())))
                .toList();
        RotaView rota = s.rota() == null ? null : rota(s.rota(), from);
        List<RunbookRow> runbooks = s.runbooks().stream().map(r -> new RunbookRow(
                new LinkView(r.title(), rel(from, SitePaths.runbook(s.id(), r.id()))), r.summary(),
                severityLink(from, r.severity()), text(r.lastReviewed()))).toList();
        List<DatedRow> reviews = s.reviews().stream().map(r -> new DatedRow(
                new LinkView(r.title(), rel(from, SitePaths.review(s.id(), r.id()))), text(r.date()),
                r.outcome(), null)).toList();
        List<DatedRow> incidents = s.incidents().stream()
                .sorted((x, y) -> String.valueOf(y.started()).compareTo(String.valueOf(x.started())))
                .map(i -> new DatedRow(new LinkView(i.title(), rel(from, SitePaths.incident(s.id(), i.id()))),
                        text(i.started()), i.resolution() == null ? null : i.resolution().id(), severityLink(from, i.severity())))
                .toList();
        List<Fact> readiness = readiness(s.readiness());
        List<Fact> na = s.notApplicable().stream().map(n -> new Fact(n.rule().id(), n.reason(), null)).toList();
        return new ServiceView(s.id(), s.name(), s.description(), facts, dependsOn, usedBy, extLinks, telemetry, sla,
                slos, alerts, rota, runbooks, reviews, incidents, readiness, na,
                reportViews.level(assessments.get(s.id()), from), onCall.box(s, from).orElse(null), s.pos().file());
    }

    private static List<Fact> readiness(Service.Readiness r) {
        List<Fact> out = new ArrayList<>();
        evidence(out, "Load test", r.loadTest());
        evidence(out, "Game day", r.gameDay());
        evidence(out, "Backup restore test", r.backupRestoreTest());
        if (r.rollback() != null) {
            out.add(new Fact("Rollback", String.join(", ", r.rollback().strategies())
                    + (r.rollback().lastTested() != null ? "; last tested " + r.rollback().lastTested() : "; never tested"),
                    null));
        }
        evidence(out, "Security review", r.securityReview());
        if (r.deployment() != null) {
            var d = r.deployment();
            out.add(new Fact("Deployment", (Boolean.TRUE.equals(d.automated()) ? "automated" : "not automated")
                    + (d.leadTime() != null ? "; lead time " + d.leadTime() : ""),
                    d.pipeline() == null ? null : new LinkView("pipeline", d.pipeline())));
        }
        return out;
    }

    private static void evidence(List<Fact> out, String label, Service.Evidence e) {
        if (e != null) {
            out.add(new Fact(label, (e.date() != null ? e.date().toString() : "no date")
                    + (e.notes() != null ? ": " + e.notes() : ""), e.url() == null ? null : new LinkView("evidence", e.url())));
        }
    }

    private RotaView rota(Rota r, String from) {
        String tz = r.timezone() != null ? r.timezone() : hb.settings().timezone().getId();
        String hours = r.businessHours() == null ? null : r.businessHours().days().stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "))
                + " " + r.businessHours().from() + " to " + r.businessHours().to();
        String ooh = r.outOfHours() == null ? null
                : (Boolean.TRUE.equals(r.outOfHours().onCall()) ? "On call out of hours" : "No out-of-hours on-call")
                + (r.outOfHours().compensation() != null ? "; " + r.outOfHours().compensation() : "")
                + (r.outOfHours().tools().isEmpty() ? "" : "; tools: " + String.join(", ", r.outOfHours().tools()));
        return new RotaView(tz, text(r.start()), text(r.rotation()), r.coverage(), hours,
                r.lead().stream().map(p -> personLink(from, p)).toList(),
                r.engineer().stream().map(p -> personLink(from, p)).toList(),
                r.overrides().stream().map(o -> new OverrideView(o.role().equals("lead") ? "Support Lead" : "Support Engineer",
                        personLink(from, o.person()), text(o.from()), text(o.to()), o.reason())).toList(),
                r.escalation().stream().map(e -> new EscalationView(text(e.after()), contactLink(from, e.contact()))).toList(),
                ooh);
    }

    /** The on-call box of a runbook page, through the layout's macro (a user's layout.ftlh is used if there is one). */
    private static final String ONCALL_BOX = "<#import \"layout.ftlh\" as layout><@layout.oncall box true/>";
    /** Each box rendered once, by service and folder (as OnCallViews shares the box views). */
    private final Map<String, String> onCallBoxes = new java.util.concurrent.ConcurrentHashMap<>();

    private RunbookView runbook(Service s, int index, String from) {
        Runbook r = s.runbooks().get(index);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, serviceLink(from, s.id())));
        if (r.severity() != null) {
            facts.add(new Fact("Usual severity", null, severityLink(from, r.severity())));
        }
        facts.add(new Fact("Owner", null, teamLink(from, r.owner() != null ? r.owner() : s.owner())));
        facts.add(new Fact("Last reviewed", r.lastReviewed() == null ? "never" : r.lastReviewed().toString(),
                null));
        if (r.reviewedBy() != null) {
            facts.add(new Fact("Reviewed by", null, personLink(from, r.reviewedBy())));
        }
        if (r.lastExercised() != null) {
            facts.add(new Fact("Last exercised", r.lastExercised().toString(), null));
        }
        List<AlertRef> alerts = new ArrayList<>();
        for (Handbook.AlertSource src : hb.alertsLeadingTo(r)) {
            alerts.add(alertRef(src.service(), src.alert(), from));
        }

        Runbook prev = index > 0 ? s.runbooks().get(index - 1) : null;
        Runbook next = index + 1 < s.runbooks().size() ? s.runbooks().get(index + 1) : null;
        OnCallBox box = onCall.box(s, from).orElse(null);
        String boxHtml = box == null ? null : onCallBoxes.computeIfAbsent(s.id() + "|" + OnCallViews.folderOf(from),
                k -> pages.fragment(ONCALL_BOX, Map.of("box", box)));
        return new RunbookView(r.title(), r.summary(), serviceLink(from, s.id()), box, boxHtml, facts,
                alerts, r.tags(),
                toc(r.body()), body(r.body(), r.file(), s.id(), from),
                prev == null ? null : new LinkView(prev.title(), rel(from, SitePaths.runbook(s.id(), prev.id()))),
                next == null ? null : new LinkView(next.title(), rel(from, SitePaths.runbook(s.id(), next.id()))),
                r.file());
    }

    private AlertRef alertRef(Service svc, Service.Alert a, String from) {
        return new AlertRef(a.name(), new LinkView(a.name(),
                rel(from, SitePaths.service(svc.id()) + "#" + SitePaths.alertAnchor(a.name()))), severityLink(from, a.severity()));
    }

    private ReviewView review(Service s, Review r, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, serviceLink(from, s.id())));
        if (r.story() != null) {
            facts.add(new Fact("Story", r.storyUrl() == null ? r.story() : null,
                    r.storyUrl() == null ? null : new LinkView(r.story(), r.storyUrl())));
        }
        facts.add(new Fact("Review held", text(r.date()), null));
        facts.add(new Fact("Story committed", r.committed() == null ? "not yet" : r.committed().toString(), null));
        facts.add(new Fact("Outcome", r.outcome(), null));
        List<AnswerView> answers = new ArrayList<>();
        for (Review.Question question : Review.Question.values()) {
            String q = question.key();
            var a = r.answers().stream().filter(x -> x.question().equals(q)).findFirst();
            answers.add(new AnswerView(question.text(), a.map(Review.Answer::answer).orElse("not answered"),
                    a.map(Review.Answer::notes).orElse(null)));
        }
        return new ReviewView(r.title(), serviceLink(from, s.id()), facts,
                r.participants().stream().map(p -> personLink(from, p)).toList(), answers, r.enablerStories(),
                actions(r.actions(), from), r.pos().file());
    }

    private List<ActionView> actions(List<Action> actions, String from) {
        return actions.stream().map(a -> new ActionView(a.description(), personLink(from, a.owner()), text(a.due()),
                a.status())).toList();
    }

    private IncidentView incident(Service s, Incident i, String from) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Service", null, serviceLink(from, s.id())));
        if (i.severity() != null) {
            facts.add(new Fact("Severity", null, severityLink(from, i.severity())));
        }
        facts.add(new Fact("Started", text(i.started()), null));
        facts.add(new Fact("Detected", text(i.detected()), null));
        facts.add(new Fact("Resolved", i.resolved() == null ? "not yet" : i.resolved().toString(), null));
        var zone = hb.settings().timezone();
        if (i.started() != null && i.detected() != null) {
            facts.add(new Fact("Time to detect", Formats.span(java.time.Duration.between(
                    i.started().at(zone), i.detected().at(zone))), null));
        }
        if (i.started() != null && i.resolved() != null) {
            facts.add(new Fact("Time to resolve", Formats.span(java.time.Duration.between(
                    i.started().at(zone), i.resolved().at(zone))), null));
        }
        if (i.started() != null) {
            var local = OutOfHours.local(s, i.started(), zone);
            facts.add(new Fact("Started out of hours", (OutOfHours.isOutOfHours(s, i.started(), zone) ? "yes" : "no") + " ("
                    + local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                    + local.toLocalTime() + " " + local.getZone().getId() + ")", null));
        }
        if (i.resolution() != null) {
            facts.add(new Fact("Resolution", i.resolution().label(), null));
        }
        if (i.supportLead() != null) {
            facts.add(new Fact("Support Lead", null, personLink(from, i.supportLead())));
        }
        if (i.supportEngineer() != null) {
            facts.add(new Fact("Support Engineer", null, personLink(from, i.supportEngineer())));
        }
        return new IncidentView(i.title(), serviceLink(from, s.id()), facts,
                i.services().stream().map(o -> serviceLink(from, o.id())).toList(), actions(i.actions(), from),
                toc(i.body()), body(i.body(), i.pos().file(), s.id(), from), i.pos().file());
    }

    private static List<TocEntry> toc(Markdown body) {
        return body.headings().stream().filter(h -> (h.level() == 2 || h.level() == 3) && !h.anchor().isEmpty())
                .map(h -> new TocEntry(h.level(), h.text(), h.anchor())).toList();
    }

    /**
     * The Markdown body as safe HTML, every link pointed at its page on the site. Raw HTML that would
     * swallow headings (an unclosed script or comment, say) loses its privileges: the body is rendered
     * again with raw HTML shown as text, so that every heading, and every link to one, still works.
     */
    private String body(Markdown body, String file, String service, String from) {
        // each address is resolved once, though a slow render may ask for it more than once
        java.util.Map<String, java.util.Optional<String>> resolved = new java.util.HashMap<>();
        java.util.function.UnaryOperator<String> rewrite = url -> resolved.computeIfAbsent(url,
                u -> java.util.Optional.ofNullable(resolveForPage(links.resolve(file, service, u), from))).orElse(null);
        String prepared = MarkdownEngine.fill(body.prepared(), rewrite);
        if (prepared != null) {
            return prepared;
        }
        // raw HTML, or a link that leads nowhere (it is dropped): render again and sanitise
        String text = dev.opsbook.load.MarkdownSource.body(contentRoot, file);
        String html = HtmlSanitizer.clean(markdown.toHtml(text), rewrite);
        java.util.Set<String> expected = body.headings().stream().map(Markdown.MdHeading::anchor)
                .filter(a -> !a.isEmpty()).collect(java.util.stream.Collectors.toSet());
        if (!HtmlSanitizer.headingIds(html).containsAll(expected)) {
            html = HtmlSanitizer.clean(markdown.toHtmlEscapingRawHtml(text), rewrite);
        }
        return html;
    }

    private static String resolveForPage(ContentLinks.Resolution r, String from) {
        if (r instanceof ContentLinks.External e) {
            return e.url();
        }
        if (r instanceof ContentLinks.Internal i) {
            return SitePaths.relative(from, i.target());
        }
        return null;
    }

    private String sitemap() {
        String base = hb.settings().baseUrl();
        List<String> paths = new ArrayList<>(List.of(SitePaths.HOME, SitePaths.SEVERITIES, SitePaths.TEAMS, SitePaths.ONCALL,
                SitePaths.READINESS, SitePaths.ACTIONS));
        hb.teams().forEach(t -> paths.add(SitePaths.team(t.id())));
        for (Service s : hb.services()) {
            paths.add(SitePaths.service(s.id()));
            s.runbooks().forEach(r -> paths.add(SitePaths.runbook(s.id(), r.id())));
            s.reviews().forEach(r -> paths.add(SitePaths.review(s.id(), r.id())));
            s.incidents().forEach(i -> paths.add(SitePaths.incident(s.id(), i.id())));
        }
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        if (base == null) {
            // a sitemap lists full addresses (https://…), which only baseUrl gives: relative ones are invalid
            return sb.append("  <!-- no pages listed: set baseUrl in opsbook.yaml to the address the site is served from -->\n")
                    .append("</urlset>\n").toString();
        }
        for (String p : paths) {
            sb.append("  <url><loc>").append(xml(base + p)).append("</loc></url>\n");
        }
        return sb.append("</urlset>\n").toString();
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
