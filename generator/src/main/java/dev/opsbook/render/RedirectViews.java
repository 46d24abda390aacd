package dev.opsbook.render;

import dev.opsbook.link.SitePlan;
import dev.opsbook.link.SitePlan.Kind;
import dev.opsbook.render.Views.LinkView;
import java.util.EnumSet;
import java.util.Set;

/**
 * The earlier addresses of runbooks and guides: each a page that sends the reader on at once (a
 * {@code meta} refresh, which works from {@code file://} and on any web server, the Content-Security-Policy
 * included) and says where the page is now, for a browser that does not follow it.
 */
final class RedirectViews implements PageFamily {
    @Override
    public Set<Kind> kinds() {
        return EnumSet.of(Kind.REDIRECT);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        SitePlan.Page target = page.subject(SitePlan.Page.class);
        return new Rendered("redirect.ftlh", new LinkView(target.title(), PageLinks.rel(page.path(), target.path())));
    }
}
