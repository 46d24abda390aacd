package dev.opsbook.load;

import dev.opsbook.finding.Findings;
import dev.opsbook.finding.Rules;
import dev.opsbook.link.SitePaths;
import dev.opsbook.model.AlertRule;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Runbook;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.model.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts of Prometheus rule files, joined to the services they page for: a rule file in a service's
 * folder ({@code *.rules.yaml}) is that service's; one named in opsbook.yaml ({@code alertRules:}) gives
 * its alerts the service it names, the value of a label, or the service of the runbook each rule's
 * {@code runbook_url} leads to. Rules with one name are one alert; an alert service.yaml names too is the
 * same alert.
 */
public final class RuleAlerts {
    /** Where a rule file's alerts go: a service folder's own, or an entry of {@code alertRules:}. */
    record Source(String service, Settings.AlertRules config) {}

    /** The runbook a rule leads to, and the section of its page ({@code fragment}, empty for the page itself). */
    public record Target(Runbook runbook, String fragment) {}

    private final Settings settings;
    private final Map<String, String> severityMap;
    /** Site path of a runbook's page or earlier address → the runbook. */
    private final Map<String, Runbook> byAddress = new HashMap<>();

    private final Map<String, Map<String, Runbook>> byId = new HashMap<>();
    /** Severity id → its place among the handbook's levels, most severe first. */
    private final Map<String, Integer> ranks = new HashMap<>();

    public RuleAlerts(Settings settings, List<Severity> severities, List<Service> services) {
        for (int i = 0; i < severities.size(); i++) {
            ranks.put(severities.get(i).id(), i);
        }
        this.settings = settings;
        this.severityMap = settings.alertSeverities() != null
                ? settings.alertSeverities()
                : AlertRuleLoader.defaultSeverities(severities);
        for (Service s : services) {
            for (Runbook r : s.runbooks()) {
                byAddress.put(SitePaths.runbook(s.id(), r.id()), r);
                r.aliases().forEach(a -> byAddress.putIfAbsent(a, r));
                byId.computeIfAbsent(s.id(), k -> new HashMap<>()).put(r.id(), r);
            }
        }
    }

    /**
     * The services with the alerts of {@code files} (content path → source) joined in, in their order;
     * the alerts that belong to no service go to {@code unplaced}.
     */
    List<Service> join(
            ContentReader reader,
            Map<String, Source> files,
            List<Service> services,
            List<Service.Alert> unplaced,
            Findings findings)
            throws IOException {
        Map<String, Service> byService = new LinkedHashMap<>();
        services.forEach(s -> byService.put(s.id(), s));
        // service → alert name → its rules, in the order of the files and their rules
        Map<String, Map<String, List<AlertRule>>> grouped = new LinkedHashMap<>();
        Map<String, List<AlertRule>> orphans = new LinkedHashMap<>();
        for (Map.Entry<String, Source> f : files.entrySet()) {
            Source src = f.getValue();
            Optional<List<YamlMap>> docs = reader.yamlAll(f.getKey(), src.service());
            if (docs.isEmpty()) {
                continue;
            }
            for (AlertRule rule : AlertRuleLoader.read(docs.get(), severityMap)) {
                String service = serviceOf(rule, src);
                if (service != null && !byService.containsKey(service)) {
                    findings.error(
                            Rules.BROKEN_REFERENCE,
                            null,
                            rule.pos(),
                            "alert '" + rule.alert() + "' is for service '" + service
                                    + "', which this handbook does not have",
                            "add the service, or name an existing one in opsbook.yaml (alertRules:)");
                    service = null;
                }
                (service == null ? orphans : grouped.computeIfAbsent(service, k -> new LinkedHashMap<>()))
                        .computeIfAbsent(rule.alert(), k -> new ArrayList<>())
                        .add(rule);
            }
        }
        orphans.forEach((name, rules) -> unplaced.add(alert(name, rules, null)));
        List<Service> out = new ArrayList<>(services.size());
        for (Service s : services) {
            Map<String, List<AlertRule>> mine = grouped.get(s.id());
            out.add(mine == null ? s : withAlerts(s, mine, findings));
        }
        return out;
    }

    /** The service of a rule: its source's, its label's, or its runbook's; null when none says. */
    private String serviceOf(AlertRule rule, Source src) {
        if (src.service() != null) {
            return src.service();
        }
        Settings.AlertRules c = src.config();
        if (c.service() != null) {
            return c.service().id();
        }
        if (c.serviceLabel() != null && rule.labels().get(c.serviceLabel()) != null) {
            return rule.labels().get(c.serviceLabel());
        }
        Target t = target(rule, null);
        return t == null ? null : t.runbook().service();
    }

    /**
     * The runbook a rule's annotation leads to: a {@code runbook_url} under the handbook's {@code baseUrl}
     * naming a runbook's page or one of its earlier addresses, or a {@code runbook} annotation naming a
     * runbook ({@code id} in {@code service}, or {@code service/id}); null when it leads to none.
     */
    public Target target(AlertRule rule, String service) {
        String written = rule.runbook();
        if (written == null) {
            return null;
        }
        String fragment = "";
        int hash = written.indexOf('#');
        if (hash >= 0) {
            fragment = written.substring(hash + 1);
            written = written.substring(0, hash);
        }
        String lower = written.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String base = settings.baseUrl();
            if (base == null || !written.startsWith(base)) {
                return null;
            }
            String path = written.substring(base.length());
            Runbook r = byAddress.get(path.endsWith(".html") ? path : Aliases.path(path.isEmpty() ? "/" : path));
            return r == null ? null : new Target(r, fragment);
        }
        String ref = written.startsWith("runbook:") ? written.substring("runbook:".length()) : written;
        int slash = ref.indexOf('/');
        String sid = slash < 0 ? service : ref.substring(0, slash);
        Map<String, Runbook> of = sid == null ? null : byId.get(sid);
        Runbook r = of == null ? null : of.get(slash < 0 ? ref : ref.substring(slash + 1));
        return r == null ? null : new Target(r, fragment);
    }

    private Service withAlerts(Service s, Map<String, List<AlertRule>> rules, Findings findings) {
        List<Service.Alert> alerts = new ArrayList<>();
        Map<String, List<AlertRule>> left = new LinkedHashMap<>(rules);
        for (Service.Alert a : s.alerts()) {
            List<AlertRule> mine = left.remove(a.name());
            if (mine == null) {
                alerts.add(a);
                continue;
            }
            Service.Alert fromRules = alert(a.name(), mine, s.id());
            Ref runbook = a.runbook();
            if (runbook != null && fromRules.runbook() != null && !same(runbook, fromRules.runbook(), s.id())) {
                AlertRule first = mine.stream()
                        .filter(r -> r.runbook() != null)
                        .findFirst()
                        .orElseThrow();
                findings.error(
                        Rules.SCHEMA,
                        s.id(),
                        first.runbookPos(),
                        "alert '" + a.name() + "' leads here to runbook '"
                                + fromRules.runbook().id() + "', but service.yaml names runbook '" + runbook.id()
                                + "' (line " + runbook.pos().line() + ")",
                        "let one runbook answer the alert: correct the annotation, or service.yaml");
            }
            alerts.add(new Service.Alert(
                    a.name(),
                    a.severity() != null ? a.severity() : fromRules.severity(),
                    runbook != null ? runbook : fromRules.runbook(),
                    a.slo(),
                    a.pos(),
                    mine));
        }
        left.forEach((name, mine) -> alerts.add(alert(name, mine, s.id())));
        return s.withAlerts(alerts);
    }

    private static boolean same(Ref a, Ref b, String service) {
        String x = a.id().contains("/") ? a.id() : service + "/" + a.id();
        String y = b.id().contains("/") ? b.id() : service + "/" + b.id();
        return x.equals(y);
    }

    /**
     * One alert of its rules: the most severe of their severities (the handbook's order), and the runbook the
     * first rule that leads to one leads to ({@code id} in {@code service}, else {@code service/id}).
     */
    private Service.Alert alert(String name, List<AlertRule> rules, String service) {
        Ref severity = null;
        Ref runbook = null;
        for (AlertRule r : rules) {
            if (r.severity() != null && (severity == null || rank(r.severity().id()) < rank(severity.id()))) {
                severity = r.severity();
            }
            Target t = runbook == null ? target(r, service) : null;
            if (t != null) {
                String id = t.runbook().service().equals(service)
                        ? t.runbook().id()
                        : t.runbook().service() + "/" + t.runbook().id();
                runbook = new Ref(id, r.runbookPos());
            }
        }
        Pos pos = rules.get(0).pos();
        return new Service.Alert(name, severity, runbook, null, pos, List.copyOf(rules));
    }

    /** The position of a severity among the handbook's levels, most severe first; an unknown one last. */
    private int rank(String severity) {
        return ranks.getOrDefault(severity, Integer.MAX_VALUE);
    }

    /** The address a rule should carry for a runbook: its page under the handbook's baseUrl. */
    public String address(Runbook r) {
        String base = settings.baseUrl() != null ? settings.baseUrl() : "<baseUrl>/";
        return base + SitePaths.runbook(r.service(), r.id());
    }

    /** Whether a content file's name makes it a service's rule file. */
    static boolean isRuleFile(String name) {
        return name.endsWith(".rules.yaml") || name.endsWith(".rules.yml");
    }
}
