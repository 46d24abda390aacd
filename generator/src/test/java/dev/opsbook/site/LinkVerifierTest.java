package dev.opsbook.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The last safety net: a link the site writes that does not resolve is reported. */
class LinkVerifierTest {
    @Test
    void reportsEveryInternalLinkOrFragmentThatDoesNotResolve() {
        LinkVerifier v = new LinkVerifier();
        v.record("index.html", "<a href=\"services/a/index.html#sla\">ok</a> <a href=\"services/a/index.html#nope\">x</a>"
                + "<img src=\"logo.svg\" alt=\"\"><a href=\"missing.html\">m</a><a href=\"services/\">folder</a>"
                + "<a href=\"/etc/passwd\">abs</a><a href=\"https://x.example/\">ext</a><a title=\"a > b\" href=\"#top\">t</a>"
                + "<h1 id=\"top\">T</h1><p>href=&quot;not-a-link.html&quot;</p>");
        v.record("services/a/index.html", "<section id=\"sla\"><a href=\"../../index.html\">home</a></section>");
        assertEquals(List.of(
                "index.html: /etc/passwd (not a relative link)",
                "index.html: missing.html (no such file missing.html)",
                "index.html: services/ (names a folder, not a file)",
                "index.html: services/a/index.html#nope (no element with id 'nope' in services/a/index.html)"),
                v.verify(Set.of("index.html", "services/a/index.html", "logo.svg")));
    }
}
