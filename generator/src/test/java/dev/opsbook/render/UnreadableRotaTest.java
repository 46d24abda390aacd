package dev.opsbook.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.nio.file.Path;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rota that is there but could not be read: the on-call box says so where it would be, never vanishes. */
class UnreadableRotaTest {
    @Test
    void theBoxSaysTheRotaCouldNotBeReadWhereAndWhomToTurnTo(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        ExampleHandbook.edit(
                content, "services/web-shop/rota.yaml", "start: 2026-11-02T09:00", "start: 2026-11-31T09:00");
        Path site = dir.resolve("site");
        new Opsbook(1).build(new BuildRequest(content, site, LocalDate.of(2026, 11, 21), null, true, null));

        for (String page :
                new String[] {"services/web-shop/runbooks/checkout-5xx.html", "services/web-shop/index.html"}) {
            Document d = Jsoup.parse(site.resolve(page).toFile(), "UTF-8");
            Element problem = d.selectFirst(".oncall-box .oncall-problem");
            assertTrue(problem != null, page + " has the box");
            assertEquals(
                    "On call not known: the rota could not be read (services/web-shop/rota.yaml:1:8: 'start' is not a"
                            + " valid date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset): '2026-11-31T09:00'),"
                            + " so who is on duty is not known. Turn to Storefront, the team that owns it, or escalate"
                            + " as below.",
                    problem.text(),
                    page);
            assertTrue(d.selectFirst(".oncall-box .escalation-line").text().contains("after 15m"), page);
        }
        Document oncall = Jsoup.parse(site.resolve("oncall.html").toFile(), "UTF-8");
        assertTrue(oncall.select(".oncall-box .oncall-problem").text().contains("services/web-shop/rota.yaml:1:8"));
        assertTrue(
                oncall.select(".missing").stream().noneMatch(e -> e.text().contains("Web Shop")),
                "web-shop has a rota: it is not listed as having none");
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertTrue(home.text().contains("rota could not be read"), "the home page's table says so too");
    }

    @Test
    void aRotaThatDoesNotParseToo(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        // the shared rota of ledger and notifications: both say so
        ExampleHandbook.edit(content, "rotas/follow-the-sun.yaml", "lead: [carol, alice]", "lead: [carol, alice");
        Path site = dir.resolve("site");
        new Opsbook(1).build(new BuildRequest(content, site, LocalDate.of(2026, 11, 21), null, true, null));
        Document runbook = Jsoup.parse(
                site.resolve("services/ledger/runbooks/failover.html").toFile(), "UTF-8");
        String problem = runbook.selectFirst(".oncall-box .oncall-problem").text();
        assertTrue(
                problem.startsWith("On call not known: the rota could not be read (rotas/follow-the-sun.yaml:")
                        && problem.endsWith("Turn to Payments, the team that owns it."),
                problem);
        Document service =
                Jsoup.parse(site.resolve("services/ledger/index.html").toFile(), "UTF-8");
        assertTrue(service.getElementById("rota").text().contains("is there but could not be read"));
        assertTrue(!service.text().contains("No support rota (rota.yaml) is recorded"));
        Document other =
                Jsoup.parse(site.resolve("services/notifications/index.html").toFile(), "UTF-8");
        assertTrue(other.getElementById("rota").text().contains("is there but could not be read"), "the other service");
    }
}
