package dev.opsbook.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import java.io.IOException;
import java.io.OutputStream;

/**
 * {@code alerts.json}: every alert of the handbook with what a notification needs to link to, generated
 * rather than typed: its service and owning team, its severity and each rule's, its runbook's page (site
 * path, and address under {@code baseUrl}), and the service's on-call box. Tools (an Alertmanager
 * template, a chat bot) read it; its shape is documented in docs/content-format.md.
 */
final class AlertsJson {
    private AlertsJson() {}

    static void write(Handbook hb, OutputStream out) throws IOException {
        String base = hb.settings().baseUrl();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("baseUrl", base);
            g.writeArrayFieldStart("alerts");
            for (Service s : hb.services()) {
                for (Service.Alert a : s.alerts()) {
                    g.writeStartObject();
                    g.writeStringField("alert", a.name());
                    g.writeStringField("service", s.id());
                    g.writeStringField(
                            "team", s.owner() == null ? null : s.owner().id());
                    g.writeStringField(
                            "severity",
                            a.severity() == null ? null : a.severity().id());
                    Runbook r = a.runbook() == null
                            ? null
                            : hb.runbook(s.id(), a.runbook().id()).orElse(null);
                    String page = r == null ? null : SitePaths.runbook(r.service(), r.id());
                    g.writeStringField("runbook", page);
                    g.writeStringField("runbookUrl", page == null || base == null ? null : base + page);
                    g.writeStringField("onCall", SitePaths.service(s.id()) + "#oncall");
                    g.writeArrayFieldStart("rules");
                    for (AlertRule rule : a.rules()) {
                        g.writeStartObject();
                        g.writeStringField("file", rule.pos().file());
                        g.writeNumberField("line", rule.pos().line());
                        g.writeStringField("severity", rule.severityLabel());
                        g.writeStringField(
                                "level",
                                rule.severity() == null ? null : rule.severity().id());
                        g.writeStringField("for", rule.duration());
                        g.writeStringField("expr", rule.expr().strip());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
    }
}
