package dev.opsbook.load;

import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus rule files ({@code groups:} → {@code rules:}) and Kubernetes {@code PrometheusRule} objects
 * (their {@code spec.groups}, several documents to a file), read strictly with the place of everything:
 * an alerting rule without {@code alert} or {@code expr} is a {@code schema} finding; recording rules
 * ({@code record:}) are read and left out; a {@code severity} label that the handbook's map does not know
 * is a finding at its line.
 */
final class AlertRuleLoader {
    private static final Set<String> OBJECT_KEYS = Set.of("apiVersion", "kind", "metadata", "spec");

    private AlertRuleLoader() {}

    /**
     * The alerting rules of one file's documents, in the order written.
     *
     * @param severities the handbook's map from a {@code severity} label to a severity id ({@code null}
     *                   value: does not page)
     */
    static List<AlertRule> read(List<YamlMap> documents, Map<String, String> severities) {
        List<AlertRule> out = new ArrayList<>();
        for (YamlMap doc : documents) {
            YamlMap groups = doc;
            if (doc.has("kind") || doc.has("apiVersion") || doc.has("spec")) {
                String kind = doc.string("kind");
                doc.string("apiVersion");
                doc.map("metadata").ifPresent(YamlMap::keys);
                if (!"PrometheusRule".equals(kind)) {
                    doc.schema(
                            "kind",
                            "a Kubernetes object of kind '" + kind + "' in a rule file",
                            "keep PrometheusRule objects (kind: PrometheusRule) or Prometheus rule files (groups:) here");
                    doc.finish();
                    continue;
                }
                groups = doc.map("spec").orElse(null);
                doc.finish();
                if (groups == null) {
                    continue;
                }
            }
            for (YamlMap group : groups.maps("groups")) {
                group.require("name", "rules");
                group.string("name");
                group.string("interval");
                group.string("query_offset");
                group.integer("limit", 0, Integer.MAX_VALUE);
                group.map("labels").ifPresent(YamlMap::keys);
                for (YamlMap rule : group.maps("rules")) {
                    AlertRule r = rule(rule, severities);
                    if (r != null) {
                        out.add(r);
                    }
                }
                group.finish();
            }
            groups.finish();
        }
        return List.copyOf(out);
    }

    private static AlertRule rule(YamlMap y, Map<String, String> severities) {
        if (y.has("record")) {
            y.string("record");
            y.string("expr");
            y.map("labels").ifPresent(YamlMap::keys);
            y.finish();
            return null;
        }
        y.require("alert", "expr");
        String alert = y.string("alert");
        String expr = y.string("expr");
        String duration = y.string("for");
        y.string("keep_firing_for");
        Map<String, String> labels = strings(y, "labels");
        Map<String, String> annotations = strings(y, "annotations");
        Ref severity = null;
        String label = labels.get("severity");
        if (label != null) {
            String key = label.toLowerCase(Locale.ROOT);
            if (!severities.containsKey(key)) {
                YamlMap l = y.map("labels").orElseThrow();
                l.schema(
                        "severity",
                        "severity '" + label + "' of alert '" + alert
                                + "' is not mapped to a severity of this handbook",
                        "map it in opsbook.yaml (alertSeverities: {" + key + ": <severity id>}), or use critical,"
                                + " warning, info or none");
            } else if (severities.get(key) != null) {
                severity = new Ref(
                        severities.get(key), y.map("labels").orElseThrow().pos("severity"));
            }
        }
        String runbook = annotations.get("runbook_url");
        String which = "runbook_url";
        if (runbook == null) {
            runbook = annotations.get("runbook");
            which = "runbook";
        }
        Pos runbookPos = runbook == null
                ? y.keyPos("alert")
                : y.map("annotations").orElseThrow().pos(which);
        y.finish();
        if (alert == null || expr == null || alert.isBlank()) {
            return null;
        }
        return new AlertRule(
                alert, expr, duration, label, severity, labels, annotations, runbook, runbookPos, y.keyPos("alert"));
    }

    /** A mapping of strings (labels, annotations), in order; a value that is not text is a finding. */
    private static Map<String, String> strings(YamlMap y, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        y.map(key).ifPresent(m -> {
            for (String k : m.keys()) {
                String v = m.scalarAt(k);
                if (v == null) {
                    m.schema(
                            k,
                            "'" + k + "' in " + key + " must be text",
                            "write it as one line of text, quoted if need be");
                } else {
                    out.put(k, v);
                }
            }
        });
        return out;
    }

    /**
     * The default map of a rule's {@code severity} label to the handbook's levels: {@code critical} the most
     * severe, {@code warning} the second, {@code info} the least severe; {@code none} does not page.
     */
    static Map<String, String> defaultSeverities(List<Severity> levels) {
        Map<String, String> map = new LinkedHashMap<>();
        if (!levels.isEmpty()) {
            map.put("critical", levels.get(0).id());
            map.put("warning", levels.get(Math.min(1, levels.size() - 1)).id());
            map.put("info", levels.get(levels.size() - 1).id());
        }
        map.put("none", null);
        return map;
    }
}
