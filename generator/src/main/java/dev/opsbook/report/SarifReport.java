package dev.opsbook.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.opsbook.check.CompletenessCheck;
import dev.opsbook.check.RuleResult;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.check.Status;
import dev.opsbook.check.rules.AllChecks;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rules;
import dev.opsbook.output.PageSink;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code opsbook-report.sarif}: the findings as SARIF 2.1.0, so code hosts annotate the YAML lines. */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {}

    public static byte[] write(ReportData d) {
        return ((PageSink.Content) out -> write(d, out)).toBytes();
    }

    /** Writes the report to {@code out} as it is made (the stream stays open). */
    public static void write(ReportData d, OutputStream out) throws IOException {
        try (JsonGenerator g = JsonReport.generator(out)) {
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "opsbook");
            g.writeStringField("version", d.version());
            g.writeStringField("semanticVersion", d.version());
            String rules = d.baseUrl() == null ? null : d.baseUrl() + "readiness/";
            if (rules != null) {
                // the handbook's readiness page explains every rule and every verdict
                g.writeStringField("informationUri", rules);
            }
            List<String> ids = new ArrayList<>(RuleCatalog.DESCRIPTIONS.keySet());
            g.writeArrayFieldStart("rules");
            for (Map.Entry<String, String> e : RuleCatalog.DESCRIPTIONS.entrySet()) {
                g.writeStartObject();
                g.writeStringField("id", e.getKey());
                g.writeStringField("name", camel(e.getKey()));
                g.writeObjectFieldStart("shortDescription");
                g.writeStringField("text", e.getValue());
                g.writeEndObject();
                g.writeObjectFieldStart("help");
                g.writeStringField("text", e.getValue());
                g.writeEndObject();
                if (rules != null) {
                    g.writeStringField("helpUri", rules + "#rule-" + e.getKey());
                }
                g.writeObjectFieldStart("defaultConfiguration");
                g.writeStringField("level", defaultLevel(e.getKey()));
                g.writeEndObject();
                g.writeObjectFieldStart("properties");
                g.writeStringField("category", Rules.isStructural(e.getKey()) ? "structural" : "completeness");
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject(); // driver
            g.writeEndObject(); // tool
            g.writeArrayFieldStart("invocations");
            g.writeStartObject();
            // the run itself succeeded: its findings are the results (no time stamps: the report is reproducible)
            g.writeBooleanField("executionSuccessful", true);
            g.writeObjectFieldStart("properties");
            g.writeStringField("asOf", d.asOf().toString());
            g.writeStringField("contentDigest", d.contentDigest());
            g.writeNumberField("errors", d.count(Level.ERROR));
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeObjectFieldStart("originalUriBaseIds");
            // a result's path is from the repository's root (which the code host knows by its checkout)
            g.writeObjectFieldStart(SRCROOT);
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "The root of the repository the handbook's content folder is in");
            g.writeEndObject();
            g.writeEndObject();
            g.writeObjectFieldStart("CONTENT");
            g.writeStringField("uri", d.contentPrefix().isEmpty() ? "./" : uri(d.contentPrefix()));
            g.writeStringField("uriBaseId", SRCROOT);
            g.writeObjectFieldStart("description");
            g.writeStringField("text", "The handbook's content folder");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("results");
            for (Finding f : d.findings()) {
                result(g, d, f, ids.indexOf(f.rule()), null);
            }
            // a waived rule's findings are results too, suppressed with the waiver as justification
            for (ServiceAssessment a : d.assessment().services()) {
                for (RuleResult r : a.results()) {
                    if (r.status() == Status.WAIVED) {
                        for (Finding f : r.findings()) {
                            result(g, d, f, ids.indexOf(f.rule()), r);
                        }
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject(); // the run
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void result(JsonGenerator g, ReportData d, Finding f, int ruleIndex, RuleResult waived)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.rule());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", sarifLevel(f.level()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message() + (f.hint() != null ? " \u2014 " + f.hint() : ""));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(d.repositoryPath(f.pos().file())));
        g.writeStringField("uriBaseId", SRCROOT);
        g.writeEndObject();
        if (f.pos().hasLine()) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", f.pos().line());
            g.writeNumberField("startColumn", Math.max(1, f.pos().column()));
            g.writeEndObject();
        }
        g.writeEndObject(); // physicalLocation
        g.writeEndObject();
        g.writeEndArray();
        if (waived != null) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external"); // in opsbook.yaml, not beside the finding
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", waived.waiver().reason() + waived.terms());
            g.writeEndObject();
            g.writeEndArray();
        }
        if (f.service() != null) {
            g.writeObjectFieldStart("properties");
            g.writeStringField("service", f.service());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** The base of every result's path: the repository's root. */
    static final String SRCROOT = "SRCROOT";

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
        CompletenessCheck c = AllChecks.LIST.stream()
                .filter(x -> x.id().equals(rule))
                .findFirst()
                .orElseThrow();
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
            sb.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return sb.toString();
    }
}
