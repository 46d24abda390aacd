package dev.opsbook.render;

import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Service;
import dev.opsbook.render.Views.GuideRow;
import dev.opsbook.render.Views.GuideView;
import dev.opsbook.render.Views.GuidesView;
import dev.opsbook.render.Views.LinkView;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The organisation's guides (its playbooks: how an incident is run, what each role does), and their list. */
final class GuideViews implements PageFamily {
    private final Handbook hb;
    private final MarkdownBodies bodies;

    GuideViews(Handbook hb, MarkdownBodies bodies) {
        this.hb = hb;
        this.bodies = bodies;
    }

    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.GUIDES, Kind.GUIDE, Kind.DOCUMENT);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        String from = page.path();
        if (page.kind() == Kind.GUIDES) {
            return new Rendered("guides.ftlh", new GuidesView(rows(hb, from)));
        }
        Guide g = page.subject(Guide.class);
        Service s = page.service();
        return new Rendered(
                "guide.ftlh",
                s == null
                        ? List.of(new LinkView("Guides", PageLinks.rel(from, SitePaths.GUIDES)))
                        : List.of(new LinkView(s.name(), PageLinks.rel(from, SitePaths.service(s.id())))),
                new GuideView(
                        g.title(),
                        g.summary(),
                        MarkdownBodies.toc(g.body()),
                        bodies.html(g.body(), g.file(), s == null ? null : s.id(), from),
                        g.file()),
                null);
    }

    /** Every guide as a link from {@code from}, with its summary: for the list of guides and the home page. */
    static List<GuideRow> rows(Handbook hb, String from) {
        return hb.guides().stream()
                .map(g -> new GuideRow(
                        new LinkView(g.title(), PageLinks.rel(from, SitePaths.guide(g.id()))), g.summary()))
                .toList();
    }
}
