package dev.opsbook.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code opsbook.yaml}: the handbook's settings, with defaults applied.
 *
 * @param baseUrl the address the site is served from, ending in {@code /} (the loader adds it), or null
 */
public record Settings(
        String title,
        String organisation,
        String baseUrl,
        ZoneId timezone,
        LocalDate asOf,
        int rotaHorizonWeeks,
        boolean showContactDetails,
        List<String> runbookSections,
        Map<String, RuleSetting> checks,
        List<Waiver> waivers,
        Map<String, List<String>> levels,
        List<String> exclude,
        String sourceUrl,
        List<String> foreignKeys,
        List<Layout> layouts,
        List<AlertRules> alertRules,
        Map<String, String> alertSeverities,
        List<String> catalog,
        List<String> sloFiles,
        List<Cause> causes) {

    public static final String DEFAULT_TITLE = "Operations Handbook";
    public static final List<String> DEFAULT_RUNBOOK_SECTIONS =
            List.of("Symptoms", "Impact", "Diagnosis", "Mitigation", "Escalation");

    public static Settings defaults() {
        return new Settings(
                DEFAULT_TITLE,
                null,
                null,
                ZoneId.of("UTC"),
                null,
                12,
                true,
                DEFAULT_RUNBOOK_SECTIONS,
                Map.of(),
                List.of(),
                Map.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                List.of());
    }

    /**
     * One of the handbook's incident causes ({@code causes:}): what an incident's {@code cause:} names, so that
     * the causes that recur can be counted across services.
     */
    public record Cause(String id, String name, String description, Pos pos) {}

    /** The cause {@code id}, if the handbook defines it. */
    public java.util.Optional<Cause> cause(String id) {
        return causes.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Prometheus rule files outside service folders ({@code alertRules:}): {@code files} is a glob relative
     * to the content folder; the service of each alert is {@code service} when given, else the value of
     * its rule's label {@code serviceLabel}, else the service of the runbook its {@code runbook_url} leads to.
     */
    public record AlertRules(String files, Ref service, String serviceLabel, Pos pos) {}

    /**
     * A repository's own layout ({@code layouts:}): which files are which service's runbooks, read where
     * they are. {@code runbooks} is a path pattern relative to the content folder with {@code {service}} as
     * one folder and {@code {runbook}.md} as the file ({@code {service}/{runbook}.md},
     * {@code alerts/{service}/{runbook}.md}); {@code owner} is the team of a service that has no
     * {@code services/<id>/service.yaml}; {@code addresses}, when given, is a further address of each
     * runbook's page, as alert rules' {@code runbook_url} already link to them
     * ({@code runbooks/{service}/{runbook:lower}/}), published as a redirect.
     */
    public record Layout(String runbooks, Ref owner, String addresses, Pos pos) {}

    /** A per-rule override from {@code checks:}; {@code severity} is off, info, warning or error. */
    /**
     * The setting of a completeness rule in {@code checks:}; {@code maxAgeDays} is runbook-stale's,
     * {@code maxHours} and {@code per} rota-oncall-limit's (the most hours on duty a person may have in any block
     * of {@code per} from the as-of date).
     */
    /*
     * The hand-off rules' thresholds: {@code max} (the most incidents in the window, or the most services
     * depended on), {@code minDays} (the fewest days in production), {@code window} (how far back incidents
     * count) and {@code maxLeadTime} (the longest lead time for a change); null where not written.
     */
    public record RuleSetting(
            String rule,
            String severity,
            Integer maxAgeDays,
            Integer maxHours,
            Dur per,
            Pos pos,
            Integer max,
            Integer minDays,
            Dur window,
            Dur maxLeadTime) {
        /** The block rota-oncall-limit counts {@code maxHours} in when {@code per} is not written: a week. */
        public static final Dur DEFAULT_PER = new Dur(7, 0, "1w");

        public RuleSetting(String rule, String severity, Integer maxAgeDays, Integer maxHours, Dur per, Pos pos) {
            this(rule, severity, maxAgeDays, maxHours, per, pos, null, null, null, null);
        }

        public RuleSetting(String rule, String severity, Integer maxAgeDays, Pos pos) {
            this(rule, severity, maxAgeDays, null, null, pos);
        }

        /** {@code per}, or a week. */
        public Dur perOrDefault() {
            return per != null ? per : DEFAULT_PER;
        }
    }

    /** A waiver of a completeness rule for one service (or {@code *}) until {@code expires}. */
    public record Waiver(Ref rule, Ref service, String reason, Ref approvedBy, LocalDate expires, Pos pos) {
        /** True when the waiver still applies on {@code asOf} (it is valid through its expiry day). */
        public boolean activeOn(LocalDate asOf) {
            return expires != null && !expires.isBefore(asOf);
        }
    }
}
