package dev.opsbook.render;

import dev.opsbook.check.Handoff;
import dev.opsbook.check.Levels;
import dev.opsbook.check.RuleResult;
import dev.opsbook.check.ServiceAssessment;
import dev.opsbook.check.Status;
import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.link.ContentLinks;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.link.SitePaths;
import dev.opsbook.link.SitePlan;
import dev.opsbook.model.Action;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Incident;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Review;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.render.Views.*;
import dev.opsbook.report.Changes;
import dev.opsbook.report.ReportData;
import dev.opsbook.report.RuleCatalog;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Builds the views of the readiness report, the changes page and the actions page. */
final class ReportViews implements PageFamily {
    private final Handbook hb;
    private final ContentLinks links;
    private final ReportData data;

    ReportViews(Handbook hb, ContentLinks links, ReportData data) {
        this.hb = hb;
        this.links = links;
        this.data = data;
    }

    @Override
    public Set<SitePlan.Kind> kinds() {
        return EnumSet.of(
                SitePlan.Kind.READINESS,
                SitePlan.Kind.AUDIT,
                SitePlan.Kind.CHANGES,
                SitePlan.Kind.ACTIONS,
                SitePlan.Kind.OPERATIONS);
    }

    @Override
    public Rendered view(SitePlan.Page page) {
        String from = page.path();
        return switch (page.kind()) {
            case READINESS -> new Rendered("readiness.ftlh", readiness(from));
            case AUDIT -> new Rendered("audit.ftlh", audit(from));
            case CHANGES -> new Rendered(
                    "changes.ftlh",
                    List.of(new LinkView("Readiness report", SitePaths.relative(from, SitePaths.READINESS))),
                    changes(from),
                    null);
            case ACTIONS -> new Rendered("actions.ftlh", actions(from));
            case OPERATIONS -> new Rendered("operations.ftlh", OperationsViews.view(hb, data, from));
            default -> throw new IllegalArgumentException(page.kind().toString());
        };
    }

    static String symbol(Status s) {
        return switch (s) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case WAIVED -> "⚑";
            case OFF -> "○";
            case NOT_APPLICABLE -> "–";
        };
    }

    /** Where a finding is: a link to the source line (with sourceUrl) or to the page the file becomes. */
    LinkView location(Finding f, String from) {
        String text = f.pos().toString();
        String base = hb.settings().sourceUrl();
        if (base != null) {
            return new LinkView(
                    text,
                    base
                            + (base.endsWith("/") ? "" : "/")
                            + f.pos().file()
                            + (f.pos().hasLine() ? "#L" + f.pos().line() : ""));
        }
        return links.pageOf(f.pos().file())
                .or(() -> Optional.ofNullable(ContentPaths.serviceOf(f.pos().file()))
                        .flatMap(hb::service)
                        .map(s -> SitePaths.service(s.id())))
                .map(p -> new LinkView(text, SitePaths.relative(from, p)))
                .orElse(LinkView.plain(text));
    }

    FailureView failure(Finding f, String from) {
        LinkView service = f.service() == null
                ? null
                : hb.service(f.service())
                        .map(s -> new LinkView(s.name(), SitePaths.relative(from, SitePaths.service(s.id()))))
                        .orElse(LinkView.plain(f.service()));
        return new FailureView(service, f.rule(), f.level().id(), location(f, from), f.message(), f.hint());
    }

    /** A rule's description in this handbook's words: "the two most severe levels (SEV1, SEV2)". */
    private String described(String description) {
        String top = "the two most severe levels";
        if (!description.contains(top) || hb.severities().isEmpty()) {
            return description;
        }
        String ids =
                hb.severities().stream().limit(2).map(x -> x.id()).collect(java.util.stream.Collectors.joining(", "));
        return description.replace(top, top + " (" + ids + ")");
    }

    LevelView level(ServiceAssessment a, String from) {
        List<FailureView> blocking = new ArrayList<>();
        for (String rule : a.blocking()) {
            a.result(rule).ifPresent(r -> r.findings().forEach(f -> blocking.add(failure(f, from))));
        }
        Handoff h = a.handoff();
        return new LevelView(
                a.level(),
                a.nextLevel(),
                blocking,
                h.verdict().id(),
                h.line(),
                h.holds().stream()
                        .filter(r -> r.rule().startsWith("handoff-") || h.verdict() == Handoff.Verdict.HAND_BACK)
                        .map(r -> r.rule() + ": " + Handoff.message(r))
                        .toList());
    }

    /** By page folder (its links are relative): the readiness page and the audit document share one. */
    private final Map<String, ReadinessView> readiness = new java.util.concurrent.ConcurrentHashMap<>();

    ReadinessView readiness(String from) {
        return readiness.computeIfAbsent(OnCallViews.folderOf(from), k -> newReadiness(from));
    }

    private ReadinessView newReadiness(String from) {
        var assessment = data.assessment();
        List<Count> levels = new ArrayList<>();
        List<String> levelNames = new ArrayList<>(assessment.levels().keySet());
        levelNames.add(0, Levels.NONE);
        for (String l : levelNames) {
            levels.add(new Count(
                    l,
                    assessment.services().stream()
                            .filter(s -> s.level().equals(l))
                            .count()));
        }
        List<Count> severities = List.of(
                new Count("error", data.count(Level.ERROR)),
                new Count("warning", data.count(Level.WARNING)),
                new Count("info", data.count(Level.INFO)));
        // the matrix's columns are the rules every service was judged on, in the order of its results
        List<RuleHead> rules = assessment.services().isEmpty()
                ? RuleCatalog.DESCRIPTIONS.entrySet().stream()
                        .map(e -> new RuleHead(e.getKey(), described(e.getValue())))
                        .toList()
                : assessment.services().get(0).results().stream()
                        .map(r -> new RuleHead(r.rule(), described(RuleCatalog.DESCRIPTIONS.get(r.rule()))))
                        .toList();
        List<ReadinessRow> rows = new ArrayList<>();
        List<Fact> notApplicable = new ArrayList<>();
        for (ServiceAssessment a : assessment.services()) {
            Service s = a.service();
            List<Cell> cells = new ArrayList<>();
            for (RuleResult r : a.results()) {
                String title =
                        switch (r.status()) {
                            case FAIL -> r.severity().id() + ": "
                                    + r.findings().get(0).message();
                            case WAIVED -> "waived: " + r.waiver().reason() + " (until "
                                    + r.waiver().expires() + ")";
                            case NOT_APPLICABLE, OFF -> r.reason();
                            default -> "passes";
                        };
                cells.add(new Cell(
                        r.rule(),
                        r.status().id(),
                        symbol(r.status()),
                        r.severity() == null ? null : r.severity().id(),
                        title));
                if (r.status() == Status.NOT_APPLICABLE) {
                    notApplicable.add(new Fact(s.id() + " · " + r.rule(), r.reason() + r.terms(), null));
                }
            }
            rows.add(new ReadinessRow(
                    s.id(),
                    new LinkView(s.name(), SitePaths.relative(from, SitePaths.service(s.id()))),
                    s.owner() == null ? "" : s.owner().id(),
                    s.owner() == null
                            ? "—"
                            : hb.team(s.owner().id())
                                    .map(t -> t.name())
                                    .orElse(s.owner().id()),
                    s.tier() == null ? "—" : String.valueOf(s.tier()),
                    a.level(),
                    cells));
        }
        List<FailureView> general = new ArrayList<>();
        Map<String, List<FailureView>> byService = new LinkedHashMap<>();
        assessment.services().forEach(a -> byService.put(a.service().id(), new ArrayList<>()));
        for (Finding f : data.findings()) {
            if (f.service() == null || !byService.containsKey(f.service())) {
                general.add(failure(f, from));
            } else {
                byService.get(f.service()).add(failure(f, from));
            }
        }
        List<ServiceFailures> grouped = new ArrayList<>();
        for (ServiceAssessment a : assessment.services()) {
            List<FailureView> of = byService.get(a.service().id());
            List<Hold> held = new ArrayList<>();
            for (String rule : a.blocking()) {
                a.result(rule).filter(r -> !r.findings().isEmpty()).ifPresent(r -> {
                    Finding f = r.findings().get(0);
                    held.add(new Hold(
                            rule, r.severity() == null ? null : r.severity().id(), f.message(), location(f, from)));
                });
            }
            if (!of.isEmpty() || !held.isEmpty()) {
                grouped.add(new ServiceFailures(
                        new LinkView(
                                a.service().name(),
                                SitePaths.relative(
                                        from, SitePaths.service(a.service().id()))),
                        a.level(),
                        a.nextLevel(),
                        held,
                        of));
            }
        }
        List<LevelRules> levelRules = new ArrayList<>();
        assessment.levels().forEach((level, of) -> levelRules.add(new LevelRules(level, of)));
        List<WaiverView> waivers = new ArrayList<>();
        for (Settings.Waiver w : hb.settings().waivers()) {
            if (w.rule() == null || w.service() == null) {
                continue;
            }
            waivers.add(new WaiverView(
                    w.service().id(),
                    w.rule().id(),
                    w.reason(),
                    w.approvedBy() == null ? null : personLink(w.approvedBy().id(), from),
                    Objects.toString(w.expires(), "—"),
                    w.expires() != null && !w.expires().isBefore(data.asOf())));
        }
        List<String> teams = rows.stream()
                .map(ReadinessRow::team)
                .filter(t -> !t.isEmpty())
                .distinct()
                .sorted()
                .toList();
        List<String> tiers =
                rows.stream().map(ReadinessRow::tier).distinct().sorted().toList();
        return new ReadinessView(
                data.asOf().toString(),
                data.contentDigest(),
                data.generator(),
                levels,
                severities,
                levelRules,
                rules,
                rows,
                grouped,
                general,
                waivers,
                notApplicable,
                teams,
                tiers,
                levelNames,
                List.of("pass", "fail", "waived", "off", "not-applicable"),
                data.changes() != null);
    }

    /** The audit document's style, inline so that the file stands alone; and its hash for the page's CSP. */
    private static final String AUDIT_CSS = auditCss();

    private static final String AUDIT_CSS_HASH =
            "sha256-" + java.util.Base64.getEncoder().encodeToString(sha256(AUDIT_CSS));

    private static String auditCss() {
        try (var in = ReportViews.class.getResourceAsStream("/dev/opsbook/templates/audit.css")) {
            if (in == null) {
                throw new IllegalStateException("audit.css is missing from the templates");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "com.example:payments:1.4.0 (sha256:…)", or null for a service of the handbook's own folder. */
    private static String part(dev.opsbook.part.PartInfo p) {
        return p == null ? null : p.label() + " (" + p.digest() + ")";
    }

    AuditView audit(String from) {
        ReadinessView report = readiness(from);
        List<AuditService> services = new ArrayList<>();
        for (ServiceAssessment a : data.assessment().services()) {
            Service s = a.service();
            List<Verdict> verdicts = new ArrayList<>();
            for (RuleResult r : a.results()) {
                String evidence;
                String where = null;
                switch (r.status()) {
                    case FAIL -> {
                        Finding f = r.findings().get(0);
                        evidence = f.message()
                                + (r.findings().size() > 1
                                        ? " (and " + (r.findings().size() - 1) + " more)"
                                        : "")
                                + (r.hint() != null ? ". What to do: " + r.hint() : "");
                        where = f.pos().toString();
                    }
                    case WAIVED -> evidence =
                            r.why() + "; it finds: " + r.findings().get(0).message();
                    case PASS -> evidence = "passes";
                    default -> evidence = r.why();
                }
                verdicts.add(new Verdict(
                        r.rule(),
                        r.status().id(),
                        symbol(r.status()),
                        r.severity() == null || r.status() != Status.FAIL
                                ? null
                                : r.severity().id(),
                        evidence,
                        where));
            }
            services.add(new AuditService(
                    s.id(),
                    s.name(),
                    s.owner() == null ? "—" : s.owner().id(),
                    s.tier() == null ? "—" : String.valueOf(s.tier()),
                    a.level(),
                    a.nextLevel(),
                    verdicts,
                    part(data.partOf(s.id()))));
        }
        return new AuditView(
                report,
                hb.settings().title(),
                hb.settings().organisation(),
                data.sourceCommit(),
                services,
                AUDIT_CSS,
                AUDIT_CSS_HASH,
                data.parts().stream()
                        .map(p -> new Views.PartView(
                                p.label(),
                                p.file(),
                                p.digest(),
                                p.opsbook(),
                                p.services().isEmpty() ? "none" : String.join(", ", p.services()),
                                p.refused()))
                        .toList());
    }

    private LinkView personLink(String id, String from) {
        return hb.person(id)
                .map(p -> new LinkView(
                        p.name(),
                        SitePaths.relative(from, SitePaths.team(p.team()) + "#" + SitePaths.personAnchor(p.id()))))
                .orElse(LinkView.plain(id));
    }

    ActionsView actions(String from) {
        record Open(Action action, Service service, LinkView source) {}
        List<Open> open = new ArrayList<>();
        for (Service s : hb.services()) {
            for (Review r : s.reviews()) {
                LinkView src = new LinkView(
                        "Review: " + r.title(),
                        SitePaths.relative(from, SitePaths.review(s.id(), r.id()) + "#actions"));
                r.actions().stream().filter(Action::isOpen).forEach(a -> open.add(new Open(a, s, src)));
            }
            for (Incident i : s.incidents()) {
                LinkView src = new LinkView(
                        "Incident: " + i.title(),
                        SitePaths.relative(from, SitePaths.incident(s.id(), i.id()) + "#incident-actions-h"));
                i.actions().stream().filter(Action::isOpen).forEach(a -> open.add(new Open(a, s, src)));
            }
        }
        Comparator<Open> order = Comparator.comparing((Open o) -> !o.action.overdueOn(data.asOf()))
                .thenComparing(o -> o.action.due() == null ? LocalDate.MAX : o.action.due())
                .thenComparing(o -> o.service.id())
                .thenComparing(o -> o.action.description());
        List<ActionRow> rows = open.stream()
                .sorted(order)
                .map(o -> {
                    boolean overdue = o.action.overdueOn(data.asOf());
                    long days = o.action.due() == null ? 0 : ChronoUnit.DAYS.between(o.action.due(), data.asOf());
                    String lateness = o.action.due() == null
                            ? "no due date"
                            : overdue
                                    ? days + (days == 1 ? " day" : " days") + " overdue"
                                    : days == 0 ? "due today" : "due in " + -days + (days == -1 ? " day" : " days");
                    return new ActionRow(
                            o.action.description(),
                            o.action.owner() == null
                                    ? null
                                    : personLink(o.action.owner().id(), from),
                            Objects.toString(o.action.due(), "—"),
                            o.action.status(),
                            overdue,
                            lateness,
                            o.source,
                            new LinkView(
                                    o.service.name(), SitePaths.relative(from, SitePaths.service(o.service.id()))));
                })
                .toList();
        return new ActionsView(
                data.asOf().toString(),
                rows,
                rows.stream().filter(ActionRow::overdue).count());
    }

    ChangesView changes(String from) {
        Changes c = data.changes();
        return new ChangesView(
                Objects.toString(c.baselineAsOf(), "unknown"),
                data.asOf().toString(),
                c.added().stream().map(k -> keyView(k, from)).toList(),
                c.removed().stream().map(k -> keyView(k, from)).toList(),
                c.moves().stream().map(Changes.LevelMove::toString).toList());
    }

    private FailureView keyView(Changes.FindingKey k, String from) {
        Level level =
                switch (k.severity()) {
                    case "error" -> Level.ERROR;
                    case "warning" -> Level.WARNING;
                    default -> Level.INFO;
                };
        return failure(
                new Finding(k.rule(), level, k.service(), new Pos(k.file(), k.line(), k.column()), k.message(), null),
                from);
    }
}
