package dev.opsbook.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last safety net: a link the site writes that does not resolve is reported. */
class LinkVerifierTest {
    @Test
    void reportsEveryInternalLinkOrFragmentThatDoesNotResolve() {
        LinkVerifier v = new LinkVerifier();
        v.record(
                "index.html",
                "<a href=\"services/a/index.html#sla\">ok</a> <a href=\"services/a/index.html#nope\">x</a>"
                        + "<img src=\"logo.svg\" alt=\"\"><a href=\"missing.html\">m</a><a href=\"services/\">folder</a>"
                        + "<a href=\"/etc/passwd\">abs</a><a href=\"https://x.example/\">ext</a><a title=\"a > b\" href=\"#top\">t</a>"
                        + "<h1 id=\"top\">T</h1><p>href=&quot;not-a-link.html&quot;</p>");
        v.record("services/a/index.html", "<section id=\"sla\"><a href=\"../../index.html\">home</a></section>");
        assertEquals(
                List.of(
                        "index.html: /etc/passwd (not a relative link)",
                        "index.html: missing.html (no such file missing.html)",
                        "index.html: services/ (names a folder, not a file)",
                        "index.html: services/a/index.html#nope (no element with id 'nope' in services/a/index.html)"),
                v.verify(Set.of("index.html", "services/a/index.html", "logo.svg"), 2));
    }

    @Test
    void readsAttributesWhereverTheyStandInATag() {
        LinkVerifier v = new LinkVerifier();
        v.record(
                "a.html",
                "<p data-id=\"x\" class=\"c\">text with <code>id=\"y\"</code>?</p>\n<section\n  id=\"g\u00e9o\">"
                        + "<a\thref=\"b.html#caf\u00e9\" title=\"> not the end\">b</a><a data-href=\"nowhere.html\">d</a>"
                        + "<a href=\"#x\">x</a><a href=\"#y\">y</a><a href=\"#g\u00e9o\">g</a><a href=\"b.html?a=1&amp;b=2\">q</a>");
        v.record("b.html", "<h2 id=\"caf\u00e9\">Caf\u00e9</h2>");
        // data-id, data-href and text that looks like an attribute are not attributes
        assertEquals(
                List.of(
                        "a.html: #x (no element with id 'x' in a.html)",
                        "a.html: #y (no element with id 'y' in a.html)"),
                v.verify(Set.of("a.html", "b.html"), 2));
    }

    @Test
    void judgesEveryPageOfAFolderThatSharesALink() {
        LinkVerifier v = new LinkVerifier();
        // the same broken link on two pages of one folder is reported for each; a link to the page itself
        // ("#id", "?q#id") is judged against each page's own ids
        v.record(
                "s/a.html",
                "<h2 id=\"here\">A</h2><a href=\"gone.html\">x</a><a href=\"#here\">h</a><a href=\"?v=1#here\">q</a>"
                        + "<a href=\"b.html#only-b\">b</a>");
        v.record(
                "s/b.html",
                "<h2 id=\"only-b\">B</h2><a href=\"gone.html\">x</a><a href=\"#here\">h</a><a href=\"?v=1#here\">q</a>"
                        + "<a href=\"b.html#only-b\">b</a>");
        assertEquals(
                List.of(
                        "s/a.html: gone.html (no such file s/gone.html)",
                        "s/b.html: #here (no element with id 'here' in s/b.html)",
                        "s/b.html: ?v=1#here (no element with id 'here' in s/b.html)",
                        "s/b.html: gone.html (no such file s/gone.html)"),
                v.verify(Set.of("s/a.html", "s/b.html"), 2));
    }
}
