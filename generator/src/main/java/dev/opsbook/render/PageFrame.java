package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.model.Handbook;
import dev.opsbook.output.LinkVerifier;
import dev.opsbook.output.PageSink;
import dev.opsbook.render.Views.LinkView;
import dev.opsbook.render.Views.NavItem;
import dev.opsbook.render.Views.PageView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The frame every page has (its title, the navigation, the breadcrumbs, the way back to the root),
 * put around a page's view and written; each page's links and ids are recorded for the verification.
 */
final class PageFrame {
    private final Handbook hb;
    private final PageRenderer pages;
    private final String generator;
    private final LinkVerifier verifier;
    /** The as-of date every page's footer carries: a reader can tell how old what they read is. */
    private final String asOf;

    PageFrame(Handbook hb, PageRenderer pages, String generator, LinkVerifier verifier, String asOf) {
        this.hb = hb;
        this.pages = pages;
        this.generator = generator;
        this.verifier = verifier;
        this.asOf = asOf;
    }

    void write(PageSink sink, SitePlan.Page page, PageFamily.Rendered r) throws IOException {
        String path = page.path();
        List<NavItem> nav = List.of(
                new NavItem(
                        "Services",
                        rel(path, SitePaths.HOME),
                        path.equals(SitePaths.HOME) || path.startsWith("services/")),
                new NavItem("On call", rel(path, SitePaths.ONCALL), path.equals(SitePaths.ONCALL)),
                new NavItem("Teams", rel(path, SitePaths.TEAMS), path.startsWith("teams/")),
                new NavItem("Severities", rel(path, SitePaths.SEVERITIES), path.equals(SitePaths.SEVERITIES)),
                new NavItem("Guides", rel(path, SitePaths.GUIDES), path.startsWith("guides/")),
                new NavItem("Readiness", rel(path, SitePaths.READINESS), path.startsWith("readiness/")),
                new NavItem("Actions", rel(path, SitePaths.ACTIONS), path.equals(SitePaths.ACTIONS)),
                new NavItem("Operations", rel(path, SitePaths.OPERATIONS), path.equals(SitePaths.OPERATIONS)));
        List<LinkView> crumbs = new ArrayList<>();
        if (!path.equals(SitePaths.HOME)) {
            crumbs.add(new LinkView(hb.settings().title(), rel(path, SitePaths.HOME)));
        }
        crumbs.addAll(r.crumbs());
        PageView view = new PageView(
                page.title(),
                hb.settings().title(),
                hb.settings().organisation(),
                SitePaths.root(path),
                path,
                nav,
                crumbs,
                generator,
                r.onCallData(),
                page.kind() == SitePlan.Kind.NOT_FOUND ? hb.settings().baseUrl() : null,
                page.kind() == SitePlan.Kind.REDIRECT
                        ? rel(path, page.subject(SitePlan.Page.class).path())
                        : null,
                asOf);
        PageMemo memo = this.memo;
        byte[] key = memo == null ? null : ViewDigest.of(memoKey, r.template(), view, r.model());
        PageMemo.Entry was = key == null ? null : memo.reuse(sink, path, key);
        if (was != null) {
            verifier.record(path, was.ids(), was.links());
            return;
        }
        byte[] html = pages.render(r.template(), view, r.model());
        verifier.record(path, html);
        sink.write(path, html);
        LinkVerifier.Recorded recorded = key == null ? null : verifier.recorded(path);
        if (recorded != null) {
            memo.written(sink, path, key, recorded.ids(), recorded.links());
        }
    }

    private volatile PageMemo memo;
    private volatile String memoKey;

    /**
     * Takes unchanged pages from the previous site ({@code memo}: what they were made from), for
     * templates known by {@code templatesKey} (the default ones, or a digest of the user's).
     */
    void remembering(PageMemo pageMemo, String templatesKey) {
        this.memoKey = templatesKey;
        this.memo = pageMemo;
    }

    private static String rel(String from, String to) {
        return SitePaths.relative(from, to);
    }
}
