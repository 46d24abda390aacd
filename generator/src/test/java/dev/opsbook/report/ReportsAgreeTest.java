package dev.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.BuildRequest;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import dev.opsbook.finding.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * Every report says the same thing about what was checked: for each service, the JSON {@code checks}, the
 * JUnit test cases and the readiness page's matrix list the same rules in the same order, and agree on
 * which of them fail with an error; the SARIF describes every one of those rules.
 */
class ReportsAgreeTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A service's rules as one report lists them: rule → "fail" (an error), "pass", or another status. */
    record Verdicts(Map<String, Map<String, String>> byService) {}

    @Test
    void theExampleHandbook() throws Exception {
        agree(ExampleHandbook.shared().site());
    }

    @Test
    void aHandbookWithErrorsOfEveryKind(@TempDir Path dir) throws Exception {
        Path content = dir.resolve("content");
        ExampleHandbook.copy(ExampleHandbook.content(), content);
        // a YAML syntax error, a refused value, a broken reference and an unknown key, in three services
        Files.writeString(content.resolve("services/ledger/sla.yaml"), "availability: [99.9\n");
        ExampleHandbook.edit(
                content, "services/web-shop/rota.yaml", "start: 2026-11-02T09:00", "start: 2026-11-31T09:00");
        Files.writeString(
                content.resolve("services/notifications/service.yaml"),
                "ownerz: somebody\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("site");
        new Opsbook(1).build(new BuildRequest(content, out, LocalDate.of(2026, 11, 21), null, true, null));
        Verdicts json = agree(out);
        assertEquals("fail", json.byService().get("ledger").get(Rules.YAML_SYNTAX));
        assertEquals("fail", json.byService().get("notifications").get(Rules.SCHEMA));
        assertEquals("fail", json.byService().get("web-shop").get(Rules.SCHEMA));
    }

    @Test
    void theTenThousandRunbookCorpus(@TempDir Path dir) throws Exception {
        Path gen = Path.of("../../shared/bench/gen_corpus.py").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(gen), gen.toString());
        Process p = new ProcessBuilder(
                        "python3",
                        gen.toString(),
                        "--services",
                        "500",
                        "--runbooks",
                        "20",
                        "--seed",
                        "1",
                        "--out",
                        dir.resolve("corpus").toString())
                .inheritIO()
                .start();
        assertEquals(0, p.waitFor());
        Path out = dir.resolve("site");
        new Opsbook()
                .build(new BuildRequest(
                        dir.resolve("corpus/opsbook"), out, LocalDate.of(2026, 11, 21), null, true, null));
        assertEquals(500, agree(out).byService().size());
    }

    /** Reads the four reports of a site, asserts that they agree, and returns the JSON's verdicts. */
    static Verdicts agree(Path site) throws Exception {
        Verdicts json = json(site.resolve(ReportFiles.JSON));
        Verdicts junit = junit(site.resolve(ReportFiles.JUNIT));
        Verdicts html = html(site.resolve("readiness/index.html"));
        assertFalse(json.byService().isEmpty());
        assertEquals(
                List.copyOf(json.byService().keySet()),
                List.copyOf(junit.byService().keySet()));
        assertEquals(
                List.copyOf(json.byService().keySet()),
                List.copyOf(html.byService().keySet()));
        for (String s : json.byService().keySet()) {
            Map<String, String> j = json.byService().get(s);
            assertEquals(
                    List.copyOf(Rules.STRUCTURAL),
                    List.copyOf(j.keySet()).subList(0, Rules.STRUCTURAL.size()),
                    s + ": the structural rules first");
            assertEquals(
                    List.copyOf(j.keySet()),
                    List.copyOf(junit.byService().get(s).keySet()),
                    s + " (JUnit)");
            assertEquals(
                    List.copyOf(j.keySet()), List.copyOf(html.byService().get(s).keySet()), s + " (HTML)");
            assertEquals(errorsOnly(j), junit.byService().get(s), s + " (JUnit)");
            assertEquals(errorsOnly(j), errorsOnly(html.byService().get(s)), s + " (HTML)");
        }
        JsonNode sarif = JSON.readTree(site.resolve(ReportFiles.SARIF).toFile());
        TreeSet<String> described = new TreeSet<>();
        sarif.at("/runs/0/tool/driver/rules")
                .forEach(r -> described.add(r.get("id").asText()));
        for (Map<String, String> rules : json.byService().values()) {
            assertTrue(described.containsAll(rules.keySet()), "SARIF describes " + described);
        }
        return json;
    }

    /** JUnit knows pass, failure (an error) and skipped: the JSON's statuses folded onto those. */
    private static Map<String, String> errorsOnly(Map<String, String> verdicts) {
        Map<String, String> out = new LinkedHashMap<>();
        verdicts.forEach((rule, v) -> out.put(
                rule, v.equals("fail") ? "fail" : v.equals("pass") || v.equals("fail-warning") ? "pass" : "skipped"));
        return out;
    }

    private static Verdicts json(Path file) throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (JsonNode s : JSON.readTree(file.toFile()).get("services")) {
            Map<String, String> rules = new LinkedHashMap<>();
            for (JsonNode c : s.get("checks")) {
                String status = c.get("status").asText();
                if (status.equals("fail") && !c.get("severity").asText().equals("error")) {
                    status = "fail-warning";
                }
                rules.put(c.get("rule").asText(), status);
            }
            out.put(s.get("id").asText(), rules);
        }
        return new Verdicts(out);
    }

    private static Verdicts junit(Path file) throws Exception {
        org.w3c.dom.Document xml =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        NodeList suites = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            org.w3c.dom.Element suite = (org.w3c.dom.Element) suites.item(i);
            if (suite.getAttribute("name").equals("handbook")) {
                continue;
            }
            Map<String, String> rules = new LinkedHashMap<>();
            NodeList cases = suite.getElementsByTagName("testcase");
            int failures = 0;
            for (int c = 0; c < cases.getLength(); c++) {
                org.w3c.dom.Element tc = (org.w3c.dom.Element) cases.item(c);
                String v = tc.getElementsByTagName("failure").getLength() > 0
                        ? "fail"
                        : tc.getElementsByTagName("skipped").getLength() > 0 ? "skipped" : "pass";
                failures += v.equals("fail") ? 1 : 0;
                rules.put(tc.getAttribute("name"), v);
            }
            assertEquals(String.valueOf(cases.getLength()), suite.getAttribute("tests"));
            assertEquals(String.valueOf(failures), suite.getAttribute("failures"));
            out.put(suite.getAttribute("name"), rules);
        }
        return new Verdicts(out);
    }

    private static Verdicts html(Path file) throws Exception {
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        List<String> heads = new ArrayList<>();
        page.select("#readiness-matrix thead th.rule").forEach(th -> heads.add(th.text()));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Element row : page.select("#readiness-matrix tbody tr")) {
            String href = row.selectFirst("th a").attr("href");
            String id = href.replaceAll(".*services/([^/]+)/.*", "$1");
            Map<String, String> rules = new LinkedHashMap<>();
            var cells = row.select("td.st");
            assertEquals(heads.size(), cells.size(), id);
            for (int i = 0; i < cells.size(); i++) {
                Element cell = cells.get(i);
                String status = cell.className().replaceAll(".*st-(\\S+).*", "$1");
                assertTrue(
                        status.equals("pass") || cell.attr("title").startsWith(heads.get(i) + ":"), cell.attr("title"));
                if (status.equals("fail") && !cell.text().contains("(error)")) {
                    status = "fail-warning";
                }
                rules.put(heads.get(i), status);
            }
            out.put(id, rules);
        }
        return new Verdicts(out);
    }
}
