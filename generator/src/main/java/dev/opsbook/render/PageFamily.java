package dev.opsbook.render;

import dev.opsbook.link.SitePlan;
import dev.opsbook.render.Views.LinkView;
import java.util.List;
import java.util.Set;

/**
 * The views of one family of pages (services, documents, people and rotas, reports …): the page kinds
 * it renders, and for each page of the plan the template and the model that render it.
 */
interface PageFamily {
    /** The kinds of page this family renders; every kind is rendered by exactly one family. */
    Set<SitePlan.Kind> kinds();

    /** How to render {@code page}, one of {@link #kinds()}. */
    Rendered view(SitePlan.Page page);

    /**
     * A page to render.
     *
     * @param template   the template's file name
     * @param crumbs     the breadcrumbs after the handbook's home
     * @param model      what the template sees as {@code model}
     * @param onCallData the schedule JSON the page's script reads, or null
     */
    record Rendered(String template, List<LinkView> crumbs, Object model, String onCallData) {
        Rendered(String template, Object model) {
            this(template, List.of(), model, null);
        }
    }
}
