package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Markdown file using every GitHub feature a runbook repository relies on (bare addresses, task lists,
 * footnotes, table alignment, HTML anchors, strikethrough, fenced code with a language), rendered by opsbook
 * into a page of the site and by GitHub's own renderer, {@code cmark-gfm} (the Debian package, which
 * {@code .ci/run} installs), and compared element by element: the same elements in the same order, with the
 * same text, addresses, alignment, boxes, footnotes and anchors. The file is shown once as written and once
 * with raw HTML in it, since opsbook renders the two kinds of body on different paths.
 */
class GithubMarkdownTest {
    @TempDir
    Path dir;

    /** The elements compared, and the attributes of each that must agree. */
    private static final Set<String> COMPARED = Set.of(
            "h2", "h3", "p", "a", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "input", "sup",
            "section", "pre", "code", "del", "em", "strong");

    private static final List<String> ATTRIBUTES = List.of("href", "id", "align", "type", "checked", "class");

    @Test
    void opsbookRendersWhatGithubRenders() throws Exception {
        String markdown = Files.readString(Path.of("src/test/resources/gfm/features.md"));
        String github = cmarkGfm(markdown);
        Path site = build("features", markdown);
        Element page = Jsoup.parse(site.resolve("guides/features.html").toFile(), "UTF-8")
                .selectFirst("article .markdown");
        Element reference = Jsoup.parseBodyFragment(github).body();
        // an a name is an id on the page (HTML 5 has no a name): a fragment link finds either alike
        reference.select("a[name]").forEach(a -> a.attr("id", a.attr("name")));
        assertEquals(outline(reference), outline(page));
        assertTrue(page.select("input[type=checkbox][disabled]").size() == 6, "six task boxes, none to tick");
        assertTrue(page.select("a[href=#manual-steps]").size() == 1, "a link to an HTML anchor");
    }

    @Test
    void aBodyWithoutRawHtmlIsRenderedTheSameWay() throws Exception {
        String markdown = Files.readString(Path.of("src/test/resources/gfm/features.md"));
        // the anchors are the body's only raw HTML: without them it is rendered once, when it is read
        String plain = markdown.replace("<a id=\"manual-steps\"></a>\n", "")
                .replace(" <a name=\"legacy-anchor\"></a>", " ")
                .replace("Jump to [the manual steps](#manual-steps) or [the legacy anchor](#legacy-anchor).", "Jump.");
        Path site = build("plain", plain);
        Element page =
                Jsoup.parse(site.resolve("guides/plain.html").toFile(), "UTF-8").selectFirst("article .markdown");
        assertEquals(outline(Jsoup.parseBodyFragment(cmarkGfm(plain)).body()), outline(page));
    }

    private Path build(String name, String markdown) throws Exception {
        ContentTree tree =
                ContentTree.minimal(dir.resolve("content")).file("guides/" + name + ".md", "# GFM\n\n" + markdown);
        Path site = dir.resolve("site");
        BuildResult r =
                new Opsbook(1).build(new BuildRequest(tree.root(), site, LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(
                List.of(),
                r.findings().stream()
                        .filter(f -> f.pos() != null && f.pos().file().startsWith("guides/"))
                        .map(f -> f.format())
                        .toList(),
                "no finding about the file");
        return site;
    }

    /** One line per compared element, in document order: its depth, tag, attributes and own text. */
    private static List<String> outline(Element root) {
        List<String> lines = new ArrayList<>();
        walk(root, 0, lines);
        return lines;
    }

    private static void walk(Element e, int depth, List<String> lines) {
        for (Element child : e.children()) {
            String tag = child.tagName();
            if (!COMPARED.contains(tag)) {
                walk(child, depth, lines); // a wrapper (a table's scroll box) is not content
                continue;
            }
            StringBuilder line = new StringBuilder("  ".repeat(depth)).append(tag);
            for (String a : ATTRIBUTES) {
                if (!child.hasAttr(a) || a.equals("class") && !tag.equals("section") && !tag.equals("sup")) {
                    continue; // headings' ids and tables' classes are opsbook's own; GitHub adds its own too
                }
                if (a.equals("id") && tag.startsWith("h")) {
                    continue;
                }
                line.append(' ').append(a).append("=\"").append(child.attr(a)).append('"');
            }
            String own = child.ownText().strip().replaceAll("\\s+", " ");
            if (!own.isEmpty()) {
                line.append(" : ").append(own);
            }
            lines.add(line.toString());
            walk(child, depth + 1, lines);
        }
    }

    private static String cmarkGfm(String markdown) throws Exception {
        Process p = new ProcessBuilder(
                        "cmark-gfm",
                        "-e",
                        "table",
                        "-e",
                        "strikethrough",
                        "-e",
                        "autolink",
                        "-e",
                        "tasklist",
                        "-e",
                        "footnotes",
                        "--unsafe")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(markdown.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String html = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "cmark-gfm (apt install cmark-gfm): " + html);
        return html;
    }
}
