package dev.opsbook.check;

import dev.opsbook.finding.Finding;
import dev.opsbook.finding.Level;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    public Assessment run(CheckContext ctx) {
        Settings settings = ctx.handbook().settings();
        Map<String, List<String>> levels = settings.levels().isEmpty() ? Levels.DEFAULT : settings.levels();
        List<Finding> findings = new ArrayList<>();
        Map<String, List<RuleResult>> perService = new LinkedHashMap<>();
        ctx.handbook().services().forEach(s -> perService.put(s.id(), new ArrayList<>()));

        for (CompletenessCheck check : checks) {
            Optional<Settings.RuleSetting> setting = ctx.setting(check.id());
            boolean off = setting.map(x -> "off".equals(x.severity())).orElse(false);
            List<Failure> handbookFailures = new ArrayList<>();
            if (!off) {
                check.checkHandbook(ctx, handbookFailures);
            }
            for (Failure f : handbookFailures) {
                if (f.service() == null) {
                    Level level = level(setting, check.defaultLevel(null));
                    if (waiver(ctx, check.id(), "*").isEmpty()) {
                        findings.add(finding(check, level, null, f));
                    }
                }
            }
            for (Service s : ctx.handbook().services()) {
                perService.get(s.id()).add(judge(check, s, ctx, setting, off, handbookFailures, findings));
            }
        }
        List<ServiceAssessment> services = new ArrayList<>();
        for (Service s : ctx.handbook().services()) {
            List<RuleResult> results = List.copyOf(perService.get(s.id()));
            Levels.Outcome outcome = Levels.of(results, levels);
            services.add(new ServiceAssessment(s, results, outcome.level(), outcome.next(), outcome.blocking()));
        }
        return new Assessment(List.copyOf(services), List.copyOf(findings), levels);
    }

    private RuleResult judge(CompletenessCheck check, Service s, CheckContext ctx, Optional<Settings.RuleSetting> setting,
                             boolean off, List<Failure> handbookFailures, List<Finding> findings) {
        if (off) {
            return new RuleResult(check.id(), Status.OFF, null, null, null, "switched off in opsbook.yaml", List.of());
        }
        Optional<Service.NotApplicable> na = s.notApplicable().stream()
                .filter(n -> n.rule().id().equals(check.id())).findFirst();
        if (na.isPresent()) {
            return new RuleResult(check.id(), Status.NOT_APPLICABLE, null, null, null, na.get().reason(), List.of());
        }
        List<Failure> failures = new ArrayList<>();
        check.check(s, ctx, failures);
        handbookFailures.stream().filter(f -> s.id().equals(f.service())).forEach(failures::add);
        if (failures.isEmpty()) {
            return new RuleResult(check.id(), Status.PASS, null, null, null, null, List.of());
        }
        Level level = level(setting, check.defaultLevel(s));
        List<Finding> own = failures.stream().map(f -> finding(check, level, s.id(), f)).toList();
        Optional<Settings.Waiver> waiver = waiver(ctx, check.id(), s.id());
        if (waiver.isPresent()) {
            return new RuleResult(check.id(), Status.WAIVED, level, null, waiver.get(), null, own);
        }
        findings.addAll(own);
        return new RuleResult(check.id(), Status.FAIL, level, own.get(0).hint(), null, null, own);
    }

    private static Level level(Optional<Settings.RuleSetting> setting, Level fallback) {
        return setting.map(Settings.RuleSetting::severity).filter(x -> !"off".equals(x))
                .map(x -> Level.valueOf(x.toUpperCase(Locale.ROOT))).orElse(fallback);
    }

    /** The waiver of {@code rule} that applies to {@code service} on the as-of date: its own first, then "*". */
    private static Optional<Settings.Waiver> waiver(CheckContext ctx, String rule, String service) {
        List<Settings.Waiver> active = ctx.handbook().settings().waivers().stream()
                .filter(w -> w.rule() != null && w.service() != null && w.rule().id().equals(rule))
                .filter(w -> dev.opsbook.check.rules.WaiverExpiredCheck.active(w, ctx.asOf())).toList();
        return active.stream().filter(w -> w.service().id().equals(service)).findFirst()
                .or(() -> active.stream().filter(w -> w.service().id().equals("*")).findFirst());
    }

    private static Finding finding(CompletenessCheck check, Level level, String service, Failure f) {
        return new Finding(check.id(), level, service, f.pos(), f.message(), f.hint());
    }
}
