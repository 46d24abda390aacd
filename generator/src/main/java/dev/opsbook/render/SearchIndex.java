package dev.opsbook.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.markdown.MarkdownEngine;
import dev.opsbook.model.Guide;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Markdown;
import dev.opsbook.model.Person;
import dev.opsbook.model.Review;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Severity;
import dev.opsbook.model.Team;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search data the site ships as a script ({@code assets/search-index.js}), so that search works
 * from {@code file://}: one small document per runbook, service, alert, SLO, team, person, severity,
 * review and incident, and a MiniSearch index of them made here ({@link MiniSearchIndex}), which the
 * page loads on the first search instead of building it. The script sets
 * {@code window.OPSBOOK_SEARCH = {docs: JSON.parse('[{u, t, k, s, a}, …]'), index: '<MiniSearch JSON>'}}:
 * what a result shows (address, title, kind, service) and alert names, which an exact match puts first.
 */
final class SearchIndex {
    /** Body text indexed per document, in characters: enough to find a runbook by what it says first. */
    static final int BODY_CHARS = MarkdownEngine.SNIPPET_CHARS;
    /** The indexed fields, in MiniSearch's order: title, keys (ids, alert names), headings, service, body. */
    static final List<String> FIELDS = List.of("t", "a", "h", "s", "b");

    private static final JsonFactory JSON = new JsonFactory();

    /** One searchable document. */
    record Doc(String url, String title, String kind, String service, String keys, String headings, String body) {
        /** The text of each of {@link #FIELDS}. */
        List<String> fields() {
            return List.of(title, keys, headings, service, body);
        }
    }

    private SearchIndex() {}

    /** Writes the search data to {@code out} as it is made (the stream stays open). */
    static void write(SitePlan plan, OutputStream out) throws IOException {
        write(documents(plan), out);
    }

    /** Writes the search data of {@code docs}, which is all it is made from. */
    static void write(List<Doc> docs, OutputStream out) throws IOException {
        MiniSearchIndex index = new MiniSearchIndex(FIELDS);
        docs.forEach(d -> index.add(d.fields()));
        // both as JSON in JavaScript strings: a browser parses JSON faster than the same data as a
        // literal (the documents of 50,000 runbooks: about a quarter faster), and MiniSearch.loadJSON
        // takes the index as a string anyway
        out.write("window.OPSBOOK_SEARCH = {\"docs\":JSON.parse('".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator json = quoted(out)) {
            json.writeStartArray();
            for (Doc d : docs) {
                json.writeStartObject();
                json.writeStringField("u", d.url());
                json.writeStringField("t", d.title());
                json.writeStringField("k", d.kind());
                json.writeStringField("s", d.service());
                json.writeStringField("a", d.keys());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        out.write("'),\"index\":'".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator json = quoted(out)) {
            index.write(json);
        }
        out.write("'};\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * JSON for the inside of a single-quoted JavaScript string: every character beyond ASCII escaped
     * by JSON, then every backslash and quote by the string.
     */
    private static JsonGenerator quoted(OutputStream out) throws IOException {
        return JSON.createGenerator(new SingleQuoted(out))
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    }

    /** Escapes ASCII text for the inside of a single-quoted JavaScript string. */
    private static final class SingleQuoted extends FilterOutputStream {
        SingleQuoted(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\\' || b == '\'') {
                out.write('\\');
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int from = off;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\\' || b[i] == '\'') {
                    out.write(b, from, i - from);
                    out.write('\\');
                    from = i;
                }
            }
            out.write(b, from, off + len - from);
        }

        @Override
        public void close() {
            // the caller's stream stays open
        }
    }

    /**
     * Every searchable document of the site, in a fixed order: each service's page with its alerts and
     * SLOs, and its documents; the teams with their people; the severity levels.
     */
    static List<Doc> documents(SitePlan plan) {
        Handbook hb = plan.handbook();
        List<Doc> docs = new ArrayList<>();
        for (List<SitePlan.Kind> pass : PASSES) {
            for (SitePlan.Page p : plan.pages()) {
                if (pass.contains(p.kind())) {
                    documents(hb, p, docs);
                }
            }
        }
        return docs;
    }

    /** The kinds of page searched, in the order their documents come. */
    private static final List<List<SitePlan.Kind>> PASSES = List.of(
            List.of(
                    SitePlan.Kind.SERVICE,
                    SitePlan.Kind.RUNBOOK,
                    SitePlan.Kind.REVIEW,
                    SitePlan.Kind.INCIDENT,
                    SitePlan.Kind.DOCUMENT),
            List.of(SitePlan.Kind.TEAM),
            List.of(SitePlan.Kind.SEVERITIES),
            List.of(SitePlan.Kind.GUIDE));

    /** The documents of one page: the page, and the parts of it a search finds on their own (alerts, people …). */
    private static void documents(Handbook hb, SitePlan.Page page, List<Doc> docs) {
        Service s = page.service();
        switch (page.kind()) {
            case SERVICE -> {
                docs.add(doc(
                        page.path(),
                        s.name(),
                        "service",
                        "",
                        String.join(
                                " ",
                                s.id(),
                                s.alerts().stream().map(Service.Alert::name).collect(Collectors.joining(" "))),
                        "",
                        s.description() == null ? "" : s.description()));
                for (Service.Alert a : s.alerts()) {
                    String target = a.runbook() != null
                            ? hb.runbook(s.id(), a.runbook().id())
                                    .map(r -> SitePaths.runbook(r.service(), r.id()))
                                    .orElse(page.path())
                            : page.path();
                    docs.add(doc(target, a.name(), "alert", s.name(), a.name(), "", ""));
                }
                for (Service.Slo slo : s.slos()) {
                    docs.add(doc(
                            page.path() + "#" + SitePaths.sloAnchor(slo.id()),
                            s.name() + " SLO " + slo.id(),
                            "SLO",
                            s.name(),
                            "",
                            "",
                            String.join(" ", nz(slo.description()), nz(slo.sli()))));
                }
            }
            case RUNBOOK -> {
                Runbook r = page.subject(Runbook.class);
                Set<String> alerts =
                        new LinkedHashSet<>(r.alerts().stream().map(x -> x.id()).toList());
                hb.alertsLeadingTo(r).forEach(src -> alerts.add(src.alert().name()));
                // its id ("failover", as in runbook:ledger/failover) is how people name it too; its tags weigh
                // as its headings (not as keys: typing "payments" should not put every runbook tagged so first)
                List<String> keys = new ArrayList<>(alerts);
                keys.add(r.id());
                docs.add(doc(
                        page.path(),
                        r.title(),
                        "runbook",
                        s.name(),
                        String.join(" ", keys),
                        String.join(" ", headings(r.body()), String.join(" ", r.tags()))
                                .strip(),
                        nz(r.summary()) + " " + r.body().snippet()));
            }
            case REVIEW -> {
                Review r = page.subject(Review.class);
                docs.add(doc(
                        page.path(),
                        r.title(),
                        "review",
                        s.name(),
                        String.join(" ", nz(r.story()), r.id()).strip(),
                        "",
                        ""));
            }
            case INCIDENT -> {
                Incident i = page.subject(Incident.class);
                docs.add(doc(
                        page.path(),
                        i.title(),
                        "incident",
                        s.name(),
                        i.id(),
                        headings(i.body()),
                        i.body().snippet()));
            }
            case TEAM -> {
                Team t = page.subject(Team.class);
                docs.add(doc(page.path(), t.name(), "team", "", t.id(), "", nz(t.chat())));
                for (Person p : t.members()) {
                    docs.add(doc(
                            page.path() + "#" + SitePaths.personAnchor(p.id()),
                            p.name(),
                            "person",
                            t.name(),
                            p.id(),
                            "",
                            nz(p.email())));
                }
            }
            case SEVERITIES -> {
                for (Severity v : hb.severities()) {
                    docs.add(doc(
                            page.path() + "#" + SitePaths.severityAnchor(v.id()),
                            v.id() + " " + v.name(),
                            "severity",
                            "",
                            v.id(),
                            "",
                            nz(v.description()) + " " + String.join(" ", v.criteria())));
                }
            }
            case GUIDE, DOCUMENT -> {
                Guide g = page.subject(Guide.class);
                docs.add(doc(
                        page.path(),
                        g.title(),
                        page.kind() == SitePlan.Kind.GUIDE ? "guide" : "document",
                        s != null ? s.name() : "",
                        g.id(),
                        headings(g.body()),
                        nz(g.summary()) + " " + g.body().snippet()));
            }
            default -> {}
        }
    }

    private static Doc doc(
            String url, String title, String kind, String service, String keys, String headings, String body) {
        String b = body.strip();
        return new Doc(
                url, title, kind, service, keys, headings, b.length() > BODY_CHARS ? b.substring(0, BODY_CHARS) : b);
    }

    private static String headings(Markdown body) {
        return body.headings().stream().map(Markdown.MdHeading::text).collect(Collectors.joining(" "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
