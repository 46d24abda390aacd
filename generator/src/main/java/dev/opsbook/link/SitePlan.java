package dev.opsbook.link;

import dev.opsbook.model.Guide;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Review;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plan of the site, made once from the loaded handbook: every page with its address, its kind, the
 * content files it presents and the anchors it offers, and which content files each page is made from.
 * The links in content ({@link ContentLinks}), the renderers, the sitemap, the search index and the
 * preview's quick update all read it, so that a page is described in one place.
 *
 * <p>A new kind of page is a {@link Kind}, its pages added in {@link #of}, its sources in
 * {@link #sources}, and one view class in the render stage that says it renders that kind.
 */
public final class SitePlan {
    /** What a page is. The order is the order of the pages in the plan (and in the sitemap). */
    public enum Kind {
        HOME,
        SEVERITIES,
        TEAMS,
        ONCALL,
        /** Who did how much on call (and the CSV beside it, for payroll). */
        ONCALL_HOURS,
        READINESS,
        /** The readiness report as one self-contained file for auditors, which prints to PDF. */
        AUDIT,
        ACTIONS,
        /** The numbers operations lives by: incidents, times to detect and resolve, causes, hand-offs. */
        OPERATIONS,
        GUIDES,
        GUIDE,
        /** A document of a service (a helper beside its runbooks), at its Markdown file's path. */
        DOCUMENT,
        TEAM,
        SERVICE,
        RUNBOOK,
        REVIEW,
        INCIDENT,
        CHANGES,
        NOT_FOUND,
        /** An earlier address of a runbook or guide ({@code aliases:}): a page that sends the reader on. */
        REDIRECT;

        /** Whether the page shows the checks' results, which only a full build brings up to date. */
        public boolean fromReport() {
            return this == READINESS || this == AUDIT || this == ACTIONS || this == CHANGES || this == OPERATIONS;
        }
    }

    /**
     * A page of the site.
     *
     * @param path     its path in the site (outputs.md)
     * @param title    its title (the {@code h1} and the window's title)
     * @param service  the service it belongs to, or null
     * @param subject  what it shows: the {@link Team}, {@link Service}, {@link Runbook}, {@link Review} or
     *                 {@link Incident} of its kind, or null for the pages of the whole handbook
     * @param index    the position of a runbook among its service's runbooks (for previous and next), else -1
     * @param presents the content files that are this page, each with the fragment it is at ("" for the top)
     * @param anchors  the fragments that links in content may point at
     * @param listed   whether the page is in the sitemap
     */
    public record Page(
            String path,
            Kind kind,
            String title,
            Service service,
            Object subject,
            int index,
            Map<String, String> presents,
            Set<String> anchors,
            boolean listed) {
        /** The subject as what it is for this kind of page. */
        public <T> T subject(Class<T> type) {
            return type.cast(subject);
        }
    }

    /** The fragments of a service page that content may link to, besides its SLOs and alerts. */
    private static final List<String> SERVICE_ANCHORS = List.of(
            "overview",
            "sla",
            "slos",
            "support",
            "rota",
            "alerts",
            "runbooks",
            "dependencies",
            "telemetry",
            "readiness",
            "reviews",
            "incidents",
            "documents",
            "links");

    private final Handbook handbook;
    private final PageSources sources;
    private final List<Page> pages;
    private final Map<String, Page> byPath = new HashMap<>();
    /** Content file → site path with fragment. */
    private final Map<String, String> pageOfFile = new HashMap<>();

    private SitePlan(Handbook handbook, List<Page> pages) {
        this.handbook = handbook;
        this.sources = new PageSources(handbook);
        this.pages = List.copyOf(pages);
        for (Page p : this.pages) {
            byPath.put(p.path(), p);
            p.presents()
                    .forEach((file, fragment) ->
                            pageOfFile.put(file, fragment.isEmpty() ? p.path() : p.path() + "#" + fragment));
        }
    }

    /** The plan of the site of {@code hb}; {@code changes} when it has a page of the changes since a baseline. */
    public static SitePlan of(Handbook hb, boolean changes) {
        List<Page> pages = new ArrayList<>();
        pages.add(whole(SitePaths.HOME, Kind.HOME, hb.settings().title(), Map.of(ContentPaths.SETTINGS, ""), Set.of()));
        pages.add(whole(
                SitePaths.SEVERITIES,
                Kind.SEVERITIES,
                "Severity levels",
                Map.of(ContentPaths.SEVERITIES, ""),
                hb.severities().stream()
                        .map(s -> SitePaths.severityAnchor(s.id()))
                        .collect(Collectors.toSet())));
        pages.add(whole(SitePaths.TEAMS, Kind.TEAMS, "Teams", Map.of(), Set.of()));
        pages.add(whole(SitePaths.ONCALL, Kind.ONCALL, "On call", Map.of(), Set.of()));
        pages.add(whole(SitePaths.ONCALL_HOURS, Kind.ONCALL_HOURS, "Hours on call", Map.of(), Set.of()));
        pages.add(whole(SitePaths.READINESS, Kind.READINESS, "Readiness report", Map.of(), Set.of()));
        pages.add(new Page(SitePaths.AUDIT, Kind.AUDIT, "Readiness audit", null, null, -1, Map.of(), Set.of(), false));
        pages.add(whole(SitePaths.ACTIONS, Kind.ACTIONS, "Open actions", Map.of(), Set.of()));
        pages.add(whole(SitePaths.OPERATIONS, Kind.OPERATIONS, "Operations", Map.of(), Set.of()));
        pages.add(whole(SitePaths.GUIDES, Kind.GUIDES, "Guides", Map.of("guides", ""), Set.of()));
        for (Guide g : hb.guides()) {
            pages.add(new Page(
                    SitePaths.guide(g.id()),
                    Kind.GUIDE,
                    g.title(),
                    null,
                    g,
                    -1,
                    Map.of(g.file(), ""),
                    g.body().targets(),
                    true));
        }
        for (Team t : hb.teams()) {
            Set<String> anchors = t.members().stream()
                    .map(p -> SitePaths.personAnchor(p.id()))
                    .collect(Collectors.toSet());
            anchors.add("members");
            anchors.add("services");
            pages.add(new Page(
                    SitePaths.team(t.id()),
                    Kind.TEAM,
                    t.name(),
                    null,
                    t,
                    -1,
                    Map.of(ContentPaths.team(t.id()), ""),
                    Set.copyOf(anchors),
                    true));
        }
        for (Service s : hb.services()) {
            Set<String> anchors = new HashSet<>(SERVICE_ANCHORS);
            s.slos().forEach(slo -> anchors.add(SitePaths.sloAnchor(slo.id())));
            s.alerts().forEach(al -> anchors.add(SitePaths.alertAnchor(al.name())));
            pages.add(new Page(
                    SitePaths.service(s.id()),
                    Kind.SERVICE,
                    s.name(),
                    s,
                    s,
                    -1,
                    Map.of(
                            ContentPaths.serviceFile(s.id()),
                            "",
                            ContentPaths.sla(s.id()),
                            "sla",
                            ContentPaths.rota(s.id()),
                            "rota",
                            ContentPaths.serviceFolder(s.id()),
                            ""),
                    Collections.unmodifiableSet(anchors),
                    true));
            for (int i = 0; i < s.runbooks().size(); i++) {
                Runbook r = s.runbooks().get(i);
                pages.add(new Page(
                        SitePaths.runbook(s.id(), r.id()),
                        Kind.RUNBOOK,
                        r.title(),
                        s,
                        r,
                        i,
                        Map.of(r.file(), ""),
                        r.body().targets(),
                        true));
            }
            for (Review r : s.reviews()) {
                pages.add(new Page(
                        SitePaths.review(s.id(), r.id()),
                        Kind.REVIEW,
                        r.title(),
                        s,
                        r,
                        -1,
                        Map.of(r.pos().file(), ""),
                        Set.of("answers", "actions"),
                        true));
            }
            for (Incident i : s.incidents()) {
                pages.add(new Page(
                        SitePaths.incident(s.id(), i.id()),
                        Kind.INCIDENT,
                        i.title(),
                        s,
                        i,
                        -1,
                        Map.of(i.pos().file(), ""),
                        i.body().targets(),
                        true));
            }
            for (Guide d : s.documents()) {
                pages.add(new Page(
                        SitePaths.document(d.file()),
                        Kind.DOCUMENT,
                        d.title(),
                        s,
                        d,
                        -1,
                        Map.of(d.file(), ""),
                        d.body().targets(),
                        true));
            }
        }
        if (changes) {
            pages.add(new Page(
                    SitePaths.CHANGES,
                    Kind.CHANGES,
                    "Changes since the baseline",
                    null,
                    null,
                    -1,
                    Map.of(),
                    Set.of(),
                    false));
        }
        pages.add(new Page(
                SitePaths.NOT_FOUND, Kind.NOT_FOUND, "Page not found", null, null, -1, Map.of(), Set.of(), false));
        // earlier addresses: the first claim of a path wins (a second is a finding of the reference check)
        Set<String> taken = new HashSet<>();
        pages.forEach(p -> taken.add(p.path()));
        for (Page target : List.copyOf(pages)) {
            for (String alias : aliases(target)) {
                if (taken.add(alias)) {
                    pages.add(new Page(
                            alias,
                            Kind.REDIRECT,
                            target.title(),
                            target.service(),
                            target,
                            -1,
                            Map.of(),
                            Set.of(),
                            false));
                }
            }
        }
        return new SitePlan(hb, pages);
    }

    /** The earlier addresses of a runbook's or guide's page, as site paths. */
    public static List<String> aliases(Page page) {
        if (page.subject() instanceof Runbook r) {
            return r.aliases();
        }
        return page.subject() instanceof Guide g ? g.aliases() : List.of();
    }

    private static Page whole(String path, Kind kind, String title, Map<String, String> presents, Set<String> anchors) {
        return new Page(path, kind, title, null, null, -1, presents, anchors, true);
    }

    /** The handbook the plan is of. */
    public Handbook handbook() {
        return handbook;
    }

    /** Every page, in the plan's order: the handbook's own pages, the teams, then each service with its documents. */
    public List<Page> pages() {
        return pages;
    }

    /** The page at a site path. */
    public Optional<Page> page(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** The page a content file is, as a site path with the fragment it is at, if it is one. */
    public Optional<String> pageOf(String contentFile) {
        return Optional.ofNullable(pageOfFile.get(contentFile));
    }

    /** The content files that are pages (or parts of one). */
    public Set<String> files() {
        return Collections.unmodifiableSet(pageOfFile.keySet());
    }

    /** The fragments of the page at {@code path} that content may link to (none for a path that is no page). */
    public Set<String> anchors(String path) {
        Page p = byPath.get(path);
        return p == null ? Set.of() : p.anchors();
    }

    /**
     * The content files the page is made from: what it presents, and every file whose content it shows
     * (the team file of each person it names, the service file of each service it names, the severity
     * levels …). A page made from the checks' results is made from every file.
     */
    public Set<String> sources(Page page) {
        return sources.of(page);
    }

    /** The pages made from any of {@code files}, in the plan's order. */
    public List<Page> fedBy(Collection<String> files) {
        Set<String> wanted = Set.copyOf(files);
        List<ContentPaths.Entry> entries = wanted.stream().map(ContentPaths::of).toList();
        return pages.stream()
                .filter(p -> entries.stream().anyMatch(e -> PageSources.mayFeed(p, e)))
                .filter(p -> sources(p).stream().anyMatch(wanted::contains))
                .toList();
    }
}
