package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.finding.Rule;
import dev.opsbook.link.ContentPaths;
import dev.opsbook.model.Rota;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code rota-coverage-gap}: Covered time within the horizon with no Support Lead or no Support Engineer. */
public final class RotaCoverageGapCheck extends BaseCheck {
    public RotaCoverageGapCheck() {
        super(Rule.ROTA_COVERAGE_GAP);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        Rota r = s.rota();
        if (r == null) {
            return;
        }
        for (Rota.Role role : Rota.Role.values()) {
            if (role.people(r).isEmpty()) {
                out.add(Failure.at(
                        r.keys().at(role.id()),
                        "the rota names no " + role.label() + ": all covered time is a gap",
                        "add `" + role.id() + ": [<person>, <person>]` to " + ContentPaths.rota(s.id())));
            }
        }
        ctx.schedule(s).ifPresent(schedule -> {
            if (r.lead().isEmpty() || r.engineer().isEmpty()) {
                return;
            }
            // covered time before the rota's first handoff has nobody on duty
            schedule.coverage().stream()
                    .filter(c -> c.from().isBefore(schedule.rotaStart()))
                    .findFirst()
                    .ifPresent(first -> out.add(Failure.at(
                            r.keys().at("start"),
                            "nobody is on duty from "
                                    + RotaDistinctRolesCheck.LOCAL.format(first.from()) + " until the rota starts at "
                                    + RotaDistinctRolesCheck.LOCAL.format(schedule.rotaStart()),
                            "move `start:` of " + ContentPaths.rota(s.id())
                                    + " back to the first handoff that happened")));
        });
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
