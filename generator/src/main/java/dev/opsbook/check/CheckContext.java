package dev.opsbook.check;

import dev.opsbook.link.ContentPaths;
import dev.opsbook.load.RuleAlerts;
import dev.opsbook.model.Handbook;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.model.Settings;
import dev.opsbook.rota.RotaSchedule;
import java.time.LocalDate;
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
