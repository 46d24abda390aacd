package dev.opsbook.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.opsbook.check.Handoff;
import dev.opsbook.check.Levels;
import dev.opsbook.check.Operations;
import dev.opsbook.check.RuleResult;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.output.PageSink;
import dev.opsbook.part.PartInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code opsbook-report.json}, exactly as outputs.md describes it (plus optional fields). */
public final class JsonReport {
    /** Jackson's streaming core only: the reports need no object mapping (and a build loads no databind). */
    static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {}

    public static byte[] write(ReportData d) {
        return ((PageSink.Content) out -> write(d, out)).toBytes();
    }

    /**
     * A generator for a report: pretty-printed with two spaces and line breaks, the same bytes on every
     * platform. It leaves {@code out} open.
     */
    static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
        return g;
    }

    /** Writes the report to {@code out} as it is made, without holding it in memory (the stream stays open). */
    public static void write(ReportData d, OutputStream out) throws IOException {
        try (JsonGenerator g = generator(out)) {
            g.writeStartObject();
            g.writeStringField("generator", d.generator());
            g.writeStringField("asOf", d.asOf().toString());
            g.writeStringField("contentDigest", d.contentDigest());
            g.writeObjectFieldStart("summary");
            g.writeNumberField("services", d.assessment().services().size());
            g.writeNumberField("errors", d.count(Level.ERROR));
            g.writeNumberField("warnings", d.count(Level.WARNING));
            g.writeNumberField("infos", d.count(Level.INFO));
            Map<String, Integer> levels = new LinkedHashMap<>();
            d.assessment().levels().keySet().forEach(l -> levels.put(l, 0));
            levels.put(Levels.NONE, 0);
            d.assessment().services().forEach(s -> levels.merge(s.level(), 1, Integer::sum));
            g.writeObjectFieldStart("levels");
            for (Map.Entry<String, Integer> e : levels.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject(); // summary
            g.writeArrayFieldStart("services");
            for (ServiceAssessment s : d.assessment().services()) {
                service(g, s, s.handoff(), d.partOf(s.service().id()));
            }
            g.writeEndArray();
            if (!d.parts().isEmpty()) {
                parts(g, d.parts());
            }
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) {
                finding(g, f);
            }
            g.writeEndArray();
            if (!d.deferred().isEmpty()) {
                // a part's build: the references to services of other repositories, which the organisation's judges
                g.writeArrayFieldStart("deferred");
                for (Finding f : d.deferred()) {
                    finding(g, f);
                }
                g.writeEndArray();
            }
            if (d.changes() != null) {
                changes(g, d.changes());
            }
            if (d.assessment().operations() != null) {
                operations(g, d.assessment().operations());
            }
            g.writeEndObject();
        }
        out.write('\n');
    }

    /** {@code operations}: the incident figures of the operations page (twelve months to the as-of day). */
    private static void operations(JsonGenerator g, Operations o) throws IOException {
        g.writeObjectFieldStart("operations");
        g.writeStringField("from", o.from().toString());
        g.writeStringField("to", o.to().toString());
        g.writeObjectFieldStart("total");
        figures(g, o.total(), o.severities());
        g.writeEndObject();
        months(g, o.months(), o.severities());
        g.writeArrayFieldStart("services");
        for (Operations.ServiceFigures s : o.services()) {
            g.writeStartObject();
            g.writeStringField("id", s.service().id());
            figures(g, s.figures(), o.severities());
            months(g, s.months(), o.severities());
            g.writeStringField("since", s.since().toString());
            g.writeNumberField("downtimeSeconds", s.downtime().getSeconds());
            if (s.availability() != null) {
                g.writeNumberField("availability", s.availability());
            }
            if (s.sla() != null) {
                g.writeNumberField("slaAvailability", s.sla());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("causes");
        for (Operations.CauseCount c : o.causes()) {
            g.writeStartObject();
            g.writeStringField("cause", c.cause().id());
            g.writeStringField("name", c.cause().name());
            g.writeNumberField("incidents", c.incidents());
            g.writeNumberField("sharePercent", c.share());
            g.writeArrayFieldStart("services");
            for (String id : c.services()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("withoutCause", o.withoutCause());
        g.writeEndObject();
    }

    private static void months(JsonGenerator g, List<Operations.Month> months, List<String> severities)
            throws IOException {
        g.writeArrayFieldStart("months");
        for (Operations.Month m : months) {
            g.writeStartObject();
            g.writeStringField("month", m.month().toString());
            g.writeNumberField("incidents", m.incidents());
            bySeverity(g, m.bySeverity(), severities);
            g.writeNumberField("outOfHours", m.outOfHours());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void figures(JsonGenerator g, Operations.Figures f, List<String> severities) throws IOException {
        g.writeNumberField("incidents", f.incidents());
        bySeverity(g, f.bySeverity(), severities);
        g.writeNumberField("outOfHours", f.outOfHours());
        seconds(g, "medianDetectSeconds", f.medianDetect());
        seconds(g, "worstDetectSeconds", f.worstDetect());
        seconds(g, "medianResolveSeconds", f.medianResolve());
        seconds(g, "worstResolveSeconds", f.worstResolve());
        g.writeNumberField("actions", f.actions());
        g.writeNumberField("actionsClosed", f.actionsClosed());
    }

    private static void bySeverity(JsonGenerator g, List<Integer> counts, List<String> severities) throws IOException {
        g.writeObjectFieldStart("bySeverity");
        for (int i = 0; i < severities.size(); i++) {
            g.writeNumberField(severities.get(i), counts.get(i));
        }
        g.writeEndObject();
    }

    private static void seconds(JsonGenerator g, String field, java.time.Duration d) throws IOException {
        if (d == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, d.getSeconds());
        }
    }

    /** {@code parts}: each part merged with the content folder, its digest and the services it gave. */
    private static void parts(JsonGenerator g, List<PartInfo> parts) throws IOException {
        g.writeArrayFieldStart("parts");
        for (PartInfo p : parts) {
            g.writeStartObject();
            g.writeStringField("artifact", p.label());
            g.writeStringField("file", p.file());
            g.writeStringField("digest", p.digest());
            g.writeStringField("opsbook", p.opsbook());
            g.writeArrayFieldStart("services");
            for (String id : p.services()) {
                g.writeString(id);
            }
            g.writeEndArray();
            if (p.refused() != null) {
                g.writeStringField("refused", p.refused());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void service(JsonGenerator g, ServiceAssessment s, Handoff handoff, PartInfo part)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.service().id());
        g.writeStringField("name", s.service().name());
        if (part != null) {
            g.writeObjectFieldStart("part");
            g.writeStringField("artifact", part.label());
            g.writeStringField("digest", part.digest());
            g.writeEndObject();
        }
        g.writeStringField(
                "owner",
                s.service().owner() == null ? null : s.service().owner().id());
        if (s.service().tier() == null) {
            g.writeNullField("tier");
        } else {
            g.writeNumberField("tier", s.service().tier());
        }
        g.writeStringField("level", s.level());
        if (s.nextLevel() != null) {
            g.writeStringField("nextLevel", s.nextLevel());
            g.writeArrayFieldStart("blockedBy");
            for (String rule : s.blocking()) {
                g.writeString(rule);
            }
            g.writeEndArray();
        }
        g.writeObjectFieldStart("handoff");
        g.writeStringField("verdict", handoff.verdict().id());
        g.writeArrayFieldStart("heldBy");
        for (RuleResult r : handoff.holds()) {
            g.writeString(r.rule());
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeArrayFieldStart("checks");
        for (RuleResult r : s.results()) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeStringField("status", r.status().id());
            switch (r.status()) {
                case FAIL -> {
                    g.writeStringField("severity", r.severity().id());
                    g.writeStringField("message", r.findings().get(0).message());
                    if (r.findings().size() > 1) {
                        g.writeNumberField("findings", r.findings().size());
                    }
                    g.writeStringField("hint", r.hint());
                }
                case WAIVED -> {
                    g.writeStringField("severity", r.severity().id());
                    g.writeStringField("waiver", r.waiver().reason());
                    g.writeStringField(
                            "approvedBy",
                            r.waiver().approvedBy() == null
                                    ? null
                                    : r.waiver().approvedBy().id());
                    g.writeStringField("expires", r.waiver().expires().toString());
                }
                case NOT_APPLICABLE -> {
                    g.writeStringField("reason", r.reason());
                    if (r.mark() != null && r.mark().approvedBy() != null) {
                        g.writeStringField("approvedBy", r.mark().approvedBy().id());
                    }
                    if (r.mark() != null && r.mark().expires() != null) {
                        g.writeStringField("expires", r.mark().expires().toString());
                    }
                }
                case OFF -> g.writeStringField("reason", r.reason());
                default -> {}
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(JsonGenerator g, Finding f) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.level().id());
        g.writeStringField("service", f.service());
        g.writeStringField("file", f.pos().file());
        if (f.pos().hasLine()) {
            g.writeNumberField("line", f.pos().line());
            g.writeNumberField("column", f.pos().column());
        }
        g.writeStringField("message", f.message());
        if (f.hint() != null) {
            g.writeStringField("hint", f.hint());
        }
        g.writeEndObject();
    }

    private static void changes(JsonGenerator g, Changes c) throws IOException {
        g.writeObjectFieldStart("changes");
        g.writeStringField("baselineAsOf", c.baselineAsOf());
        g.writeArrayFieldStart("new");
        for (Changes.FindingKey k : c.added()) {
            key(g, k);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("gone");
        for (Changes.FindingKey k : c.removed()) {
            key(g, k);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("levels");
        for (Changes.LevelMove m : c.moves()) {
            g.writeStartObject();
            g.writeStringField("service", m.service());
            g.writeStringField("from", m.from());
            g.writeStringField("to", m.to());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void key(JsonGenerator g, Changes.FindingKey k) throws IOException {
        g.writeStartObject();
        g.writeStringField("rule", k.rule());
        g.writeStringField("severity", k.severity());
        g.writeStringField("service", k.service());
        g.writeStringField("file", k.file());
        if (k.line() > 0) {
            g.writeNumberField("line", k.line());
            g.writeNumberField("column", k.column());
        }
        g.writeStringField("message", k.message());
        g.writeEndObject();
    }
}
