package dev.opsbook.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Relative addresses between pages: always naming the file, depending only on the folder of the page. */
class SitePathsTest {
    @Test
    void relativeAddresses() {
        assertEquals("services/a/index.html", SitePaths.relative("index.html", "services/a/index.html"));
        assertEquals("index.html#top", SitePaths.relative("index.html", "index.html#top"));
        assertEquals("../../index.html", SitePaths.relative("services/a/index.html", "index.html"));
        assertEquals("index.html#sla", SitePaths.relative("services/a/index.html", "services/a/index.html#sla"));
        assertEquals("../index.html", SitePaths.relative("services/a/runbooks/x.html", "services/a/index.html"));
        assertEquals(
                "y.html#step-1", SitePaths.relative("services/a/runbooks/x.html", "services/a/runbooks/y.html#step-1"));
        assertEquals(
                "../../ab/runbooks/y.html",
                SitePaths.relative("services/a/runbooks/x.html", "services/ab/runbooks/y.html"));
        assertEquals(
                "../../../teams/t.html#person-a/b",
                SitePaths.relative("services/a/runbooks/x.html", "teams/t.html#person-a/b"));
        assertEquals("../services/a/index.html", SitePaths.relative("teams/t.html", "services/a/index.html"));
        assertEquals("../services/a/oncall.ics", SitePaths.relative("people/p.ics", "services/a/oncall.ics"));
        assertEquals("../../../", SitePaths.root("services/a/runbooks/x.html"));
    }

    @Test
    void filePathsAreEncodedWhereAnAddressWouldBreak() {
        org.junit.jupiter.api.Assertions.assertEquals(
                "services/ledger/ledger-topology.svg", SitePaths.encodePath("services/ledger/ledger-topology.svg"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "a/C%23%20guide%3F%25.pdf", SitePaths.encodePath("a/C# guide?%.pdf"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "a/%22%3C%3E%5B%5C%5D%5E%60%7B%7C%7D%09%7F.png", SitePaths.encodePath("a/\"<>[\\]^`{|}\t\u007f.png"));
        org.junit.jupiter.api.Assertions.assertEquals("a/ünï.png", SitePaths.encodePath("a/ünï.png"));
    }
}
