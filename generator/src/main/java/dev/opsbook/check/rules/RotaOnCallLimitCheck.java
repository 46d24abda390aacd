package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Ref;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import dev.opsbook.rota.OnCallHours;
import dev.opsbook.rota.RotaSchedule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code rota-oncall-limit}: someone this service's rota puts on duty (as Support Lead or Engineer) for longer,
 * over all the rotas they are on, than {@code checks: rota-oncall-limit: { maxHours: 200, per: 4w }} allows in a
 * block of the horizon (blocks run from the as-of date). Without a limit there is nothing to judge: it passes.
 */
public final class RotaOnCallLimitCheck extends BaseCheck {
    public RotaOnCallLimitCheck() {
        super(Rule.ROTA_ONCALL_LIMIT);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        Optional<RotaSchedule> schedule = ctx.schedule(s);
        if (r == null || schedule.isEmpty()) {
            return;
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (Rota.Role role : Rota.Role.ON_DUTY) {
            r.everyone(role).forEach(p -> named.add(p.id()));
        }
        for (OnCallHours.Excess e : ctx.onCallExcess()) {
            if (!named.contains(e.person())) {
                continue; // not on this rota: its blocks are not counted again for every other service
            }
            // only where this rota has a part in it: the person is on duty here within the block
            OnCallHours.Tally mine = OnCallHours.tally(
                            List.of(new OnCallHours.Source(r, schedule.get(), s.name())), e.from(), e.to(), p -> null)
                    .get(e.person());
            Duration here = mine == null ? Duration.ZERO : mine.onDuty();
            if (here.isZero()) {
                continue;
            }
            Ref at = r.everyone(Rota.Role.LEAD).stream()
                    .filter(p -> p.id().equals(e.person()))
                    .findFirst()
                    .or(() -> r.everyone(Rota.Role.ENGINEER).stream()
                            .filter(p -> p.id().equals(e.person()))
                            .findFirst())
                    .orElse(null);
            String name = ctx.handbook()
                    .person(e.person())
                    .map(p -> p.name() + " (" + e.person() + ")")
                    .orElse(e.person());
            out.add(Failure.at(
                    at != null ? at.pos() : r.pos(),
                    name + " is on duty " + OnCallHours.hours(e.onDuty()) + " h from "
                            + e.from().toLocalDate() + " to "
                            + e.to().toLocalDate() + " over every rota (" + OnCallHours.hours(here) + " h for '"
                            + s.id()
                            + "'), more than the limit of " + OnCallHours.hours(e.limit()) + " h",
                    "share the duty with more people in " + ContentPaths.rotaFile(s)
                            + ", or hand some shifts over with overrides"));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }

    @Override
    public List<Input> inputs() {
        return ROTA_SCHEDULE;
    }
}
