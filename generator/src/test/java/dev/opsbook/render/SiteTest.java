package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildResult;
import dev.opsbook.ExampleHandbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example handbook's site, read back through jsoup selectors. */
class SiteTest {
    static Path site;
    static BuildResult result;

    @BeforeAll
    static void build() throws Exception {
        site = ExampleHandbook.shared().site();
        result = ExampleHandbook.shared().result();
    }

    static Document page(String path) throws IOException {
        return Jsoup.parse(site.resolve(path).toFile(), "UTF-8");
    }

    static List<String> hrefs(Element scope) {
        return scope.select("a[href]").eachAttr("href");
    }

    @Test
    void exampleHandbookHasNoStructuralFinding() {
        assertEquals(
                List.of(),
                result.findings().stream()
                        .filter(f -> f.level().id().equals("error"))
                        .toList());
        assertEquals(6, result.services());
    }

    @Test
    void everyPageOfTheContractIsWritten() {
        for (String p : List.of(
                "index.html",
                "severities.html",
                "teams/index.html",
                "teams/payments.html",
                "services/payments-api/index.html",
                "services/payments-api/runbooks/high-error-rate.html",
                "services/payments-api/reviews/osr-2026-014.html",
                "services/payments-api/incidents/2026-09-03-card-outage.html",
                "sitemap.xml",
                "404.html",
                "assets/opsbook.css",
                "assets/opsbook.js",
                "services/ledger/ledger-topology.svg")) {
            assertTrue(Files.isRegularFile(site.resolve(p)), p);
        }
        assertFalse(Files.exists(site.resolve("pom.xml")), "excluded files are not copied");
    }

    @Test
    void theNotFoundPageLeadsFromTheSiteAddressWhateverAddressItIsSentFor() throws IOException {
        // a web server sends 404.html for a missing services/x/y.html too: with baseUrl, its relative links
        // resolve from the site's address; every other page keeps its links relative and forbids a base
        Document notFound = page("404.html");
        assertEquals(
                "https://handbook.harbourvine.example/",
                notFound.selectFirst("head > base").attr("href"));
        assertEquals(
                "https://handbook.harbourvine.example/assets/opsbook.css",
                notFound.selectFirst("link[rel=stylesheet]").absUrl("href"));
        assertTrue(csp(notFound).contains("base-uri 'self'"), csp(notFound));
        Document runbook = page("services/payments-api/runbooks/high-error-rate.html");
        assertTrue(runbook.select("base").isEmpty());
        assertTrue(csp(runbook).contains("base-uri 'none'"), csp(runbook));
    }

    private static String csp(Document d) {
        return d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    }

    @Test
    void eachSloNamesTheAlertsThatProtectItAndEachAlertItsSlo() throws IOException {
        Document pay = page("services/payments-api/index.html");
        assertEquals(
                List.of("#alert-PaymentsHighErrorRate"), hrefs(pay.selectFirst("article.slo#slo-availability dl")));
        assertEquals(List.of("#alert-PaymentsHighLatency"), hrefs(pay.selectFirst("article.slo#slo-latency dl")));
        assertTrue(hrefs(pay.getElementById("alert-PaymentsHighLatency")).contains("#slo-latency"));
        Document ledger = page("services/ledger/index.html");
        assertEquals(
                List.of("#alert-LedgerReplicationLag"), hrefs(ledger.selectFirst("article.slo#slo-replication dl")));
    }

    @Test
    void servicesLinkToDependenciesAndBack() throws IOException {
        Document pay = page("services/payments-api/index.html");
        assertEquals(
                List.of("../ledger/index.html", "../fraud-check/index.html"),
                hrefs(pay.selectFirst("#dependencies dd")));
        assertEquals(
                List.of("../web-shop/index.html"),
                hrefs(pay.select("#dependencies dd").get(1)));
        Document ledger = page("services/ledger/index.html");
        assertEquals(
                List.of("../payments-api/index.html"),
                hrefs(ledger.select("#dependencies dd").get(1)));
    }

    @Test
    void alertsLeadToRunbooksAndRunbooksShowTheirAlerts() throws IOException {
        Document pay = page("services/payments-api/index.html");
        Element row = pay.getElementById("alert-PaymentsHighErrorRate");
        assertNotNull(row);
        assertTrue(
                hrefs(row).contains("runbooks/high-error-rate.html"), hrefs(row).toString());
        assertTrue(hrefs(row).contains("#slo-availability"));
        Document rb = page("services/payments-api/runbooks/high-error-rate.html");
        // the alert, its severity, then each of its two rules (alerts.rules.yaml) with the level it maps to
        assertEquals(
                List.of(
                        "../index.html#alert-PaymentsHighErrorRate",
                        "../../../severities.html#severity-P2",
                        "../../../severities.html#severity-P2",
                        "../../../severities.html#severity-P3"),
                hrefs(rb.selectFirst(".alerts-here")));
        assertEquals(
                List.of("services/payments-api/alerts.rules.yaml:8", "services/payments-api/alerts.rules.yaml:20"),
                rb.select(".alerts-here ul.rules small.source").eachText());
        assertEquals(
                List.of("services/payments-api/alerts.rules.yaml:8", "services/payments-api/alerts.rules.yaml:20"),
                row.select("small.source").eachText(),
                "the service page names each rule's place");
    }

    @Test
    void teamsServicesAndPeopleLinkBothWays() throws IOException {
        Document team = page("teams/payments.html");
        assertTrue(hrefs(team.getElementById("services"))
                .containsAll(List.of(
                        "../services/payments-api/index.html",
                        "../services/ledger/index.html",
                        "../services/fraud-check/index.html")));
        assertNotNull(team.getElementById("person-alice"));
        assertTrue(hrefs(team.getElementById("person-alice")).contains("../services/payments-api/index.html#rota"));
        Document pay = page("services/payments-api/index.html");
        assertTrue(hrefs(pay.getElementById("overview")).contains("../../teams/payments.html"));
        assertTrue(hrefs(pay.getElementById("rota")).contains("../../teams/payments.html#person-alice"));
    }

    @Test
    void reviewsAndIncidentsLinkToTheirServiceAndPeople() throws IOException {
        Document review = page("services/payments-api/reviews/osr-2026-014.html");
        assertTrue(hrefs(review.selectFirst("main"))
                .containsAll(List.of(
                        "../index.html",
                        "../../../teams/payments.html#person-alice",
                        "../../../teams/storefront.html#person-grace")));
        Document incident = page("services/payments-api/incidents/2026-09-03-card-outage.html");
        assertTrue(hrefs(incident.selectFirst("main"))
                .containsAll(List.of(
                        "../index.html",
                        "../../ledger/index.html",
                        "../../../teams/payments.html#person-dave",
                        "../../../severities.html#severity-P1")));
        Document pay = page("services/payments-api/index.html");
        assertTrue(hrefs(pay.getElementById("reviews")).contains("reviews/osr-2026-014.html"));
        assertTrue(hrefs(pay.getElementById("incidents")).contains("incidents/2026-09-03-card-outage.html"));
    }

    @Test
    void markdownLinksOfBothStylesBecomeSiteLinks() throws IOException {
        Document rb = page("services/payments-api/runbooks/high-error-rate.html");
        List<String> body = hrefs(rb.selectFirst(".markdown"));
        assertTrue(
                body.containsAll(List.of(
                        "../../ledger/runbooks/failover.html",
                        "../../fraud-check/runbooks/model-timeouts.html",
                        "card-processor-outage.html",
                        "../../../severities.html#severity-P1",
                        "../../../teams/payments.html",
                        "../../../teams/payments.html#person-carol",
                        "../incidents/2026-09-03-card-outage.html")),
                body.toString());
        Document failover = page("services/ledger/runbooks/failover.html");
        assertEquals(
                "../ledger-topology.svg", failover.selectFirst(".markdown img").attr("src"));
    }

    @Test
    void aPhoneNumberInARunbookIsOneTapAway(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        var tree = dev.opsbook.ContentTree.complete(tmp.resolve("content"))
                .file(
                        "services/api/runbooks/api-down.md",
                        dev.opsbook.ContentTree.COMPLETE_RUNBOOK
                                + "\nCall [the bridge](tel:+44-20-7946-0199) or <a href=\"tel:+1(555)0100\">the vendor</a>,"
                                + " not [this](tel:call-me).\n\nThe desk: [+44 20 7946 0991](<tel:+44 20 7946 0991>).\n");
        BuildResult built = new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        assertEquals(
                List.of(
                        "services/api/runbooks/api-down.md:25:97: error: link 'tel:call-me' is not a phone number [schema]"),
                built.findings().stream()
                        .filter(f -> f.rule().equals("schema"))
                        .map(dev.opsbook.finding.Finding::format)
                        .toList());
        Document rb = Jsoup.parse(
                tmp.resolve("site/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(
                List.of("tel:+44-20-7946-0199", "tel:+1(555)0100", "tel:+442079460991"),
                rb.select(".markdown a[href^=tel:]").eachAttr("href"));
    }

    @Test
    void addressesAsPeopleWriteThemReachTheirFilesAndHeadings(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        // "C# guide?.pdf" was linked as "../C# guide?.pdf": the browser took "# guide?.pdf" for a fragment, and
        // the build stopped on its own link check with an internal error
        var tree = dev.opsbook.ContentTree.complete(tmp.resolve("content"))
                .file("services/api/C# guide?.pdf", "%PDF-1.4")
                .file("services/api/diagram one.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
                .file(
                        "services/api/runbooks/api-down.md",
                        dev.opsbook.ContentTree.COMPLETE_RUNBOOK
                                + "\n[The guide](../C%23%20guide%3F.pdf#page=2) ![Diagram](<../diagram one.svg>)\n"
                                // a heading's anchor as a browser's address bar gives it, percent-encoded
                                + "\n## Ärger über Größe\n\nSee [above](#%C3%A4rger-%C3%BCber-gr%C3%B6%C3%9Fe).\n");
        BuildResult built = new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        assertEquals(
                List.of(),
                built.findings().stream()
                        .filter(f -> f.rule().equals("broken-reference"))
                        .toList());
        Document rb = Jsoup.parse(
                tmp.resolve("site/services/api/runbooks/api-down.html").toFile(), "UTF-8");
        assertEquals(
                "../C%23%20guide%3F.pdf#page=2",
                rb.selectFirst(".markdown a[href*=guide]").attr("href"));
        assertEquals("../diagram%20one.svg", rb.selectFirst(".markdown img").attr("src"));
        assertEquals(
                "#ärger-über-größe", // a place on the page itself: the fragment alone, as GitHub writes it
                rb.selectFirst(".markdown a[href*=rger]").attr("href"));
        assertTrue(Files.isRegularFile(tmp.resolve("site/services/api/C# guide?.pdf")));
        assertEquals(
                tmp.resolve("site/services/api/C# guide?.pdf").toUri(),
                tmp.resolve("site/services/api/runbooks/api-down.html").toUri().resolve("../C%23%20guide%3F.pdf"));
    }

    @Test
    void runbooksHaveATableOfContentsWithWorkingAnchors() throws IOException {
        Document rb = page("services/payments-api/runbooks/high-error-rate.html");
        List<String> toc = hrefs(rb.selectFirst("nav.toc"));
        assertEquals(List.of("#symptoms", "#impact", "#diagnosis", "#mitigation", "#escalation"), toc);
        for (String anchor : toc) {
            assertNotNull(rb.getElementById(anchor.substring(1)), anchor);
        }
    }

    @Test
    void severityPageShowsLevelsSideBySideWithEachSla() throws IOException {
        Document sev = page("severities.html");
        assertEquals(4, sev.select("section.severity").size());
        Element p1 = sev.getElementById("severity-P1");
        assertTrue(p1.text().contains("Acknowledge 15m"), p1.text());
        assertTrue(hrefs(p1).contains("services/ledger/index.html"));
    }

    @Test
    void slaShowsAllowedDowntimeAndSlosTheirErrorBudget() throws IOException {
        Document pay = page("services/payments-api/index.html");
        assertTrue(
                pay.getElementById("sla").text().contains("43 min 12 s per month"),
                pay.getElementById("sla").text());
        assertTrue(pay.getElementById("slo-availability").text().contains("20 min 10 s per 28d"));
    }

    @Test
    void everyPageSaysAsOfWhenItWasBuilt() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).collect(Collectors.toList());
        }
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            Element footer = d.selectFirst("footer.site-footer");
            if (footer == null) {
                // the audit document and redirect pages: the one says it in its head, the other is left at once
                assertTrue(
                        p.endsWith("readiness/audit.html") || d.selectFirst("meta[http-equiv=refresh]") != null,
                        p.toString());
                continue;
            }
            assertTrue(footer.text().endsWith("as of 2026-11-21"), p + ": " + footer.text());
        }
    }

    @Test
    void everyPageWorksOfflineUnderAContentSecurityPolicy() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).collect(Collectors.toList());
        }
        assertTrue(pages.size() > 30, "pages: " + pages.size());
        for (Path p : pages) {
            Document d = Jsoup.parse(p.toFile(), "UTF-8");
            String csp =
                    d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
            // script from the site only; a page without script (the audit document) leaves it to default-src 'none'
            assertTrue(
                    csp.contains("default-src 'none'")
                            && (csp.contains("script-src 'self'") || !csp.contains("script-src")),
                    p + ": " + csp);
            for (Element e : d.select("script[src], link[href], img[src]")) {
                String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                assertFalse(url.matches("(?i)^(https?:)?//.*"), p + " loads " + url);
            }
            assertTrue(
                    d.select("script:not([src]):not([type=application/json])").isEmpty(), p + " has inline script");
            d.select("script[type=application/json]")
                    .forEach(s -> assertFalse(s.data().contains("<"), p + ": raw < in JSON"));
            assertEquals(1, d.select("h1").size(), p + " has one h1");
            for (String href : hrefs(d)) {
                assertFalse(href.endsWith("/"), p + " links to a folder: " + href);
            }
        }
    }

    @Test
    void sitemapListsEveryPageUnderTheBaseUrl() throws IOException {
        String xml = Files.readString(site.resolve("sitemap.xml"));
        assertTrue(
                xml.contains("<loc>https://handbook.harbourvine.example/services/ledger/runbooks/failover.html</loc>"));
        assertTrue(xml.contains("<loc>https://handbook.harbourvine.example/index.html</loc>"));
    }

    @Test
    void aBaseUrlWithoutItsFinalSlashStillLeadsIntoTheSite(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        var tree = dev.opsbook.ContentTree.complete(tmp.resolve("content"))
                .file("opsbook.yaml", "baseUrl: https://pages.example/handbook\n");
        new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        assertTrue(Files.readString(tmp.resolve("site/sitemap.xml"))
                .contains("<loc>https://pages.example/handbook/index.html</loc>"));
        assertEquals(
                "https://pages.example/handbook/",
                Jsoup.parse(tmp.resolve("site/404.html").toFile(), "UTF-8")
                        .selectFirst("head > base")
                        .attr("href"));
        assertTrue(Files.readString(tmp.resolve("site/services/api/oncall.ics"))
                .contains("URL:https://pages.example/handbook/services/api/index.html"));
    }

    @Test
    void withoutBaseUrlTheSitemapListsNoPageRatherThanInvalidAddresses(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        var tree = dev.opsbook.ContentTree.complete(tmp.resolve("content"));
        new dev.opsbook.Opsbook()
                .build(dev.opsbook.BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        String xml = Files.readString(tmp.resolve("site/sitemap.xml"));
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("urlset", doc.getDocumentElement().getTagName());
        assertEquals(0, doc.getElementsByTagName("loc").getLength(), xml);
        assertTrue(xml.contains("set baseUrl in opsbook.yaml"), xml);
    }

    @Test
    void everyPageWeighsLessThan100KbWithItsCssAndScript() throws IOException {
        long assets = Files.size(site.resolve("assets/opsbook.css")) + Files.size(site.resolve("assets/opsbook.js"));
        try (Stream<Path> s = Files.walk(site)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".html")).toList()) {
                long total = Files.size(p) + assets;
                assertTrue(total < 100 * 1024, p + " weighs " + total + " bytes");
            }
        }
    }
}
