package dev.opsbook.serve;

import dev.opsbook.BuildRequest;
import dev.opsbook.Opsbook;
import dev.opsbook.check.CheckContext;
import dev.opsbook.finding.Findings;
import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.load.HandbookLoader;
import dev.opsbook.markdown.BodyStore;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Team;
import dev.opsbook.output.OutputLock;
import dev.opsbook.output.ReplacingFileSink;
import dev.opsbook.render.PageRenderer;
import dev.opsbook.render.SiteRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The preview's quick update: when content files were edited (not added, removed or renamed), reads
 * them again onto the last build's handbook, asks the site plan which pages they feed, and rewrites
 * those pages in place, within a second, before the full build that follows brings the rest (the search
 * data, the calendars, the checks and the reports) up to date. Every kind of content file but
 * {@code opsbook.yaml} (which every page and the reading itself depend on) gets one: a team file
 * rewrites the pages that show its people, a rota the pages that show who is on call, a runbook its page,
 * its neighbours and the pages that list it.
 */
final class QuickUpdate {
    /** The kinds of content file a quick update reads again. */
    private static final Set<ContentPaths.Kind> QUICK = Set.of(
            ContentPaths.Kind.SEVERITIES,
            ContentPaths.Kind.TEAM,
            ContentPaths.Kind.SERVICE,
            ContentPaths.Kind.SLA,
            ContentPaths.Kind.ROTA,
            ContentPaths.Kind.RUNBOOK,
            ContentPaths.Kind.REVIEW,
            ContentPaths.Kind.INCIDENT);

    private final Opsbook opsbook;

    QuickUpdate(Opsbook opsbook) {
        this.opsbook = opsbook;
    }

    /**
     * Rewrites the pages that {@code changed} (content paths) feed, after the last build of
     * {@code request}. Returns the paths of the pages written, or empty when a quick update cannot stand
     * in for a build (there was none yet, a file is not one it reads again, a file no longer parses, the
     * output is busy): the full build that follows says what is wrong.
     */
    Optional<List<String>> update(BuildRequest request, Collection<String> changed) {
        Opsbook.LastSite last = opsbook.lastSite().orElse(null);
        if (last == null || !last.request().equals(request) || changed.isEmpty()) {
            return Optional.empty();
        }
        Handbook before = last.handbook();
        if (!before.settings().layouts().isEmpty()) {
            return Optional.empty(); // a layout's files are read by the full build only, where they are
        }
        long t0 = System.nanoTime();
        try {
            Path content = request.content().toRealPath();
            Optional<Handbook> reread = reread(before, content, changed);
            if (reread.isEmpty()) {
                return Optional.empty();
            }
            Handbook hb = reread.get();
            lap("reread", t0);
            SitePlan plan = SitePlan.of(hb, last.plan().page(SitePaths.CHANGES).isPresent());
            // the pages the files fed before and feed now: a person taken out of a team still left pages that named
            // them
            Map<String, SitePlan.Page> pages = new LinkedHashMap<>();
            for (SitePlan.Page p : last.plan().fedBy(changed)) {
                plan.page(p.path()).ifPresent(now -> pages.put(now.path(), now));
            }
            plan.fedBy(changed).forEach(p -> pages.put(p.path(), p));
            pages.values().removeIf(p -> p.kind().fromReport()); // the checks' results wait for the full build
            lap("plan", t0);
            CheckContext ctx = new CheckContext(hb, last.context().asOf()); // the rotas expanded again
            PageRenderer templates = opsbook.pages(request.templates());
            try (OutputLock lock = OutputLock.acquire(request.output())) {
                SiteRenderer renderer = new SiteRenderer(
                        hb,
                        plan,
                        new ContentLinks(hb, plan),
                        opsbook.markdown(),
                        templates,
                        last.report(),
                        ctx,
                        content);
                lap("renderer", t0);
                renderer.renderPages(pages.values(), new ReplacingFileSink(lock.folder()), opsbook.threads());
                lap("pages", t0);
            }
            return Optional.of(List.copyOf(pages.keySet()));
        } catch (IOException | UncheckedIOException | PageRenderer.TemplateFailure | OutputLock.Busy e) {
            return Optional.empty();
        }
    }

    private static void lap(String what, long t0) {
        if (Boolean.getBoolean("opsbook.timings")) {
            System.err.printf("opsbook: quick %-8s %4d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** The handbook with the changed files read again, or empty when one cannot be. */
    private Optional<Handbook> reread(Handbook hb, Path content, Collection<String> changed) throws IOException {
        HandbookLoader loader = new HandbookLoader(opsbook.markdown(), 1, BodyStore.inMemory());
        Findings ignored = new Findings(); // the full build reports them
        // the files of each service folder, and whether only its runbooks changed (each read on its own then)
        Map<String, TreeSet<String>> byService = new TreeMap<>();
        for (String rel : changed) {
            ContentPaths.Entry entry = ContentPaths.of(rel);
            if (!QUICK.contains(entry.kind())
                    || !hb.files().contains(rel)
                    || !Files.isRegularFile(content.resolve(rel))) {
                return Optional.empty();
            }
            switch (entry.kind()) {
                case SEVERITIES -> {
                    var levels = loader.reloadSeverities(content, ignored);
                    if (levels.isEmpty()) {
                        return Optional.empty();
                    }
                    hb = hb.withSeverities(levels.get());
                }
                case TEAM -> {
                    var team = hb.team(entry.id()).isEmpty()
                            ? Optional.<Team>empty()
                            : loader.reloadTeam(content, rel, ignored);
                    if (team.isEmpty()) {
                        return Optional.empty();
                    }
                    hb = hb.withTeam(team.get());
                }
                default -> {
                    if (hb.service(entry.service()).isEmpty()) {
                        return Optional.empty();
                    }
                    byService
                            .computeIfAbsent(entry.service(), k -> new TreeSet<>())
                            .add(rel);
                }
            }
        }
        for (Map.Entry<String, TreeSet<String>> e : byService.entrySet()) {
            String id = e.getKey();
            boolean runbooksOnly =
                    e.getValue().stream().allMatch(rel -> ContentPaths.of(rel).kind() == ContentPaths.Kind.RUNBOOK);
            if (runbooksOnly) {
                for (String rel : e.getValue()) {
                    var runbook = hb.runbook(id, ContentPaths.of(rel).id()).isEmpty()
                            ? Optional.<Runbook>empty()
                            : loader.reloadRunbook(content, rel, id, ignored);
                    if (runbook.isEmpty()) {
                        return Optional.empty();
                    }
                    hb = hb.withRunbook(runbook.get());
                }
            } else if (hb.service(id).map(Service::catalog).isPresent()) {
                return Optional.empty(); // a catalog describes it too: the full build reads the two together
            } else {
                Optional<Service> service = loader.reloadService(
                        content, id, hb.files(), hb.settings().timezone(), ignored);
                if (service.isEmpty()) {
                    return Optional.empty();
                }
                hb = hb.withService(service.get());
            }
        }
        return Optional.of(hb);
    }
}
