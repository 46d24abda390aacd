package dev.opsbook.render;

import dev.opsbook.check.CheckContext;
import dev.opsbook.ical.CalendarFeeds;
import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import dev.opsbook.output.LinkVerifier;
import dev.opsbook.output.PageSink;
import dev.opsbook.parallel.Parallel;
import dev.opsbook.report.ReportData;
import dev.opsbook.report.ReportFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the site (outputs.md): every page of the plan, each through the view family of its kind and
 * the page frame, and the files beside the pages (the search data, the reports, the calendars, the
 * script and style, the content's own files, the sitemap). This class only schedules the work.
 */
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
    private final SitePlan plan;
    private final PageRenderer pages;
    private final ReportData report;
    private final CheckContext ctx;
    private final PeopleViews people;
    private final Map<SitePlan.Kind, PageFamily> families = new EnumMap<>(SitePlan.Kind.class);
    private final LinkVerifier verifier = new LinkVerifier();
    private final PageFrame frame;

    /**
     * @param contentRoot where the content's files are read from (assets to copy, Markdown to render again)
     */
    public SiteRenderer(
            Handbook hb,
            SitePlan plan,
            ContentLinks links,
            MarkdownEngine markdown,
            PageRenderer pages,
            ReportData report,
            CheckContext ctx,
            Path contentRoot) {
        this.hb = hb;
        this.plan = plan;
        this.pages = pages;
        this.report = report;
        this.ctx = ctx;
        this.contentRoot = contentRoot;
        OnCallViews onCall = new OnCallViews(hb, ctx, report.findings());
        PageLinks pageLinks = new PageLinks(hb, onCall, report);
        MarkdownBodies bodies = new MarkdownBodies(links, markdown, contentRoot);
        ReportViews reports = new ReportViews(hb, links, report);
        this.people = new PeopleViews(hb, ctx, pageLinks, onCall);
        for (PageFamily family : List.of(
                new OrganisationViews(hb, pageLinks, onCall, report),
                people,
                new ServiceViews(hb, pageLinks, people, onCall, reports),
                new GuideViews(hb, bodies),
                new RedirectViews(),
                new DocumentViews(hb, pageLinks, bodies, pages, onCall),
                reports)) {
            for (SitePlan.Kind kind : family.kinds()) {
                if (families.put(kind, family) != null) {
                    throw new IllegalStateException("two view families render " + kind);
                }
            }
        }
        for (SitePlan.Kind kind : SitePlan.Kind.values()) {
            if (!families.containsKey(kind)) {
                throw new IllegalStateException("no view family renders " + kind);
            }
        }
        this.frame = new PageFrame(
                hb, pages, report.generator(), verifier, report.asOf().toString());
    }

    private final Path contentRoot;

    /**
     * Takes the pages whose view is the same as when {@code memo} remembered them from the previous site
     * instead of rendering them ({@code templatesKey}: what tells the templates apart); returns this.
     */
    public SiteRenderer remembering(PageMemo memo, String templatesKey) {
        frame.remembering(memo, templatesKey);
        this.memo = memo;
        return this;
    }

    private PageMemo memo;

    /**
     * The search data, made from its documents only: taken from the previous site as it is when they are the same
     * (with a memo), else written.
     */
    private void searchIndex(PageSink sink) throws IOException {
        List<SearchIndex.Doc> docs = SearchIndex.documents(plan);
        byte[] key = memo == null ? null : ViewDigest.of("search data", docs);
        if (key != null && memo.reuse(sink, SEARCH_INDEX, key) != null) {
            return;
        }
        sink.write(SEARCH_INDEX, out -> SearchIndex.write(docs, out));
        if (key != null) {
            memo.written(sink, SEARCH_INDEX, key, new String[0], new String[0]);
        }
    }

    /** The links and ids of every page rendered so far, to verify once everything is written. */
    public LinkVerifier verifier() {
        return verifier;
    }

    /** One file to write; the files are independent, so they are written in parallel. */
    @FunctionalInterface
    private interface Task {
        void run() throws IOException;
    }

    /**
     * Renders everything into {@code sink}. Pages are rendered on {@code threads} threads; each page
     * depends on the model only, so the bytes are the same whatever the number of threads.
     */
    public void render(PageSink sink, int threads) throws IOException {
        List<Task> tasks = new ArrayList<>();
        // the longest pieces of work first, so that no thread is left with one of them at the end
        tasks.add(() -> searchIndex(sink));
        for (String file : List.of(ReportFiles.JUNIT, ReportFiles.CODE_QUALITY)) {
            tasks.add(() -> sink.write(file, out -> ReportFiles.write(file, report, out)));
        }
        // what shows the content digest comes a third of the way in, when the digest is likely computed
        // (see Opsbook.build)
        List<Task> withDigest = new ArrayList<>();
        for (String file : List.of(ReportFiles.JSON, ReportFiles.SARIF)) {
            withDigest.add(() -> sink.write(file, out -> ReportFiles.write(file, report, out)));
        }
        calendarTasks(sink, tasks);
        tasks.add(() -> {
            for (String asset : List.of(
                    "static/opsbook.css",
                    "static/opsbook.js",
                    "static/minisearch.js",
                    "static/highlight.js",
                    "static/highlight.LICENSE.txt")) {
                byte[] bytes =
                        pages.asset(asset).orElseThrow(() -> new IllegalStateException("missing asset " + asset));
                sink.write("assets/" + asset.substring("static/".length()), bytes);
            }
        });
        for (SitePlan.Page page : plan.pages()) {
            boolean digest = page.kind() == SitePlan.Kind.READINESS || page.kind() == SitePlan.Kind.AUDIT;
            (digest ? withDigest : tasks).add(() -> page(sink, page));
        }
        for (String asset : hb.assets()) {
            // streamed: an asset may be a video or a large PDF, larger than the heap
            tasks.add(() -> sink.write(asset, (PageSink.Content) out -> Files.copy(contentRoot.resolve(asset), out)));
        }
        tasks.add(() -> sink.write(SitePaths.ALERTS, out -> AlertsJson.write(hb, out)));
        // the JSON Schemas of the content format, for editors (with the handbook's own foreign front matter keys)
        tasks.add(() -> {
            for (var e :
                    dev.opsbook.load.Schemas.all(hb.settings().foreignKeys()).entrySet()) {
                sink.write(
                        dev.opsbook.load.Schemas.FOLDER + e.getKey(),
                        e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        });
        // the services as Backstage entities, so that a catalog can mirror the handbook
        CatalogExport catalog = new CatalogExport(hb);
        tasks.add(() -> {
            for (Service s : hb.services()) {
                sink.write(SitePaths.serviceCatalog(s.id()), catalog.service(s));
            }
            sink.write(SitePaths.CATALOG, catalog.location());
        });
        tasks.add(() -> sink.write(
                SitePaths.SITEMAP, Sitemap.of(plan, hb.settings().baseUrl()).getBytes(StandardCharsets.UTF_8)));
        tasks.add(() -> sink.write(SitePaths.HEADERS, HOSTING_HEADERS.getBytes(StandardCharsets.US_ASCII)));
        tasks.addAll(tasks.size() / 3, withDigest);
        run(tasks, threads);
    }

    /**
     * Renders only {@code pagesToWrite}, pages of this renderer's plan: for the preview's quick update,
     * which the full build follows.
     */
    public void renderPages(Collection<SitePlan.Page> pagesToWrite, PageSink sink, int threads) throws IOException {
        List<Task> tasks = new ArrayList<>();
        for (SitePlan.Page page : pagesToWrite) {
            tasks.add(() -> page(sink, page));
        }
        run(tasks, threads);
    }

    private void page(PageSink sink, SitePlan.Page page) throws IOException {
        frame.write(sink, page, families.get(page.kind()).view(page));
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
            ctx.schedule(s)
                    .ifPresent(schedule -> jobs.add(
                            feeds -> sink.write(SitePaths.serviceCalendar(s.id()), feeds.service(s, schedule))));
        }
        // who did how much, for payroll: beside the page that shows it
        tasks.add(() -> sink.write(SitePaths.ONCALL_HOURS_CSV, people.hoursCsv()));
        people.shiftsByPerson().forEach((id, shifts) -> hb.person(id)
                .ifPresent(
                        p -> jobs.add(feeds -> sink.write(SitePaths.personCalendar(p.id()), feeds.person(p, shifts)))));
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

    private static void run(List<Task> tasks, int threads) throws IOException {
        Parallel.map(tasks, threads, t -> {
            t.run();
            return Boolean.TRUE;
        });
    }
}
