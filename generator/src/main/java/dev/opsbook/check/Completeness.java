package dev.opsbook.check;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.finding.Rules;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Keys;
import dev.opsbook.model.Pos;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.parallel.Parallel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Runs every completeness rule on every service and applies opsbook.yaml: severity settings
 * ({@code checks:}), waivers (a waiver past its expiry no longer applies) and a service's
 * {@code notApplicable} marks. All rules run; nothing stops at the first failure.
 */
public final class Completeness {
    private final List<CompletenessCheck> checks;

    public Completeness(List<CompletenessCheck> checks) {
        this.checks = checks;
    }

    /**
     * Judges the services on {@code threads} threads; the assessment is the same for any number (its
     * findings come in rule order, then service order).
     */
    public Assessment run(CheckContext ctx, int threads) {
        return run(ctx, threads, List.of());
    }

    /**
     * Judges the services as {@link #run(CheckContext, int)} does, each with the structural rules first: a
     * structural rule fails for a service when {@code structural} (the findings of loading and of the
     * reference check) holds one of its findings about that service. Every report lists the same rules.
     */
    public Assessment run(CheckContext ctx, int threads, List<Finding> structural) {
        Map<String, Map<String, List<Finding>>> structuralOf = new HashMap<>();
        for (Finding f : structural) {
            if (f.service() != null && Rules.isStructural(f.rule())) {
                structuralOf
                        .computeIfAbsent(f.service(), k -> new HashMap<>())
                        .computeIfAbsent(f.rule(), k -> new ArrayList<>())
                        .add(f);
            }
        }
        Settings settings = ctx.handbook().settings();
        Map<String, List<String>> levels = settings.levels().isEmpty() ? Levels.DEFAULT : settings.levels();
        List<Service> all = ctx.handbook().services();
        // rules that look at the handbook as a whole first, then every rule for every service
        List<Map<String, List<Failure>>> handbookFailuresOf = new ArrayList<>();
        List<List<Finding>> generalOf = new ArrayList<>();
        for (CompletenessCheck check : checks) {
            Optional<Settings.RuleSetting> setting = ctx.setting(check.id());
            List<Failure> handbookFailures = new ArrayList<>();
            if (!off(setting)) {
                check.checkHandbook(ctx, handbookFailures);
            }
            Map<String, List<Failure>> byService = new HashMap<>();
            List<Finding> general = new ArrayList<>();
            for (Failure f : handbookFailures) {
                if (f.service() != null) {
                    byService
                            .computeIfAbsent(f.service(), k -> new ArrayList<>())
                            .add(f);
                } else if (waiver(ctx, check.id(), "*").isEmpty()) {
                    general.add(finding(check, level(setting, check.defaultLevel(null)), null, f));
                }
            }
            handbookFailuresOf.add(byService);
            generalOf.add(general);
        }
        List<List<Judged>> judged;
        try {
            judged = Parallel.map(all, threads, s -> {
                List<Judged> row = new ArrayList<>(checks.size());
                Map<String, List<Finding>> own = structuralOf.getOrDefault(s.id(), Map.of());
                for (String rule : Rules.STRUCTURAL) {
                    row.add(new Judged(structuralResult(rule, own.getOrDefault(rule, List.of())), List.of()));
                }
                for (int i = 0; i < checks.size(); i++) {
                    CompletenessCheck check = checks.get(i);
                    Optional<Settings.RuleSetting> setting = ctx.setting(check.id());
                    List<Finding> found = new ArrayList<>();
                    RuleResult r = judge(
                            check,
                            s,
                            ctx,
                            setting,
                            off(setting),
                            handbookFailuresOf.get(i).getOrDefault(s.id(), List.of()),
                            found);
                    row.add(new Judged(r, found));
                }
                return row;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // judging reads no file
        }
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            findings.addAll(generalOf.get(i));
            for (List<Judged> row : judged) {
                findings.addAll(row.get(Rules.STRUCTURAL.size() + i).findings());
            }
        }
        List<ServiceAssessment> services = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            List<RuleResult> results =
                    judged.get(k).stream().map(Judged::result).toList();
            Levels.Outcome outcome = Levels.of(results, levels);
            services.add(new ServiceAssessment(
                    all.get(k),
                    results,
                    outcome.level(),
                    outcome.next(),
                    outcome.blocking(),
                    Handoff.of(all.get(k), results, levels)));
        }
        return new Assessment(
                List.copyOf(services),
                List.copyOf(findings),
                levels,
                Operations.of(ctx.handbook(), ctx.asOf(), services));
    }

    /** A structural rule for one service: it fails, as an error, with the findings it made about the service. */
    private static RuleResult structuralResult(String rule, List<Finding> found) {
        if (found.isEmpty()) {
            return new RuleResult(rule, Status.PASS, null, null, null, null, List.of());
        }
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Finding.ORDER);
        return new RuleResult(rule, Status.FAIL, Level.ERROR, sorted.get(0).hint(), null, null, List.copyOf(sorted));
    }

    /** A rule's result for one service, and the findings it adds. */
    private record Judged(RuleResult result, List<Finding> findings) {}

    private static boolean off(Optional<Settings.RuleSetting> setting) {
        return setting.map(x -> "off".equals(x.severity())).orElse(false);
    }

    private RuleResult judge(
            CompletenessCheck check,
            Service s,
            CheckContext ctx,
            Optional<Settings.RuleSetting> setting,
            boolean off,
            List<Failure> handbookFailuresOfService,
            List<Finding> findings) {
        if (off) {
            return new RuleResult(check.id(), Status.OFF, null, null, null, "switched off in opsbook.yaml", List.of());
        }
        // a mark past its expiry no longer holds: the rule applies again (and waiver-expired says so)
        Optional<Service.NotApplicable> na = s.notApplicable().stream()
                .filter(n -> n.rule().id().equals(check.id()))
                .filter(n -> n.activeOn(ctx.asOf()))
                .findFirst();
        // a mark whose reason is still the placeholder of a skeleton (`opsbook new`) does not hold: the rule is
        // judged, and its failure points at the placeholder to replace
        Optional<Service.NotApplicable> placeholder = na.filter(n -> dev.opsbook.model.Placeholders.is(n.reason()));
        if (placeholder.isPresent()) {
            na = Optional.empty();
        }
        if (na.isPresent()) {
            // a reason the schema refused is reported there; every report and page still says something
            String reason =
                    na.get().reason() == null ? "no reason given" : na.get().reason();
            return new RuleResult(check.id(), Status.NOT_APPLICABLE, null, null, null, reason, List.of(), na.get());
        }
        // not checked: "has no SLO", "has no dashboard"... would be untrue when what the rule rests on could not
        // be read, and the file's own error finding is the one to act on; the report still says, rule by rule,
        // why it failed
        Failure unread = check.readsServiceFile()
                ? notChecked(new CompletenessCheck.Input(CompletenessCheck.Input.SERVICE, null), s, ctx)
                : null;
        if (unread == null) {
            unread = unread(check.inputs(), s, ctx);
        }
        if (unread != null) {
            Level level = level(setting, check.defaultLevel(s));
            Finding why = finding(check, level, s.id(), unread);
            return new RuleResult(check.id(), Status.FAIL, level, why.hint(), null, null, List.of(why));
        }
        List<Failure> failures = new ArrayList<>();
        check.check(s, ctx, failures);
        failures.addAll(handbookFailuresOfService);
        if (placeholder.isPresent() && !failures.isEmpty()) {
            Service.NotApplicable n = placeholder.get();
            Failure first = failures.get(0);
            failures.set(
                    0,
                    new Failure(
                            n.pos(),
                            first.message() + " (marked not applicable with the placeholder reason of a skeleton)",
                            "replace the " + dev.opsbook.model.Placeholders.MARK + " placeholder reason of this"
                                    + " notApplicable with why the rule does not apply, or " + first.hint()
                                    + " and remove the mark",
                            first.service(),
                            first.followOn()));
        }
        if (failures.isEmpty()) {
            return new RuleResult(check.id(), Status.PASS, null, null, null, null, List.of());
        }
        Level level = level(setting, check.defaultLevel(s));
        List<Finding> own =
                failures.stream().map(f -> finding(check, level, s.id(), f)).toList();
        Optional<Settings.Waiver> waiver = waiver(ctx, check.id(), s.id());
        if (waiver.isPresent()) {
            return new RuleResult(check.id(), Status.WAIVED, level, null, waiver.get(), null, own);
        }
        // a failure that follows from a refused value stays in the report, rule by rule, but is not printed
        // again: one mistake, one finding (the schema one, which says what to write)
        for (int i = 0; i < failures.size(); i++) {
            if (!failures.get(i).followOn()) {
                findings.add(own.get(i));
            }
        }
        return new RuleResult(check.id(), Status.FAIL, level, own.get(0).hint(), null, null, own);
    }

    /**
     * Why {@code check} cannot be judged for {@code s}: the first of its inputs that could not be read as
     * written, as a follow-on failure (the finding that says what to fix is printed already); or null.
     */
    private static Failure unread(List<CompletenessCheck.Input> inputs, Service s, CheckContext ctx) {
        for (CompletenessCheck.Input in : inputs) {
            Failure f = notChecked(in, s, ctx);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /**
     * Why a rule that rests on {@code in} cannot be judged for {@code s}, as a follow-on failure placed at that key
     * (the finding that says what to fix is printed already); null when {@code in} was read as written.
     */
    public static Failure notChecked(CompletenessCheck.Input in, Service s, CheckContext ctx) {
        String path = CompletenessCheck.Input.ROTA.equals(in.file())
                ? ContentPaths.rotaFile(s)
                : ContentPaths.serviceFolder(s.id()) + "/" + in.file();
        if (ctx.handbook().unreadable(path)) {
            return Failure.at(
                            Pos.file(path),
                            "not checked: " + path + " could not be read",
                            "fix the problem reported in " + path)
                    .following(true);
        }
        Keys keys =
                switch (in.file()) {
                    case CompletenessCheck.Input.SERVICE -> s.keys();
                    case CompletenessCheck.Input.SLA -> s.sla() == null
                            ? null
                            : s.sla().keys();
                    case CompletenessCheck.Input.ROTA -> s.rota() == null
                            ? null
                            : s.rota().keys();
                    default -> throw new IllegalArgumentException(in.file());
                };
        if (keys != null && in.key() != null && unread(keys, in.key())) {
            Pos at = keys.at(in.key());
            return Failure.at(
                            at,
                            "not checked: '" + in.key() + "' of " + path + " could not be read as written",
                            "fix the problem reported at " + at)
                    .following(true);
        }
        return null;
    }

    /**
     * Whether {@code key} ({@code telemetry.logs}: a key of a mapping inside) could not be read as written: it
     * was refused, or the mapping it is in was refused as a whole (not a mapping at all, so none of its keys is
     * known). A mapping refused only in part ({@code telemetry:} with a bad tracing URL) leaves its other keys.
     */
    private static boolean unread(Keys keys, String key) {
        if (keys.refused(key)) {
            return true;
        }
        int dot = key.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String parent = key.substring(0, dot);
        return unread(keys, parent) && keys.written().keySet().stream().noneMatch(k -> k.startsWith(parent + "."));
    }

    private static Level level(Optional<Settings.RuleSetting> setting, Level fallback) {
        return setting.map(Settings.RuleSetting::severity)
                .filter(x -> !"off".equals(x))
                .map(x -> Level.valueOf(x.toUpperCase(Locale.ROOT)))
                .orElse(fallback);
    }

    /** The waiver of {@code rule} that applies to {@code service} on the as-of date: its own first, then "*". */
    private static Optional<Settings.Waiver> waiver(CheckContext ctx, String rule, String service) {
        List<Settings.Waiver> active = ctx.handbook().settings().waivers().stream()
                .filter(w ->
                        w.rule() != null && w.service() != null && w.rule().id().equals(rule))
                .filter(w -> w.activeOn(ctx.asOf()))
                .toList();
        return active.stream()
                .filter(w -> w.service().id().equals(service))
                .findFirst()
                .or(() -> active.stream()
                        .filter(w -> w.service().id().equals("*"))
                        .findFirst());
    }

    private static Finding finding(CompletenessCheck check, Level level, String service, Failure f) {
        return new Finding(check.id(), level, service, f.pos(), f.message(), f.hint());
    }
}
