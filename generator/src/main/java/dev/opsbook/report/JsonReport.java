package dev.opsbook.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsbook.check.Levels;
import dev.opsbook.check.RuleResult;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import java.nio.charset.StandardCharsets;

/** {@code opsbook-report.json}, exactly as outputs.md describes it (plus optional fields). */
public final class JsonReport {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonReport() {
    }

    public static byte[] write(ReportData d) {
        return toBytes(tree(d));
    }

    /** Writes the report to {@code out} as it is serialised (the stream stays open). */
    public static void write(ReportData d, java.io.OutputStream out) throws java.io.IOException {
        writeTo(tree(d), out);
    }

    private static ObjectNode tree(ReportData d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("generator", d.generator());
        root.put("asOf", d.asOf().toString());
        root.put("contentDigest", d.contentDigest());
        ObjectNode summary = root.putObject("summary");
        summary.put("services", d.assessment().services().size());
        summary.put("errors", d.count(Level.ERROR));
        summary.put("warnings", d.count(Level.WARNING));
        summary.put("infos", d.count(Level.INFO));
        ObjectNode levels = summary.putObject("levels");
        d.assessment().levels().keySet().forEach(l -> levels.put(l, 0));
        levels.put(Levels.NONE, 0);
        d.assessment().services().forEach(s -> levels.put(s.level(), levels.get(s.level()).asInt() + 1));
        ArrayNode services = root.putArray("services");
        for (ServiceAssessment s : d.assessment().services()) {
            ObjectNode o = services.addObject();
            o.put("id", s.service().id());
            o.put("name", s.service().name());
            o.put("owner", s.service().owner() == null ? null : s.service().owner().id());
            if (s.service().tier() == null) {
                o.putNull("tier");
            } else {
                o.put("tier", s.service().tier());
            }
            o.put("level", s.level());
            if (s.nextLevel() != null) {
                o.put("nextLevel", s.nextLevel());
                ArrayNode blocking = o.putArray("blockedBy");
                s.blocking().forEach(blocking::add);
            }
            ArrayNode checks = o.putArray("checks");
            for (RuleResult r : s.results()) {
                ObjectNode c = checks.addObject();
                c.put("rule", r.rule());
                c.put("status", r.status().id());
                switch (r.status()) {
                    case FAIL -> {
                        c.put("severity", r.severity().id());
                        c.put("hint", r.hint());
                    }
                    case WAIVED -> {
                        c.put("severity", r.severity().id());
                        c.put("waiver", r.waiver().reason());
                        c.put("approvedBy", r.waiver().approvedBy() == null ? null : r.waiver().approvedBy().id());
                        c.put("expires", r.waiver().expires().toString());
                    }
                    case NOT_APPLICABLE, OFF -> c.put("reason", r.reason());
                    default -> {
                    }
                }
            }
        }
        ArrayNode findings = root.putArray("findings");
        d.findings().forEach(f -> finding(findings.addObject(), f));
        if (d.changes() != null) {
            ObjectNode ch = root.putObject("changes");
            ch.put("baselineAsOf", d.changes().baselineAsOf());
            ArrayNode added = ch.putArray("new");
            d.changes().added().forEach(k -> key(added.addObject(), k));
            ArrayNode removed = ch.putArray("gone");
            d.changes().removed().forEach(k -> key(removed.addObject(), k));
            ArrayNode moves = ch.putArray("levels");
            for (Changes.LevelMove m : d.changes().moves()) {
                ObjectNode mo = moves.addObject();
                mo.put("service", m.service());
                mo.put("from", m.from());
                mo.put("to", m.to());
            }
        }
        return root;
    }

    static void finding(ObjectNode o, Finding f) {
        o.put("rule", f.rule());
        o.put("severity", f.level().id());
        o.put("service", f.service());
        o.put("file", f.pos().file());
        if (f.pos().hasLine()) {
            o.put("line", f.pos().line());
            o.put("column", f.pos().column());
        }
        o.put("message", f.message());
        if (f.hint() != null) {
            o.put("hint", f.hint());
        }
    }

    private static void key(ObjectNode o, Changes.FindingKey k) {
        o.put("rule", k.rule());
        o.put("severity", k.severity());
        o.put("service", k.service());
        o.put("file", k.file());
        if (k.line() > 0) {
            o.put("line", k.line());
            o.put("column", k.column());
        }
        o.put("message", k.message());
    }

    static byte[] toBytes(ObjectNode root) {
        return ((dev.opsbook.site.PageSink.Content) out -> writeTo(root, out)).toBytes();
    }

    /** Pretty-printed with two spaces and a final line break, the same bytes on every platform. */
    static void writeTo(ObjectNode root, java.io.OutputStream out) throws java.io.IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        JSON.writer(printer).without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
        out.write('\n');
    }
}
