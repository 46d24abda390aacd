package dev.opsbook.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsbook.BuildRequest;
import dev.opsbook.BuildResult;
import dev.opsbook.ContentTree;
import dev.opsbook.Opsbook;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Hostile content: a corpus of XSS payloads in every YAML field that reaches a page, in front matter
 * and in Markdown. The site is built and every page opened from disk in Chromium; every link is
 * hovered and every internal one followed. No payload may run.
 */
class XssBrowserTest {
    @TempDir
    Path dir;

    static List<String> corpus() throws IOException {
        try (InputStream in = XssBrowserTest.class.getResourceAsStream("/xss/payloads.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }

    /** A YAML double-quoted string holding {@code s} exactly. */
    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
    }

    @Test
    void noPayloadRunsOnAnyPage() throws Exception {
        List<String> p = corpus();
        assertTrue(p.size() >= 40, "corpus: " + p.size());
        var tree = ContentTree.empty(dir.resolve("content"));
        int[] i = {0};
        java.util.function.Supplier<String> next = () -> q(p.get(i[0]++ % p.size()));
        tree.file("opsbook.yaml", "title: " + next.get() + "\norganisation: " + next.get() + "\n");
        tree.file(
                "severities.yaml",
                "severities:\n  - { id: P1, name: " + next.get() + ", description: " + next.get()
                        + ", criteria: [" + next.get() + "], response: { acknowledge: 15m }, communication: { channel: "
                        + next.get()
                        + ", audience: [" + next.get() + "] } }\n  - { id: P2, name: " + next.get() + " }\n");
        tree.file(
                "teams/ops.yaml",
                "name: " + next.get() + "\nemail: " + next.get() + "\nchat: " + next.get()
                        + "\nmembers:\n  - { id: alice, name: " + next.get() + ", email: " + next.get() + ", phone: "
                        + next.get()
                        + " }\n  - { id: bob, name: " + next.get() + " }\n");
        for (int s = 1; s <= 3; s++) {
            String svc = "services/svc-" + s + "/";
            tree.file(
                    svc + "service.yaml",
                    "name: " + next.get() + "\ndescription: " + next.get() + "\nowner: ops\ntier: 1\n"
                            + "links:\n  - { title: " + next.get() + ", url: " + next.get() + " }\n"
                            + "telemetry:\n  dashboards: [{ title: " + next.get() + ", url: \"https://x.example/\" }]\n"
                            + "slos:\n  - { id: availability, objective: 99.9, window: 28d, description: " + next.get()
                            + ", sli: "
                            + next.get() + " }\n"
                            + "alerts:\n  - { name: Down, severity: P1, runbook: rb, slo: availability }\n"
                            + "readiness:\n  loadTest: { date: 2026-10-01, notes: " + next.get() + ", url: "
                            + next.get() + " }\n"
                            + "notApplicable:\n  - { rule: readiness-game-day, reason: " + next.get() + " }\n");
            tree.file(
                    svc + "sla.yaml",
                    "availability: 99\ncustomers: [" + next.get() + "]\nresponseTimes:\n  P1: { acknowledge: 1h }\n");
            tree.file(
                    svc + "rota.yaml",
                    "start: 2026-11-02T09:00\nrotation: 1w\nlead: [alice, bob]\nengineer: [bob, alice]\n"
                            + "overrides:\n  - { role: lead, person: bob, from: 2026-11-23T09:00, to: 2026-11-24T09:00, reason: "
                            + next.get()
                            + " }\nescalation: [{ after: 15m, contact: ops }]\noutOfHours: { onCall: true, compensation: "
                            + next.get() + ", tools: [" + next.get() + "] }\n");
            tree.file(
                    svc + "reviews/osr-1.yaml",
                    "title: " + next.get() + "\nstory: " + next.get() + "\nstoryUrl: " + next.get()
                            + "\ndate: 2026-10-01\ncommitted: 2026-10-05\noutcome: approved-with-actions\nenablerStories: ["
                            + next.get()
                            + "]\nanswers:\n  newSystems: { answer: yes, notes: " + next.get()
                            + " }\nactions:\n  - { description: "
                            + next.get() + ", owner: alice, due: 2026-11-01 }\n");
            StringBuilder md = new StringBuilder("---\ntitle: " + next.get() + "\nsummary: " + next.get() + "\ntags: ["
                    + next.get() + "]\n---\n## Symptoms\n\n");
            for (String payload : p) {
                md.append(payload).append("\n\n");
            }
            md.append("## Impact\n\n[link](runbook:svc-1/rb) and [other](../../svc-2/runbooks/rb.md)\n");
            tree.file(svc + "runbooks/rb.md", md.toString());
            tree.file(
                    svc + "incidents/i-1.md",
                    "---\ntitle: " + next.get() + "\nseverity: P1\nstarted: 2026-11-01T10:00Z\n"
                            + "actions:\n  - { description: " + next.get() + ", owner: bob, due: 2026-12-01 }\n---\n"
                            + String.join("\n\n", p));
        }
        Path site = dir.resolve("site");
        BuildResult result =
                new Opsbook().build(BuildRequest.build(tree.root(), site).withAsOf(LocalDate.of(2026, 11, 21)));
        assertTrue(
                result.findings().stream()
                        .anyMatch(f -> f.rule().equals("schema") && f.message().contains("javascript")),
                "javascript: URLs in YAML are schema findings");

        List<Path> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(x -> x.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() >= 15, "pages: " + pages.size());
        try (Browser browser = new Browser(1280, 900)) {
            var driver = browser.driver();
            driver.executeCdpCommand(
                    "Page.addScriptToEvaluateOnNewDocument",
                    Map.of(
                            "source",
                            "window.alert = window.confirm = window.prompt = function () { window.__xss = 'dialog'; };"));
            Set<String> followed = new LinkedHashSet<>();
            Set<String> hovered = new java.util.HashSet<>();
            for (Path page : pages) {
                browser.open(page);
                assertClean(driver, page.toString());
                List<WebElement> anchors = driver.findElements(By.cssSelector("a[href]"));
                List<String> internal = new ArrayList<>();
                for (WebElement a : anchors) {
                    String href = a.getAttribute("href");
                    assertFalse(href.toLowerCase().matches("^\\s*(javascript|vbscript|data):.*"), page + ": " + href);
                    // hover each distinct link once (the same link on every page behaves the same)
                    if (hovered.add(a.getText() + " " + href) && a.isDisplayed()) {
                        new Actions(driver).moveToElement(a).perform();
                    }
                    if (href.startsWith("file:") && followed.add(href.replaceAll("#.*", ""))) {
                        internal.add(href);
                    }
                }
                assertClean(driver, page + " after hovering");
                for (String href : internal) {
                    driver.get(href);
                    assertClean(driver, href);
                }
            }
            assertTrue(followed.size() >= pages.size() / 2, "followed " + followed.size());
        }
    }

    static void assertClean(org.openqa.selenium.chrome.ChromeDriver driver, String where) {
        assertNull(driver.executeScript("return window.__xss === undefined ? null : String(window.__xss);"), where);
        assertEquals(
                0L,
                driver.executeScript(
                        "return document.querySelectorAll('script:not([src]):not([type=\"application/json\"]),"
                                + " iframe, object, embed, [onerror], [onload], [onclick], [onmouseover]').length;"),
                where);
    }
}
