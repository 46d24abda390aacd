package dev.opsbook.check.rules;

import dev.opsbook.check.CheckContext;
import dev.opsbook.check.Failure;
import dev.opsbook.check.History;
import dev.opsbook.finding.Rule;
import dev.opsbook.model.Service;
import java.util.List;

/** {@code handoff-out-of-hours}: more incidents that started out of hours in the window than the limit. */
public final class HandoffOutOfHoursCheck extends BaseCheck {
    public HandoffOutOfHoursCheck() {
        super(Rule.HANDOFF_OUT_OF_HOURS);
    }

    @Override
    public void check(Service s, CheckContext ctx, List<Failure> out) {
        var setting = ctx.setting(id());
        int window = History.windowDays(setting);
        int max = setting.map(x -> x.max()).orElse(History.DEFAULT_MAX_OUT_OF_HOURS);
        List<History.Occurrence> ooh = History.of(s, ctx.handbook()).stream()
                .filter(o -> o.outOfHours() && History.within(o, ctx.asOf(), window))
                .toList();
        if (ooh.size() > max) {
            History.Occurrence last = ooh.get(ooh.size() - 1);
            out.add(Failure.at(
                    last.incident().pos(),
                    "'" + s.id() + "' had " + ooh.size() + " incidents that started out of hours in the " + window
                            + " days to " + ctx.asOf() + " (more than " + max + "): "
                            + String.join(
                                    ", ",
                                    ooh.stream().map(o -> o.incident().id()).toList()),
                    HandoffMajorIncidentsCheck.fixHint(s, "out-of-hours incidents", max, window)));
        }
    }

    @Override
    public boolean readsServiceFile() {
        return false;
    }
}
