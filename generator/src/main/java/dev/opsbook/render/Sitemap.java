package dev.opsbook.render;

import dev.opsbook.link.SitePlan;
import dev.opsbook.text.Escape;

/** The sitemap (sitemaps.org): the full address of every listed page of the plan, in the plan's order. */
final class Sitemap {
    private Sitemap() {}

    /** @param base the site's address (baseUrl, ending in /), or null */
    static String of(SitePlan plan, String base) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        if (base == null) {
            // a sitemap lists full addresses (https://…), which only baseUrl gives: relative ones are invalid
            return sb.append(
                            "  <!-- no pages listed: set baseUrl in opsbook.yaml to the address the site is served from -->\n")
                    .append("</urlset>\n")
                    .toString();
        }
        for (SitePlan.Page p : plan.pages()) {
            if (p.listed()) {
                sb.append("  <url><loc>").append(Escape.xml(base + p.path())).append("</loc></url>\n");
            }
        }
        return sb.append("</urlset>\n").toString();
    }
}
