package dev.opsbook.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.opsbook.BuildRequest;
import dev.opsbook.ContentTree;
import dev.opsbook.ExampleHandbook;
import dev.opsbook.Opsbook;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The auditors' reports of the example handbook, read back as a machine would. */
class ReportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path site;
    static JsonNode report;

    @BeforeAll
    static void build() throws Exception {
        site = ExampleHandbook.shared().site();
        report = JSON.readTree(site.resolve("opsbook-report.json").toFile());
    }

    @Test
    void checkWritesTheSameReportsAsBuildByteForByte(@TempDir Path dir) throws Exception {
        // check reads bodies without rendering them and writes the three reports side by side
        new Opsbook()
                .build(BuildRequest.check(ExampleHandbook.content(), dir)
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        for (String file : ReportFiles.ALL) {
            assertEquals(Files.readString(site.resolve(file)), Files.readString(dir.resolve(file)), file);
        }
        try (var files = Files.list(dir)) {
            assertEquals(
                    Set.of(ReportFiles.JSON, ReportFiles.JUNIT, ReportFiles.SARIF, ReportFiles.CODE_QUALITY),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void jsonReportHasTheShapeOfTheContract() {
        assertEquals(
                List.of("generator", "asOf", "contentDigest", "summary", "services", "findings", "operations"),
                fields(report));
        assertEquals("opsbook 0.1.0", report.get("generator").asText());
        assertEquals("2026-11-21", report.get("asOf").asText());
        assertTrue(report.get("contentDigest").asText().matches("sha256:[0-9a-f]{64}"));
        JsonNode summary = report.get("summary");
        assertEquals(List.of("services", "errors", "warnings", "infos", "levels"), fields(summary));
        assertEquals(6, summary.get("services").asInt());
        assertEquals(0, summary.get("errors").asInt());
        assertEquals(17, summary.get("warnings").asInt());
        assertEquals(5, summary.get("infos").asInt());
        assertEquals(
                "{\"documented\":3,\"supportable\":1,\"operations-ready\":2,\"none\":0}",
                summary.get("levels").toString());
        JsonNode pay = report.get("services").get(3);
        assertEquals("payments-api", pay.get("id").asText());
        assertEquals(
                List.of("id", "name", "owner", "tier", "level", "nextLevel", "blockedBy", "handoff", "checks"),
                fields(pay));
        assertEquals(
                "{\"verdict\":\"held\",\"heldBy\":[\"handoff-out-of-hours\",\"action-overdue\"]}",
                pay.get("handoff").toString());
        assertEquals("supportable", pay.get("level").asText());
        assertEquals(55, pay.get("checks").size(), "the structural rules and the completeness rules");
        for (JsonNode service : report.get("services")) {
            for (JsonNode c : service.get("checks")) {
                String status = c.get("status").asText();
                assertTrue(
                        Set.of("pass", "fail", "waived", "off", "not-applicable")
                                .contains(status),
                        status);
                if (status.equals("fail")) {
                    assertTrue(c.hasNonNull("hint") && c.hasNonNull("severity"), c.toString());
                }
                if (status.equals("waived")) {
                    assertEquals(
                            "{\"rule\":\"readiness-game-day\",\"status\":\"waived\",\"severity\":\"info\",\"waiver\":"
                                    + "\"Replaced by the platform-wide game day in Q1 2027\",\"approvedBy\":\"hana\",\"expires\":"
                                    + "\"2027-03-31\"}",
                            c.toString());
                }
                if (status.equals("not-applicable")) {
                    assertEquals(
                            "Stateless scorer; covered by the payments game day",
                            c.get("reason").asText());
                }
            }
        }
    }

    @Test
    void findingsAreSortedByFileLineAndRule() {
        List<String> keys = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            keys.add(String.format(
                    "%s %08d %s",
                    f.get("file").asText(),
                    f.path("line").asInt(),
                    f.get("rule").asText()));
            assertEquals(
                    List.of("rule", "severity", "service", "file", "line", "column", "message", "hint"), fields(f));
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
    }

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode sarif = JSON.readTree(site.resolve("opsbook-report.sarif").toFile());
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors);
        JsonNode run = sarif.get("runs").get(0);
        assertEquals(55, run.get("tool").get("driver").get("rules").size(), "9 structural and 46 completeness rules");
        // the 22 findings, and the one finding of the waived rule, suppressed with its waiver
        assertEquals(23, run.get("results").size());
        JsonNode waived = run.get("results").get(22);
        assertEquals("readiness-game-day", waived.get("ruleId").asText());
        assertEquals(
                "{\"kind\":\"external\",\"status\":\"accepted\",\"justification\":\"Replaced by the platform-wide game"
                        + " day in Q1 2027 (approved by hana), until 2027-03-31\"}",
                waived.get("suppressions").get(0).toString());
        JsonNode first = run.get("results").get(0);
        assertEquals("review-present", first.get("ruleId").asText());
        assertTrue(first.get("suppressions") == null);
        // placed from the repository's root, as code hosts know files; the content folder's place is said too
        JsonNode loc = first.get("locations").get(0).get("physicalLocation");
        assertEquals(
                "content/services/fraud-check/service.yaml",
                loc.get("artifactLocation").get("uri").asText());
        assertEquals("SRCROOT", loc.get("artifactLocation").get("uriBaseId").asText());
        assertEquals(
                "{\"uri\":\"content/\",\"uriBaseId\":\"SRCROOT\"}",
                JSON.createObjectNode()
                        .put("uri", run.at("/originalUriBaseIds/CONTENT/uri").asText())
                        .put(
                                "uriBaseId",
                                run.at("/originalUriBaseIds/CONTENT/uriBaseId").asText())
                        .toString());
        // help for every rule, in the handbook's own readiness page, which has the rule under that anchor
        assertEquals(
                "https://handbook.harbourvine.example/readiness/",
                run.at("/tool/driver/informationUri").asText());
        JsonNode stale = run.get("tool")
                .get("driver")
                .get("rules")
                .get(first.get("ruleIndex").asInt());
        assertEquals(
                "https://handbook.harbourvine.example/readiness/#rule-review-present",
                stale.get("helpUri").asText());
        assertTrue(Jsoup.parse(site.resolve("readiness/index.html").toFile(), "UTF-8")
                .select("#rule-runbook-stale")
                .hasText());
        assertEquals(true, run.at("/invocations/0/executionSuccessful").asBoolean());
        assertEquals("2026-11-21", run.at("/invocations/0/properties/asOf").asText());
        assertEquals(1, loc.get("region").get("startLine").asInt());
        String ruleId = first.get("ruleId").asText();
        assertEquals(
                ruleId,
                run.get("tool")
                        .get("driver")
                        .get("rules")
                        .get(first.get("ruleIndex").asInt())
                        .get("id")
                        .asText());
    }

    @Test
    void sarifSchemaValidationWouldCatchABrokenReport() throws Exception {
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode broken = JSON.readTree("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"level\":\"fatal\"}]}]}");
        assertTrue(!schema.validate(broken).isEmpty());
    }

    @Test
    void inJunitXmlOnlyWhatFailsTheRunIsAFailure(@TempDir Path tmp) throws Exception {
        var tree = dev.opsbook.ContentTree.minimal(tmp.resolve("content"))
                .file(
                        "services/api/service.yaml",
                        "owner: ops\nalerts:\n  - { name: ApiDown, severity: P1, runbook: api-down }\n"
                                + "  - { name: ApiSlow, severity: P2 }\n");
        new Opsbook(1)
                .build(new dev.opsbook.BuildRequest(
                        tree.root(), tmp.resolve("site"), java.time.LocalDate.of(2026, 11, 21), null, true, null));
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(tmp.resolve("site/opsbook-report.xml").toFile());
        NodeList cases = xml.getElementsByTagName("testcase");
        java.util.Map<String, Element> api = new java.util.HashMap<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("classname").equals("opsbook.api")) {
                api.put(c.getAttribute("name"), c);
            }
        }
        // an error: a failure; a warning (the runbook was never reviewed): the case passes, its finding shown
        Element alert = api.get("alert-has-runbook");
        assertEquals(1, alert.getElementsByTagName("failure").getLength());
        assertEquals("error", ((Element) alert.getElementsByTagName("failure").item(0)).getAttribute("type"));
        Element stale = api.get("runbook-stale");
        assertEquals(0, stale.getElementsByTagName("failure").getLength());
        assertTrue(stale.getElementsByTagName("system-out")
                .item(0)
                .getTextContent()
                .contains("warning"));
        long errors = api.values().stream()
                .filter(c -> c.getElementsByTagName("failure").getLength() > 0)
                .count();
        Element suite = (Element) alert.getParentNode();
        assertEquals(String.valueOf(errors), suite.getAttribute("failures"));
    }

    @Test
    void junitXmlHasASuitePerServiceAndACasePerRule() throws Exception {
        org.w3c.dom.Document xml = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(site.resolve("opsbook-report.xml").toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(7, suites.getLength(), "six services and the handbook");
        Element fraud = (Element) suites.item(0);
        assertEquals("fraud-check", fraud.getAttribute("name"));
        assertEquals("55", fraud.getAttribute("tests"));
        // its one failing rule finds an info only, which do not fail the run: no CI host may count
        // them as failed tests, so they pass with their findings as output
        assertEquals("0", fraud.getAttribute("failures"));
        assertEquals(1, fraud.getElementsByTagName("system-out").getLength());
        assertTrue(fraud.getElementsByTagName("system-out")
                .item(0)
                .getTextContent()
                .contains(": info: "));
        assertEquals("1", fraud.getAttribute("skipped"));
        NodeList cases = fraud.getElementsByTagName("testcase");
        assertEquals(55, cases.getLength());
        Element na = null;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals("readiness-game-day")) {
                na = c;
            }
        }
        assertEquals(
                "not applicable: Stateless scorer; covered by the payments game day (not approved)",
                ((Element) na.getElementsByTagName("skipped").item(0)).getAttribute("message"));
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(String.valueOf(6 * 55 + 9), root.getAttribute("tests"));
        assertEquals("0", root.getAttribute("failures"), "the example's run exits 0: nothing failed");
    }

    @Test
    void readinessPageShowsEveryServiceAgainstEveryRuleAndPrintsAsAnAuditDocument() throws Exception {
        Document page = Jsoup.parse(site.resolve("readiness/index.html").toFile(), "UTF-8");
        assertEquals(6, page.select("#readiness-matrix tbody tr").size());
        assertEquals(55, page.select("#readiness-matrix thead th.rule").size());
        String head = page.selectFirst(".audit-head").text();
        assertTrue(
                head.contains("As of 2026-11-21")
                        && head.contains(report.get("contentDigest").asText())
                        && head.contains("opsbook 0.1.0"),
                head);
        // status is text and symbol, not colour alone
        var cell = page.selectFirst("#readiness-matrix td.st-fail");
        assertTrue(cell.text().startsWith("✘ fail"), cell.text());
        assertEquals(4, page.select("#readiness-filters select").size());
        assertEquals(
                6, page.select("section.service-failures").size(), "failures grouped by service, a page each in print");
        var failure = page.selectFirst("section.service-failures ol.failures li");
        assertEquals(
                "../services/fraud-check/index.html", failure.selectFirst("a").attr("href"));
        assertTrue(failure.text().contains("What to do: hold a review"), failure.text());
        assertTrue(page.getElementById("waivers-h").parent().text().contains("Replaced by the platform-wide game day"));
    }

    @Test
    void readinessPageSaysWhatEachLevelAsksAndWhatHoldsEachService() throws Exception {
        Document page = Jsoup.parse(site.resolve("readiness/index.html").toFile(), "UTF-8");
        var levels = page.select("#level-rules tbody tr");
        assertEquals(
                List.of("documented", "supportable", "operations-ready"),
                levels.stream().map(r -> r.selectFirst("th").text()).toList());
        assertTrue(levels.get(0).text().contains("service-description, sla-present, slo-present"), levels.text());
        assertEquals("#rule-sla-present", levels.get(0).select("a").get(1).attr("href"));
        // web-shop is held at documented by its one stale runbook, named with why
        var web = page.select("section.service-failures").stream()
                .filter(s -> s.selectFirst("h3").text().startsWith("Web Shop"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "Held at documented, below supportable, by:",
                web.selectFirst("p.held").text());
        assertTrue(
                web.selectFirst("ul.held-by").text().startsWith("runbook-stale (warning)")
                        && web.selectFirst("ul.held-by").text().contains("was last reviewed on 2026-02-02"),
                web.selectFirst("ul.held-by").text());
        // a hint's `code` is code, not backticks
        var hint = web.selectFirst(".hint");
        assertTrue(hint.select("code").hasText() && !hint.text().contains("`"), hint.outerHtml());
        // the glossary in the handbook's own severity ids
        assertTrue(
                page.selectFirst("#rule-incident-actions-missing + dd").text().contains("(P1, P2)"),
                page.selectFirst("#rule-incident-actions-missing + dd").text());
        // and a JSON fail entry carries its message
        JsonNode stale = null;
        for (JsonNode c : report.get("services").get(5).get("checks")) {
            if (c.get("rule").asText().equals("runbook-stale")) {
                stale = c;
            }
        }
        assertTrue(
                stale.get("message").asText().startsWith("runbook 'cdn-cache-purge' was last reviewed"),
                stale.toString());
    }

    @Test
    void actionsPageListsOpenActionsOverdueFirst() throws Exception {
        Document page = Jsoup.parse(site.resolve("actions.html").toFile(), "UTF-8");
        var rows = page.select("table.actions tbody tr");
        List<String> descriptions = rows.stream().map(r -> r.child(0).text()).toList();
        assertEquals(
                List.of(
                        "Fail over to the second SMS provider automatically",
                        "Automate deployment of the optimiser",
                        "Runbook for merchant validation failures",
                        "Raise provider rate limit before sales",
                        "Ask the acquirer for their maintenance calendar",
                        "Alert on connection pool saturation",
                        "Idempotency key on every push",
                        "Structured logging for the planner"),
                descriptions);
        assertEquals(4, page.select("tr.overdue").size());
        assertTrue(rows.get(1).text().contains("8 days overdue"), rows.get(1).text());
        assertEquals(
                "teams/logistics.html#person-ken", rows.get(1).selectFirst("a").attr("href"));
    }

    @Test
    void theServicePageShowsItsLevelAndWhatBlocksTheNext() throws Exception {
        Document page =
                Jsoup.parse(site.resolve("services/route-planner/index.html").toFile(), "UTF-8");
        String level = page.getElementById("level").text();
        assertTrue(level.startsWith("Readiness level: documented To reach supportable:"), level);
        assertTrue(level.contains("telemetry-structured-logs"), level);
        Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
        assertTrue(home.selectFirst("table.services").text().contains("operations-ready"));
    }

    @Test
    void theDigestCoversEveryInputFile(@TempDir Path tmp) throws Exception {
        var tree = ContentTree.complete(tmp.resolve("content"));
        String before = digest(tree.root(), tmp.resolve("a"));
        assertEquals(before, digest(tree.root(), tmp.resolve("b")));
        tree.bytes("services/api/diagram.png", new byte[] {1, 2, 3});
        String withAsset = digest(tree.root(), tmp.resolve("c"));
        assertNotEquals(before, withAsset);
        tree.bytes("services/api/diagram.png", new byte[] {1, 2, 4});
        assertNotEquals(withAsset, digest(tree.root(), tmp.resolve("d")));
        tree.file(".editorconfig", "root = true\n");
        assertEquals(
                digest(tree.root(), tmp.resolve("d")),
                digest(tree.root(), tmp.resolve("e")),
                "hidden files are not input");
    }

    static String digest(Path content, Path out) throws Exception {
        new Opsbook().build(BuildRequest.check(content, out).withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        return JSON.readTree(out.resolve("opsbook-report.json").toFile())
                .get("contentDigest")
                .asText();
    }

    @Test
    void aBaselineAddsChangesAndAChangesPage(@TempDir Path tmp) throws Exception {
        var tree = ContentTree.complete(tmp.resolve("content"));
        new Opsbook()
                .build(BuildRequest.check(tree.root(), tmp.resolve("before"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21)));
        tree.file("services/api/service.yaml", ContentTree.COMPLETE_SERVICE.replace("enabled: true", "enabled: false"));
        new Opsbook()
                .build(BuildRequest.build(tree.root(), tmp.resolve("site"))
                        .withAsOf(java.time.LocalDate.of(2026, 11, 21))
                        .withBaseline(tmp.resolve("before/opsbook-report.json")));
        JsonNode changes =
                JSON.readTree(tmp.resolve("site/opsbook-report.json").toFile()).get("changes");
        assertEquals(1, changes.get("new").size());
        assertEquals("telemetry-tracing", changes.get("new").get(0).get("rule").asText());
        assertEquals(0, changes.get("gone").size());
        assertEquals(
                "[{\"service\":\"api\",\"from\":\"operations-ready\",\"to\":\"supportable\"}]",
                changes.get("levels").toString());
        Document page = Jsoup.parse(tmp.resolve("site/readiness/changes.html").toFile(), "UTF-8");
        assertTrue(page.text().contains("api: operations-ready → supportable"), page.text());
    }

    @Test
    void aBaselineThatIsNotAReportIsAUsageError(@TempDir Path tmp) throws Exception {
        var tree = ContentTree.complete(tmp.resolve("content"));
        Files.writeString(tmp.resolve("bad.json"), "{\"hello\": 1}");
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.opsbook.OpsbookException.class, () -> new Opsbook()
                .build(BuildRequest.check(tree.root(), tmp.resolve("out")).withBaseline(tmp.resolve("bad.json"))));
        assertTrue(e.isUsage());
        assertEquals(
                "baseline " + tmp.resolve("bad.json") + " is not an opsbook-report.json (no findings and services)",
                e.getMessage());
    }
}
