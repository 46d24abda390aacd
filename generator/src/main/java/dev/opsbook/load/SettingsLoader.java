package dev.opsbook.load;

import dev.opsbook.finding.DidYouMean;
import dev.opsbook.finding.Rules;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Settings;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code opsbook.yaml}; absent keys take the defaults of the contract. */
final class SettingsLoader {
    static final List<String> SEVERITY_SETTINGS = List.of("off", "info", "warning", "error");

    private SettingsLoader() {}

    /** Which hand-off rule takes which threshold in {@code checks:}. */
    static final class HandoffSettings {
        static final String PRODUCTION_TIME = dev.opsbook.finding.Rule.HANDOFF_PRODUCTION_TIME.id();
        static final String CHANGE_SAFETY = dev.opsbook.finding.Rule.HANDOFF_CHANGE_SAFETY.id();
        static final List<String> WINDOW = List.of(
                dev.opsbook.finding.Rule.HANDOFF_OUT_OF_HOURS.id(),
                dev.opsbook.finding.Rule.HANDOFF_MAJOR_INCIDENTS.id());
        static final List<String> MAX = List.of(
                dev.opsbook.finding.Rule.HANDOFF_OUT_OF_HOURS.id(),
                dev.opsbook.finding.Rule.HANDOFF_MAJOR_INCIDENTS.id(),
                dev.opsbook.finding.Rule.HANDOFF_COUPLING.id());

        private HandoffSettings() {}
    }

    static Settings read(YamlMap y) {
        Settings d = Settings.defaults();
        String title = y.string("title");
        String organisation = y.string("organisation");
        String baseUrl = y.string("baseUrl");
        y.expect("baseUrl", SchemaPatterns.HTTP);
        if (baseUrl != null && !baseUrl.matches("(?i)https?://\\S+")) {
            y.schema(
                    "baseUrl",
                    "'baseUrl' must be an http or https address, found '" + baseUrl + "'",
                    "write the site's full address, such as https://handbook.example.com/");
            baseUrl = null;
        } else if (baseUrl != null && !baseUrl.endsWith("/")) {
            baseUrl = baseUrl + "/"; // once, for every address made from it (sitemap, calendars, the 404 page)
        }
        ZoneId zone = zone(y, "timezone");
        Integer horizon = y.integer("rotaHorizonWeeks", 1, 104);
        Boolean contacts = y.bool("showContactDetails");
        List<String> sections = y.has("runbookSections") ? sections(y) : d.runbookSections();
        Map<String, Settings.RuleSetting> checks = new LinkedHashMap<>();
        y.map("checks").ifPresent(c -> readChecks(c, checks));
        List<Settings.Waiver> waivers =
                y.maps("waivers").stream().map(SettingsLoader::waiver).toList();
        Map<String, List<String>> levels = new LinkedHashMap<>();
        y.map("levels").ifPresent(l -> readLevels(l, levels));
        List<String> exclude = y.strings("exclude");
        String sourceUrl = y.string("sourceUrl");
        y.expect("sourceUrl", SchemaPatterns.HTTP);
        if (sourceUrl != null && !sourceUrl.matches("(?i)https?://\\S+")) {
            y.schema(
                    "sourceUrl",
                    "'sourceUrl' must be an http or https address, found '" + sourceUrl + "'",
                    "write the full address of the repository's files, starting with https://");
            sourceUrl = null;
        }
        var asOf = y.date("asOf");
        // front matter keys of other tools that this handbook's Markdown uses, besides the known ones
        List<String> foreignKeys = y.strings("foreignKeys");
        List<Settings.AlertRules> alertRules = y.maps("alertRules").stream()
                .map(SettingsLoader::alertRules)
                .flatMap(java.util.Optional::stream)
                .toList();
        Map<String, String> alertSeverities =
                y.map("alertSeverities").map(SettingsLoader::alertSeverities).orElse(null);
        List<Settings.Layout> layouts = y.maps("layouts").stream()
                .map(Layouts::read)
                .flatMap(java.util.Optional::stream)
                .toList();
        // Backstage catalog files, besides every catalog-info.yaml (globs relative to the content folder)
        List<String> catalog = y.strings("catalog");
        for (String glob : catalog) {
            if (glob.startsWith("/") || glob.contains("..") || glob.contains("\\")) {
                y.error(
                        Rules.UNSAFE_PATH,
                        y.pos("catalog"),
                        "catalog files '" + glob + "' are not named relative to the content folder",
                        "name them inside the content folder, such as catalog/*.yaml");
                catalog = List.of();
                break;
            }
        }
        // OpenSLO and Sloth files outside the service folders (globs); each names its service
        List<String> sloFiles = y.strings("sloFiles");
        if (sloFiles.stream().anyMatch(g -> g.startsWith("/") || g.contains("..") || g.contains("\\"))) {
            y.error(
                    Rules.UNSAFE_PATH,
                    y.pos("sloFiles"),
                    "SLO files are not named relative to the content folder",
                    "name them inside the content folder, such as slos/*.yaml");
            sloFiles = List.of();
        }
        List<Settings.Cause> causes = causes(y);
        y.finish();
        return new Settings(
                title != null ? title : d.title(),
                organisation,
                baseUrl,
                zone != null ? zone : d.timezone(),
                asOf,
                horizon != null ? horizon : d.rotaHorizonWeeks(),
                contacts != null ? contacts : d.showContactDetails(),
                List.copyOf(sections),
                Map.copyOf(checks),
                waivers,
                levels,
                exclude,
                sourceUrl,
                foreignKeys,
                layouts,
                alertRules,
                alertSeverities,
                List.copyOf(catalog),
                List.copyOf(sloFiles),
                causes);
    }

    /** {@code causes:}: the incident causes the handbook counts, each an id with an optional name and description. */
    private static List<Settings.Cause> causes(YamlMap y) {
        List<Settings.Cause> out = new ArrayList<>();
        Map<String, Pos> seen = new LinkedHashMap<>();
        for (YamlMap c : y.maps("causes")) {
            c.require("id");
            String id = c.string("id");
            String name = c.string("name");
            String description = c.string("description");
            c.finish();
            if (id == null) {
                continue;
            }
            if (!Ids.valid(id)) {
                c.error(Rules.INVALID_ID, c.pos("id"), "cause " + Ids.problem(id), "use '" + Ids.suggest(id) + "'");
            } else if (seen.containsKey(id)) {
                c.error(
                        Rules.DUPLICATE_ID,
                        c.pos("id"),
                        "cause '" + id + "' is already defined at " + seen.get(id),
                        "remove one of them, or give it another id");
            } else {
                seen.put(id, c.pos("id"));
                out.add(new Settings.Cause(id, name != null ? name : id, description, c.pos()));
            }
        }
        return List.copyOf(out);
    }

    private static java.util.Optional<Settings.AlertRules> alertRules(YamlMap y) {
        y.require("files");
        String files = y.string("files");
        Ref service = y.ref("service");
        String label = y.string("serviceLabel");
        y.finish();
        if (files == null) {
            return java.util.Optional.empty();
        }
        if (files.startsWith("/") || files.contains("\\") || files.matches("(?i)[a-z]:.*")) {
            y.error(
                    Rules.UNSAFE_PATH,
                    y.pos("files"),
                    "rule files '" + files + "' are named by an absolute path",
                    "name them relative to the content folder, such as monitoring/*.rules.yaml or"
                            + " ../deploy/prometheus/*.yaml inside the repository");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Settings.AlertRules(files, service, label, y.pos()));
    }

    /** {@code alertSeverities:}: a rule's severity label (in lower case) → a severity id, or null (does not page). */
    private static Map<String, String> alertSeverities(YamlMap m) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String label : m.keys()) {
            String id = m.scalarAt(label);
            boolean none = id == null || id.isEmpty() || id.equals("~") || id.equals("null") || id.equals("none");
            out.put(label.toLowerCase(java.util.Locale.ROOT), none ? null : id);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    static ZoneId zone(YamlMap y, String key) {
        String tz = y.string(key);
        y.expect(key, SchemaPatterns.zone());
        if (tz == null) {
            return null;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            String near = DidYouMean.closestZone(tz);
            y.schema(
                    key,
                    "'" + key + "' is not an IANA time zone: '" + tz + "'" + DidYouMean.mention(near),
                    DidYouMean.changeTo(near, "use a zone such as Europe/London, America/New_York or UTC"));
            return null;
        }
    }

    private static void readChecks(YamlMap c, Map<String, Settings.RuleSetting> checks) {
        c.keyNames(Rules.COMPLETENESS);
        for (String rule : c.keys()) {
            Pos at = c.keyPos(rule);
            if (!c.probing() && !Rules.isKnown(rule)) { // a probe's one key stands for every rule
                unknownRule(c, rule, rule);
                continue;
            }
            if (Rules.isStructural(rule)) {
                c.schema(
                        rule,
                        "'" + rule + "' is a structural rule: it is always an error and cannot be configured",
                        "remove '" + rule + "' from checks:");
                continue;
            }
            String severity = c.scalarAt(rule);
            c.expect(rule, SchemaPatterns.oneOf(SEVERITY_SETTINGS));
            Integer maxAge = null;
            Integer maxHours = null;
            dev.opsbook.model.Dur per = null;
            Integer max = null;
            Integer minDays = null;
            dev.opsbook.model.Dur window = null;
            dev.opsbook.model.Dur maxLeadTime = null;
            if (c.isMapping(rule)) {
                YamlMap m = c.map(rule).orElseThrow();
                severity = m.oneOf("severity", SEVERITY_SETTINGS);
                maxAge = m.integer("maxAgeDays", 1, 3650);
                if (maxAge != null && !rule.equals("runbook-stale") && !rule.equals(HandoffSettings.CHANGE_SAFETY)) {
                    m.schema(
                            "maxAgeDays",
                            "'maxAgeDays' only applies to runbook-stale and " + HandoffSettings.CHANGE_SAFETY,
                            "remove it here");
                    maxAge = null;
                }
                maxHours = m.integer("maxHours", 1, 100_000);
                per = m.duration("per");
                max = m.integer("max", 0, 100_000);
                minDays = m.integer("minDays", 0, 3650);
                window = m.duration("window");
                m.expect("window", SchemaPatterns.WHOLE_DAYS);
                maxLeadTime = m.duration("maxLeadTime");
                if (max != null && !HandoffSettings.MAX.contains(rule)) {
                    m.schema(
                            "max", "'max' only applies to " + String.join(", ", HandoffSettings.MAX), "remove it here");
                    max = null;
                }
                if (minDays != null && !rule.equals(HandoffSettings.PRODUCTION_TIME)) {
                    m.schema(
                            "minDays",
                            "'minDays' only applies to " + HandoffSettings.PRODUCTION_TIME,
                            "remove it here");
                    minDays = null;
                }
                if (window != null && !HandoffSettings.WINDOW.contains(rule)) {
                    m.schema(
                            "window",
                            "'window' only applies to " + String.join(", ", HandoffSettings.WINDOW),
                            "remove it here");
                    window = null;
                } else if (window != null && (window.seconds() != 0 || window.days() < 1)) {
                    m.schema(
                            "window",
                            "'window' is a number of whole days or weeks, such as 90d or 13w; found '" + window + "'",
                            null);
                    window = null;
                }
                if (maxLeadTime != null && !rule.equals(HandoffSettings.CHANGE_SAFETY)) {
                    m.schema(
                            "maxLeadTime",
                            "'maxLeadTime' only applies to " + HandoffSettings.CHANGE_SAFETY,
                            "remove it here");
                    maxLeadTime = null;
                }
                if ((maxHours != null || per != null) && !rule.equals("rota-oncall-limit")) {
                    m.schema(
                            maxHours != null ? "maxHours" : "per",
                            "'maxHours' and 'per' only apply to rota-oncall-limit",
                            "remove it here");
                    maxHours = null;
                    per = null;
                } else if (per != null && (per.seconds() != 0 || per.days() < 1)) {
                    m.schema(
                            "per",
                            "'per' is a number of whole days or weeks, such as 1w or 28d; found '" + per + "'",
                            null);
                    per = null;
                }
                m.finish();
            } else if (severity == null || !SEVERITY_SETTINGS.contains(severity)) {
                c.schema(
                        rule,
                        "'" + rule + "' must be off, info, warning or error (or a mapping with severity:), found '"
                                + severity + "'",
                        null);
                continue;
            }
            checks.put(
                    rule,
                    new Settings.RuleSetting(
                            rule, severity, maxAge, maxHours, per, at, max, minDays, window, maxLeadTime));
        }
    }

    /** A rule id that is not one, at {@code key} of {@code y}: with the near miss, or where the ids are. */
    static void unknownRule(YamlMap y, String key, String rule) {
        String near = nearRule(rule);
        y.schema(
                key,
                "unknown rule '" + rule + "'" + DidYouMean.mention(near),
                DidYouMean.changeTo(near, "use a rule id listed in checks.md, such as runbook-stale"));
    }

    private static Settings.Waiver waiver(YamlMap w) {
        w.require("rule", "service", "reason", "expires");
        Ref rule = w.ref("rule");
        w.expect("rule", SchemaPatterns.oneOf(Rules.COMPLETENESS));
        if (rule != null && !Rules.isKnown(rule.id())) {
            unknownRule(w, "rule", rule.id());
            rule = null;
        } else if (rule != null && Rules.isStructural(rule.id())) {
            w.schema(
                    "rule", "'" + rule.id() + "' is a structural rule and cannot be waived", "fix the content instead");
            rule = null;
        }
        Ref service = w.ref("service");
        String reason = w.string("reason");
        Ref approvedBy = w.ref("approvedBy");
        var expires = w.date("expires");
        w.finish();
        return new Settings.Waiver(rule, service, reason, approvedBy, expires, w.pos());
    }

    private static void readLevels(YamlMap l, Map<String, List<String>> levels) {
        for (String level : l.keys()) {
            List<String> rules = l.strings(level);
            l.expectItems(level, SchemaPatterns.oneOf(Rules.COMPLETENESS));
            for (String r : rules) {
                if (!Rules.COMPLETENESS.contains(r)) {
                    l.schema(level, "level '" + level + "' names '" + r + "', which is not a completeness rule", null);
                }
            }
            levels.put(
                    level, rules.stream().filter(Rules.COMPLETENESS::contains).toList());
        }
    }

    /** The rule id closest to a misspelt one, or null. */
    static String nearRule(String rule) {
        return DidYouMean.closest(
                rule,
                Stream.concat(Rules.STRUCTURAL.stream(), Rules.COMPLETENESS.stream())
                        .toList());
    }

    /** The required runbook sections, each once: a heading listed twice is a slip (one of them was meant to be another). */
    private static List<String> sections(YamlMap y) {
        List<String> out = new ArrayList<>();
        List<Node> items = y.sequence("runbookSections");
        y.expectItems("runbookSections", SchemaPatterns.TEXT);
        for (Node n : items) {
            String text = n instanceof ScalarNode s ? s.getValue().strip() : "";
            if (text.isEmpty()) {
                y.schema(n, "each item of 'runbookSections' must be text, found " + YamlMap.describe(n), null);
            } else if (out.stream().anyMatch(t -> t.equalsIgnoreCase(text))) {
                y.schema(
                        n,
                        "section '" + text + "' is listed twice in 'runbookSections'",
                        "remove one, or name the section it was meant to be");
            } else {
                out.add(text);
            }
        }
        return out;
    }
}
