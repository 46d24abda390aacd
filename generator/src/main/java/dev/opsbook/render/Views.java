package dev.opsbook.render;

import java.util.List;

/** The records that templates see. Every {@code href} is relative to the page being rendered. */
public final class Views {
    private Views() {}

    /** A link, or plain text when {@code href} is null. */
    public record LinkView(String text, String href) {
        public static LinkView plain(String text) {
            return new LinkView(text, null);
        }
    }

    /** What every page has: titles, navigation, breadcrumbs and the way back to the root. */
    /**
     * The frame of a page. {@code base} is the site's address (baseUrl) on the 404 page, which a web
     * server sends for a missing address at any depth, and null on every other page.
     */
    public record PageView(
            String title,
            String handbookTitle,
            String organisation,
            String root,
            String path,
            List<NavItem> nav,
            List<LinkView> crumbs,
            String generator,
            String onCallData,
            String base,
            String redirect,
            String asOf) {}

    /** An entry of the main navigation; {@code current} when the page is in its section. */
    public record NavItem(String text, String href, boolean current) {}

    public record Fact(String label, String value, LinkView link) {}

    public record ServiceRow(
            String id,
            LinkView service,
            String tier,
            LinkView owner,
            String team,
            String lifecycle,
            String supportModel,
            String supportHours,
            String description,
            String level,
            OnCallBox onCall) {}

    public record HomeView(
            List<ServiceRow> services,
            List<LinkView> teams,
            List<SeverityRow> severities,
            List<String> teamIds,
            List<String> tiers,
            List<String> levels,
            List<GuideRow> guides) {}

    public record SeverityRow(
            String id,
            String anchor,
            String name,
            String description,
            List<String> criteria,
            String acknowledge,
            String firstUpdate,
            String updateEvery,
            String resolveTarget,
            String channel,
            String audience,
            String outOfHours,
            boolean majorIncident,
            List<SlaCell> slas) {}

    public record SlaCell(LinkView subject, String acknowledge, String resolve) {}

    /** {@code guides} is the link to the guides (how an incident is run), or null when there are none. */
    public record SeveritiesView(List<SeverityRow> severities, List<LinkView> services, LinkView guides) {}

    public record PersonView(
            String id,
            String anchor,
            String name,
            String email,
            String phone,
            String dial,
            String timezone,
            List<LinkView> rotas,
            LinkView calendar) {}

    public record TeamView(
            String id,
            String name,
            String email,
            String chat,
            List<PersonView> members,
            List<ServiceRow> services,
            List<OnCallBox> onCall,
            long outOfHoursIncidents90d) {}

    public record TeamsView(List<TeamView> teams) {}

    public record SloView(
            String id,
            String anchor,
            String description,
            String sli,
            String objective,
            String window,
            String errorBudget,
            List<LinkView> alerts,
            String verdict) {}

    public record SlaView(
            String availability,
            String period,
            String allowedDowntime,
            String convention,
            String supportHours,
            List<SlaCell> responseTimes,
            List<String> customers) {}

    public record AlertView(
            String name, String anchor, LinkView severity, LinkView runbook, LinkView slo, List<String> sources) {}

    public record RotaView(
            String timezone,
            String start,
            String rotation,
            String coverage,
            String businessHours,
            List<LinkView> leads,
            List<LinkView> engineers,
            List<OverrideView> overrides,
            List<EscalationView> escalation,
            String outOfHours,
            List<LinkView> shadows,
            List<LayerView> layers,
            List<HolidayView> holidays,
            String shared,
            List<LinkView> sharedWith) {}

    /** One layer of a rota: its name, hours in its own zone, rotation and people. */
    public record LayerView(
            String name,
            String timezone,
            String hours,
            String rotation,
            String start,
            List<LinkView> leads,
            List<LinkView> engineers,
            List<LinkView> shadows) {}

    /** A holiday of a rota (or of one of its layers): who covers it, or that the layer is off. */
    public record HolidayView(String date, String name, String layer, LinkView lead, LinkView engineer) {}

    public record OverrideView(String role, LinkView person, String from, String to, String reason) {}

    /** A step of escalation: after how long unacknowledged, whom, and their number (one tap) when shown. */
    public record EscalationView(String after, LinkView contact, String phone, String dial) {
        public EscalationView(String after, LinkView contact) {
            this(after, contact, null, null);
        }
    }

    public record RunbookRow(LinkView runbook, String summary, LinkView severity, String lastReviewed) {}

    public record DatedRow(LinkView link, String date, String detail, LinkView severity) {}

    public record ServiceView(
            String id,
            String name,
            String description,
            List<Fact> facts,
            List<LinkView> dependsOn,
            List<LinkView> usedBy,
            List<LinkView> links,
            List<Fact> telemetry,
            SlaView sla,
            List<SloView> slos,
            List<AlertView> alerts,
            RotaView rota,
            List<RunbookRow> runbooks,
            List<DatedRow> reviews,
            List<DatedRow> incidents,
            List<GuideRow> documents,
            List<Fact> readiness,
            List<Fact> notApplicable,
            LevelView level,
            OnCallBox onCall,
            String source) {}

    /** A heading in a table of contents: a level-2 heading with the level-3 headings under it. */
    public record TocEntry(int level, String text, String anchor, List<TocEntry> children) {}

    /** A guide's page; {@code source} is its content file. */
    public record GuideView(String title, String summary, List<TocEntry> toc, String bodyHtml, String source) {}

    /** A guide in a list: a link to it, and what it is about. */
    public record GuideRow(LinkView link, String summary) {}

    public record GuidesView(List<GuideRow> guides) {}

    public record AlertRef(String name, LinkView alert, LinkView severity, List<RuleView> rules) {}

    /**
     * One alerting rule of an alert, as its rule file has it: the severity label and the level it maps to,
     * how long it must hold ({@code for}), its expression, its other labels, and where it is written.
     */
    public record RuleView(
            String severity, LinkView level, String duration, String expr, String labels, String source) {
        static RuleView of(dev.opsbook.model.AlertRule r, LinkView level) {
            String labels = r.labels().entrySet().stream()
                    .filter(e -> !e.getKey().equals("severity"))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(", "));
            return new RuleView(
                    r.severityLabel(),
                    level,
                    r.duration(),
                    r.expr().strip(),
                    labels,
                    r.pos().file() + ":" + r.pos().line());
        }
    }

    /**
     * @param onCallHtml the on-call box already rendered (by the {@code oncall} macro of layout.ftlh): the
     *                   same for every runbook of a service, so it is rendered once for all of them
     * @param outOfHoursRoute what to do outside the rota's covered hours at the runbook's severity (its
     *                   out-of-hours policy), or null when the rota covers every hour or there is none
     */
    public record RunbookView(
            String title,
            String summary,
            LinkView service,
            OnCallBox onCall,
            String onCallHtml,
            String outOfHoursRoute,
            List<Fact> facts,
            List<AlertRef> alerts,
            List<String> tags,
            List<TocEntry> toc,
            String bodyHtml,
            LinkView previous,
            LinkView next,
            String source) {}

    public record AnswerView(String question, String answer, String notes) {}

    public record ActionView(String description, LinkView owner, String due, String status) {}

    public record ReviewView(
            String title,
            LinkView service,
            List<Fact> facts,
            List<LinkView> participants,
            List<AnswerView> answers,
            List<String> enablerStories,
            List<ActionView> actions,
            String source) {}

    public record IncidentView(
            String title,
            LinkView service,
            List<Fact> facts,
            List<LinkView> services,
            List<ActionView> actions,
            List<TocEntry> toc,
            String bodyHtml,
            String source) {}

    // ---- readiness, actions and changes

    /** A failing (or waived) rule with where and what to do. */
    public record FailureView(
            LinkView service, String rule, String severity, LinkView location, String message, String hint) {}

    public record Count(String label, long count) {}

    public record RuleHead(String id, String description) {}

    /** One service × rule cell: status text and a symbol, never colour alone. */
    public record Cell(String rule, String status, String symbol, String severity, String title) {}

    public record ReadinessRow(
            String id, LinkView service, String team, String teamName, String tier, String level, List<Cell> cells) {}

    public record WaiverView(
            String service, String rule, String reason, LinkView approvedBy, String expires, boolean active) {}

    /**
     * A service's level, and its hand-off verdict ({@code handoff} its id: ready, held, hand-back or kept;
     * {@code handoffLine} the one line that says it and what holds it).
     */
    public record LevelView(
            String level,
            String nextLevel,
            List<FailureView> blocking,
            String handoff,
            String handoffLine,
            List<String> handoffHolds) {}

    // ---- the operations page

    /** A bar of a chart: where it is drawn (in the chart's own units), its fill, and what it stands for. */
    public record Bar(int x, int y, int width, int height, String fill, String title) {}

    /** A label of a chart's axis. */
    public record Tick(int x, int y, String text, String anchor) {}

    /** A chart drawn at build time as inline SVG: its size, bars, labels and a legend. */
    public record Chart(int width, int height, String label, List<Bar> bars, List<Tick> ticks, List<Bar> legend) {}

    /** A row of figures: the cells of one month, service or the whole handbook. */
    public record FigureRow(LinkView name, List<String> cells, boolean flagged) {}

    /** A cause, ranked. */
    public record CauseRow(String name, String description, int incidents, String share, List<LinkView> services) {}

    /** A service's hand-off verdict with what holds it. */
    public record HandoffRow(LinkView service, String supportModel, String verdict, String line, List<String> holds) {}

    public record OperationsView(
            String from,
            String to,
            String zone,
            List<String> severities,
            Chart monthsChart,
            List<String> monthColumns,
            List<FigureRow> months,
            List<Fact> total,
            Chart causesChart,
            List<CauseRow> causes,
            int withoutCause,
            List<String> serviceColumns,
            List<FigureRow> services,
            List<String> monthNames,
            List<FigureRow> serviceMonths,
            List<HandoffRow> handoffs) {}

    /** One service's failures, printed on a page of their own. */
    /**
     * A service's failures on the readiness page, and what holds it at its level: the rules of the next level
     * that do not pass ({@code heldBy}, each with why), printed or not (a follow-on of another finding).
     */
    public record ServiceFailures(
            LinkView service, String level, String nextLevel, List<Hold> heldBy, List<FailureView> failures) {}

    /** A rule that keeps a service from its next level, and why (the first of its findings, with its place). */
    public record Hold(String rule, String severity, String message, LinkView location) {}

    /**
     * The audit document: the readiness report with every verdict and its evidence, and its style inline
     * ({@code css}, allowed by its hash in the page's own Content-Security-Policy).
     */
    public record AuditView(
            ReadinessView report,
            String handbook,
            String organisation,
            String sourceCommit,
            List<AuditService> services,
            String css,
            String cssHash,
            List<PartView> parts) {}

    /**
     * A part merged into the handbook, in the audit document: the artifact (and version) it came from, its file,
     * its digest, the services it gave, or why it was refused.
     */
    public record PartView(
            String artifact, String file, String digest, String opsbook, String services, String refused) {}

    /**
     * One service in the audit document: its level, every rule's verdict with its evidence, and the part it came
     * from ({@code part}: artifact and digest; null: the handbook's own folder).
     */
    public record AuditService(
            String id,
            String name,
            String team,
            String tier,
            String level,
            String nextLevel,
            List<Verdict> verdicts,
            String part) {}

    /** A rule's verdict for one service: the status, and what it rests on (a finding and its place, a waiver …). */
    public record Verdict(String rule, String status, String symbol, String severity, String evidence, String where) {}

    /** A readiness level and the rules it adds to the levels below. */
    public record LevelRules(String level, List<String> rules) {}

    public record ReadinessView(
            String asOf,
            String contentDigest,
            String generator,
            List<Count> levels,
            List<Count> severities,
            List<LevelRules> levelRules,
            List<RuleHead> rules,
            List<ReadinessRow> rows,
            List<ServiceFailures> failures,
            List<FailureView> handbookFindings,
            List<WaiverView> waivers,
            List<Fact> notApplicable,
            List<String> teams,
            List<String> tiers,
            List<String> levelNames,
            List<String> statuses,
            boolean hasChanges) {}

    public record ActionRow(
            String description,
            LinkView owner,
            String due,
            String status,
            boolean overdue,
            String lateness,
            LinkView source,
            LinkView service) {}

    public record ActionsView(String asOf, List<ActionRow> actions, long overdue) {}

    public record ChangesView(
            String baselineAsOf, String asOf, List<FailureView> added, List<FailureView> removed, List<String> moves) {}

    // ---- on call

    /** Who holds a role: as of the build (the page's script updates it to the reader's clock). */
    /** {@code dial} is {@code phone} as a {@code tel:} address dials it. */
    public record DutyView(
            String role, String roleLabel, String person, LinkView name, String phone, String dial, String email) {}

    /** A row of the shifts table; {@code layer}, {@code shadow} and {@code holiday} may be null. */
    public record ShiftRow(
            String from,
            String to,
            LinkView lead,
            LinkView engineer,
            boolean override,
            String layer,
            LinkView shadow,
            String holiday) {}

    /** One service's on-call box: now, whom to escalate to, and the shifts to come. */
    public record OnCallBox(
            String service,
            LinkView serviceLink,
            String timezone,
            String coverage,
            String asOfLabel,
            DutyView lead,
            DutyView engineer,
            List<EscalationView> escalation,
            List<ShiftRow> upcoming,
            boolean coveredNow,
            String problem,
            LinkView owner,
            DutyView shadow,
            boolean layered,
            boolean shadowed) {
        /**
         * The box of a service whose rota is there but could not be read: it says so where the box would be, with
         * the place of the error, and whom to turn to instead (the owning team).
         */
        static OnCallBox unreadable(
                String service,
                LinkView serviceLink,
                String asOfLabel,
                List<EscalationView> escalation,
                String problem,
                LinkView owner) {
            return new OnCallBox(
                    service,
                    serviceLink,
                    "",
                    "",
                    asOfLabel,
                    null,
                    null,
                    escalation,
                    List.of(),
                    false,
                    problem,
                    owner,
                    null,
                    false,
                    false);
        }
    }

    /** One person's hours in one period: on duty (Lead or Engineer), of it at night, at weekends, on holidays; as Shadow. */
    public record HoursView(String onDuty, String nights, String weekends, String holidays, String shadow) {}

    /** A row of the hours page: a person, their team, the last 90 days and the horizon ahead, the rotas. */
    public record HoursRow(LinkView person, String team, HoursView past, HoursView ahead, String rotas) {}

    public record OnCallHoursView(
            String pastFrom,
            String pastTo,
            String aheadFrom,
            String aheadTo,
            String zone,
            List<HoursRow> rows,
            String limit,
            List<String> excess) {}

    /**
     * The on-call page: a box per service, and the shifts of each rota once ({@code shifts}: a shared rota's table
     * is titled with every service it serves).
     */
    public record OnCallView(
            String asOfLabel,
            String horizon,
            List<OnCallBox> services,
            List<LinkView> withoutRota,
            List<ShiftTable> shifts) {}

    /** The shifts of one rota, titled with the services it serves. */
    public record ShiftTable(String title, OnCallBox box) {}
}
