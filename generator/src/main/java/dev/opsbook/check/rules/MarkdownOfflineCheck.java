package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.util.List;
import java.util.Locale;

/**
 * {@code markdown-offline}: what a Markdown body asks for that the page cannot give. An image from another
 * site does not load under the site's CSP (which allows the site's own files only, so that a page works
 * the same from disk and without network) and would not load at 3 a.m. without network anyway; a Hugo
 * shortcode other than {@code ref} and {@code relref} (those become checked links) is shown as written.
 */
public final class MarkdownOfflineCheck extends BaseCheck {
    public MarkdownOfflineCheck() {
        super(Rule.MARKDOWN_OFFLINE);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        for (Runbook r : s.runbooks()) {
            report(r.body(), r.file(), out);
        }
        for (Incident i : s.incidents()) {
            report(i.body(), i.pos().file(), out);
        }
        for (Guide d : s.documents()) {
            report(d.body(), d.file(), out);
        }
    }

    @Override
    public void checkHandbook(CheckContext ctx, List<Failure> out) {
        for (Guide g : ctx.handbook().guides()) {
            report(g.body(), g.pos().file(), out);
        }
    }

    private static void report(Markdown body, String file, List<Failure> out) {
        for (Markdown.MdLink link : body.links()) {
            if (link.image() && remote(link.url())) {
                out.add(Failure.at(
                        link.pos(),
                        "the image " + link.url() + " is on another site: the page does not load it (its"
                                + " security policy allows the site's own files only), and a reader without"
                                + " network could not either",
                        "download it into the content folder beside " + file + " (images/…) and link to the copy"));
            }
        }
        for (Markdown.MdShortcode sc : body.shortcodes()) {
            out.add(Failure.at(
                    sc.pos(),
                    "the Hugo shortcode '" + sc.name() + "' is shown as written: opsbook renders only ref"
                            + " and relref (as links)",
                    "write it as Markdown (an image, a link, a > [!NOTE] callout) or as plain HTML"));
        }
    }

    private static boolean remote(String url) {
        String u = url.strip().toLowerCase(Locale.ROOT);
        return u.startsWith("http:") || u.startsWith("https:") || u.startsWith("//");
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
