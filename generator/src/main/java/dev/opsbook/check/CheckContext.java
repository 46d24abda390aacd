package dev.opsbook.check;

import dev.opsbook.link.ContentPaths;
import dev.opsbook.load.RuleAlerts;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.rota.OnCallHours;
import dev.opsbook.rota.RotaSchedule;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the rules judge against: the handbook, the as-of date and the rotas expanded once. */
public final class CheckContext {
    private final Handbook handbook;
    private final LocalDate asOf;
    private final Map<String, Optional<RotaSchedule>> schedules = new ConcurrentHashMap<>();

    public CheckContext(Handbook handbook, LocalDate asOf) {
        this.handbook = handbook;
        this.asOf = asOf;
    }

    public Handbook handbook() {
        return handbook;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /**
     * The service's rota expanded to the horizon; empty without a usable rota (no start, bad zone). A rota
     * shared by several services is expanded once.
     */
    public Optional<RotaSchedule> schedule(Service s) {
        if (s.rota() == null) {
            return Optional.empty();
        }
        return schedules.computeIfAbsent(ContentPaths.rotaFile(s), id -> {
            Rota r = s.rota();
            if (!RotaSchedule.expandable(r)) {
                return Optional.empty();
            }
            return RotaSchedule.zone(r, handbook.settings().timezone())
                    .map(z ->
                            RotaSchedule.expand(r, z, asOf, handbook.settings().rotaHorizonWeeks()));
        });
    }

    /**
     * Every rota of the handbook once (a shared one once, labelled with each service that names it), expanded
     * from {@code from} to the horizon: what the on-call hours are counted from.
     */
    public List<OnCallHours.Source> hoursSources(LocalDate from) {
        Map<String, List<Service>> byFile = new java.util.LinkedHashMap<>();
        for (Service s : handbook.services()) {
            if (s.rota() != null && RotaSchedule.expandable(s.rota())) {
                byFile.computeIfAbsent(ContentPaths.rotaFile(s), k -> new java.util.ArrayList<>())
                        .add(s);
            }
        }
        List<OnCallHours.Source> out = new java.util.ArrayList<>();
        byFile.values().forEach(services -> {
            Rota r = services.get(0).rota();
            RotaSchedule.zone(r, handbook.settings().timezone())
                    .ifPresent(z -> out.add(new OnCallHours.Source(
                            r,
                            from.equals(asOf)
                                    ? schedule(services.get(0)).orElseThrow()
                                    : RotaSchedule.expand(
                                            r,
                                            z,
                                            from,
                                            asOf.plusWeeks(handbook.settings().rotaHorizonWeeks())),
                            services.stream().map(Service::name).collect(java.util.stream.Collectors.joining(", ")))));
        });
        return out;
    }

    private volatile List<OnCallHours.Excess> excess;

    /** Who is on duty past the limit of rota-oncall-limit, block by block over the horizon (empty: no limit set). */
    public List<OnCallHours.Excess> onCallExcess() {
        List<OnCallHours.Excess> e = excess;
        if (e == null) {
            var set = setting(dev.opsbook.finding.Rule.ROTA_ONCALL_LIMIT.id());
            if (set.isEmpty() || set.get().maxHours() == null) {
                e = List.of();
            } else {
                java.time.ZoneId zone = handbook.settings().timezone();
                java.time.Period per =
                        java.time.Period.ofDays(set.get().perOrDefault().days());
                e = OnCallHours.over(
                        hoursSources(asOf),
                        asOf.atStartOfDay(zone),
                        asOf.plusWeeks(handbook.settings().rotaHorizonWeeks()).atStartOfDay(zone),
                        java.time.Duration.ofHours(set.get().maxHours()),
                        per);
            }
            excess = e;
        }
        return e;
    }

    private volatile RuleAlerts ruleAlerts;

    /** Where alerting rules' runbook annotations lead: worked out once for the handbook, for every service. */
    public RuleAlerts ruleAlerts() {
        RuleAlerts r = ruleAlerts;
        if (r == null) {
            r = new RuleAlerts(handbook.settings(), handbook.severities(), handbook.services());
            ruleAlerts = r;
        }
        return r;
    }

    /** The setting of {@code rule} in opsbook.yaml, if any. */
    public Optional<Settings.RuleSetting> setting(String rule) {
        return Optional.ofNullable(handbook.settings().checks().get(rule));
    }
}
