package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Dur;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SLOs kept as their teams keep them for other tools: OpenSLO v1 ({@code apiVersion: openslo/v1},
 * {@code kind: SLO}; other kinds of such a file, an SLI or an AlertPolicy, are not read) and Sloth
 * ({@code version: prometheus/v1}). Read strictly, with positions, into opsbook's SLOs, which are checked like
 * the ones service.yaml writes: objective, window, the SLA comparison, the alert that protects them.
 *
 * <ul>
 *   <li>OpenSLO: an objective is an SLO; its id is {@code metadata.name} (with the objective's
 *       {@code displayName} when there are several: {@code <name>-<displayName>}); the objective is
 *       {@code targetPercent}, or {@code target} × 100; the window is {@code timeWindow[0].duration}
 *       ({@code 28d}, {@code 4w}; a calendar month cannot be a fixed window and is a finding).
 *   <li>Sloth: each of {@code slos} is an SLO; {@code objective} its objective; the window Sloth's default,
 *       30 days; {@code alerting.name} the alert that protects it, unless {@code page_alert.disable}.
 * </ul>
 */
final class SloFiles {
    private SloFiles() {}

    /** What one file holds: its SLOs, and the service each names (null for none). */
    record Read(String service, Pos servicePos, List<Service.Slo> slos) {}

    private static final java.util.regex.Pattern SLO_TEXT =
            java.util.regex.Pattern.compile("(?m)^(apiVersion:\\s*[\"']?openslo/|version:\\s*[\"']?prometheus/v1)");

    /** Whether the start of a file's text is an OpenSLO or a Sloth document's (so that it is read as SLOs). */
    static boolean looksLikeSlos(String text) {
        return SLO_TEXT.matcher(text).find();
    }

    /** The SLOs of the documents of one file. */
    static List<Read> read(List<YamlMap> docs) {
        List<Read> out = new ArrayList<>();
        for (YamlMap y : docs) {
            if (y.scalarAt("version") != null && y.scalarAt("apiVersion") == null) {
                out.add(sloth(y));
            } else {
                openSlo(y).ifPresent(out::add);
            }
        }
        return out;
    }

    private static Optional<Read> openSlo(YamlMap y) {
        y.require("apiVersion", "kind", "metadata", "spec");
        String api = y.string("apiVersion");
        String kind = y.string("kind");
        if (api != null && !api.equals("openslo/v1")) {
            y.schema("apiVersion", "opsbook reads OpenSLO v1, found '" + api + "'", "write apiVersion: openslo/v1");
        }
        if (kind != null && !kind.equals("SLO")) {
            return Optional.empty(); // an SLI, a Service, an AlertPolicy …: not opsbook's to read
        }
        Optional<YamlMap> meta = y.map("metadata");
        Optional<YamlMap> spec = y.map("spec");
        y.finish();
        String name = null;
        String displayName = null;
        if (meta.isPresent()) {
            YamlMap m = meta.get();
            m.require("name");
            name = m.string("name");
            displayName = m.string("displayName");
            m.has("labels");
            m.has("annotations");
            m.finish();
        }
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        YamlMap s = spec.get();
        s.require("service", "budgetingMethod", "objectives");
        String description = s.string("description");
        String service = s.string("service");
        Pos servicePos = s.pos("service");
        s.oneOf("budgetingMethod", List.of("Occurrences", "Timeslices", "RatioTimeslices"));
        String sli = null;
        Optional<YamlMap> indicator = s.map("indicator");
        String indicatorRef = s.string("indicatorRef");
        if (indicator.isPresent()) {
            YamlMap i = indicator.get();
            i.has("spec");
            sli = i.map("metadata")
                    .map(m -> {
                        String n = m.string("name");
                        String d = m.string("displayName");
                        m.has("labels");
                        m.has("annotations");
                        m.finish();
                        return d != null ? d : n;
                    })
                    .orElse(null);
            i.finish();
        } else if (indicatorRef != null) {
            sli = indicatorRef;
        }
        Dur window = null;
        List<YamlMap> windows = s.maps("timeWindow");
        for (int k = 0; k < windows.size(); k++) {
            YamlMap w = windows.get(k);
            w.has("isRolling");
            w.has("calendar");
            String d = w.scalarAt("duration");
            if (d != null && d.strip().matches("\\d+[MQY]")) {
                w.schema(
                        "duration",
                        "a window of '" + d.strip() + "' (calendar months, quarters or years) is not a fixed"
                                + " length: opsbook compares windows in days",
                        "write the window in days or weeks, such as 28d or 4w");
            } else if (k == 0) {
                window = w.duration("duration");
            } else {
                w.has("duration");
            }
            w.finish();
        }
        List<YamlMap> objectives = s.maps("objectives");
        s.has("alertPolicies");
        s.finish();
        List<Service.Slo> slos = new ArrayList<>();
        for (YamlMap o : objectives) {
            String objectiveName = o.string("displayName");
            BigDecimal percent = o.has("targetPercent") ? o.percent("targetPercent") : null;
            if (percent == null && o.has("target")) {
                BigDecimal ratio = o.ratio("target");
                percent = ratio == null ? null : ratio.movePointRight(2).stripTrailingZeros();
            }
            if (!o.has("target") && !o.has("targetPercent")) {
                o.schema(
                        (org.yaml.snakeyaml.nodes.Node) null,
                        "an objective needs 'target' (such as 0.999) or 'targetPercent' (such as 99.9)",
                        "add target: 0.999 to the objective");
            }
            for (String k : List.of(
                    "op",
                    "value",
                    "timeSliceTarget",
                    "timeSliceWindow",
                    "indicator",
                    "indicatorRef",
                    "compositeWeight")) {
                o.has(k);
            }
            o.finish();
            if (name == null) {
                continue;
            }
            String id = objectives.size() == 1 || objectiveName == null
                    ? name + (objectives.size() == 1 ? "" : "-" + (slos.size() + 1))
                    : name + "-" + Ids.suggest(objectiveName);
            slos.add(new Service.Slo(
                    id,
                    description != null ? description : displayName,
                    sli,
                    percent,
                    window,
                    o.pos(),
                    null,
                    "openslo"));
        }
        return Optional.of(new Read(service, servicePos, slos));
    }

    private static Read sloth(YamlMap y) {
        y.require("version", "service", "slos");
        String version = y.string("version");
        if (version != null && !version.equals("prometheus/v1")) {
            y.schema("version", "opsbook reads Sloth's prometheus/v1, found '" + version + "'", null);
        }
        String service = y.string("service");
        Pos servicePos = y.pos("service");
        y.has("labels");
        List<YamlMap> list = y.maps("slos");
        y.finish();
        List<Service.Slo> slos = new ArrayList<>();
        for (YamlMap s : list) {
            s.require("name", "objective", "sli");
            String name = s.string("name");
            BigDecimal objective = s.percent("objective");
            String description = s.string("description");
            s.has("labels");
            String sli = s.map("sli")
                    .map(x -> {
                        String kind =
                                x.has("events") ? "events" : x.has("raw") ? "raw" : x.has("plugin") ? "plugin" : null;
                        x.finish();
                        if (kind == null) {
                            x.schema(
                                    (org.yaml.snakeyaml.nodes.Node) null,
                                    "'sli' needs events, raw or plugin",
                                    "write sli: { events: { error_query: …, total_query: … } }");
                        }
                        return kind == null ? null : "Sloth " + kind + " SLI";
                    })
                    .orElse(null);
            String alert = s.map("alerting")
                    .map(a -> {
                        String n = a.string("name");
                        a.has("labels");
                        a.has("annotations");
                        Boolean disabled = a.map("page_alert")
                                .map(p -> {
                                    Boolean d = p.bool("disable");
                                    p.has("labels");
                                    p.has("annotations");
                                    p.finish();
                                    return d;
                                })
                                .orElse(null);
                        a.has("ticket_alert");
                        a.finish();
                        return Boolean.TRUE.equals(disabled) ? null : n;
                    })
                    .orElse(null);
            s.finish();
            if (name != null && !Ids.valid(name)) {
                s.error(Rules.INVALID_ID, s.pos("name"), "SLO " + Ids.problem(name), "use '" + Ids.suggest(name) + "'");
                continue;
            }
            if (name != null) {
                slos.add(new Service.Slo(name, description, sli, objective, SLOTH_WINDOW, s.pos(), alert, "sloth"));
            }
        }
        return new Read(service, servicePos, slos);
    }

    /** {@code own} and then {@code more}; an SLO whose id is taken already is a {@code duplicate-id} and is left out. */
    static List<Service.Slo> join(
            List<Service.Slo> own, List<Service.Slo> more, String service, dev.opsbook.finding.Findings findings) {
        if (more.isEmpty()) {
            return own;
        }
        List<Service.Slo> out = new ArrayList<>(own);
        java.util.Map<String, Pos> seen = new java.util.HashMap<>();
        own.forEach(s -> seen.put(s.id(), s.pos()));
        for (Service.Slo s : more) {
            Pos first = seen.putIfAbsent(s.id(), s.pos());
            if (first != null) {
                findings.error(
                        Rules.DUPLICATE_ID,
                        service,
                        s.pos(),
                        "SLO '" + s.id() + "' of service '" + service + "' is defined already at " + first,
                        "give each SLO its own name");
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /** Sloth's window when none is given on its command line: 30 days. */
    static final Dur SLOTH_WINDOW = new Dur(30, 0, "30d");
}
