package dev.opsbook.load;

import java.util.Set;

/**
 * The front matter keys that other site generators define for a page (Hugo, Jekyll, MkDocs,
 * Docusaurus): a runbook written for one of them keeps its front matter as it is. They are accepted
 * without a finding; opsbook uses {@code title}, {@code description} (as the summary) and
 * {@code aliases}. Further keys are declared in opsbook.yaml ({@code foreignKeys:}); a key that is none
 * of these, such as a misspelt {@code lastReviewd}, is still a schema finding with its did-you-mean.
 */
final class ForeignKeys {
    static final Set<String> PAGE_KEYS = Set.of(
            // Hugo (front matter and the common theme parameters)
            "aliases",
            "audio",
            "build",
            "cascade",
            "categories",
            "date",
            "description",
            "draft",
            "expiryDate",
            "headless",
            "images",
            "isCJKLanguage",
            "keywords",
            "lastmod",
            "layout",
            "linkTitle",
            "markup",
            "menu",
            "menus",
            "outputs",
            "params",
            "publishDate",
            "resources",
            "series",
            "sitemap",
            "slug",
            "toc",
            "translationKey",
            "type",
            "url",
            "videos",
            "weight",
            "author",
            "authors",
            "hidden",
            // Hugo's Book theme, the usual one of runbook sites (prometheus-operator's)
            "bookCollapseSection",
            "bookFlatSection",
            "bookHidden",
            "bookToc",
            "bookComments",
            "bookSearchExclude",
            "bookHref",
            // Jekyll
            "permalink",
            "published",
            "category",
            "excerpt",
            "redirect_from",
            "redirect_to",
            "nav_order",
            "parent",
            "has_children",
            "nav_exclude",
            // MkDocs (Material)
            "template",
            "hide",
            "search",
            "status",
            "icon",
            "subtitle",
            // Docusaurus
            "sidebar_position",
            "sidebar_label",
            "hide_title",
            "image",
            "pagination_label");

    private ForeignKeys() {}
}
