package dev.opsbook.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Person;
import dev.opsbook.model.Review;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import dev.opsbook.model.Team;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * The search data the site ships as a script ({@code assets/search-index.js}), so that search works
 * from {@code file://}: one small document per runbook, service, alert, SLO, team, person, severity,
 * review and incident. The browser builds a lunr index from it on the first search.
 */
final class SearchIndex {
    /** Body text kept per document, in characters: enough to find a runbook by what it says first. */
    static final int BODY_CHARS = dev.opsbook.markdown.MarkdownEngine.SNIPPET_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SearchIndex() {
    }

    /** Writes the search data to {@code out} as it is made (the stream stays open). */
    static void write(Handbook hb, java.io.OutputStream out) throws java.io.IOException {
        out.write("window.OPSBOOK_SEARCH = {\"docs\":".getBytes(StandardCharsets.UTF_8));
        try (com.fasterxml.jackson.core.JsonGenerator docs = JSON.getFactory().createGenerator(out)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            docs.setCharacterEscapes(new OnCallViews.HtmlSafeEscapes());
            docs.writeStartArray();
            write(hb, docs);
            docs.writeEndArray();
        }
        out.write("};\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Handbook hb, com.fasterxml.jackson.core.JsonGenerator docs) throws java.io.IOException {
        for (Service s : hb.services()) {
            String page = SitePaths.service(s.id());
            add(docs, page, s.name(), "service", "", String.join(" ", s.id(),
                    s.alerts().stream().map(Service.Alert::name).collect(Collectors.joining(" "))), "",
                    s.description() == null ? "" : s.description());
            for (Service.Alert a : s.alerts()) {
                String target = a.runbook() != null ? hb.runbook(s.id(), a.runbook().id())
                        .map(r -> SitePaths.runbook(r.service(), r.id())).orElse(page) : page;
                add(docs, target, a.name(), "alert", s.name(), a.name(), "", "");
            }
            for (Service.Slo slo : s.slos()) {
                add(docs, page + "#" + SitePaths.sloAnchor(slo.id()), s.name() + " SLO " + slo.id(), "SLO", s.name(), "", "",
                        String.join(" ", nz(slo.description()), nz(slo.sli())));
            }
            for (Runbook r : s.runbooks()) {
                java.util.Set<String> alerts = new java.util.LinkedHashSet<>(r.alerts().stream().map(x -> x.id()).toList());
                hb.alertsLeadingTo(r).forEach(src -> alerts.add(src.alert().name()));
                add(docs, SitePaths.runbook(s.id(), r.id()), r.title(), "runbook", s.name(), String.join(" ", alerts),
                        headings(r.body()), nz(r.summary()) + " " + r.body().snippet());
            }
            for (Review r : s.reviews()) {
                add(docs, SitePaths.review(s.id(), r.id()), r.title(), "review", s.name(), nz(r.story()), "", "");
            }
            for (Incident i : s.incidents()) {
                add(docs, SitePaths.incident(s.id(), i.id()), i.title(), "incident", s.name(), i.id(), headings(i.body()),
                        i.body().snippet());
            }
        }
        for (Team t : hb.teams()) {
            add(docs, SitePaths.team(t.id()), t.name(), "team", "", t.id(), "", nz(t.chat()));
            for (Person p : t.members()) {
                add(docs, SitePaths.team(t.id()) + "#" + SitePaths.personAnchor(p.id()), p.name(), "person", t.name(), p.id(),
                        "", nz(p.email()));
            }
        }
        for (Severity s : hb.severities()) {
            add(docs, SitePaths.SEVERITIES + "#" + SitePaths.severityAnchor(s.id()), s.id() + " " + s.name(), "severity", "",
                    s.id(), "", nz(s.description()) + " " + String.join(" ", s.criteria()));
        }
    }

    private static void add(com.fasterxml.jackson.core.JsonGenerator docs, String url, String title, String kind,
                            String service, String keys, String headings, String body) throws java.io.IOException {
        docs.writeStartObject();
        docs.writeStringField("u", url);
        docs.writeStringField("t", title);
        docs.writeStringField("k", kind);
        docs.writeStringField("s", service);
        docs.writeStringField("a", keys);
        docs.writeStringField("h", headings);
        String b = body.strip();
        docs.writeStringField("b", b.length() > BODY_CHARS ? b.substring(0, BODY_CHARS) : b);
        docs.writeEndObject();
    }

    private static String headings(Markdown body) {
        return body.headings().stream().map(Markdown.MdHeading::text).collect(Collectors.joining(" "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
