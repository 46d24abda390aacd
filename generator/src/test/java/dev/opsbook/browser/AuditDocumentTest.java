package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.ExampleHandbook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code readiness/audit.html}: one self-contained file (no style or script from elsewhere) with the handbook,
 * as-of date, generator, content digest, source commit, every service's level and every verdict with its
 * evidence; printed to PDF by headless Chromium and read back with pdftotext.
 */
class AuditDocumentTest {
    @Test
    void theAuditDocumentStandsAloneAndPrintsEveryVerdictToPdf(@TempDir Path dir) throws Exception {
        Path site = ExampleHandbook.shared().site();
        Path audit = site.resolve("readiness/audit.html");
        JsonNode report =
                new ObjectMapper().readTree(site.resolve("opsbook-report.json").toFile());
        Document doc = Jsoup.parse(audit.toFile(), "UTF-8");

        // self-contained: nothing is loaded from another file, and no script at all
        assertTrue(
                doc.select("link, script, img, iframe, object, embed, [src]").isEmpty(),
                doc.select("[src]").toString());
        Element style = doc.selectFirst("head > style");
        String hash = "sha256-"
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(style.data().getBytes(StandardCharsets.UTF_8)));
        String csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src '" + hash + "'"), csp);

        // every service with its level, every rule's verdict with its evidence
        String text = doc.text();
        assertTrue(
                text.contains("As of 2026-11-21")
                        && text.contains(report.get("contentDigest").asText()),
                text);
        assertTrue(text.contains("opsbook 0.1.0"));
        for (JsonNode s : report.get("services")) {
            Element section = doc.selectFirst(
                    "section.service[aria-label=" + s.get("name").asText() + "]");
            assertTrue(section != null, s.get("id").asText());
            assertTrue(section.text().contains("Level " + s.get("level").asText()), section.text());
            assertEquals(s.get("checks").size(), section.select("tbody tr").size(), "every verdict");
        }
        Element web = doc.selectFirst("section.service[aria-label=Web Shop]");
        assertTrue(
                web.text().contains("runbook 'cdn-cache-purge' was last reviewed on 2026-02-02")
                        && web.text().contains("services/web-shop/runbooks/cdn-cache-purge.md:6:1"),
                web.text());
        String commit = gitHead();
        if (commit != null) {
            assertTrue(text.contains("Source commit " + commit), "the commit the content is at");
        }

        // printed by Chromium, as an auditor saves it, and read back
        Path pdf = dir.resolve("audit.pdf");
        Process chromium = new ProcessBuilder(
                        Browser.CHROMIUM,
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-pdf-header-footer",
                        "--user-data-dir=" + dir.resolve("profile"),
                        "--print-to-pdf=" + pdf,
                        audit.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertTrue(chromium.waitFor(120, TimeUnit.SECONDS), "chromium printed within two minutes");
        assertTrue(Files.size(pdf) > 10_000, Files.readString(dir.resolve("chromium.log")));
        Process pdftotext = new ProcessBuilder("pdftotext", pdf.toString(), "-")
                .redirectErrorStream(true)
                .start();
        String printed = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(pdftotext.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, pdftotext.exitValue(), printed);
        String flat = printed.replaceAll("\\s+", " ");
        assertTrue(flat.contains("Readiness audit") && flat.contains("2026-11-21"), flat);
        assertTrue(flat.contains(report.get("contentDigest").asText()), "the digest, unbroken");
        for (JsonNode s : report.get("services")) {
            assertTrue(
                    flat.contains(s.get("name").asText() + " " + s.get("id").asText()),
                    s.get("id").asText());
        }
        assertTrue(flat.contains("was last reviewed on 2026-02-02"), "a verdict's evidence is printed");
        assertTrue(flat.contains("not applicable: Stateless scorer"), "a mark's reason is printed");
        // one section a service, each from a new page: more pages than services
        long pages = printed.chars().filter(c -> c == '\f').count();
        assertTrue(pages >= report.get("services").size(), pages + " pages");
    }

    /** {@code git rev-parse HEAD} of the example's repository, or null without git. */
    static String gitHead() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .directory(ExampleHandbook.content().toFile())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
