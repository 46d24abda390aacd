package dev.opsbook.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbook.check.AllChecks;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code opsbook-report.sarif}: the findings as SARIF 2.1.0, so code hosts annotate the YAML lines. */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static byte[] write(ReportData d) {
        return JsonReport.toBytes(tree(d));
    }

    /** Writes the report to {@code out} as it is serialised (the stream stays open). */
    public static void write(ReportData d, java.io.OutputStream out) throws java.io.IOException {
        JsonReport.writeTo(tree(d), out);
    }

    private static ObjectNode tree(ReportData d) {
        ObjectNode root = JsonReport.JSON.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "opsbook");
        driver.put("version", d.version());
        driver.put("semanticVersion", d.version());
        driver.put("informationUri", "https://opsbook.dev/");
        List<String> ids = new ArrayList<>(RuleCatalog.DESCRIPTIONS.keySet());
        ArrayNode rules = driver.putArray("rules");
        for (Map.Entry<String, String> e : RuleCatalog.DESCRIPTIONS.entrySet()) {
            ObjectNode r = rules.addObject();
            r.put("id", e.getKey());
            r.put("name", camel(e.getKey()));
            r.putObject("shortDescription").put("text", e.getValue());
            r.putObject("defaultConfiguration").put("level", defaultLevel(e.getKey()));
            r.putObject("properties").put("category", Rules.isStructural(e.getKey()) ? "structural" : "completeness");
        }
        run.putObject("originalUriBaseIds").putObject("CONTENT").putObject("description")
                .put("text", "The handbook's content folder");
        ArrayNode results = run.putArray("results");
        for (Finding f : d.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule());
            r.put("ruleIndex", ids.indexOf(f.rule()));
            r.put("level", sarifLevel(f.level()));
            r.putObject("message").put("text", f.message() + (f.hint() != null ? " — " + f.hint() : ""));
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uri(f.pos().file()));
            artifact.put("uriBaseId", "CONTENT");
            if (f.pos().hasLine()) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.pos().line());
                region.put("startColumn", Math.max(1, f.pos().column()));
            }
            if (f.service() != null) {
                r.putObject("properties").put("service", f.service());
            }
        }
        return root;
    }

    static String sarifLevel(Level level) {
        return switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String defaultLevel(String rule) {
        if (Rules.isStructural(rule)) {
            return "error";
        }
        CompletenessCheck c = AllChecks.LIST.stream().filter(x -> x.id().equals(rule)).findFirst().orElseThrow();
        return sarifLevel(c.defaultLevel(null));
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** A relative URI reference: each path segment percent-encoded. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(java.net.URLEncoder.encode(seg, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
