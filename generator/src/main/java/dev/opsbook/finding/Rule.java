package dev.opsbook.finding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every rule of the contract (checks.md), in its order: the structural rules, then the completeness
 * rules. The one list of rule ids: the rules take their id, description and default severity from here,
 * the report's rule catalogue (SARIF, the readiness page) is made from it, and a test ties it to the
 * readiness levels and to docs/checks.md. Ids are stable: users name them in content.
 */
public enum Rule {
    YAML_SYNTAX("yaml-syntax", Kind.STRUCTURAL, Level.ERROR, "YAML or front matter that does not parse"),
    SCHEMA(
            "schema",
            Kind.STRUCTURAL,
            Level.ERROR,
            "Unknown key, wrong type, missing required key, bad enum value, bad date or duration"),
    INVALID_ID(
            "invalid-id",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A file or folder name that is not a valid id, or an id key that differs from its file name"),
    DUPLICATE_ID(
            "duplicate-id",
            Kind.STRUCTURAL,
            Level.ERROR,
            "Two people with one id; two alerts or SLOs with one name in a service"),
    BROKEN_REFERENCE(
            "broken-reference",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A team, person, service, runbook, severity, alert, SLO, review or incident that does not exist"),
    UNSAFE_PATH(
            "unsafe-path",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A link or name that would leave the content or site folder, or take a path the site generates"),
    UNSAFE_CONTENT(
            "unsafe-content",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A content file that would run script in a browser (HTML, JavaScript, SVG or XML with script)"),
    CATALOG_CONFLICT(
            "catalog-conflict",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A fact of a service (owner, lifecycle, tier …) that service.yaml and its Backstage catalog entity"
                    + " write differently"),
    PART_REFUSED(
            "part-refused",
            Kind.STRUCTURAL,
            Level.ERROR,
            "A part (an opsbook zip) that is not one, is damaged or changed, or would write outside its folder"
                    + " (../ entries, links): nothing of it is used"),
    SERVICE_DESCRIPTION("service-description", Kind.COMPLETENESS, Level.WARNING, "A service without a description"),
    SLA_PRESENT(
            "sla-present", Kind.COMPLETENESS, null, "A service without an SLA (sla.yaml); an error for tier 1 and 2"),
    SLA_COVERS_SEVERITIES(
            "sla-covers-severities",
            Kind.COMPLETENESS,
            Level.ERROR,
            "An SLA without response times for every severity"),
    SLO_PRESENT("slo-present", Kind.COMPLETENESS, null, "A service without an SLO; an error for tier 1 and 2"),
    SLO_STRICTER_THAN_SLA(
            "slo-stricter-than-sla",
            Kind.COMPLETENESS,
            Level.ERROR,
            "An availability SLO objective below the SLA availability"),
    SLO_ALERTED("slo-alerted", Kind.COMPLETENESS, Level.WARNING, "An SLO that no alert protects"),
    ALERT_HAS_RUNBOOK("alert-has-runbook", Kind.COMPLETENESS, Level.ERROR, "An alert without a runbook"),
    ALERT_RULE_RUNBOOK(
            "alert-rule-runbook",
            Kind.COMPLETENESS,
            Level.ERROR,
            "An alerting rule whose runbook_url does not lead to its runbook's page on this site"),
    RUNBOOK_SECTIONS(
            "runbook-sections",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A runbook lacking a required section (runbookSections)"),
    RUNBOOK_STALE(
            "runbook-stale",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A runbook whose lastReviewed is missing or older than maxAgeDays (default 180)"),
    RUNBOOK_ORPHAN("runbook-orphan", Kind.COMPLETENESS, Level.INFO, "A runbook that no alert leads to"),
    ROTA_PRESENT(
            "rota-present",
            Kind.COMPLETENESS,
            null,
            "A service without a support rota (rota.yaml); an error for 24x7 and tier 1 services"),
    ROTA_DISTINCT_ROLES(
            "rota-distinct-roles",
            Kind.COMPLETENESS,
            Level.ERROR,
            "The same person is Support Lead and Support Engineer at the same time (overrides included)"),
    ROTA_COVERAGE_GAP(
            "rota-coverage-gap",
            Kind.COMPLETENESS,
            Level.ERROR,
            "Covered time within the horizon with no Support Lead or no Support Engineer"),
    ROTA_MIN_MEMBERS("rota-min-members", Kind.COMPLETENESS, Level.WARNING, "Fewer than 2 people in a role"),
    ROTA_ESCALATION("rota-escalation", Kind.COMPLETENESS, Level.WARNING, "A rota with no escalation step"),
    ROTA_UNKNOWN_TIMEZONE(
            "rota-unknown-timezone", Kind.COMPLETENESS, Level.ERROR, "A rota time zone that is not an IANA zone"),
    ROTA_PAGING_UNCOVERED(
            "rota-paging-uncovered",
            Kind.COMPLETENESS,
            Level.WARNING,
            "An alert of a paging severity on a service whose rota leaves hours uncovered, with no out-of-hours"
                    + " on-call"),
    ROTA_NO_PHONE(
            "rota-no-phone",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A person who can be on duty for a 24x7 or tier 1 service without a phone number"),
    ROTA_ESCALATION_UNREACHABLE(
            "rota-escalation-unreachable",
            Kind.COMPLETENESS,
            Level.WARNING,
            "An escalation step whose contact has no phone and no email (a team: none of its people has)"),
    ROTA_ONCALL_LIMIT(
            "rota-oncall-limit",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A person on duty for longer than the limit set in opsbook.yaml (maxHours per block), across every rota"),
    TELEMETRY_DASHBOARDS("telemetry-dashboards", Kind.COMPLETENESS, Level.WARNING, "A service without a dashboard"),
    TELEMETRY_STRUCTURED_LOGS(
            "telemetry-structured-logs", Kind.COMPLETENESS, Level.WARNING, "Logs missing or not structured"),
    TELEMETRY_TRACING("telemetry-tracing", Kind.COMPLETENESS, Level.INFO, "Tracing not enabled"),
    READINESS_LOAD_TEST(
            "readiness-load-test", Kind.COMPLETENESS, Level.WARNING, "No load test, or one older than 365 days"),
    READINESS_GAME_DAY("readiness-game-day", Kind.COMPLETENESS, Level.INFO, "No game day, or one older than 365 days"),
    READINESS_BACKUP_RESTORE(
            "readiness-backup-restore",
            Kind.COMPLETENESS,
            Level.WARNING,
            "No restore test, or one older than 365 days"),
    READINESS_ROLLBACK(
            "readiness-rollback", Kind.COMPLETENESS, Level.WARNING, "No rollback strategy, or one never tested"),
    READINESS_DEPLOYMENT("readiness-deployment", Kind.COMPLETENESS, Level.WARNING, "Deployment not automated"),
    REVIEW_PRESENT(
            "review-present", Kind.COMPLETENESS, Level.INFO, "A production service with no operational support review"),
    REVIEW_TOO_LATE(
            "review-too-late",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A review held on or after the day the story was committed"),
    REVIEW_UNANSWERED(
            "review-unanswered", Kind.COMPLETENESS, Level.ERROR, "One of the five review questions without an answer"),
    REVIEW_NO_AUTOMATED_VALIDATION(
            "review-no-automated-validation",
            Kind.COMPLETENESS,
            Level.WARNING,
            "automatedValidation: no, so continuous delivery is not possible"),
    REVIEW_ACTIONS_MISSING(
            "review-actions-missing", Kind.COMPLETENESS, Level.ERROR, "Outcome approved-with-actions with no action"),
    ACTION_OVERDUE(
            "action-overdue",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A review or incident action still open after its due date"),
    INCIDENT_ACTIONS_MISSING(
            "incident-actions-missing",
            Kind.COMPLETENESS,
            Level.WARNING,
            "An incident of the two most severe levels with no action"),
    HANDOFF_PRODUCTION_TIME(
            "handoff-production-time",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A service not yet in production for the minimum time (minDays, default 180) before operations takes it over"),
    HANDOFF_OUT_OF_HOURS(
            "handoff-out-of-hours",
            Kind.COMPLETENESS,
            Level.WARNING,
            "More incidents that started out of hours in the recent window (window, default 90d) than the limit"
                    + " (max, default 2)"),
    HANDOFF_MAJOR_INCIDENTS(
            "handoff-major-incidents",
            Kind.COMPLETENESS,
            Level.WARNING,
            "More incidents of the two most severe levels in the recent window (window, default 90d) than the limit"
                    + " (max, default 1)"),
    HANDOFF_OPEN_ACTIONS(
            "handoff-open-actions",
            Kind.COMPLETENESS,
            Level.WARNING,
            "An action of an incident of the two most severe levels still open after its due date"),
    HANDOFF_TELEMETRY(
            "handoff-telemetry",
            Kind.COMPLETENESS,
            Level.WARNING,
            "Telemetry coverage incomplete: dashboards, structured logs and tracing are not all there"),
    HANDOFF_CHANGE_SAFETY(
            "handoff-change-safety",
            Kind.COMPLETENESS,
            Level.WARNING,
            "Changes not safe: deployment not automated, rollback not tested in maxAgeDays (365), or lead time"
                    + " missing or longer than maxLeadTime (1d)"),
    HANDOFF_COUPLING(
            "handoff-coupling",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A service that depends on more services than the limit (max, default 5), or on a cycle of dependencies"
                    + " through itself"),
    WAIVER_EXPIRED(
            "waiver-expired",
            Kind.COMPLETENESS,
            Level.WARNING,
            "A waiver or not-applicable mark past its expiry (the rule applies again)"),
    CONTENT_SECRET(
            "content-secret",
            Kind.COMPLETENESS,
            Level.ERROR,
            "What looks like a credential in content: private key blocks, cloud access keys, tokens"),
    MARKDOWN_OFFLINE(
            "markdown-offline",
            Kind.COMPLETENESS,
            Level.WARNING,
            "Markdown a reader will not see as meant: a remote image, or a Hugo shortcode opsbook does not render");

    /** Structural rules are always errors; completeness rules are judged per service. */
    public enum Kind {
        STRUCTURAL,
        COMPLETENESS
    }

    private final String id;
    private final Kind kind;
    private final Level level;
    private final String description;

    Rule(String id, Kind kind, Level level, String description) {
        this.id = id;
        this.kind = kind;
        this.level = level;
        this.description = description;
    }

    /** The id, as content and reports write it ({@code rota-present}). */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The default severity, or null for a rule whose severity depends on the service (its tier, its hours). */
    public Level level() {
        return level;
    }

    /** What the rule finds, in one line. */
    public String description() {
        return description;
    }

    /** The rule of an id, if there is one. */
    public static Optional<Rule> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** The ids of the rules of one kind, in the contract's order. */
    public static List<String> ids(Kind kind) {
        return Arrays.stream(values()).filter(r -> r.kind == kind).map(Rule::id).toList();
    }
}
