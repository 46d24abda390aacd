package dev.opsbook.load;

import dev.opsbook.finding.Rules;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Link;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Service;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code services/<id>/service.yaml} (the other files of the folder are read by their own loaders). */
final class ServiceLoader {
    static final List<String> LIFECYCLES = List.of("experimental", "production", "deprecated");
    static final List<String> SUPPORT_MODELS = List.of("developer-managed", "operations-managed");
    static final List<String> SUPPORT_HOURS = List.of("24x7", "business-hours");
    static final List<String> ROLLBACK_STRATEGIES =
            List.of("feature-toggle", "rollback", "fix-forward", "blue-green", "canary");

    private ServiceLoader() {}

    /** The parts of service.yaml; runbooks, SLA, rota, reviews and incidents are added by the caller. */
    record Parts(
            String name,
            String description,
            Ref owner,
            Integer tier,
            String lifecycle,
            String supportModel,
            String supportHours,
            List<Ref> dependsOn,
            List<Link> links,
            Service.Telemetry telemetry,
            List<Service.Slo> slos,
            List<Service.Alert> alerts,
            Service.Readiness readiness,
            List<Service.NotApplicable> notApplicable,
            Keys keys,
            Ref rota,
            java.time.LocalDate productionSince) {

        Parts(
                String name,
                String description,
                Ref owner,
                Integer tier,
                String lifecycle,
                String supportModel,
                String supportHours,
                List<Ref> dependsOn,
                List<Link> links,
                Service.Telemetry telemetry,
                List<Service.Slo> slos,
                List<Service.Alert> alerts,
                Service.Readiness readiness,
                List<Service.NotApplicable> notApplicable,
                Keys keys,
                Ref rota) {
            this(
                    name,
                    description,
                    owner,
                    tier,
                    lifecycle,
                    supportModel,
                    supportHours,
                    dependsOn,
                    links,
                    telemetry,
                    slos,
                    alerts,
                    readiness,
                    notApplicable,
                    keys,
                    rota,
                    null);
        }

        /** A service that only a layout of opsbook.yaml names, defined at {@code pos}. */
        static Parts laidOut(String id, String name, String description, Ref owner, Pos pos) {
            return new Parts(
                    name != null ? name : id,
                    description,
                    owner,
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    Service.Telemetry.NONE,
                    List.of(),
                    List.of(),
                    Service.Readiness.NONE,
                    List.of(),
                    Keys.none(pos),
                    null);
        }

        /** What is known of a service whose service.yaml ({@code file}) could not be read: its id. */
        static Parts unknown(String id, String file) {
            return laidOut(id, null, null, null, new Pos(file, 1, 1));
        }
    }

    static Parts read(String id, YamlMap y) {
        return read(id, y, false);
    }

    /** service.yaml read; {@code inCatalog}: a catalog entity describes the service too, and may give its owner. */
    static Parts read(String id, YamlMap y, boolean inCatalog) {
        if (!inCatalog) {
            y.require("owner");
        }
        TeamLoader.checkId(id, y);
        String name = y.string("name");
        String description = y.string("description");
        Ref owner = y.ref("owner");
        Integer tier = y.integer("tier", 1, 4);
        String lifecycle = y.oneOf("lifecycle", LIFECYCLES);
        String supportModel = y.oneOf("supportModel", SUPPORT_MODELS);
        String supportHours = y.oneOf("supportHours", SUPPORT_HOURS);
        List<Ref> dependsOn = y.refs("dependsOn");
        // the day the service went into production: how long it has run there is a hand-off rule's
        var productionSince = y.date("productionSince");
        // a rota shared with other services, kept once in rotas/<id>.yaml
        Ref rota = y.ref("rota");
        List<Link> links = links(y, "links");
        Optional<YamlMap> telemetryMap = y.map("telemetry");
        Service.Telemetry telemetry = telemetryMap.map(ServiceLoader::telemetry).orElse(Service.Telemetry.NONE);
        List<Service.Slo> slos = slos(y);
        List<Service.Alert> alerts = alerts(y);
        Optional<YamlMap> readinessMap = y.map("readiness");
        Service.Readiness readiness = readinessMap.map(ServiceLoader::readiness).orElse(Service.Readiness.NONE);
        List<Service.NotApplicable> notApplicable = new ArrayList<>();
        for (YamlMap n : y.maps("notApplicable")) {
            n.require("rule", "reason");
            Ref rule = n.ref("rule");
            n.expect("rule", SchemaPatterns.oneOf(Rules.COMPLETENESS));
            if (rule != null && !Rules.isKnown(rule.id())) {
                SettingsLoader.unknownRule(n, "rule", rule.id());
                rule = null;
            } else if (rule != null && Rules.isStructural(rule.id())) {
                n.schema(
                        "rule",
                        "'" + rule.id() + "' is a structural rule and cannot be marked not applicable",
                        "fix the content instead");
                rule = null;
            }
            String reason = n.string("reason");
            Ref approvedBy = n.ref("approvedBy");
            var expires = n.date("expires");
            n.finish();
            if (rule != null) {
                notApplicable.add(new Service.NotApplicable(rule, reason, approvedBy, expires, n.pos()));
            }
        }
        y.finish();
        return new Parts(
                name != null ? name : id,
                description,
                owner,
                tier,
                lifecycle,
                supportModel,
                supportHours,
                dependsOn,
                links,
                telemetry,
                slos,
                alerts,
                readiness,
                List.copyOf(notApplicable),
                keys(y, telemetryMap, readinessMap),
                rota,
                productionSince);
    }

    /**
     * Where service.yaml's keys are, with those of {@code telemetry} and {@code readiness} as
     * {@code telemetry.logs} …, so that a refused tracing URL leaves the dashboards rule to judge the dashboards.
     */
    private static Keys keys(YamlMap y, Optional<YamlMap> telemetry, Optional<YamlMap> readiness) {
        Pos file = new Pos(y.file(), 1, 1);
        Keys keys = y.keyPositions(file);
        if (telemetry.isPresent()) {
            keys = keys.with("telemetry.", telemetry.get().keyPositions(keys.at("telemetry")));
        }
        if (readiness.isPresent()) {
            keys = keys.with("readiness.", readiness.get().keyPositions(keys.at("readiness")));
        }
        return keys;
    }

    static List<Link> links(YamlMap y, String key) {
        List<Link> out = new ArrayList<>();
        for (YamlMap l : y.maps(key)) {
            l.require("url");
            String url = Urls.check(l, "url");
            String title = l.string("title");
            l.finish();
            if (url != null) {
                out.add(new Link(title != null ? title : url, url, l.pos()));
            }
        }
        return List.copyOf(out);
    }

    private static Service.Telemetry telemetry(YamlMap t) {
        List<Link> dashboards = links(t, "dashboards");
        Service.Logs logs = t.map("logs")
                .map(l -> {
                    var v = new Service.Logs(l.bool("structured"), Urls.check(l, "url"), l.pos());
                    l.finish();
                    return v;
                })
                .orElse(null);
        Service.Tracing tracing = t.map("tracing")
                .map(l -> {
                    var v = new Service.Tracing(l.bool("enabled"), Urls.check(l, "url"), l.pos());
                    l.finish();
                    return v;
                })
                .orElse(null);
        t.finish();
        return new Service.Telemetry(dashboards, logs, tracing);
    }

    private static List<Service.Slo> slos(YamlMap y) {
        List<Service.Slo> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlMap s : y.maps("slos")) {
            s.require("id", "objective");
            String id = s.string("id");
            if (id != null && !Ids.valid(id)) {
                s.error(Rules.INVALID_ID, s.pos("id"), "SLO " + Ids.problem(id), "use '" + Ids.suggest(id) + "'");
                s.refuse("id"); // the SLO is left out: what names it is not reported again
                id = null;
            }
            if (id != null && seen.putIfAbsent(id, s.pos("id").line()) != null) {
                s.error(
                        Rules.DUPLICATE_ID,
                        s.pos("id"),
                        "SLO '" + id + "' is defined twice in this service (first at line " + seen.get(id) + ")",
                        "give each SLO its own id");
                s.refuse("id");
                id = null;
            }
            var slo = new Service.Slo(
                    id,
                    s.string("description"),
                    s.string("sli"),
                    s.percent("objective"),
                    s.duration("window"),
                    s.pos());
            s.finish();
            if (id != null) {
                out.add(slo);
            }
        }
        return List.copyOf(out);
    }

    private static List<Service.Alert> alerts(YamlMap y) {
        List<Service.Alert> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (YamlMap a : y.maps("alerts")) {
            a.require("name");
            String name = a.string("name");
            if (name != null
                    && (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl))) {
                // Prometheus takes any text as an alert's name (CassandraCommitlogPendingTasks(criteo))
                a.error(
                        Rules.INVALID_ID,
                        a.pos("name"),
                        "alert name '" + name + "' is not valid: an alert's name is one line of at most 200 characters",
                        "write the name as the alerting rule has it");
                a.refuse("name"); // the alert is left out: what rests on the service's alerts is not checked
                name = null;
            }
            if (name != null && seen.putIfAbsent(name, a.pos("name").line()) != null) {
                a.error(
                        Rules.DUPLICATE_ID,
                        a.pos("name"),
                        "alert '" + name + "' is defined twice in this service (first at line " + seen.get(name) + ")",
                        "list an alert once; its several rules (thresholds, severities) belong in its rule file"
                                + " (a *.rules.yaml of the service), where one name may have several");
                a.refuse("name");
                name = null;
            }
            var alert = new Service.Alert(name, a.ref("severity"), a.ref("runbook"), a.ref("slo"), a.pos());
            // a runbook's id, or service/id: never an address (the reference check says so)
            a.expect("runbook", SchemaPatterns.RUNBOOK_REF);
            a.finish();
            if (name != null) {
                out.add(alert);
            }
        }
        return List.copyOf(out);
    }

    private static Service.Readiness readiness(YamlMap r) {
        var loadTest = evidence(r, "loadTest");
        var gameDay = evidence(r, "gameDay");
        var restore = evidence(r, "backupRestoreTest");
        Service.Rollback rollback = r.map("rollback")
                .map(m -> {
                    List<String> strategies = m.strings("strategies");
                    m.expectItems("strategies", SchemaPatterns.oneOf(ROLLBACK_STRATEGIES));
                    for (String s : strategies) {
                        if (!ROLLBACK_STRATEGIES.contains(s)) {
                            m.schema(
                                    "strategies",
                                    "rollback strategy '" + s + "' is not one of "
                                            + String.join(", ", ROLLBACK_STRATEGIES),
                                    null);
                        }
                    }
                    var v = new Service.Rollback(
                            strategies.stream()
                                    .filter(ROLLBACK_STRATEGIES::contains)
                                    .toList(),
                            m.date("lastTested"),
                            m.pos());
                    m.finish();
                    return v;
                })
                .orElse(null);
        var security = evidence(r, "securityReview");
        Service.Deployment deployment = r.map("deployment")
                .map(m -> {
                    var v = new Service.Deployment(
                            m.bool("automated"),
                            Urls.check(m, "pipeline"),
                            m.duration("leadTime"),
                            m.pos(),
                            m.date("measured"));
                    m.finish();
                    return v;
                })
                .orElse(null);
        r.finish();
        return new Service.Readiness(loadTest, gameDay, restore, rollback, security, deployment);
    }

    private static Service.Evidence evidence(YamlMap r, String key) {
        return r.map(key)
                .map(m -> {
                    m.require("date");
                    var v = new Service.Evidence(m.date("date"), Urls.check(m, "url"), m.string("notes"), m.pos());
                    m.finish();
                    return v;
                })
                .orElse(null);
    }
}
